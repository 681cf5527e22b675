import {
  computeMarkPlan,
  readTable,
  validateTable,
  type MarkPlan,
  type MarkRecord,
  type Report,
  type SheetIdentity,
} from '../../core/index.ts'
import type { CheckOptions } from './check.ts'
import { computeRecord, nameCheckSheet, queueCheckSheet, queueMarks, queueRecord } from './mark.ts'
import { createProbe, queueProbe, type Probe } from './probe.ts'
import type { SheetRead } from './read.ts'
import { collectRestoreAddresses, planRestore, queueRestore, type RestorePlan } from './restore.ts'
import { loadSheet } from './sheet.ts'
import type { Batch } from './write.ts'

/**
 * The sheet a record names, among the workbook's sheets: by id when the record was written by the
 * add-in (Office.js ids look like "{…}"), by name when another surface (the ExcelJS marker) wrote it.
 */
export function findRecordedSheet(
  identity: SheetIdentity,
  sheets: readonly { name: string; id: string }[],
): { name: string; id: string } | null {
  const byId = identity.id !== null && /^\{.*\}$/.test(identity.id)
  return sheets.find((s) => (byId ? s.id === identity.id : s.name === identity.name)) ?? null
}

/** The previous marks and the sheet they are on (read too when it is not the checked one). */
export async function findPrevious(
  context: Excel.RequestContext,
  read: SheetRead,
  counter: { syncs: number },
): Promise<RestorePlan | null> {
  const record = read.record
  if (!record) return null
  const found = findRecordedSheet(record.sheet, read.sheets)
  if (!found) return null
  const sheet =
    found.id === read.sheetId ? read : await loadSheet(context, { id: found.id }, counter)
  return planRestore(record, sheet, readTable(sheet.grid)?.header.row ?? null)
}

/** A target of the probe: a sheet, the cells whose notes matter and the cells written or restored. */
type ProbeTarget = { read: SheetRead; notes: string[]; cells: string[] }

/** Usually one round trip: notes, fills and locks of every cell the restore and the marks touch. */
export async function probeCells(
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

/** Everything a check knows before it writes: the sheet, its report and marks, the cells' state. */
export type PreparedCheck = {
  read: SheetRead & { recordRows: number }
  report: Report
  plan: MarkPlan
  previous: RestorePlan | null
  probes: Map<string, Probe>
  record: MarkRecord
  checkSheet: Excel.Worksheet
}

/**
 * The read side of a check: the sheet in row blocks, the report and mark plan, the previous marks
 * (refused before anything changes when their rows cannot be found), then one probe round trip that
 * also creates the new "Kiểm tra" sheet so the record can name it by id.
 */
export async function prepareCheck(
  context: Excel.RequestContext,
  options: CheckOptions,
  counter: { syncs: number },
): Promise<PreparedCheck> {
  const read = await loadSheet(context, 'active', counter, options.onProgress)
  options.onProgress?.({ phase: 'check', done: 0, total: 1 })
  const report = validateTable(read.grid, {
    asOf: options.asOf,
    file: options.file ?? null,
    year: options.year ?? null,
    issued: options.issued ?? null,
    meta: read.meta,
    profile: options.profileFor?.(read.meta?.planId ?? null) ?? null,
    registry: options.registry ?? null,
  })
  const previous = await findPrevious(context, read, counter)
  const own = previous?.sheet.sheetId === read.sheetId ? previous : null
  const plan = computeMarkPlan(report, own ? own.record.added : [])
  options.onProgress?.({ phase: 'mark', done: 0, total: 1 })
  // Cells of added columns hold nothing to keep; their locks matter only on a protected sheet.
  const added = new Set(plan.columns.filter((c) => c.added).map((c) => c.column))
  const planned = [
    ...plan.values
      .map((v) => v.address)
      .filter((a) => read.protection.protected || !added.has(/^[A-Z]+/.exec(a)![0])),
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
  const ownCheck = previous?.record.checkSheet ?? null
  const ownCheckId = ownCheck && findRecordedSheet(ownCheck, read.sheets)?.id
  if (ownCheckId) context.workbook.worksheets.getItem(ownCheckId).delete()
  const checkName = nameCheckSheet(read, ownCheckId ?? null)
  const probes = await probeCellsWithSheet(context, targets, options.notes, counter, checkName)
  const record = computeRecord(read, report, plan, probes.get(read.sheetId)!, previous, {
    name: checkName,
    id: probes.checkSheetId,
  })
  // A sheet made by add() is addressed by id after the round trip (its add() path no longer is valid).
  const checkSheet = context.workbook.worksheets.getItem(probes.checkSheetId)
  return { read, report, plan, previous, probes, record, checkSheet }
}

/**
 * Queues every write of a check: a record covering the old and the new marks first (so that any
 * failure after it can be undone by "Xóa đánh dấu"), the restore of the old marks, the new marks,
 * the "Kiểm tra" sheet, and the final record last. Returns the locked cells left alone.
 */
export async function queueWrites(
  batch: Batch,
  prepared: PreparedCheck,
  checkSheet: Excel.Worksheet,
  notes = true,
): Promise<string[]> {
  const { read, plan, previous, probes, record } = prepared
  const own = previous?.sheet.sheetId === read.sheetId ? previous : null
  const state = { exists: read.hasMarksSheet, rows: read.recordRows }
  const known = new Set(record.cells.map((c) => c.address))
  const union = own
    ? { ...record, cells: [...record.cells, ...own.cells.filter((c) => !known.has(c.address))] }
    : record
  await queueRecord(batch, union, state)
  const skipped: string[] = []
  if (previous)
    skipped.push(
      ...(await queueRestore(batch, previous, probes.get(previous.sheet.sheetId)!, notes)),
    )
  const probe = probes.get(read.sheetId)!
  skipped.push(
    ...(await queueMarks(batch, read, plan, probe, notes && read.protection.editObjects)),
  )
  await queueCheckSheet(batch, read.sheetName, plan, checkSheet)
  if (union !== record) await queueRecord(batch, record, state)
  return skipped
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
