import type { sheets_v4 } from '@googleapis/sheets'
import type { Period } from '../../core/index.ts'
import type { Catalog } from '../province/catalog.ts'
import type { Store } from '../store/index.ts'
import { checkUploadedTable, jsonSubmissionSchema, type JsonSubmission } from '../intake/table.ts'
import { realSleep, type BackoffOptions, type Sleeper } from './backoff.ts'
import { SheetsError } from './errors.ts'
import { readSpreadsheet } from './read.ts'
import { parseSheetTarget } from './target.ts'

/** Google's limit is 60 reads per minute per user (the service account is one user); stay below it. */
export const defaultReadsPerMinute = 50

export type PullDeps = {
  store: Store
  catalog: Catalog
  api: sheets_v4.Sheets
  now: () => Date
  sleep?: Sleeper
  readsPerMinute?: number
  backoff?: BackoffOptions
}

/** How one agency's pull ended. */
export type PullOutcome =
  | { agencyId: string; ok: true; submissionId: number; version: number; errors: number }
  | { agencyId: string; ok: false; error: { code: string; message: string; en: string } }

function describeFailure(error: unknown): { code: string; message: string; en: string } {
  if (error instanceof SheetsError)
    return { code: `sheets/${error.code}`, message: error.text.vi, en: error.text.en }
  const text = error instanceof Error ? error.message.slice(0, 200) : String(error)
  return { code: 'sheets/failed', message: `Không lấy được bảng tính: ${text}`, en: text }
}

/**
 * Pulls every registered agency sheet for a period, one read each, paced under the per-user quota;
 * each is checked and stored like an upload (source "google-sheet", the grid as the stored file).
 * A failure is recorded for that agency only; nothing partial is ever stored.
 */
export async function pullSheets(
  deps: PullDeps,
  period: Period,
  onProgress?: (outcome: PullOutcome) => void,
): Promise<PullOutcome[]> {
  const sheetStore = deps.store
  const sleep = deps.sleep ?? realSleep
  const interval = 60_000 / (deps.readsPerMinute ?? defaultReadsPerMinute)
  const outcomes: PullOutcome[] = []
  const backoff = { sleep, ...deps.backoff }
  for (const [index, sheet] of sheetStore.listSheets().entries()) {
    if (index > 0) await sleep(interval)
    let outcome: PullOutcome
    try {
      const read = await readSpreadsheet(deps.api, parseSheetTarget(sheet.url), null, backoff)
      const body: JsonSubmission = jsonSubmissionSchema.parse({
        period: period.id,
        ...(read.title ? { fileName: read.title } : {}),
        ...(read.meta ? { meta: read.meta } : {}),
        table: read.grid,
      })
      const raw = new TextEncoder().encode(JSON.stringify({ ...body, source: sheet.url }))
      const checked = checkUploadedTable(body, raw, period.cutOff, deps.catalog)
      const record = deps.store.addSubmission({
        agencyId: sheet.agencyId,
        period: period.id,
        submittedAt: deps.now().toISOString(),
        submittedBy: 'sheets-pull',
        fileName: checked.fileName,
        contentType: checked.contentType,
        file: checked.file,
        planId: checked.planId,
        report: checked.report,
        source: 'google-sheet',
      })
      outcome = {
        agencyId: sheet.agencyId,
        ok: true,
        submissionId: record.id,
        version: record.version,
        errors: record.errors,
      }
    } catch (error) {
      outcome = { agencyId: sheet.agencyId, ok: false, error: describeFailure(error) }
    }
    sheetStore.recordPull(sheet.agencyId, {
      at: deps.now().toISOString(),
      period: period.id,
      submissionId: outcome.ok ? outcome.submissionId : null,
      error: outcome.ok ? null : outcome.error.message,
    })
    outcomes.push(outcome)
    onProgress?.(outcome)
  }
  return outcomes
}
