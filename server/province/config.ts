import { readBoundedFile } from '../files.ts'
import { z } from 'zod'
import {
  agencyKinds,
  deadlineKinds,
  fieldKeys,
  issueCodes,
  planChangeKinds,
  rowKinds,
  parseIssuedValue,
  type AgencyRegistry,
  type FieldKey,
  type IssuingDocument,
  type PlanChange,
  type PlanColumn,
  type PlanDoubt,
  type PlanRow,
  type ScoringProfile,
} from '../../core/index.ts'
import { describeProfileProblem, type Lang } from './profile-messages.ts'
import { AppError } from '../errors/index.ts'

const profileItem = z.object({
  maxPoints: z.number().nonnegative(),
  method: z.enum(['self', 'survey']),
  rule: z.enum(['binary', 'proportional', 'tiers']),
  tiers: z.array(z.tuple([z.number(), z.number()])).optional(),
  label: z.string().optional(),
})

export const profileSchema = z.object({
  name: z.string().min(1),
  year: z.number().int(),
  // A profile that does not say otherwise is provisional: the product never claims official points.
  provisional: z.boolean().default(true),
  note: z.string().optional(),
  items: z.record(z.string(), profileItem),
})

export const registrySchema = z.object({
  province: z.string(),
  year: z.number().int(),
  agencies: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string().min(1),
      kind: z.enum(agencyKinds),
      aliases: z.array(z.string()).optional(),
      code: z.string().optional(),
      formerNames: z.array(z.string()).optional(),
      /** Who to call or write to about its reports (the reminder list shows it). */
      contact: z.string().optional(),
    }),
  ),
  groups: z.array(
    z.object({
      name: z.string(),
      aliases: z.array(z.string()).optional(),
      kinds: z.array(z.enum(agencyKinds)),
    }),
  ),
  renames: z.array(z.object({ from: z.string(), to: z.string(), date: z.string() })),
})

const signerSchema = z.object({
  /** "KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC", or empty when the head signs. */
  authority: z.string(),
  /** "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC". */
  title: z.string().min(1),
  /** The signer's full name, or empty to be written by hand. */
  name: z.string(),
})

/**
 * What an official letter of the province's Sở Nội vụ says about itself (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I): the governing and issuing bodies, the place, the number's pattern and the signer.
 */
export const provinceSettingsSchema = z.object({
  province: z.string().min(1),
  /** Địa danh: where the letter is written ("Đắk Lắk"). */
  placeName: z.string().min(1),
  /** Cơ quan chủ quản, as printed ("UBND TỈNH ĐẮK LẮK"). */
  governingBody: z.string(),
  /** Cơ quan ban hành, as printed ("SỞ NỘI VỤ"). */
  issuingBody: z.string().min(1),
  /** The issuing body in running text ("Sở Nội vụ"). */
  issuingBodyName: z.string().min(1),
  /** Số và ký hiệu: "{số}" is left blank for the clerk who registers the letter. */
  documentNumber: z.string().regex(/\{số\}/, 'phải có “{số}”'),
  signer: signerSchema,
  /** Nơi nhận besides the addressees and the archive ("Giám đốc Sở (để báo cáo)"). */
  recipients: z.array(z.string().min(1)),
  /** Lưu: where copies are kept ("VT, CCHC"). */
  archive: z.string().min(1),
})
export type ProvinceSettings = z.infer<typeof provinceSettingsSchema>

const settingsOverrideSchema = provinceSettingsSchema
  .partial()
  .extend({ signer: signerSchema.partial().optional() })

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const fieldTexts = Object.fromEntries(fieldKeys.map((f) => [f, z.string().optional()])) as Record<
  FieldKey,
  z.ZodOptional<z.ZodString>
>

