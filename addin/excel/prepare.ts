import {
  computeMarkPlan,
  fieldSpecs,
  findMarkRecord,
  findRecordedSheet,
  marksSheetName,
  metaSheetName,
  replaceMarkRecord,
  validateTable,
  type CellDecision,
  type MarkBook,
  type MarkPlan,
  type MarkRecord,
  type Report,
  type SavedCell,
} from '../../core/index.ts'
import type { CheckOptions } from './options.ts'
import { AddinError } from './errors.ts'
import { computeWritePlan, nameCheckSheet, readColumn, type WritePlan } from './mark.ts'
import { createProbe, queueProbe, type Probe, type ProbeRequest } from './probe.ts'
import type { SheetRead } from './read.ts'
import { computeRecord, readMarkBook, type CellBase } from './record.ts'
import {
  collectRestoreAddresses,
  decideRestore,
  planRestore,
  readCellValue,
  type RestorePlan,
} from './restore.ts'
import { loadSheet } from './sheet.ts'

/** The labels of the computed columns, as marking writes them in the header row. */
const computedLabels = new Set(
  ['status', 'score', 'check'].map((f) => fieldSpecs[f as 'status'].label),
)

/**
 * Refuses, before anything is written, what the add-in must not act on: a workbook whose
 * structure is protected (its sheets could not be added or deleted), and its own sheets (the
 * "Kiểm tra" sheets its records name, the hidden record and metadata), which are never annexes.
 */
export function refuseSheet(read: SheetRead, book: MarkBook | null): void {
  if (read.structureProtected) throw new AddinError('workbook-protected')
  const name = read.sheetName
  if (name === marksSheetName || name === metaSheetName)
    throw new AddinError('own-sheet', { sheet: name, annex: '' })
  for (const record of book?.records ?? []) {
    if (!record.checkSheet) continue
    if (findRecordedSheet(record.checkSheet, read.sheets)?.id !== read.sheetId) continue
    const annex = findRecordedSheet(record.sheet, read.sheets)?.name ?? record.sheet.name
    throw new AddinError('own-sheet', { sheet: name, annex })
  }
}

/**
 * The record of this sheet: its own (by id, else by name), or — for a copy of a marked sheet, whose
 * header row holds the computed columns another record added at the same places — a copy of that
 * record, so that the copy's marks can be cleared too.
 */
export function findSheetRecord(
  book: MarkBook | null,
  read: SheetRead,
): { record: MarkRecord; adopted: boolean } | null {
  const own = findMarkRecord(book, { name: read.sheetName, id: read.sheetId }, read.sheets)
  if (own) return { record: own, adopted: false }
  const copied = (book?.records ?? []).find(
    (r) =>
      r.added.length > 0 &&
      findRecordedSheet(r.sheet, read.sheets)?.id !== read.sheetId &&
      r.added.every((letter) => {
        const header = readCellValue(read, `${letter}${r.headerRow}`)
        return typeof header === 'string' && computedLabels.has(header)
      }),
  )
  if (!copied) return null
  const record = { ...copied, sheet: { name: read.sheetName, id: read.sheetId }, checkSheet: null }
  return { record, adopted: true }
}

/** Everything a check knows before it writes: the sheet, its report and marks, the cells' state. */
export type PreparedCheck = {
  read: SheetRead
  report: Report
  plan: MarkPlan
  book: MarkBook | null
  previous: RestorePlan | null
  decisions: Map<string, CellDecision>
  probe: Probe
  writes: WritePlan
  record: MarkRecord
  /** The book to write: this sheet's record replaced, the others kept. */
  next: MarkBook
  notes: boolean
  checkSheet: Excel.Worksheet
}

/** The state a cell will have once the previous marks are restored. */
function createBase(read: SheetRead, probe: Probe, decisions: Map<string, CellDecision>) {
  return (address: string): CellBase => {
    const restore = decisions.get(address)?.restore ?? {}
    return {
      value: restore.value ? restore.value.value : readCellValue(read, address),
      format: restore.value ? restore.value.format : (read.formats.get(address) ?? 'General'),
      fill: restore.fill !== undefined ? restore.fill : (probe.fills.get(address) ?? null),
      note: restore.note !== undefined ? restore.note : (probe.notes.get(address) ?? null),
    }
  }
}

