import { createHash } from 'node:crypto'
import type { Period } from '../../core/index.ts'
import { AppError } from '../errors/index.ts'
import {
  serializeCatalogPart,
  type ParseJob,
  type TableResult,
  type UploadResult,
} from '../jobs/parse-jobs.ts'
import { runInWorker } from '../jobs/parse-pool.ts'
import type { WorkerPool } from '../jobs/worker-pool.ts'
import type { Catalog } from '../province/catalog.ts'
import type { Store, SubmissionRecord, SubmissionSource } from '../store/index.ts'
import { createSubmissionWriter } from '../store/writer.ts'
import { xlsxType } from './table.ts'

/** Per agency and period: versions stored in the last hour, and bytes of every version kept. */
export type Quotas = { versionsPerHour: number; bytesPerPeriod: number }
export const defaultQuotas: Quotas = { versionsPerHour: 30, bytesPerPeriod: 200 * 1024 * 1024 }

/** Where a report is going: its agency and period. */
export type Destination = { agencyId: string; period: Period }

/**
 * A report arriving by any path: an uploaded workbook, the add-ins' JSON table, a pulled Google Sheet,
 * the demo province. The agency and period are known before parsing, or (for the add-ins' table,
 * whose envelope names them) decided by `route` once the worker has read the envelope.
 */
export type Arrival = {
  payload:
    | { kind: 'workbook'; bytes: Uint8Array; fileName: string | null }
    | { kind: 'table'; bytes: Uint8Array }
  destination: Destination | ((sent: { agency: string | null; period: string }) => Destination)
  source: SubmissionSource
  /** Who sent it, as the store and the audit log record it (`user:…`, `agency:<token id>`, `sheets-pull` …). */
  actor: string
  /** The sender's address, for the audit log. */
  ip?: string | null
  /** When it was submitted (the demo's past quarters); now by default. */
  submittedAt?: string
  /** Time (ms since epoch) after which the sender has been told it failed: nothing is stored then. */
  deadline?: number
}

/** What an arrival became: the stored version (or the identical one already stored) and its report's JSON. */
export type Receipt = { record: SubmissionRecord; report: Uint8Array | string; duplicate: boolean }

export type IntakeDeps = {
  store: Store
  catalog: Catalog
  parsePool: WorkerPool
  quotas: Quotas
  now: () => Date
}

/**
 * The one way a report enters the store, whatever path it came by: an identical re-send answers with
 * the version already stored; the agency's quota is checked before parsing and again when the report's
 * size is known; the bytes are parsed and checked in a parse worker (never on the thread that answers
 * requests); the version is written in the next group commit; refusals and stored versions go to the
 * audit log.
 */
export function createIntake(deps: IntakeDeps) {
  const { store, now } = deps
  const catalogPart = serializeCatalogPart(deps.catalog)
  const writer = createSubmissionWriter(store)

  function audit(arrival: Arrival, event: string, detail: string) {
    store.addSecurityEvent({
      time: now().toISOString(),
      event,
      actor: arrival.actor,
      ip: arrival.ip ?? null,
      detail: detail.slice(0, 300),
    })
  }

  /** The refusal a version would meet under the agency's quota for the period (stored bytes: file and report). */
  function findQuotaRefusal(to: Destination, adding: number) {
    const since = new Date(now().getTime() - 3600_000).toISOString()
    const usage = store.readAgencyUsage(to.agencyId, to.period.id, since)
    return usage.versionsSince >= deps.quotas.versionsPerHour
      ? 'quota/versions'
      : usage.bytes + adding > deps.quotas.bytesPerPeriod
        ? 'quota/bytes'
        : null
  }

  function refuse(arrival: Arrival, to: Destination, code: 'quota/versions' | 'quota/bytes') {
    audit(arrival, 'quota.refused', `${code} ${to.agencyId} ${to.period.id}`)
    return new AppError(code)
  }

  /** Before parsing: the identical version already stored, or a refusal over quota. */
  function checkBeforeParsing(arrival: Arrival, to: Destination, hash: string): Receipt | null {
    const same = store.findSameSubmission(to.agencyId, to.period.id, hash)
    if (same !== null) {
      const record = store.getSubmission(same)!
      return { record, report: store.getSubmissionReportJson(same) ?? 'null', duplicate: true }
    }
    const refusal = findQuotaRefusal(to, arrival.payload.bytes.length)
    if (refusal) throw refuse(arrival, to, refusal)
    return null
  }

  async function receive(arrival: Arrival): Promise<Receipt> {
    const { payload } = arrival
    const hash = createHash('sha256').update(payload.bytes).digest('hex')
    const parse = <T>(job: ParseJob) => runInWorker<T>(deps.parsePool, job)
    let to: Destination
    let parsed: UploadResult & { fileName: string | null }
    if (payload.kind === 'workbook') {
      if (typeof arrival.destination === 'function')
        throw new Error('A workbook arrives with its agency and period known')
      to = arrival.destination
      const early = checkBeforeParsing(arrival, to, hash)
      if (early) return early
      const result = await parse<UploadResult>({
        kind: 'upload',
        bytes: payload.bytes,
        fileName: payload.fileName,
        asOf: to.period.cutOff,
        catalog: catalogPart,
      })
      parsed = { ...result, fileName: payload.fileName }
    } else {
      // The envelope (agency, period) is inside the JSON: read in the worker with the table.
      const result = await parse<TableResult>({
        kind: 'table',
        bytes: payload.bytes,
        catalog: catalogPart,
      })
      to =
        typeof arrival.destination === 'function'
          ? arrival.destination({ agency: result.agency, period: result.period })
          : arrival.destination
      const early = checkBeforeParsing(arrival, to, hash)
      if (early) return early
      parsed = result
    }
    const report = parsed.report
    const size = payload.bytes.byteLength + report.json.byteLength
    const record = await writer
      .write(() => {
        // A sender already told that its request failed (timed out) must not find it stored afterwards.
        if (arrival.deadline !== undefined && Date.now() > arrival.deadline)
          throw new AppError('request/timeout')
        // Now that the report's size is known too, the quota is checked against what will really be kept.
        const refusal = findQuotaRefusal(to, size)
        if (refusal) throw new AppError(refusal)
        return store.addSubmission({
          agencyId: to.agencyId,
          period: to.period.id,
          submittedAt: arrival.submittedAt ?? now().toISOString(),
          submittedBy: arrival.actor,
          fileName: parsed.fileName,
          contentType: payload.kind === 'workbook' ? xlsxType : 'application/json',
          file: payload.bytes,
          planId: parsed.planId,
          report,
          source: arrival.source,
        })
      })
      .catch((error: unknown) => {
        // A refusal is logged once its batch is written (the log is not part of the refused upload).
        if (
          error instanceof AppError &&
          (error.code === 'quota/versions' || error.code === 'quota/bytes')
        )
          throw refuse(arrival, to, error.code)
        throw error
      })
    if (record.duplicate)
      return { record, report: store.getSubmissionReportJson(record.id) ?? 'null', duplicate: true }
    audit(
      arrival,
      'submission.stored',
      `${to.agencyId} ${to.period.id} v${record.version} ${arrival.source}`,
    )
    return { record, report: report.json, duplicate: false }
  }

  return { receive }
}

export type Intake = ReturnType<typeof createIntake>