/** How core read a plan row (written by `cchc plan import`; optional in a hand-written plan). */
const rowReading = z.strictObject({
  kind: z.enum(rowKinds),
  section: z.string().nullable(),
  level: z.number().int().min(0),
  deadline: z
    .object({
      kind: z.enum(deadlineKinds),
      due: isoDate.nullable(),
      start: isoDate.optional(),
      inherited: z.literal(true).optional(),
      unread: z.string().optional(),
    })
    .nullable()
    .optional(),
  targets: z
    .array(
      z.object({
        op: z.enum(['>=', '>', '=', 'baseline']),
        value: z.number().nullable(),
        unit: z.enum(['%', 'count', 'points']),
        text: z.string(),
      }),
    )
    .optional(),
  lead: z.array(z.string()).optional(),
  executing: z.array(z.string()).optional(),
  coop: z.array(z.string()).optional(),
})

/** A plan row: the text of each plan column, and (optionally) how it was read. */
const planRow = z.strictObject({ ...fieldTexts, read: rowReading.optional() })

/** A plan column: a field key, or a field with the header text the province uses for it. */
const planColumn = z.union([
  z.enum(fieldKeys),
  z.object({ field: z.enum(fieldKeys), header: z.string().min(1) }),
])

const issuingDocument = z.object({
  kind: z.string().nullable(),
  number: z.string().nullable(),
  date: isoDate.nullable(),
})

const bilingual = z.object({ vi: z.string(), en: z.string() })

/** A doubt the importer listed: the task it concerns and the issue, as core reports it. */
const planDoubt = z.object({
  task: z.string().nullable(),
  issue: z.object({
    code: z.enum(issueCodes),
    severity: z.enum(['error', 'warning', 'info']),
    row: z.number().nullable(),
    column: z.string().nullable(),
    field: z.enum(fieldKeys).nullable(),
    value: z.string().nullable(),
    message: bilingual,
    hint: bilingual,
    fix: z.string().optional(),
  }),
})

/** A change an amendment made, against the version before it. */
const planChange = z.object({
  kind: z.enum(planChangeKinds),
  task: z.string(),
  content: z.string(),
  fields: z.array(z.enum(fieldKeys)).optional(),
  before: z.partialRecord(z.enum(fieldKeys), z.string()).optional(),
})

export const planSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  province: z.string(),
  year: z.number().int(),
  templateVersion: z.string(),
  /** The plan's issue date (yyyy-mm-dd), for deadlines counted from it; written into the template. */
  issued: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => parseIssuedValue(d) !== null, 'ngày không có thật / not a calendar day')
    .optional(),
  source: z.string().optional(),
  /** The document that issued this version: its kind, number and symbol, and date. */
  document: issuingDocument.optional(),
  /** The document this version amends ("sửa đổi, bổ sung Kế hoạch số …"). */
  amends: z.object({ kind: z.string().nullable(), number: z.string() }).nullable().optional(),
  /** The version's number and the day it takes effect (a plan's first version: its year's start). */
  version: z.number().int().min(1).optional(),
  effectiveFrom: isoDate.optional(),
  /** What this version changed against the one before it. */
  changes: z.array(planChange).optional(),
  title: z.array(z.string()),
  columns: z.array(planColumn).min(3),
  progressColumns: z.array(planColumn).optional(),
  profile: z.string().optional(),
  sections: z.array(z.object({ code: z.string(), title: z.string() })).optional(),
  rows: z.array(planRow),
  doubts: z.array(planDoubt).optional(),
})
type PlanColumnSpec = z.infer<typeof planColumn>
/** A plan as its JSON file holds it (columns possibly with their own header texts). */
export type PlanFile = Omit<
  z.infer<typeof planSchema>,
  'rows' | 'doubts' | 'columns' | 'changes' | 'document'
> & {
  columns: PlanColumn[]
  rows: PlanRow[]
  doubts?: PlanDoubt[]
  changes?: PlanChange[]
  document?: IssuingDocument
}

/**
 * A plan definition as the templates and the server use it: `columns` and `progressColumns` as
 * field keys, and `headers` with the header texts the plan's `columns` block gives some fields
 * ({ "field": "deadline", "header": "Thời gian dự kiến hoàn thành" }).
 */
export type PlanDefinition = Omit<PlanFile, 'columns' | 'progressColumns'> & {
  columns: FieldKey[]
  progressColumns?: FieldKey[]
  headers?: Partial<Record<FieldKey, string>>
}

