import type { sheets_v4 } from '@googleapis/sheets'
import type { Period } from '../../core/index.ts'
import type { Store } from '../store/index.ts'
import type { Intake } from '../intake/receive.ts'
import { jsonSubmissionSchema, type JsonSubmission } from '../intake/table.ts'
import { realSleep, type BackoffOptions, type Sleeper } from './backoff.ts'
import { readSpreadsheet } from './read.ts'
import { parseSheetTarget } from './target.ts'
import { AppError } from '../errors/index.ts'

/** Google's limit is 60 reads per minute per user (the service account is one user); stay below it. */
export const defaultReadsPerMinute = 50

/** What the pull needs besides the store: how to reach Sheets (tests pass the fake) and how to wait. */
export type SheetsPullOptions = {
  createApi?: () => Promise<sheets_v4.Sheets>
  sleep?: Sleeper
  readsPerMinute?: number
}

export type PullDeps = {
  store: Store
  /** Where each pulled table is received, as every report is (quota, parse worker, group commit). */
  intake: Intake
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
  if (error instanceof AppError)
    return { code: error.code, message: error.text.vi, en: error.text.en }
  const text = error instanceof Error ? error.message.slice(0, 200) : String(error)
  return { code: 'sheets/failed', message: `Không lấy được bảng tính: ${text}`, en: text }
}

/**
 * Pulls every registered agency sheet for a period, one read each, paced under the per-user quota;
 * each is received like an upload (source "google-sheet", the grid as the stored file).
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
      const { record } = await deps.intake.receive({
        payload: { kind: 'table', bytes: raw },
        destination: { agencyId: sheet.agencyId, period },
        source: 'google-sheet',
        actor: 'sheets-pull',
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
