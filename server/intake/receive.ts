import { createHash } from 'node:crypto'
import { computeVietnamDate, type Period } from '../../core/index.ts'
import { AppError } from '../errors/index.ts'
import { createCatalogPartCache } from '../jobs/catalog-part.ts'
import type { ParseJob, TableResult, UploadResult } from '../jobs/parse-jobs.ts'
import { runInWorker } from '../jobs/parse-pool.ts'
import type { WorkerPool } from '../jobs/worker-pool.ts'
import type { Catalog } from '../province/catalog.ts'
import type { Store, SubmissionRecord, SubmissionSource } from '../store/index.ts'
import { createSubmissionWriter } from '../store/writer.ts'
import { xlsxType } from './table.ts'

/**
 * Per agency, over all its periods: versions stored plus parses refused or timed out in the last
 * hour, bytes received in the last hour, bytes kept in total, and files being checked at once.
 */
export type Quotas = {
  versionsPerHour: number
  bytesPerHour: number
  bytesPerAgency: number
  parsesInFlight: number
}
export const defaultQuotas: Quotas = {
  versionsPerHour: 30,
  bytesPerHour: 200 * 1024 * 1024,
  bytesPerAgency: 1024 * 1024 * 1024,
  parsesInFlight: 2,
}

type QuotaCode = 'quota/versions' | 'quota/hourly-bytes' | 'quota/bytes'

/** Where a report is going: its agency and period. */
export type Destination = { agencyId: string; period: Period }

/**
 * A report arriving by any path: an uploaded workbook, the add-ins' JSON table, a pulled Google Sheet,
 * the demo province. The agency and period are known before parsing, or (for the add-ins' table,
 * whose envelope names them) decided by `route` once the worker has read the envelope.
 */
export type Arrival = {
  payload:
    | { kind: 'workbook'; bytes: Uint8Array; fileName: string | null; owned?: boolean }
    | { kind: 'table'; bytes: Uint8Array; owned?: boolean }
  destination: Destination | ((sent: { agency: string | null; period: string }) => Destination)
  source: SubmissionSource
  /** Who sent it, as the store and the audit log record it (`user:…`, `agency:<token id>`, `sheets-pull` …). */
  actor: string
  /**
   * The agency charged before the destination is known (an agency sending a JSON table): its parse
   * slots and quota. Without it, the destination's agency, or (an admin's table) the actor.
   */
  party?: string
  /** An admin may file any period; others only this year, last year and next year. */
  anyPeriod?: boolean
  /** The sender's address, for the audit log. */
  ip?: string | null
  /** When it was submitted (the demo's past quarters); now by default. */
  submittedAt?: string
  /** Time (ms since epoch) after which the sender has been told it failed: nothing is stored then. */
  deadline?: number
  /** Aborted once the sender has been answered or has gone: the parse is dropped. */
  signal?: AbortSignal
}

/** What an arrival became: the stored version (or the identical one already stored) and its report's JSON. */
export type Receipt = { record: SubmissionRecord; report: Uint8Array | string; duplicate: boolean }

export type IntakeDeps = {
  store: Store
  catalog: Catalog
  parsePool: WorkerPool
  quotas: Quotas
  now: () => Date
  /** Brings the catalog's plans up to date (another process may have published a version). */
  refreshPlans?: () => void
}

/** Failures that cost no worker time: the job never ran, or was dropped once its sender had gone. */
const freeFailures = new Set(['request/busy', 'request/timeout'])

/**
 * The one way a report enters the store, whatever path it came by: an identical re-send answers with
 * the version already stored; the agency's quota (over all its periods) is checked before parsing and
 * again when the report's size is known; an agency has at most `parsesInFlight` files being checked;
 * the bytes are handed to a parse worker (never parsed on the thread that answers requests), and a
 * refused or timed-out parse is charged to the agency; the version is written in the next group
 * commit; refusals and stored versions go to the audit log.
 */
