import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { fieldKeys, formatPeriod, parsePeriod, type IssuingDocument } from '../../../core/index.ts'
import { requireAdmin, resolveAgency, logSecurityEvent } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { runPlanImport } from '../../plans/import-job.ts'
import { runUnitTemplates } from '../../plans/templates.ts'
import { formatPlanFile } from '../../province/config.ts'
import { AppError } from '../../errors/index.ts'

// /api/plans: the plans of the province (any signed-in user), the admin's drafts from an uploaded
// appendix, their corrections and publication, and every unit's template.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const rowTexts = z.strictObject(
  Object.fromEntries(fieldKeys.map((f) => [f, z.string().max(10_000).optional()])),
)
const correctionBody = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{2,60}$/)
    .optional(),
  name: z.string().max(500).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  document: z
    .object({
      kind: z.string().max(60).nullable().optional(),
      number: z.string().max(60).nullable().optional(),
      date: isoDate.nullable().optional(),
    })
    .optional(),
  rows: z
    .array(rowTexts.extend({ read: z.unknown().optional() }))
    .max(5_000)
    .optional(),
})
const publishBody = z.object({ effectiveFrom: isoDate.nullable().optional() })

/** Who acted, as the plan's records name them. */
function describeActor(c: Context<Env>): string {
  const p = c.get('principal')
  return p.email ? `user:${p.email}` : `admin:${p.tokenId ?? 'env'}`
}

function readDraftId(c: Context<Env>): number {
  const id = Number(c.req.param('draftId'))
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('plan/draft-unknown')
  return id
}

async function readJson<T>(c: Context<Env>, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await c.req.json().catch(() => null))
  if (!parsed.success)
    throw new AppError('request/invalid-body', parsed.error.issues[0]?.path.join('.') ?? '')
  return parsed.data
}

/** The period a template's title names (a query like 2026-Q3), or the plan's year. */
function readPeriodLabel(value: string | undefined): string | null {
  if (!value) return null
  const period = parsePeriod(value)
  if (!period) throw new AppError('request/invalid-period', value.slice(0, 40))
  return formatPeriod(period.id)
}

export function createPlanRoutes(services: Services) {
  const { plans, now } = services
  const admin = new Hono<Env>()
    .use(requireAdmin)
    .post('/', async (c) => {
      const form = await c.req.parseBody().catch(() => {
        throw new AppError('request/invalid-body')
      })
      const file = form.file
      if (!(file instanceof File) || file.size === 0) throw new AppError('request/missing-file')
      const text = (k: string) => (typeof form[k] === 'string' && form[k] ? form[k] : null)
      const year = text('year') ? Number(text('year')) : null
      const table = text('table') ? Number(text('table')) : null
      const id = text('id')
      if (
        (year !== null && !Number.isInteger(year)) ||
        (table !== null && !Number.isInteger(table))
      )
        throw new AppError('request/invalid-body')
      if (id !== null && !/^[a-z0-9-]{2,60}$/.test(id))
        throw new AppError('request/invalid-body', 'id')
      const document: Partial<IssuingDocument> = {}
      if (text('document')) document.number = text('document')!.slice(0, 60)
      if (text('issued') && /^\d{4}-\d{2}-\d{2}$/.test(text('issued')!))
        document.date = text('issued')
      const imported = await runPlanImport(
        services.parsePool,
        new Uint8Array(await file.arrayBuffer()),
        {
          fileName: file.name || null,
          year,
          id,
          table,
          registry: plans.readRegistry(),
          ...(Object.keys(document).length ? { document } : {}),
        },
      )
      const draft = plans.createDraft(imported, describeActor(c), now())
      logSecurityEvent(c, services, 'plan.imported', `${draft.id} ${draft.planId}`)
      return c.json({ draft }, 201)
    })
    .get('/drafts/:draftId', (c) => c.json({ draft: plans.getDraft(readDraftId(c)) }))
    .put('/drafts/:draftId', async (c) => {
      const body = await readJson(c, correctionBody)
      const correction = { ...body } as Parameters<typeof plans.correctDraft>[1]
      return c.json({ draft: plans.correctDraft(readDraftId(c), correction, now()) })
    })
    .delete('/drafts/:draftId', (c) => {
      plans.deleteDraft(readDraftId(c))
      return c.body(null, 204)
    })
    .post('/drafts/:draftId/publish', async (c) => {
      const body = await readJson(c, publishBody)
      const version = plans.publishDraft(readDraftId(c), {
        effectiveFrom: body.effectiveFrom ?? null,
        by: describeActor(c),
        now: now(),
      })
      logSecurityEvent(c, services, 'plan.published', `${version.planId} v${version.version}`)
      const { definition, ...rest } = version
      return c.json({ version: { ...rest, name: definition.name } }, 201)
    })
    .post('/:id/amend', (c) => {
      const draft = plans.createAmendmentDraft(c.req.param('id'), describeActor(c), now())
      return c.json({ draft }, 201)
    })
    .get('/:id/templates.zip', async (c) => {
      plans.refresh()
      const { definition } = plans.getVersion(c.req.param('id'))
      const registry = plans.readRegistry()
      const agencies = services.store.listAgencies()
      const { bytes, count } = await runUnitTemplates({
        plan: definition,
        registry,
        agencies,
        period: readPeriodLabel(c.req.query('period')),
        single: false,
      })
      logSecurityEvent(c, services, 'download.templates', `${definition.id} ${count}`)
      c.header('Content-Type', 'application/zip')
      c.header('Content-Disposition', `attachment; filename="bieu-mau-${definition.id}.zip"`)
      return c.body(new Uint8Array(bytes!))
    })

  return new Hono<Env>()
    .get('/', (c) => {
      plans.refresh()
      const year = c.req.query('year') ? Number(c.req.query('year')) : null
      const isAdmin = c.get('principal').role === 'admin'
      return c.json({
        plans: plans.listPlans(Number.isInteger(year) ? year : null),
        drafts: isAdmin ? plans.listDrafts() : [],
      })
    })
    .get('/:id', (c) => {
      plans.refresh()
      const version = c.req.query('version') ? Number(c.req.query('version')) : null
      const found = plans.getVersion(c.req.param('id'), version)
      const { definition, ...rest } = found
      return c.json({ version: rest, plan: formatPlanFile(definition) })
    })
    .get('/:id/template.xlsx', async (c) => {
      plans.refresh()
      const agencyId = resolveAgency(c, services, c.req.query('agency'))
      if (!agencyId) throw new AppError('agency/required')
      const agency = services.store.getAgency(agencyId)
      if (!agency) throw new AppError('agency/unknown', agencyId.slice(0, 60))
      const { definition } = plans.getVersion(c.req.param('id'))
      const { bytes } = await runUnitTemplates({
        plan: definition,
        registry: plans.readRegistry(),
        agencies: [agency],
        period: readPeriodLabel(c.req.query('period')),
        single: true,
      })
      if (!bytes) throw new AppError('plan/no-tasks-for-agency', agency.name)
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      c.header(
        'Content-Disposition',
        `attachment; filename="bieu-mau-${definition.id}-${agency.id}.xlsx"`,
      )
      return c.body(new Uint8Array(bytes))
    })
    .route('/', admin)
}
