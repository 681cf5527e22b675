import type { sheets_v4 } from '@googleapis/sheets'
import {
  columnNumber,
  computeFixes,
  computeKeyColumns,
  computeMarkPlan,
  validateTable,
  type AgencyRegistry,
  type ColumnChoices,
  type IsoDate,
  type MarkPlan,
  type Report,
  type ScoringProfile,
  splitAddress,
} from '../../core/index.ts'
import { callWithBackoff, type BackoffOptions } from './backoff.ts'
import { convertApiError } from './errors.ts'
import { computeFixRequests, computeMarkRequests, computeRestoreRequests } from './mark.ts'
import { readSpreadsheet, type SpreadsheetRead } from './read.ts'
import type { SheetTarget } from './target.ts'
import { AppError } from '../errors/index.ts'

export type SheetsCheckOptions = {
  asOf: IsoDate
  sheet?: string | null
  year?: number | null
  /** The plan's issue date (`--issued`). */
  issued?: IsoDate | null
  profile?: ScoringProfile | null
  profileFor?: ((planId: string | null) => ScoringProfile | null) | null
  registry?: AgencyRegistry | null
  /** The user's column choices (`--columns`), over those the spreadsheet remembers. */
  columns?: ColumnChoices | null
  /** Write nothing: only read and report. */
  write?: boolean
  /** Apply the safe automatic fixes first (one more batch), then check again. */
  fix?: boolean
  backoff?: BackoffOptions
}

export type SheetsCheckOutcome = {
  report: Report
  read: SpreadsheetRead
  plan: MarkPlan | null
  /** API calls made: reads and writes (each batchUpdate counts one). */
  calls: { reads: number; writes: number }
}

/** Sends one batchUpdate (with backoff), translating Google's refusals. */
export async function sendBatch(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  requests: sheets_v4.Schema$Request[],
  backoff: BackoffOptions = {},
): Promise<void> {
  if (!requests.length) return
  try {
    await callWithBackoff(
      () => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }),
      backoff,
    )
  } catch (error) {
    throw convertApiError(error)
  }
}

/** Whether any cell the plan writes lies in a range the user may not edit. */
function findLockedCell(read: SpreadsheetRead, plan: MarkPlan): string | null {
  const addresses = [
    ...plan.values.map((v) => v.address),
    ...plan.notes.map((n) => n.address),
    ...plan.columns.filter((c) => c.added).map((c) => `${c.column}${plan.headerRow}`),
  ]
  for (const address of addresses) {
    const { column, row } = splitAddress(address)
    const col = columnNumber(column) - 1
    const hit = read.locked.some(
      (r) =>
        row - 1 >= (r.startRowIndex ?? 0) &&
        row - 1 < (r.endRowIndex ?? Infinity) &&
        col >= (r.startColumnIndex ?? 0) &&
        col < (r.endColumnIndex ?? Infinity),
    )
    if (hit) return address
  }
  return null
}

function checkRead(read: SpreadsheetRead, options: SheetsCheckOptions): Report {
  const planId = read.meta?.planId ?? null
  return validateTable(read.grid, {
    asOf: options.asOf,
    file: read.title || null,
    year: options.year ?? null,
    issued: options.issued ?? null,
    meta: read.meta,
    profile: options.profile ?? options.profileFor?.(planId) ?? null,
    registry: options.registry ?? null,
    columns: options.columns ?? null,
  })
}

/**
 * Checks a Google Sheet with the same core as `cchc validate` and marks it in place: one
 * `spreadsheets.get`, one `batchUpdate` (two more with --fix). Refuses, in Vietnamese, sheets that are
 * protected against the user, too large or hold no annex table.
 */
export async function checkSpreadsheet(
  api: sheets_v4.Sheets,
  target: SheetTarget,
  options: SheetsCheckOptions,
): Promise<SheetsCheckOutcome> {
  const calls = { reads: 1, writes: 0 }
  let read = await readSpreadsheet(api, target, options.sheet ?? null, options.backoff)
  let report = checkRead(read, options)
  if (options.write !== false && options.fix) {
    const fixes = computeFixes(report)
    if (fixes.length) {
      await sendBatch(
        api,
        read.spreadsheetId,
        computeFixRequests(read.sheetId, fixes),
        options.backoff,
      )
      calls.writes++
      read = await readSpreadsheet(api, { ...target, gid: read.sheetId }, null, options.backoff)
      calls.reads++
      report = checkRead(read, options)
    }
  }
  if (options.write === false) return { report, read, plan: null, calls }
  if (!report.header) throw new AppError('sheets/not-annex', `“${read.sheetName}”`)
  const plan = computeMarkPlan(
    report,
    read.record?.sheetId === read.sheetId ? read.record.added : [],
    read.grid.merges,
  )
  const locked = findLockedCell(read, plan)
  if (locked) throw new AppError('sheets/protected', `${read.sheetName}!${locked}`)
  const keys = computeKeyColumns(report.header)
  const { requests } = computeMarkRequests(read, plan, keys)
  await sendBatch(api, read.spreadsheetId, requests, options.backoff)
  calls.writes++
  return { report, read, plan, calls }
}

/** Removes our marks and restores what they changed; false when the spreadsheet had none. */
export async function clearSpreadsheet(
  api: sheets_v4.Sheets,
  target: SheetTarget,
  backoff: BackoffOptions = {},
): Promise<boolean> {
  const first = await readSpreadsheet(api, target, null, backoff)
  const record = first.record
  if (!record && first.own.check === undefined && first.own.marks === undefined) return false
  // The record names the marked sheet; read it again only when the link pointed elsewhere.
  const read =
    record && record.sheetId !== first.sheetId
      ? await readSpreadsheet(api, { ...target, gid: record.sheetId }, null, backoff)
      : first
  await sendBatch(api, read.spreadsheetId, computeRestoreRequests(read), backoff)
  return true
}
