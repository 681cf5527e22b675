import {
  validateTable,
  type Grid,
  type MarkPlan,
  type Report,
  type TemplateMeta,
} from '../../core/index.ts'
import { AddinError } from './errors.ts'
import type { CheckOptions } from './options.ts'
import { queueCheckSheet, queueMarks } from './mark.ts'
import { prepareCheck, refuseSheet, type PreparedCheck } from './prepare.ts'
import { parseAddress, type SheetRead } from './read.ts'
import { queueMarkBook, readMarkBook } from './record.ts'
import { queueRestore } from './restore.ts'
import { loadSheet, type SheetChoice } from './sheet.ts'
import { createBatch, type Batch } from './write.ts'

export type { Progress } from './sheet.ts'
export { runFixes, type FixOutcome, type ManualFix } from './fix.ts'
export { runClear, type ClearOutcome } from './clear.ts'

export type { CheckOptions } from './options.ts'

export type CheckOutcome = {
  report: Report
  read: SheetRead
  plan: MarkPlan
  syncs: number
  /** Cells a protected sheet kept locked, left unmarked (the "Kiểm tra" sheet still lists their issues). */
  skipped: string[]
  /** Cells of the previous marks whose rows are gone (deleted or rewritten), left as they are. */
  unrestored: string[]
  /** Notes of earlier marks still to put back on a host with notes. */
  pendingNotes: number
  /** Cells of a reused computed column holding the agency's own formula, kept. */
  formulas: string[]
}

/** Whether the host can write cell notes (ExcelApi 1.18: Microsoft 365 and the web, not Office 2021/2024). */
export function hasNotesApi(): boolean {
  return (
    typeof Office !== 'undefined' &&
    Office.context?.requirements?.isSetSupported('ExcelApi', '1.18') === true
  )
}

/**
 * Queues every write of a check: a book covering the old and the new marks first (so that any
 * failure after it can be undone by "Xóa đánh dấu"), the restore of the old marks, the new marks,
 * the "Kiểm tra" sheet, and the final book last. Returns the locked cells left alone.
 */
export async function queueWrites(batch: Batch, prepared: PreparedCheck): Promise<string[]> {
  const { read, plan, previous, probe, record, next, decisions, writes, notes } = prepared
  const state = { exists: read.marks.exists, rows: read.marks.rows }
  const known = new Set(record.cells.map((c) => c.address))
  const leftover = previous?.cells.filter((c) => !known.has(c.address)) ?? []
  const union = leftover.length
    ? {
        ...next,
        records: next.records.map((r) =>
          r === record ? { ...r, cells: [...r.cells, ...leftover] } : r,
        ),
      }
    : next
  await queueMarkBook(batch, union, state)
  const skipped = previous ? await queueRestore(batch, previous, read, probe, decisions, notes) : []
  await queueMarks(batch, read, plan, writes, probe)
  skipped.push(...writes.skipped)
  await queueCheckSheet(batch, read.sheetName, plan, prepared.checkSheet, read.date1904)
  if (union !== next) await queueMarkBook(batch, next, state)
  return [...new Set(skipped)]
}

/**
 * Checks the active sheet's table and marks it in place. Reads in row blocks, refuses before
 * anything changes what it must not act on (its own sheets, a sheet without a table, a protected
 * workbook structure), restores this sheet's previous marks as far as their rows are found, then
 * writes the record first, the marks, and the final record last — so that a failure part-way
 * leaves a record "Xóa đánh dấu" can undo. About four round trips for an ordinary sheet.
 */
export async function runCheck(
  context: Excel.RequestContext,
  options: CheckOptions,
): Promise<CheckOutcome> {
  const counter = { syncs: 0 }
  const prepared = await prepareCheck(context, options, counter)
  const batch = createBatch(context, counter, () =>
    options.onProgress?.({ phase: 'mark', done: counter.syncs, total: counter.syncs + 1 }),
  )
  const skipped = await queueWrites(batch, prepared)
  await batch.flush()
  options.onProgress?.({ phase: 'done', done: 1, total: 1 })
  const { report, read, plan, previous, record, writes } = prepared
  const pendingNotes = record.cells.filter((c) => c.note !== undefined && !prepared.notes).length
  return {
    report,
    read,
    plan,
    syncs: counter.syncs,
    skipped,
    unrestored: previous?.unrestored ?? [],
    pendingNotes,
    formulas: writes.formulas,
  }
}

/** What "Gửi báo cáo" sends: the sheet as it is now, read and checked again, with its metadata. */
export type SheetReport = { report: Report; grid: Grid; meta: TemplateMeta | null; sheetId: string }

/**
 * Reads a sheet again and checks it without writing anything, so that what is sent is the sheet
 * as it is now (not the grid of the last check). `which` is the checked sheet's id, else the
 * active sheet; the add-in's own sheets and sheets without a table are refused.
 */
export async function readSheetReport(
  context: Excel.RequestContext,
  which: SheetChoice,
  options: Omit<CheckOptions, 'notes'>,
): Promise<SheetReport> {
  const read = await loadSheet(context, which, { syncs: 0 }, options.onProgress)
  refuseSheet({ ...read, structureProtected: false }, readMarkBook(read))
  const report = validateTable(read.grid, {
    asOf: options.asOf,
    file: options.file ?? null,
    year: options.year ?? null,
    issued: options.issued ?? null,
    meta: read.meta,
    profile: options.profileFor?.(read.meta?.planId ?? null) ?? null,
    registry: options.registry ?? null,
  })
  if (!report.header) throw new AddinError('no-table', { sheet: read.sheetName })
  return { report, grid: read.grid, meta: read.meta, sheetId: read.sheetId }
}

/** Selects a cell of the checked sheet (from the pane's problem list), by the sheet's id. */
export async function selectCell(
  context: Excel.RequestContext,
  sheetId: string,
  address: string,
): Promise<void> {
  parseAddress(address)
  const sheet = context.workbook.worksheets.getItem(sheetId)
  sheet.activate()
  sheet.getRange(address).select()
  await context.sync()
}
