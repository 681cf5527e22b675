import {
  computeKeyColumns,
  computeNoteHash,
  computeRowIdentity,
  computeValueHash,
  marksSheetName,
  parseMarkBook,
  serializeMarkBook,
  type CellValue,
  type MarkBook,
  type MarkPlan,
  type MarkRecord,
  type Report,
  type SavedCell,
  type SheetIdentity,
} from '../../core/index.ts'
import { readColumn, type WritePlan } from './mark.ts'
import { parseAddress, type SheetRead } from './read.ts'
import { readCellValue } from './restore.ts'
import type { Batch } from './write.ts'

/** The book of marks as read with the sheet (one record per checked sheet); null when none or unreadable. */
export function readMarkBook(read: SheetRead): MarkBook | null {
  return read.marks.exists ? parseMarkBook(read.marks.chunks) : null
}

/** Where the hidden sheet stands while a batch writes it. */
export type MarksState = { exists: boolean; rows: number }

/**
 * Queues the book: its chunks written as text over the first rows of "_cchc_marks" (created very
 * hidden when missing), then the rows an older, longer book used emptied. A book without records
 * removes the sheet. Its own sheet is never protected, so "@" is always allowed there.
 */
export async function queueMarkBook(
  batch: Batch,
  book: MarkBook,
  state: MarksState,
): Promise<void> {
  const sheets = batch.context.workbook.worksheets
  if (!book.records.length) {
    if (state.exists) sheets.getItem(marksSheetName).delete()
    await batch.add(1)
    state.exists = false
    state.rows = 0
    return
  }
  const chunks = serializeMarkBook(book)
  if (!state.exists) sheets.add(marksSheetName)
  // By name, not through add(): the batch may be sent in between.
  const ws = sheets.getItem(marksSheetName)
  // A big book goes in parts, so that each request stays under the limit.
  for (let start = 0; start < chunks.length; start += 40) {
    const part = chunks.slice(start, start + 40)
    const range = ws.getRange(`A${start + 1}:A${start + part.length}`)
    range.numberFormat = part.map(() => ['@'])
    range.values = part.map((c) => [c])
    await batch.add(2, part)
  }
  if (state.rows > chunks.length)
    ws.getRange(`A${chunks.length + 1}:A${state.rows}`).clear('Contents')
  if (!state.exists) ws.visibility = 'VeryHidden'
  await batch.add(2)
  state.exists = true
  state.rows = chunks.length
}

/** A cell as it will be once the previous marks are restored: what the new marking saves. */
export type CellBase = {
  value: CellValue
  format: string
  fill: string | null
  note: string | null
}

/**
 * The record of what a check writes: for each cell, the parts it changes, as they were (after the
 * previous marks were put back) and what it writes there (a hash or colour), so that a later restore
 * changes only what is still the check's. Cells of added columns keep only their notes (the columns
 * are emptied on restore). Notes still to restore from an earlier marking (on a host without notes)
 * are carried over.
 */
export function computeRecord(
  read: SheetRead,
  report: Report,
  plan: MarkPlan,
  writes: WritePlan,
  base: (address: string) => CellBase,
  pending: readonly SavedCell[],
  checkSheet: SheetIdentity | null,
): MarkRecord {
  const added = new Set(plan.columns.filter((c) => c.added).map((c) => c.column))
  const cells = new Map<string, SavedCell>()
  const entry = (address: string) => {
    let cell = cells.get(address)
    if (!cell) cells.set(address, (cell = { address }))
    return cell
  }
  for (const v of writes.values) {
    if (added.has(readColumn(v.address))) continue
    const before = base(v.address)
    Object.assign(entry(v.address), {
      value: before.value,
      format: before.format,
      wroteValue: computeValueHash(v.value),
    })
  }
  for (const f of writes.fills) {
    if (added.has(readColumn(f.address))) continue
    Object.assign(entry(f.address), { fill: base(f.address).fill, paint: f.fill })
  }
  for (const n of writes.notes)
    Object.assign(entry(n.address), {
      note: base(n.address).note,
      wroteNote: computeNoteHash(n.note),
    })
  for (const p of pending)
    if (entry(p.address).note === undefined) Object.assign(entry(p.address), p)
  const keyColumns = report.header ? computeKeyColumns(report.header) : { stt: null, content: null }
  const rows = new Set(
    [...plan.values, ...plan.notes, ...pending].map((v) => parseAddress(v.address).top),
  )
  const sorted = [...rows].sort((a, b) => a - b)
  const { stt, content } = keyColumns
  return {
    sheet: { name: read.sheetName, id: read.sheetId },
    checkSheet,
    headerRow: Math.max(plan.headerRow, 1),
    lastRow: Math.max(plan.headerRow, 1, ...sorted),
    added: [...added],
    keyColumns,
    rows: sorted.map((row) =>
      computeRowIdentity(
        row,
        stt ? readCellValue(read, `${stt}${row}`) : null,
        content ? readCellValue(read, `${content}${row}`) : null,
      ),
    ),
    cells: [...cells.values()],
  }
}
