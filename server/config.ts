import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { agencyKinds, fieldKeys, type AgencyRegistry, type ScoringProfile } from '../core/index.ts'

/** The folder of shipped plans, registries and profiles. */
export const templatesDir = fileURLToPath(new URL('../templates/', import.meta.url))

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
  provisional: z.boolean(),
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

const planRow = z.partialRecord(z.enum(fieldKeys), z.string())

export const planSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  province: z.string(),
  year: z.number().int(),
  templateVersion: z.string(),
  source: z.string().optional(),
  title: z.array(z.string()),
  columns: z.array(z.enum(fieldKeys)).min(3),
  progressColumns: z.array(z.enum(fieldKeys)).optional(),
  profile: z.string().optional(),
  rows: z.array(planRow),
})
export type PlanDefinition = z.infer<typeof planSchema>

/** A configuration file that is missing or does not match its schema. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

async function readJson<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new ConfigError(`Không đọc được ${what} ${path}: ${(error as Error).message}`)
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new ConfigError(
      `${what} ${path} không hợp lệ: ${first?.path.join('.')} ${first?.message}`,
    )
  }
  return parsed.data
}

/** Reads and checks a scoring profile JSON. */
export function readProfile(path: string): Promise<ScoringProfile> {
  return readJson(path, profileSchema, 'Thang điểm') as Promise<ScoringProfile>
}

/** Reads and checks an agency registry JSON. */
export function readRegistry(path: string): Promise<AgencyRegistry> {
  return readJson(path, registrySchema, 'Danh mục cơ quan') as Promise<AgencyRegistry>
}

/** Reads and checks a plan definition JSON. */
export function readPlan(path: string): Promise<PlanDefinition> {
  return readJson(path, planSchema, 'Kế hoạch') as Promise<PlanDefinition>
}
