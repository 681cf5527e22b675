import {
  computeRowKey,
  computeRowMapping,
  formatHexColor,
  moveAddress,
  type CellValue,
  type MarkRecord,
  type SavedCell,
} from '../../core/index.ts'
import { AddinError } from './errors.ts'
import type { Probe } from './probe.ts'
import { convertOfficeValue, type SheetRead } from './read.ts'
import { formatRun, groupRuns, queueText, type Batch } from './write.ts'

/** A marked sheet as it is now: where the record's cells are (rows moved by their identity). */
export type RestorePlan = {
  record: MarkRecord
  sheet: SheetRead
  rows: Map<number, number>
  headerRow: number
  lastRow: number
  cells: SavedCell[]
}

/** A cell's value as core sees it, from what Office.js returned. */
export function readCellValue(read: SheetRead, address: string): CellValue {
  return convertOfficeValue(read.raw.get(address) ?? '', read.formats.get(address) ?? 'General')
}

/**
 * Finds where the record's marks are now on the sheet: in place, or moved with their rows (found by
 * STT + content). Throws 'marks-moved' — before anything is written — when a marked row is gone.
 */
export function planRestore(
  record: MarkRecord,
  sheet: SheetRead,
  headerRow: number | null,
): RestorePlan {
  const { stt, content } = record.keyColumns
  const keyAt = (row: number) =>
    computeRowKey(
      stt ? readCellValue(sheet, `${stt}${row}`) : null,
      content ? readCellValue(sheet, `${content}${row}`) : null,
    )
  const lastSheetRow = sheet.grid.top + sheet.grid.cells.length - 1
  const mapping = computeRowMapping(record, keyAt, Math.max(lastSheetRow, record.lastRow))
  if (mapping.kind === 'refused') throw new AddinError('marks-moved')
  const rows = mapping.kind === 'moved' ? mapping.rows : new Map<number, number>()
  const shift = headerRow === null ? 0 : headerRow - record.headerRow
  const moved = (row: number) => rows.get(row) ?? row + (rows.size ? shift : 0)
  const cells = record.cells.map((c) => ({ ...c, address: moveAddress(c.address, rows) }))
  const lastRow = Math.max(...record.rows.map((r) => moved(r.row)), moved(record.headerRow))
  return { record, sheet, rows, headerRow: moved(record.headerRow), lastRow, cells }
}

/** Queues a cell's note: its text, or its removal when `text` is null (only where one exists). */
export function queueNote(
  sheet: Excel.Worksheet,
  probe: Probe,
  address: string,
  text: string | null,
): number {
  const exists = (probe.notes.get(address) ?? null) !== null
  probe.notes.set(address, text)
  if (text === null) {
    if (!exists) return 0
    sheet.notes.getItem(address).delete()
  } else if (exists) sheet.notes.getItem(address).content = text
  else sheet.notes.add(address, text)
  return 1
}

/**
 * Queues the restore of the previous marks: added columns emptied (contents, fills and formats —
 * never a `clear()` that would relock them on a protected sheet), saved values, formats, fills and
 * notes put back. Locked cells of a protected sheet are left alone and returned.
 */
export async function queueRestore(
  batch: Batch,
  plan: RestorePlan,
  probe: Probe,
  notes: boolean,
): Promise<string[]> {
  const { sheet: read, record } = plan
  const ws = batch.context.workbook.worksheets.getItem(read.sheetId)
  const canFormat = read.protection.formatCells
  // Only the cells the check wrote in its added columns (header and marked rows) are emptied.
  const rows = [plan.headerRow, ...record.rows.map((r) => plan.rows.get(r.row) ?? r.row)]
  for (const letter of record.added) {
    const cells = [...new Set(rows)].map((row) => ({ address: `${letter}${row}` }))
    for (const run of groupRuns(cells)) {
      const range = ws.getRange(formatRun(run))
      range.clear('Contents')
      const general = run.items.map(() => ['General'])
      if (canFormat) {
        range.format.fill.clear()
        range.numberFormat = general
        range.format.font.bold = false
      }
      await batch.add(4, general)
    }
  }
  const skipped: string[] = []
  const writable = plan.cells.filter((c) => {
    if (c.value === undefined) return false
    if (read.protection.protected && probe.locked.has(c.address)) skipped.push(c.address)
    else return true
    return false
  })
  for (const run of groupRuns(writable)) {
    const values = run.items.map((c) => [c.value ?? null])
    const formats = run.items.map((c) => [c.format ?? 'General'])
    await queueText(batch, ws.getRange(formatRun(run)), values, canFormat ? formats : undefined)
  }
  for (const saved of plan.cells) {
    const range = ws.getRange(saved.address)
    if (canFormat) {
      if (saved.fill) range.format.fill.color = formatHexColor(saved.fill)
      else range.format.fill.clear()
    }
    const n = notes ? queueNote(ws, probe, saved.address, saved.note) : 0
    await batch.add(1 + n, saved.note)
  }
  return skipped
}

/** The cells a restore touches (to probe their notes, fills and locks). */
export function collectRestoreAddresses(plan: RestorePlan | null): string[] {
  return plan ? plan.cells.map((c) => c.address) : []
}

/** The value a reused cell had, for the record, from the read (dates by their format). */
export function saveCell(
  read: SheetRead,
  probe: Probe,
  address: string,
  withValue: boolean,
): SavedCell {
  const saved: SavedCell = {
    address,
    fill: probe.fills.get(address) ?? null,
    note: probe.notes.get(address) ?? null,
  }
  if (withValue) {
    saved.value = readCellValue(read, address)
    saved.format = read.formats.get(address) ?? 'General'
  }
  return saved
}
