import {
  computeMarkPlan,
  marksSheetName,
  readTable,
  validateTable,
  type AgencyRegistry,
  type IsoDate,
  type MarkPlan,
  type MarkRecord,
  type Report,
  type ScoringProfile,
} from '../../core/index.ts'
import { computeRecord, nameCheckSheet, queueCheckSheet, queueMarks, queueRecord } from './mark.ts'
import { createProbe, queueProbe, type Probe } from './probe.ts'
import { parseAddress, type SheetRead } from './read.ts'
import { collectRestoreAddresses, planRestore, queueRestore, type RestorePlan } from './restore.ts'
import { loadSheet, type Progress } from './sheet.ts'
import { createBatch } from './write.ts'

export type { Progress } from './sheet.ts'
export { runFixes, type ManualFix } from './fix.ts'

export type CheckOptions = {
  asOf: IsoDate
  file?: string | null
  year?: number | null
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

/** Whether a record belongs to a sheet: by id, or by name when the record came from another surface. */
function isRecordOf(record: MarkRecord, read: SheetRead): boolean {
  if (record.sheet.id && /^\{.*\}$/.test(record.sheet.id)) return record.sheet.id === read.sheetId
  return record.sheet.name === read.sheetName
}

/** The previous marks and the sheet they are on (read too when it is not the checked one). */
async function findPrevious(
  context: Excel.RequestContext,
  read: SheetRead,
  counter: { syncs: number },
): Promise<RestorePlan | null> {
  const record = read.record
  if (!record) return null
  let sheet: SheetRead | null = isRecordOf(record, read) ? read : null
  if (!sheet) {
    const other = read.sheets.find((s) =>
      record.sheet.id && /^\{.*\}$/.test(record.sheet.id)
        ? s.id === record.sheet.id
        : s.name === record.sheet.name,
    )
    if (!other) return null
    sheet = await loadSheet(context, { id: other.id }, counter)
  }
  return planRestore(record, sheet, readTable(sheet.grid)?.header.row ?? null)
}

/** A target of the probe: a sheet, the cells whose notes matter and the cells written or restored. */
type ProbeTarget = { read: SheetRead; notes: string[]; cells: string[] }

/** Usually one round trip: notes, fills and locks of every cell the restore and the marks touch. */
async function probeCells(
  context: Excel.RequestContext,
  targets: ProbeTarget[],
  notes: boolean,
  counter: { syncs: number },
): Promise<Map<string, Probe>> {
  const sync = async (): Promise<void> => {
    await context.sync()
    counter.syncs++
  }
  const probes = new Map<string, Probe>()
  const pending = []
  for (const t of targets) {
    const probe = createProbe()
    probes.set(t.read.sheetId, probe)
    const sheet = context.workbook.worksheets.getItem(t.read.sheetId)
    const withNotes = notes && t.read.protection.editObjects
    pending.push(...(await queueProbe(sheet, withNotes ? t.notes : [], t.cells, sync, probe)))
  }
  await sync()
  for (const read of pending) read()
  return probes
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
  const read = await loadSheet(context, 'active', counter, options.onProgress)
  options.onProgress?.({ phase: 'check', done: 0, total: 1 })
  const report = validateTable(read.grid, {
    asOf: options.asOf,
    file: options.file ?? null,
    year: options.year ?? null,
    meta: read.meta,
    profile: options.profileFor?.(read.meta?.planId ?? null) ?? null,
    registry: options.registry ?? null,
  })
  const previous = await findPrevious(context, read, counter)
  const own = previous?.sheet.sheetId === read.sheetId ? previous : null
  const plan = computeMarkPlan(report, own ? own.record.added : [])
  options.onProgress?.({ phase: 'mark', done: 0, total: 1 })
  const planned = [
    ...plan.values.map((v) => v.address),
    ...plan.notes.map((n) => n.address),
    ...plan.columns.filter((c) => c.added).map((c) => `${c.column}${plan.headerRow}`),
  ]
  const restoring = collectRestoreAddresses(own)
  const targets: ProbeTarget[] = [
    {
      read,
      notes: [...plan.notes.map((n) => n.address), ...restoring],
      cells: [...planned, ...restoring],
    },
  ]
  if (previous && !own) {
    const addresses = collectRestoreAddresses(previous)
    targets.push({ read: previous.sheet, notes: addresses, cells: addresses })
  }
  // The new "Kiểm tra" sheet is created in the probe's round trip, so the record can name it by id.
  const ownCheck = previous?.record.checkSheet ?? null
  const ownCheckId = ownCheck && read.sheets.find((s) => s.id === ownCheck.id)?.id
  if (ownCheckId) context.workbook.worksheets.getItem(ownCheckId).delete()
  const checkName = nameCheckSheet(read, ownCheckId ?? null)
  const probes = await probeCellsWithSheet(context, targets, options.notes, counter, checkName)
  const probe = probes.get(read.sheetId)!
  const record = computeRecord(read, report, plan, probe, previous, {
    name: checkName,
    id: probes.checkSheetId,
  })
  const batch = createBatch(context, counter, () =>
    options.onProgress?.({ phase: 'mark', done: counter.syncs, total: counter.syncs + 1 }),
  )
  const state = { exists: read.hasMarksSheet, rows: read.recordRows }
  // A record covering both the old and the new marks goes first: any failure after it can be undone.
  const union = own
    ? {
        ...record,
        cells: [
          ...record.cells,
          ...own.cells.filter((c) => !record.cells.some((r) => r.address === c.address)),
        ],
      }
    : record
  await queueRecord(batch, union, state)
  const skipped: string[] = []
  if (previous)
    skipped.push(
      ...(await queueRestore(batch, previous, probes.get(previous.sheet.sheetId)!, options.notes)),
    )
  skipped.push(
    ...(await queueMarks(batch, read, plan, probe, options.notes && read.protection.editObjects)),
  )
  await queueCheckSheet(batch, read.sheetName, plan, probes.checkSheet)
  if (union !== record) await queueRecord(batch, record, state)
  await batch.flush()
  options.onProgress?.({ phase: 'done', done: 1, total: 1 })
  return { report, read, plan, syncs: counter.syncs, skipped }
}

/** The probe's round trip, also creating the (empty) "Kiểm tra" sheet to learn its id. */
async function probeCellsWithSheet(
  context: Excel.RequestContext,
  targets: ProbeTarget[],
  notes: boolean,
  counter: { syncs: number },
  checkName: string,
): Promise<Map<string, Probe> & { checkSheetId: string; checkSheet: Excel.Worksheet }> {
  const sheet = context.workbook.worksheets.add(checkName)
  sheet.load('id')
  const probes = await probeCells(context, targets, notes, counter)
  return Object.assign(probes, { checkSheetId: sheet.id, checkSheet: sheet })
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
  const check = previous.record.checkSheet
  if (check && read.sheets.some((s) => s.id === check.id && s.id !== previous.sheet.sheetId))
    context.workbook.worksheets.getItem(check.id!).delete()
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
