import { createHash } from 'node:crypto'
import { Hono, type Context } from 'hono'
import type { Period } from '../../../core/index.ts'
import { logSecurityEvent, requireAgency, resolveAgency } from '../auth.ts'
import type { Env, Services } from '../context.ts'
import { ApiError } from '../errors.ts'
import {
  serializeCatalogPart,
  type ParseJob,
  type TableResult,
  type UploadResult,
} from '../../jobs/parse-jobs.ts'
import { runInWorker } from '../../jobs/parse-pool.ts'
import type { SubmissionRecord } from '../../store/index.ts'
import type { SerializedReport } from '../../store/types.ts'
import { createSubmissionWriter } from '../../store/writer.ts'
import { xlsxType, type CheckedSubmission } from '../../intake/table.ts'

const closing = Buffer.from('}')

/** An upload as its parse worker answered it: the report already serialized. */
type ParsedSubmission = Omit<CheckedSubmission, 'report'> & { report: SerializedReport }
import { readId, readPeriodParam, requirePeriod } from './params.ts'

/** /api/submissions: upload (checked, stored as the next version), list, read, download. */
export function createSubmissionRoutes(services: Services) {
  const { store, now, parsePool } = services
  // The catalog the parse workers check with, serialized again only when the plans change.
  let catalogPart = { revision: -1, json: '' }
  const readCatalogPart = () => {
    services.plans.refresh()
    const revision = services.catalog.revision ?? 0
    if (catalogPart.revision !== revision)
      catalogPart = { revision, json: serializeCatalogPart(services.catalog) }
    return catalogPart.json
  }
  const parse = <T>(job: ParseJob) => runInWorker<T>(parsePool, job)
  const writer = createSubmissionWriter(store)

  /**
   * Before any parsing: an identical re-upload answers with the version already stored, and an
   * agency past its quota for the period is refused (429 versions per hour, 413 bytes).
   */
  function checkBeforeParsing(
    c: Context<Env>,
    agencyId: string,
    period: string,
    bytes: Uint8Array,
  ) {
    const hash = createHash('sha256').update(bytes).digest('hex')
    const same = store.findSameSubmission(agencyId, period, hash)
    if (same !== null) return answerStored(c, store.getSubmission(same)!)
    const refusal = findQuotaRefusal(agencyId, period, bytes.length)
    if (refusal) throw refuseOverQuota(c, refusal, `${agencyId} ${period}`)
    return null
  }

  /** The refusal a version would meet under the agency's quota for the period (stored bytes: file and report). */
  function findQuotaRefusal(agencyId: string, period: string, adding: number) {
    const since = new Date(now().getTime() - 3600_000).toISOString()
    const usage = store.readAgencyUsage(agencyId, period, since)
    return usage.versionsSince >= services.quotas.versionsPerHour
      ? 'quota/versions'
      : usage.bytes + adding > services.quotas.bytesPerPeriod
        ? 'quota/bytes'
        : null
  }

  function refuseOverQuota(
    c: Context<Env>,
    refusal: 'quota/versions' | 'quota/bytes',
    what: string,
  ) {
    logSecurityEvent(c, services, 'quota.refused', `${refusal} ${what}`)
    return new ApiError(refusal)
  }

  /**
   * The answer to an upload: the receipt and the report. The report goes out as the JSON it was
   * stored as, never parsed and serialized again (it is the largest thing a submission carries).
   */
  function answerReceipt(
    c: Context<Env>,
    record: SubmissionRecord,
    reportJson: Uint8Array | string,
    status: 200 | 201,
    extra: { duplicate?: boolean } = {},
  ) {
    const receipt = {
      id: record.id,
      agency: record.agencyId,
      period: record.period,
      version: record.version,
      submittedAt: record.submittedAt,
      ...extra,
    }
    return answerWithReport(c, receipt, reportJson, status)
  }

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

  function answerStored(c: Context<Env>, record: SubmissionRecord) {
    const json = store.getSubmissionReportJson(record.id) ?? 'null'
    return answerReceipt(c, record, json, 200, { duplicate: true })
  }

  /** Stores an upload in the next group commit (see store/writer.ts) and answers its receipt. */
  async function storeSubmission(
    c: Context<Env>,
    agencyId: string,
    period: Period,
    checked: ParsedSubmission,
  ) {
    const report = checked.report
    const size = checked.file.byteLength + report.json.byteLength
    const record = await writer
      .write(() => {
        // A request already answered with a timeout must not be stored afterwards: the sender was told it failed.
        if (Date.now() > c.get('deadline')) throw new ApiError('request/timeout')
        // Now that the report's size is known too, the quota is checked against what will really be kept.
        const refusal = findQuotaRefusal(agencyId, period.id, size)
        if (refusal) throw new ApiError(refusal)
        return store.addSubmission({
          agencyId,
          period: period.id,
          submittedAt: now().toISOString(),
          submittedBy: describeSubmitter(c),
          fileName: checked.fileName,
          contentType: checked.contentType,
          file: checked.file,
          planId: checked.planId,
          report,
        })
      })
      .catch((error: unknown) => {
        // A refusal is logged once its batch is written (the log is not part of the refused upload).
        if (
          error instanceof ApiError &&
          (error.code === 'quota/versions' || error.code === 'quota/bytes')
        )
          throw refuseOverQuota(c, error.code, `${agencyId} ${period.id}`)
        throw error
      })
    if (record.duplicate) return answerStored(c, record)
    return answerReceipt(c, record, report.json, 201)
  }

  const readOwnSubmission = (c: Context<Env>) => {
    const record = store.getSubmission(readId(c.req.param('id') ?? ''))
    if (!record) throw new ApiError('submission/unknown')
    const p = c.get('principal')
    // Another agency's submission is answered like a missing one: ids reveal nothing.
    if (p.role === 'agency' && p.agencyId !== record.agencyId)
      throw new ApiError('submission/unknown')
    return record
  }

  return new Hono<Env>()
    .post('/', async (c) => {
      const type = c.req.header('content-type') ?? ''
      if (type.startsWith('multipart/form-data')) {
        const form = await c.req.parseBody().catch(() => {
          throw new ApiError('request/invalid-body')
        })
        const period = requirePeriod(typeof form.period === 'string' ? form.period : undefined)
        const agencyId = requireAgency(
          c,
          services,
          typeof form.agency === 'string' && form.agency ? form.agency : undefined,
        )
        const file = form.file
        if (!(file instanceof File) || file.size === 0) throw new ApiError('request/missing-file')
        const bytes = new Uint8Array(await file.arrayBuffer())
        const early = checkBeforeParsing(c, agencyId, period.id, bytes)
        if (early) return early
        const fileName = file.name || null
        const { report, planId } = await parse<UploadResult>({
          kind: 'upload',
          bytes,
          fileName,
          asOf: period.cutOff,
          catalog: readCatalogPart(),
        })
        const checked = { report, planId, file: bytes, contentType: xlsxType, fileName }
        return storeSubmission(c, agencyId, period, checked)
      }
      if (type.startsWith('application/json')) {
        const raw = new Uint8Array(await c.req.arrayBuffer())
        // The agency and period are inside the JSON: the quota is checked once they are known.
        const table = await parse<TableResult>({
          kind: 'table',
          bytes: raw,
          catalog: readCatalogPart(),
        })
        const period = requirePeriod(table.period)
        const agencyId = requireAgency(c, services, table.agency ?? undefined)
        const early = checkBeforeParsing(c, agencyId, period.id, raw)
        if (early) return early
        return storeSubmission(c, agencyId, period, {
          report: table.report,
          planId: table.planId,
          file: raw,
          contentType: 'application/json',
          fileName: table.fileName,
        })
      }
      throw new ApiError('request/unsupported-type')
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
