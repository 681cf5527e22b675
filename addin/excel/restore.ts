import {
  computeRowIdentity,
  decideCellRestore,
  formatHexColor,
  matchRows,
  moveAddress,
  type CellDecision,
  type CellValue,
  type MarkRecord,
  type SavedCell,
} from '../../core/index.ts'
import type { Probe } from './probe.ts'
import { convertOfficeValue, parseAddress, type SheetRead } from './read.ts'
import { formatRun, groupRuns, queueText, type Batch } from './write.ts'

/** A marked sheet as it is now: where the record's cells are (rows found again), and what is gone. */
export type RestorePlan = {
  record: MarkRecord
  rows: ReadonlyMap<number, number>
  headerRow: number
  /** The saved cells at their current addresses (rows that could not be found left out). */
  cells: SavedCell[]
  /** Cells whose rows are gone (as they were addressed when marked). */
  unrestored: string[]
  /** The rows of the added columns to empty: the header down to the last row marked or used. */
  addedRows: { top: number; bottom: number }
}

/** A cell's value as core sees it, from what Office.js returned. */
export function readCellValue(read: SheetRead, address: string): CellValue {
  return convertOfficeValue(
    read.raw.get(address) ?? '',
    read.formats.get(address) ?? 'General',
    read.date1904,
  )
}

/** The last row of the sheet's used area. */
export function findLastRow(read: SheetRead): number {
  return read.grid.top + read.grid.cells.length - 1
}

/**
 * Finds where the record's marks are now: rows by STT, content and position (core's one rule, as
 * `cchc clear` and Google Sheets do). Rows that cannot be found are listed, never guessed.
 */
export function planRestore(
  record: MarkRecord,
  read: SheetRead,
  currentHeader: number | null,
): RestorePlan {
  const { stt, content } = record.keyColumns
  const lastRow = Math.max(findLastRow(read), record.lastRow)
  const match = matchRows(
    record.rows,
    { recorded: record.headerRow, current: currentHeader },
    (row) =>
      computeRowIdentity(
        row,
        stt ? readCellValue(read, `${stt}${row}`) : null,
        content ? readCellValue(read, `${content}${row}`) : null,
      ),
    lastRow,
  )
  const missing = new Set(match.missing)
  const cells: SavedCell[] = []
  const unrestored: string[] = []
  for (const saved of record.cells) {
    if (missing.has(parseAddress(saved.address).top)) unrestored.push(saved.address)
    else cells.push({ ...saved, address: moveAddress(saved.address, match.rows) })
  }
  const headerRow = currentHeader ?? record.headerRow
  const moved = [...match.rows.values()]
  return {
    record,
    rows: match.rows,
    headerRow,
    cells,
    unrestored,
    addedRows: { top: headerRow, bottom: Math.max(headerRow, findLastRow(read), ...moved) },
  }
}

/** The restore decision of every saved cell, from what the cells hold now (one rule in core). */
export function decideRestore(
  plan: RestorePlan,
  read: SheetRead,
  probe: Probe,
  notes: boolean,
): Map<string, CellDecision> {
  const decisions = new Map<string, CellDecision>()
  for (const saved of plan.cells) {
    const now = {
      value: readCellValue(read, saved.address),
      fill: probe.fills.get(saved.address) ?? null,
      ...(notes ? { note: probe.notes.get(saved.address) ?? null } : {}),
    }
    decisions.set(saved.address, decideCellRestore(saved, now, { notes }))
  }
  return decisions
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
 * Queues the restore of the previous marks: the added columns emptied (contents, fills and formats
 * — never a `clear()` that would relock cells), then each saved cell's parts as decided. On a
 * protected sheet only unlocked cells take values and nothing is formatted without "Format cells".
 * Returns the locked cells left alone.
 */
export async function queueRestore(
  batch: Batch,
  plan: RestorePlan,
  read: SheetRead,
  probe: Probe,
  decisions: ReadonlyMap<string, CellDecision>,
  notes: boolean,
): Promise<string[]> {
  const ws = batch.context.workbook.worksheets.getItem(read.sheetId)
  const { access } = read
  const mode = { canFormat: access.formatCells, date1904: read.date1904 }
  const skipped: string[] = []
  const locked = (address: string) => access.protected && probe.locked.has(address)
  for (const letter of plan.record.added) {
    const { top, bottom } = plan.addedRows
    // On a protected sheet only the cells the check could write (header and marked rows, unlocked).
    const rows = access.protected
      ? [top, ...plan.rows.values()].filter((r) => !locked(`${letter}${r}`))
      : Array.from({ length: bottom - top + 1 }, (_, i) => top + i)
    for (const run of groupRuns([...new Set(rows)].map((r) => ({ address: `${letter}${r}` })))) {
      const range = ws.getRange(formatRun(run))
      range.clear('Contents')
      const general = run.items.map(() => ['General'])
      if (access.formatCells) {
        range.format.fill.clear()
        range.numberFormat = general
        range.format.font.bold = false
      }
      await batch.add(4, access.formatCells ? general : null)
    }
  }
  const values = plan.cells.filter((c) => decisions.get(c.address)?.restore.value)
  for (const run of groupRuns(
    values.filter((c) => !locked(c.address) || !skipped.push(c.address)),
  )) {
    const restore = run.items.map((c) => decisions.get(c.address)!.restore.value!)
    await queueText(
      batch,
      ws.getRange(formatRun(run)),
      restore.map((r) => [r.value]),
      mode,
      access.formatCells ? restore.map((r) => [r.format]) : undefined,
    )
  }
  for (const saved of plan.cells) {
    const { restore } = decisions.get(saved.address)!
    let commands = 0
    if (restore.fill !== undefined && access.formatCells) {
      const range = ws.getRange(saved.address)
      if (restore.fill) range.format.fill.color = formatHexColor(restore.fill)
      else range.format.fill.clear()
      commands++
    }
    if (restore.note !== undefined && notes)
      commands += queueNote(ws, probe, saved.address, restore.note)
    if (commands) await batch.add(commands, restore.note ?? null)
  }
  return skipped
}

/**
 * The cells a restore touches, to probe their notes, fills and locks: the saved cells, and on a
 * protected sheet the added columns' cells of the header and marked rows (their locks).
 */
export function collectRestoreAddresses(plan: RestorePlan | null, read: SheetRead): string[] {
  if (!plan) return []
  const added = read.access.protected
    ? plan.record.added.flatMap((letter) =>
        [plan.headerRow, ...plan.rows.values()].map((r) => `${letter}${r}`),
      )
    : []
  return [...plan.cells.map((c) => c.address), ...added]
}
