import {
  marksSheetName,
  type AgencyRegistry,
  type IsoDate,
  type MarkPlan,
  type Report,
  type ScoringProfile,
} from '../../core/index.ts'
import {
  findPrevious,
  findRecordedSheet,
  prepareCheck,
  probeCells,
  queueWrites,
} from './prepare.ts'
import { parseAddress, type SheetRead } from './read.ts'
import { collectRestoreAddresses, queueRestore } from './restore.ts'
import { loadSheet, type Progress } from './sheet.ts'
import { createBatch } from './write.ts'

export type { Progress } from './sheet.ts'
export { runFixes, type ManualFix } from './fix.ts'

export type CheckOptions = {
  asOf: IsoDate
  file?: string | null
  year?: number | null
  /** The plan's issue date typed in the pane, over the workbook's and the title's. */
  issued?: IsoDate | null
  registry?: AgencyRegistry | null
  /** The scoring profile for the template's plan id, when the plan has one. */
  profileFor?: ((planId: string | null) => ScoringProfile | null) | null
  /** Whether the host has the notes API (ExcelApi 1.18); without it problems are shown by fills only. */
  notes: boolean
  onProgress?: (progress: Progress) => void
}

export type CheckOutcome = {
  report: Report
  read: SheetRead
  plan: MarkPlan
  syncs: number
  /** Cells a protected sheet kept locked, left unmarked (the "Kiểm tra" sheet still lists their issues). */
  skipped: string[]
}

/** Whether the host can write cell notes (ExcelApi 1.18). */
export function hasNotesApi(): boolean {
  return (
    typeof Office !== 'undefined' &&
    Office.context?.requirements?.isSetSupported('ExcelApi', '1.18') === true
  )
}

/**
 * Checks the active sheet's table and marks it in place. Reads in row blocks, restores the previous
 * marks (found by sheet id and row identity, or refused before anything changes), then writes the
 * record first, the marks, and the final record last — so that a failure part-way leaves a record
 * that "Xóa đánh dấu" can undo. About four round trips for an ordinary sheet.
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
  const skipped = await queueWrites(batch, prepared, prepared.checkSheet, options.notes)
  await batch.flush()
  options.onProgress?.({ phase: 'done', done: 1, total: 1 })
  const { report, read, plan } = prepared
  return { report, read, plan, syncs: counter.syncs, skipped }
}

/**
 * Removes the marks of the last check and restores the original look, on whichever sheet was checked
 * (found by id after a rename, rows found again after insertions). Returns false when there were none.
 */
export async function runClear(
  context: Excel.RequestContext,
  options: { notes: boolean },
): Promise<{ cleared: boolean; syncs: number; skipped: string[] }> {
  const counter = { syncs: 0 }
  const read = await loadSheet(context, 'active', counter)
  const previous = await findPrevious(context, read, counter)
  if (!previous) return { cleared: false, syncs: counter.syncs, skipped: [] }
  const addresses = collectRestoreAddresses(previous)
  const probes = await probeCells(
    context,
    [{ read: previous.sheet, notes: addresses, cells: addresses }],
    options.notes,
    counter,
  )
  const batch = createBatch(context, counter)
  const skipped = await queueRestore(
    batch,
    previous,
    probes.get(previous.sheet.sheetId)!,
    options.notes && previous.sheet.protection.editObjects,
  )
  const check =
    previous.record.checkSheet && findRecordedSheet(previous.record.checkSheet, read.sheets)
  if (check && check.id !== previous.sheet.sheetId)
    context.workbook.worksheets.getItem(check.id).delete()
  context.workbook.worksheets.getItem(marksSheetName).delete()
  await batch.add(2)
  await batch.flush()
  return { cleared: true, syncs: counter.syncs, skipped }
}

/** Selects a cell of the checked sheet (from the pane's problem list). */
export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string,
  address: string,
): Promise<void> {
  parseAddress(address)
  const sheet = context.workbook.worksheets.getItem(sheetName)
  sheet.activate()
  sheet.getRange(address).select()
  await context.sync()
}
