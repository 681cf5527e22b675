import { Hono, type Context } from 'hono'
import { logSecurityEvent, readClientIp, requireAgency, resolveAgency } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import type { Arrival, Receipt } from '../../intake/receive.ts'
import { readId, readPeriodParam, requirePeriod } from './params.ts'
import { AppError } from '../../errors/index.ts'

const closing = Buffer.from('}')

/** /api/submissions: upload (checked, stored as the next version), list, read, download. */
export function createSubmissionRoutes(services: Services) {
  const { store, now, intake } = services

  /** `fields` with the report added as the JSON it was stored as (never parsed and serialized again). */
  function answerWithReport(
    c: Context<Env>,
    fields: object,
    reportJson: Uint8Array | string | null,
    status: 200 | 201 = 200,
  ) {
    const head = `${JSON.stringify(fields).slice(0, -1)},"report":`
    const body =
      typeof reportJson === 'string' || reportJson === null
        ? `${head}${reportJson ?? 'null'}}`
        : Buffer.concat([Buffer.from(head), reportJson, closing])
    return c.body(body, status, { 'Content-Type': 'application/json' })
  }

  /**
   * The answer to an upload: the receipt and the report. The report goes out as the JSON it was
   * stored as, never parsed and serialized again (it is the largest thing a submission carries).
   */
  function answerReceipt(c: Context<Env>, { record, report, duplicate }: Receipt) {
    const receipt = {
      id: record.id,
      agency: record.agencyId,
      period: record.period,
      version: record.version,
      submittedAt: record.submittedAt,
      ...(duplicate ? { duplicate: true } : {}),
    }
    return answerWithReport(c, receipt, report, duplicate ? 200 : 201)
  }

  /** What every arrival by this route shares: who sent it, from where, and until when it may be stored. */
  function describeArrival(c: Context<Env>) {
    return {
      actor: describeSubmitter(c),
      ip: readClientIp(c, services),
      deadline: c.get('deadline'),
    } satisfies Partial<Arrival>
  }

  const readOwnSubmission = (c: Context<Env>) => {
    const record = store.getSubmission(readId(c.req.param('id') ?? ''))
    if (!record) throw new AppError('submission/unknown')
    const p = c.get('principal')
    // Another agency's submission is answered like a missing one: ids reveal nothing.
    if (p.role === 'agency' && p.agencyId !== record.agencyId)
      throw new AppError('submission/unknown')
    return record
  }

  return new Hono<Env>()
    .post('/', async (c) => {
      const type = c.req.header('content-type') ?? ''
      if (type.startsWith('multipart/form-data')) {
        const form = await c.req.parseBody().catch(() => {
          throw new AppError('request/invalid-body')
        })
        const period = requirePeriod(typeof form.period === 'string' ? form.period : undefined)
        const agencyId = requireAgency(
          c,
          services,
          typeof form.agency === 'string' && form.agency ? form.agency : undefined,
        )
        const file = form.file
        if (!(file instanceof File) || file.size === 0) throw new AppError('request/missing-file')
        const bytes = new Uint8Array(await file.arrayBuffer())
        const receipt = await intake.receive({
          ...describeArrival(c),
          payload: { kind: 'workbook', bytes, fileName: file.name || null },
          destination: { agencyId, period },
          source: 'upload',
        })
        return answerReceipt(c, receipt)
      }
      if (type.startsWith('application/json')) {
        const bytes = new Uint8Array(await c.req.arrayBuffer())
        const receipt = await intake.receive({
          ...describeArrival(c),
          payload: { kind: 'table', bytes },
          // The agency and period are inside the JSON, read with the table in the worker.
          destination: (sent) => ({
            period: requirePeriod(sent.period),
            agencyId: requireAgency(c, services, sent.agency ?? undefined),
          }),
          source: 'add-in',
        })
        return answerReceipt(c, receipt)
      }
      throw new AppError('request/unsupported-type')
    })
    .get('/', (c) => {
      const period = c.req.query('period') ? readPeriodParam(c.req.query('period'), now()).id : null
      const agencyId = resolveAgency(c, services, c.req.query('agency'))
      return c.json({ submissions: store.listSubmissions({ period, agencyId }) })
    })
    .get('/:id', (c) => {
      const record = readOwnSubmission(c)
      return answerWithReport(c, record, store.getSubmissionReportJson(record.id))
    })
    .get('/:id/file', (c) => {
      const record = readOwnSubmission(c)
      const file = store.getSubmissionFile(record.id)!
      const extension = file.contentType === 'application/json' ? 'json' : 'xlsx'
      const name = `${record.agencyId}-${record.period}-v${record.version}.${extension}`
      // The original may hold live formulas (WEBSERVICE, DDE): always a download, never rendered inline.
      c.header('Content-Type', file.contentType)
      c.header('Content-Disposition', `attachment; filename="${name}"`)
      c.header('X-Content-Type-Options', 'nosniff')
      logSecurityEvent(c, services, 'download.original', `${record.id} ${record.agencyId}`)
      return c.body(new Uint8Array(file.bytes))
    })
}

/** How a submission records its sender (the stored `submitted_by`). */
function describeSubmitter(c: Context<Env>): string {
  const p = c.get('principal')
  if (p.email) return `user:${p.email}`
  return p.role === 'admin' ? `admin:${p.tokenId ?? 'env'}` : `agency:${p.tokenId}`
}
