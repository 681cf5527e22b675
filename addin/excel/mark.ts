import {
  checkSheetName,
  chooseCheckSheetName,
  computeKeyColumns,
  computeRowKey,
  formatHexColor,
  formatSheetReference,
  marksSheetName,
  serializeMarkRecord,
  type CellValue,
  type MarkPlan,
  type MarkRecord,
  type Report,
  type SavedCell,
  type SheetIdentity,
} from '../../core/index.ts'
import type { Probe } from './probe.ts'
import { parseAddress, type SheetRead } from './read.ts'
import { queueNote, readCellValue, saveCell, type RestorePlan } from './restore.ts'
import { formatRun, groupRuns, queueText, type Batch } from './write.ts'

/**
 * Builds the record of the marks a plan will write: the original value, format, fill and note of
 * every cell it changes (from the previous record where that cell was already marked, as the
 * restore queued before puts those back), the rows' identities and the sheets involved.
 */
export function computeRecord(
  read: SheetRead,
  report: Report,
  plan: MarkPlan,
  probe: Probe,
  previous: RestorePlan | null,
  checkSheet: SheetIdentity,
): MarkRecord {
  const own = previous && previous.sheet.sheetId === read.sheetId ? previous : null
  const before = new Map((own?.cells ?? []).map((c) => [c.address, c]))
  const added = plan.columns.filter((c) => c.added).map((c) => c.column)
  const inAdded = (address: string) => added.includes(/^[A-Z]+/.exec(address)![0])
  const cells = new Map<string, SavedCell>()
  const rows = new Set<number>()
  const save = (address: string, withValue: boolean) => {
    rows.add(parseAddress(address).top)
    const known = cells.get(address)
    if (known && (!withValue || known.value !== undefined)) return
    const old = before.get(address)
    const fresh = old ? { ...old } : saveCell(read, probe, address, withValue)
    if (withValue && fresh.value === undefined) {
      fresh.value = readCellValue(read, address)
      fresh.format = read.formats.get(address) ?? 'General'
    }
    cells.set(address, fresh)
  }
  for (const v of plan.values) if (!inAdded(v.address)) save(v.address, true)
  for (const v of plan.values) rows.add(parseAddress(v.address).top)
  for (const n of plan.notes) save(n.address, false)
  const keyColumns = report.header ? computeKeyColumns(report.header) : { stt: null, content: null }
  const key = (row: number) =>
    computeRowKey(
      keyColumns.stt ? readCellValue(read, `${keyColumns.stt}${row}`) : null,
      keyColumns.content ? readCellValue(read, `${keyColumns.content}${row}`) : null,
    )
  const sorted = [...rows].sort((a, b) => a - b)
  return {
    version: 2,
    sheet: { name: read.sheetName, id: read.sheetId },
    checkSheet,
    headerRow: Math.max(plan.headerRow, 1),
    lastRow: Math.max(plan.headerRow, 1, ...sorted),
    added,
    keyColumns,
    rows: sorted.map((row) => ({ row, key: key(row) })),
    cells: [...cells.values()],
  }
}

/**
 * Queues the marks of a plan: computed columns, status colours, problem fills and notes. On a
 * protected sheet only unlocked cells get values, fills need "Format cells" and notes "Edit objects";
 * the cells left alone are returned.
 */
export async function queueMarks(
  batch: Batch,
  read: SheetRead,
  plan: MarkPlan,
  probe: Probe,
  notes: boolean,
): Promise<string[]> {
  const ws = batch.context.workbook.worksheets.getItem(read.sheetId)
  const canFormat = read.protection.formatCells
  const locked = (address: string) => read.protection.protected && probe.locked.has(address)
  const skipped: string[] = []
  for (const column of plan.columns.filter((c) => c.added)) {
    const address = `${column.column}${plan.headerRow}`
    if (locked(address)) {
      skipped.push(address)
      continue
    }
    const cell = ws.getRange(address)
    await queueText(batch, cell, [[column.header]])
    if (canFormat) {
      cell.format.font.bold = true
      cell.format.wrapText = true
      cell.format.columnWidth = column.field === 'check' ? 220 : 100
      await batch.add(3)
    }
  }
  const values = plan.values.filter((v) => !locked(v.address) || !skipped.push(v.address))
  for (const run of groupRuns(values)) {
    const cells: CellValue[][] = run.items.map((v) => [v.value])
    await queueText(batch, ws.getRange(formatRun(run)), cells)
  }
  if (canFormat)
    for (const run of groupRuns(values.filter((v) => v.fill))) {
      // Neighbouring cells of one colour share a request.
      for (const [i, v] of run.items.entries()) {
        if (i > 0 && run.items[i - 1]!.fill === v.fill) continue
        let end = i
        while (run.items[end + 1]?.fill === v.fill) end++
        const address = `${run.column}${run.top + i}:${run.column}${run.top + end}`
        ws.getRange(address).format.fill.color = formatHexColor(v.fill!)
        await batch.add(1, address)
      }
    }
  for (const mark of plan.notes) {
    if (canFormat) ws.getRange(mark.address).format.fill.color = formatHexColor(mark.fill)
    const n = notes ? queueNote(ws, probe, mark.address, mark.note) : 0
    await batch.add(1 + n, mark.note)
  }
  return skipped
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
): Promise<void> {
  const { rows, links, fills, headerIndex } = plan.checkSheet
  // Rows are written in blocks so that a sheet with thousands of issues can be split between requests.
  for (let start = 0; start < rows.length; start += 500) {
    const block = rows
      .slice(start, start + 500)
      .map((r) => Array.from({ length: 6 }, (_, i) => r[i] ?? null))
    await queueText(batch, ws.getRange(`A${start + 1}:F${start + block.length}`), block)
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

/**
 * Queues the hidden record: its chunks written as text over the first rows of "_cchc_marks" (created
 * very hidden when missing), then the rows an older, longer record used emptied.
 */
export async function queueRecord(
  batch: Batch,
  record: MarkRecord,
  state: { exists: boolean; rows: number },
): Promise<void> {
  const sheets = batch.context.workbook.worksheets
  const chunks = serializeMarkRecord(record)
  if (!state.exists) sheets.add(marksSheetName)
  // By name, not through add(): the batch may be sent in between.
  const ws = sheets.getItem(marksSheetName)
  // A big record goes in parts, so that each request stays under the limit.
  for (let start = 0; start < chunks.length; start += 40) {
    const part = chunks.slice(start, start + 40)
    await queueText(
      batch,
      ws.getRange(`A${start + 1}:A${start + part.length}`),
      part.map((c) => [c]),
    )
  }
  if (state.rows > chunks.length)
    ws.getRange(`A${chunks.length + 1}:A${state.rows}`).clear('Contents')
  if (!state.exists) ws.visibility = 'VeryHidden'
  await batch.add(2)
  state.exists = true
  state.rows = chunks.length
}
