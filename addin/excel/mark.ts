import {
  checkSheetName,
  chooseCheckSheetName,
  formatHexColor,
  formatSheetReference,
  type CellValue,
  type MarkColumn,
  type MarkNote,
  type MarkPlan,
  type MarkValue,
} from '../../core/index.ts'
import type { Probe } from './probe.ts'
import type { SheetRead } from './read.ts'
import { queueNote } from './restore.ts'
import { formatRun, groupRuns, queueText, type Batch } from './write.ts'

/** What a check will really write on the sheet: core's plan less what the sheet does not allow. */
export type WritePlan = {
  headers: MarkColumn[]
  values: MarkValue[]
  fills: { address: string; fill: string }[]
  notes: MarkNote[]
  /** Locked cells of a protected sheet left unmarked. */
  skipped: string[]
  /** Cells of a reused computed column holding the agency's own formula, kept as they are. */
  formulas: string[]
}

/** The column letters of an address ("AB12" → "AB"). */
export function readColumn(address: string): string {
  return /^[A-Z]+/.exec(address)![0]
}

/**
 * Narrows core's mark plan to what this sheet allows: values only in unlocked cells (on a
 * protected sheet) and never over a formula, fills only with "Format cells" (and a value's colour
 * only where its value is written), notes only where the host and "Edit objects" allow them.
 */
export function computeWritePlan(
  read: SheetRead,
  plan: MarkPlan,
  probe: Probe,
  notes: boolean,
): WritePlan {
  const { access } = read
  const locked = (address: string) => access.protected && probe.locked.has(address)
  const skipped: string[] = []
  const formulas: string[] = []
  const headers: MarkColumn[] = []
  for (const column of plan.columns.filter((c) => c.added)) {
    const address = `${column.column}${plan.headerRow}`
    if (locked(address)) skipped.push(address)
    else headers.push(column)
  }
  const values: MarkValue[] = []
  for (const v of plan.values) {
    if (locked(v.address)) skipped.push(v.address)
    else if (probe.formulas.has(v.address)) formulas.push(v.address)
    else values.push(v)
  }
  // One fill per cell: a problem's colour over its value's (the check column holds both).
  const fills = new Map<string, string>()
  if (access.formatCells) {
    for (const v of values) if (v.fill) fills.set(v.address, v.fill)
    for (const n of plan.notes) fills.set(n.address, n.fill)
  }
  return {
    headers,
    values,
    fills: [...fills].map(([address, fill]) => ({ address, fill })),
    notes: notes ? plan.notes : [],
    skipped,
    formulas,
  }
}

/** Queues the marks: computed column headers, values, status colours, problem fills and notes. */
export async function queueMarks(
  batch: Batch,
  read: SheetRead,
  plan: MarkPlan,
  writes: WritePlan,
  probe: Probe,
): Promise<void> {
  const ws = batch.context.workbook.worksheets.getItem(read.sheetId)
  const { access } = read
  const mode = { canFormat: access.formatCells, date1904: read.date1904 }
  for (const column of writes.headers) {
    const cell = ws.getRange(`${column.column}${plan.headerRow}`)
    await queueText(batch, cell, [[column.header]], mode)
    if (access.formatCells) {
      cell.format.font.bold = true
      cell.format.wrapText = true
    }
    // Column widths are "Format columns", a permission of its own on a protected sheet.
    if (access.formatColumns) cell.format.columnWidth = column.field === 'check' ? 220 : 100
    await batch.add(3)
  }
  for (const run of groupRuns(writes.values)) {
    const cells: CellValue[][] = run.items.map((v) => [v.value])
    await queueText(batch, ws.getRange(formatRun(run)), cells, mode)
  }
  for (const run of groupRuns(writes.fills)) {
    // Neighbouring cells of one colour share a request.
    for (const [i, v] of run.items.entries()) {
      if (i > 0 && run.items[i - 1]!.fill === v.fill) continue
      let end = i
      while (run.items[end + 1]?.fill === v.fill) end++
      const address = `${run.column}${run.top + i}:${run.column}${run.top + end}`
      ws.getRange(address).format.fill.color = formatHexColor(v.fill)
      await batch.add(1, address)
    }
  }
  for (const mark of writes.notes) {
    const n = queueNote(ws, probe, mark.address, mark.note)
    await batch.add(n, mark.note)
  }
}

/**
 * Queues the contents of the "Kiểm tra" sheet (created under a name no user sheet has): counts,
 * then every issue with a link to its cell. Everything is written as text where it is text.
 */
export async function queueCheckSheet(
  batch: Batch,
  sheetName: string,
  plan: MarkPlan,
  ws: Excel.Worksheet,
  date1904: boolean,
): Promise<void> {
  const { rows, links, fills, headerIndex } = plan.checkSheet
  const mode = { canFormat: true, date1904 }
  // Rows are written in blocks so that a sheet with thousands of issues can be split between requests.
  for (let start = 0; start < rows.length; start += 500) {
    const block = rows
      .slice(start, start + 500)
      .map((r) => Array.from({ length: 6 }, (_, i) => r[i] ?? null))
    await queueText(batch, ws.getRange(`A${start + 1}:F${start + block.length}`), block, mode)
  }
  ws.getRange('A1').format.font.bold = true
  ws.getRange(`A${headerIndex + 1}:F${headerIndex + 1}`).format.font.bold = true
  for (const link of links) {
    ws.getRange(`A${link.index + 1}`).hyperlink = {
      documentReference: formatSheetReference(sheetName, link.address),
      textToDisplay: link.address,
    }
    await batch.add(1, link)
  }
  for (const { index, fill } of fills) {
    ws.getRange(`D${index + 1}`).format.fill.color = formatHexColor(fill)
    await batch.add(1)
  }
  ws.freezePanes.freezeRows(headerIndex + 1)
}

/** The name the new "Kiểm tra" sheet gets: the plain name unless a user sheet (not ours) has it. */
export function nameCheckSheet(read: SheetRead, ownCheckSheetId: string | null): string {
  const others = read.sheets.filter((s) => s.id !== ownCheckSheetId).map((s) => s.name)
  return chooseCheckSheetName(checkSheetName, others)
}