export function createIntake(deps: IntakeDeps) {
  const { store, now } = deps
  // The catalog the parse workers check with (reports are checked against the plan version in force),
  // serialized again only when the plans change.
  const readCatalogPart = createCatalogPartCache(deps.catalog, deps.refreshPlans)
  const writer = createSubmissionWriter(store)
  const parsing = new Map<string, number>()

  function audit(arrival: Arrival, event: string, detail: string) {
    store.addSecurityEvent({
      time: now().toISOString(),
      event,
      actor: arrival.actor,
      ip: arrival.ip ?? null,
      detail: detail.slice(0, 300),
    })
  }

  /** The refusal a version of `adding` bytes would meet under the agency's quotas. */
  function findQuotaRefusal(agencyId: string, adding: number): QuotaCode | null {
    const since = new Date(now().getTime() - 3600_000).toISOString()
    const usage = store.readAgencyUsage(agencyId, since)
    const q = deps.quotas
    if (usage.attemptsSince >= q.versionsPerHour) return 'quota/versions'
    if (usage.bytesSince + adding > q.bytesPerHour) return 'quota/hourly-bytes'
    if (usage.bytes + adding > q.bytesPerAgency) return 'quota/bytes'
    return null
  }

  function refuse(arrival: Arrival, agencyId: string, code: QuotaCode) {
    audit(arrival, 'quota.refused', `${code} ${agencyId}`)
    return new AppError(code)
  }

  /** Only an admin files a period far from today (a quota per period once invited 5,719 of them). */
  function checkPeriod(arrival: Arrival, period: Period) {
    if (arrival.anyPeriod) return
    const year = Number(computeVietnamDate(now().getTime()).slice(0, 4))
    if (Math.abs(period.year - year) > 1)
      throw new AppError('request/period-out-of-range', `${year - 1}–${year + 1}`)
  }

  /** Before parsing: the identical version already stored, or a refusal. */
  function checkBeforeParsing(arrival: Arrival, to: Destination, hash: string): Receipt | null {
    checkPeriod(arrival, to.period)
    const same = store.findSameSubmission(to.agencyId, to.period.id, hash)
    if (same !== null) {
      const record = store.getSubmission(same)!
      return { record, report: store.getSubmissionReportJson(same) ?? 'null', duplicate: true }
    }
    const refusal = findQuotaRefusal(to.agencyId, arrival.payload.bytes.byteLength)
    if (refusal) throw refuse(arrival, to.agencyId, refusal)
    return null
  }

  /** Runs a parse in a worker, handing the bytes over when the sender gave them up. */
  async function parse<T extends UploadResult>(
    arrival: Arrival,
    key: string,
    job: Extract<ParseJob, { kind: 'upload' | 'table' }>,
  ): Promise<T> {
    const { bytes } = job
    const handedOver = arrival.payload.owned === true
    const size = bytes.byteLength
    return runInWorker<T>(
      deps.parsePool,
      { ...job, handedOver },
      {
        transfer: handedOver ? [bytes.buffer as ArrayBuffer] : [],
        key,
        bytes: size,
        ...(arrival.signal ? { signal: arrival.signal } : {}),
      },
    )
  }

  /**
   * A parse that failed after costing a worker (unreadable, refused, out of time or memory, a table
   * naming what it may not) counts against the agency like a stored version.
   */
  function charge(agencyId: string | null, bytes: number, error: unknown) {
    if (!agencyId) return
    const code = error instanceof AppError ? error.code : 'internal'
    if (freeFailures.has(code)) return
    store.addIntakeFailure({ agencyId, at: now().toISOString(), bytes, code })
  }

  async function receiveParsed(arrival: Arrival, key: string, hash: string): Promise<Receipt> {
    const { payload } = arrival
    const size = payload.bytes.byteLength
    const known = typeof arrival.destination === 'function' ? null : arrival.destination
    const charged = known?.agencyId ?? arrival.party ?? null
    let to: Destination
    let parsed: UploadResult & { fileName: string | null }
    let spent = false
    try {
      if (payload.kind === 'workbook') {
        if (!known) throw new Error('A workbook arrives with its agency and period known')
        to = known
        const early = checkBeforeParsing(arrival, to, hash)
        if (early) return early
        spent = true
        const result = await parse<UploadResult>(arrival, key, {
          kind: 'upload',
          bytes: payload.bytes,
          fileName: payload.fileName,
          asOf: to.period.cutOff,
          catalog: readCatalogPart(),
        })
        parsed = { ...result, fileName: payload.fileName }
      } else {
        // The agency's quota is known before the envelope (agency, period) is read with the table.
        if (charged) {
          const refusal = findQuotaRefusal(charged, size)
          if (refusal) throw refuse(arrival, charged, refusal)
        }
        spent = true
        const result = await parse<TableResult>(arrival, key, {
          kind: 'table',
          bytes: payload.bytes,
          catalog: readCatalogPart(),
        })
        to = known ?? (arrival.destination as (sent: TableSent) => Destination)(result)
        const early = checkBeforeParsing(arrival, to, hash)
        if (early) return early
        parsed = result
      }
    } catch (error) {
      if (spent) charge(charged, size, error)
      throw error
    }
    return keep(arrival, to, parsed)
  }

  /** Writes a checked version in the next group commit, under the quota that its real size meets. */
  async function keep(
    arrival: Arrival,
    to: Destination,
    parsed: UploadResult & { fileName: string | null },
  ): Promise<Receipt> {
    const { payload } = arrival
    // Handed-over bytes came back from the worker with the report.
    const file = parsed.bytes ?? payload.bytes
    const report = parsed.report
    const size = file.byteLength + report.json.byteLength
    const record = await writer
      .write(() => {
        // A sender already told that its request failed (timed out) must not find it stored afterwards.
        if (arrival.deadline !== undefined && Date.now() > arrival.deadline)
          throw new AppError('request/timeout')
        // Now that the report's size is known too, the quota is checked against what will really be kept.
        const refusal = findQuotaRefusal(to.agencyId, size)
        if (refusal) throw new AppError(refusal)
        return store.addSubmission({
          agencyId: to.agencyId,
          period: to.period.id,
          submittedAt: arrival.submittedAt ?? now().toISOString(),
          submittedBy: arrival.actor,
          fileName: parsed.fileName,
          contentType: payload.kind === 'workbook' ? xlsxType : 'application/json',
          file,
          planId: parsed.planId,
          report,
          source: arrival.source,
        })
      })
      .catch((error: unknown) => {
        // A refusal is logged once its batch is written (the log is not part of the refused upload).
        if (error instanceof AppError && error.isIn('quota'))
          throw refuse(arrival, to.agencyId, error.code as QuotaCode)
        throw error
      })
    if (record.duplicate)
      return {
        record,
        report: store.getSubmissionReportJson(record.id) ?? 'null',
        duplicate: true,
      }
    audit(
      arrival,
      'submission.stored',
      `${to.agencyId} ${to.period.id} v${record.version} ${arrival.source}`,
    )
    return { record, report: report.json, duplicate: false }
  }

  async function receive(arrival: Arrival): Promise<Receipt> {
    const hash = createHash('sha256').update(arrival.payload.bytes).digest('hex')
    const known = typeof arrival.destination === 'function' ? null : arrival.destination
    // Parses are a resource: an agency has at most `parsesInFlight` files being checked at once.
    const key = known?.agencyId ?? arrival.party ?? arrival.actor
    const held = parsing.get(key) ?? 0
    if (held >= deps.quotas.parsesInFlight) {
      audit(arrival, 'quota.refused', `quota/parses ${key}`)
      throw new AppError('quota/parses')
    }
    parsing.set(key, held + 1)
    try {
      return await receiveParsed(arrival, key, hash)
    } finally {
      const left = (parsing.get(key) ?? 1) - 1
      if (left > 0) parsing.set(key, left)
      else parsing.delete(key)
    }
  }

  return { receive }
}

type TableSent = { agency: string | null; period: string }

export type Intake = ReturnType<typeof createIntake>