function normalizePlan(plan: PlanFile): PlanDefinition {
  const headers: Partial<Record<FieldKey, string>> = {}
  const read = (c: PlanColumnSpec): FieldKey => {
    if (typeof c === 'string') return c
    headers[c.field] = c.header
    return c.field
  }
  const { progressColumns, ...rest } = plan
  const out: PlanDefinition = { ...rest, columns: plan.columns.map(read), headers }
  if (progressColumns) out.progressColumns = progressColumns.map(read)
  return out
}

/** The file form of a plan definition: columns with their own header texts written out again. */
export function formatPlanFile(plan: PlanDefinition): PlanFile {
  const { headers, progressColumns, ...rest } = plan
  const write = (f: FieldKey): PlanColumn => (headers?.[f] ? { field: f, header: headers[f] } : f)
  const out: PlanFile = { ...rest, columns: plan.columns.map(write) }
  if (progressColumns) out.progressColumns = progressColumns.map(write)
  return out
}

/** Checks a plan definition given as data (an API body, a stored version); throws AppError plan/invalid. */
export function parsePlan(data: unknown, what = 'Kế hoạch'): PlanDefinition {
  const parsed = planSchema.safeParse(data)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new AppError('plan/invalid', `${what}: ${first?.path.join('.')} ${first?.message}`)
  }
  return normalizePlan(parsed.data as PlanFile)
}

async function readJson<T>(
  path: string,
  schema: z.ZodType<T, unknown>,
  what: string,
  describe?: (issue: z.core.$ZodIssue) => string,
): Promise<T> {
  let data: unknown
  try {
    // Bounded like every input: a FIFO or /dev/zero given as --profile is refused, not read forever.
    data = JSON.parse(new TextDecoder().decode(await readBoundedFile(path, 10 * 1024 * 1024)))
  } catch (error) {
    throw new AppError(
      'config/invalid',
      `Không đọc được ${what} ${path}: ${(error as Error).message}`,
    )
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    // Every invalid field is named, one per line, so that one run shows everything to fix.
    if (first && describe)
      throw new AppError(
        'config/invalid',
        [...new Set(parsed.error.issues.map(describe))].join('\n'),
      )
    throw new AppError(
      'config/invalid',
      `${what} ${path} không hợp lệ: ${first?.path.join('.')} ${first?.message}`,
    )
  }
  return parsed.data
}

/**
 * Reads and checks a scoring profile JSON; an invalid field is named with its item, in Vietnamese
 * or English ("Mục 1.4: “tiers” phải là danh sách [tỷ lệ, hệ số]").
 */
export function readProfile(path: string, lang: Lang = 'vi'): Promise<ScoringProfile> {
  return readJson(path, profileSchema, 'Thang điểm', (issue) =>
    describeProfileProblem(path, issue.path, lang),
  ) as Promise<ScoringProfile>
}

/** Reads and checks an agency registry JSON. */
export function readRegistry(path: string): Promise<AgencyRegistry> {
  return readJson(path, registrySchema, 'Danh mục cơ quan') as Promise<AgencyRegistry>
}

/**
 * Reads the province's letter settings (templates/province/*.json) and, when the service is given
 * one (`CCHC_PROVINCE_SETTINGS`), a file whose fields replace them; the result is checked whole.
 */
export async function readProvinceSettings(
  path: string,
  overridePath?: string | null,
): Promise<ProvinceSettings> {
  const base = await readJson(path, provinceSettingsSchema, 'Thông tin văn bản')
  if (!overridePath) return base
  const override = await readJson(overridePath, settingsOverrideSchema, 'Thông tin văn bản')
  const merged = { ...base, ...override, signer: { ...base.signer, ...override.signer } }
  const checked = provinceSettingsSchema.safeParse(merged)
  if (!checked.success)
    throw new AppError(
      'config/invalid',
      `Thông tin văn bản ${overridePath} không hợp lệ: ${checked.error.message}`,
    )
  return checked.data
}

/** Reads and checks a plan definition JSON. */
export async function readPlan(path: string): Promise<PlanDefinition> {
  return normalizePlan((await readJson(path, planSchema, 'Kế hoạch')) as PlanFile)
}