/**
 * The read side of a check: the sheet in row blocks, the report and mark plan, the previous marks
 * (rows found again by STT, content and position), then one probe round trip that also creates the
 * new "Kiểm tra" sheet so the record can name it by id. Refusals come before anything is written.
 */
export async function prepareCheck(
  context: Excel.RequestContext,
  options: CheckOptions,
  counter: { syncs: number },
): Promise<PreparedCheck> {
  const read = await loadSheet(context, 'active', counter, options.onProgress)
  const book = readMarkBook(read)
  refuseSheet(read, book)
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
  if (!report.header) throw new AddinError('no-table', { sheet: read.sheetName })
  const found = findSheetRecord(book, read)
  const previous = found ? planRestore(found.record, read, report.header.row) : null
  const plan = computeMarkPlan(report, found ? found.record.added : [])
  options.onProgress?.({ phase: 'mark', done: 0, total: 1 })
  const notes = options.notes && read.access.editObjects
  const added = new Set(plan.columns.filter((c) => c.added).map((c) => c.column))
  // Cells of added columns hold nothing to keep; their locks matter only on a protected sheet.
  const reused = plan.values.map((v) => v.address).filter((a) => !added.has(readColumn(a)))
  const restoring = collectRestoreAddresses(previous, read)
  const request: ProbeRequest = {
    notes: notes ? [...plan.notes.map((n) => n.address), ...restoring] : [],
    cells: [
      ...(read.access.protected ? plan.values.map((v) => v.address) : reused),
      ...plan.notes.map((n) => n.address),
      ...(read.access.protected ? [...added].map((c) => `${c}${plan.headerRow}`) : []),
      ...restoring,
    ],
    formulas: reused,
  }
  const oldCheck = found?.adopted === false ? found.record.checkSheet : null
  const oldCheckId = oldCheck ? (findRecordedSheet(oldCheck, read.sheets)?.id ?? null) : null
  const checkName = nameCheckSheet(read, oldCheckId)
  if (oldCheckId && oldCheckId !== read.sheetId)
    context.workbook.worksheets.getItem(oldCheckId).delete()
  const created = context.workbook.worksheets.add(checkName)
  created.load('id')
  const probe = await runProbe(context, read, request, counter)
  const decisions = previous ? decideRestore(previous, read, probe, notes) : new Map()
  const writes = computeWritePlan(read, plan, probe, notes)
  const pending: SavedCell[] = [...decisions.values()].flatMap((d) =>
    d.pending ? [d.pending] : [],
  )
  const record = computeRecord(
    read,
    report,
    plan,
    writes,
    createBase(read, probe, decisions),
    pending,
    {
      name: checkName,
      id: created.id,
    },
  )
  const next = replaceMarkRecord(book, found?.adopted === false ? found.record : null, record)
  // A sheet made by add() is addressed by id after the round trip (its add() path no longer is valid).
  const checkSheet = context.workbook.worksheets.getItem(created.id)
  return {
    read,
    report,
    plan,
    book,
    previous,
    decisions,
    probe,
    writes,
    record,
    next,
    notes,
    checkSheet,
  }
}

/** Usually one round trip: notes, fills, locks and formulas of every cell the restore and the marks touch. */
export async function runProbe(
  context: Excel.RequestContext,
  read: SheetRead,
  request: ProbeRequest,
  counter: { syncs: number },
): Promise<Probe> {
  const sync = async (): Promise<void> => {
    await context.sync()
    counter.syncs++
  }
  const probe = createProbe()
  const sheet = context.workbook.worksheets.getItem(read.sheetId)
  const pending = await queueProbe(sheet, request, sync, probe)
  await sync()
  for (const done of pending) done()
  return probe
}
