import {
  checkSheetName,
  columnNumber,
  formatSheetReference,
  marksSheetName,
  type CellValue,
  type MarkPlan,
} from '../../core/index.ts'
import { parseAddress, type MarkRecord, type SavedCell, type SheetRead } from './read.ts'

/** Excel on the web refuses requests over 5 MB; a batch is sent before its payload reaches this. */
export const requestLimit = 4 * 1024 * 1024

/**
 * Queues writes and sends them with as few `context.sync()` calls as the request limit allows:
 * one for any ordinary sheet, more only when a huge sheet's payload would pass the limit.
 */
export type Batch = {
  context: Excel.RequestContext
  bytes: number
  add(bytes: number): Promise<void>
  flush(): Promise<void>
}

export function createBatch(context: Excel.RequestContext, counter: { syncs: number }): Batch {
  const batch: Batch = {
    context,
    bytes: 0,
    async add(bytes: number) {
      batch.bytes += bytes + 64
      if (batch.bytes > requestLimit) await batch.flush()
    },
    async flush() {
      await context.sync()
      counter.syncs++
      batch.bytes = 0
    },
  }
  return batch
}

/** "FFC6EFCE" (ARGB, as core and ExcelJS write colours) → "#C6EFCE" (as Office.js wants them). */
export function convertArgb(argb: string): string {
  return `#${argb.slice(-6)}`
}

function toOffice(value: CellValue | unknown): unknown {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object' && value !== null && 'date' in value)
    return String((value as { date: string }).date)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object')
    return String(
      (value as { text?: unknown }).text ?? (value as { result?: unknown }).result ?? '',
    )
  return value
}

function readSavedFill(fill: SavedCell['fill']): string | null {
  if (!fill) return null
  if (typeof fill === 'string') return fill
  const argb = fill.fgColor?.argb
  return argb ? convertArgb(argb) : null
}

function readSavedNote(note: SavedCell['note']): string | null {
  if (!note) return null
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('')
}

/**
 * Which cells hold a note, probed in one round trip when the host has the notes API; `exists` is kept
 * up to date as the queued restore deletes or re-adds notes, so the new marks know what they will find.
 */
export type NoteProbe = { notes: Map<string, Excel.Note>; exists: Map<string, boolean> }

/** Queues note lookups for every cell the restore or the new marks touch. */
export function queueNoteProbe(
  context: Excel.RequestContext,
  sheetName: string,
  addresses: string[],
): NoteProbe {
  const sheet = context.workbook.worksheets.getItem(sheetName)
  const probe: NoteProbe = { notes: new Map(), exists: new Map() }
  for (const address of new Set(addresses)) {
    const note = sheet.notes.getItemOrNullObject(address)
    note.load('content')
    probe.notes.set(address, note)
  }
  return probe
}

/** After the probe's round trip: which of the probed cells hold a note. */
export function readNoteProbe(probe: NoteProbe): void {
  for (const [address, note] of probe.notes) probe.exists.set(address, !note.isNullObject)
}

/** Queues a cell's note: its text, or its removal when `text` is null. */
function queueNote(sheet: Excel.Worksheet, probe: NoteProbe, address: string, text: string | null) {
  const exists = probe.exists.get(address) === true
  if (text === null) {
    if (exists) sheet.notes.getItem(address).delete()
  } else if (exists) sheet.notes.getItem(address).content = text
  else sheet.notes.add(address, text)
  probe.exists.set(address, text !== null)
}

/** Queues the restore of the previous marks: values, fills and notes as they were; added columns and sheets removed. */
export async function queueRestore(
  batch: Batch,
  read: SheetRead,
  probe: NoteProbe | null,
): Promise<void> {
  const { context } = batch
  const record = read.record
  if (record) {
    const sheet = context.workbook.worksheets.getItemOrNullObject(record.sheet)
    for (const letter of record.added) {
      const top = record.headerRow ?? 1
      const bottom = Math.max(record.lastRow ?? top, top)
      sheet.getRange(`${letter}${top}:${letter}${bottom}`).clear()
      await batch.add(32)
    }
    const added = new Set(record.added)
    for (const saved of record.cells) {
      const range = sheet.getRange(saved.address)
      const letter = /^[A-Z]+/.exec(saved.address)?.[0] ?? ''
      if ('value' in saved && !added.has(letter)) range.values = [[toOffice(saved.value)]]
      const fill = readSavedFill(saved.fill)
      if (fill) range.format.fill.color = fill
      else range.format.fill.clear()
      const note = readSavedNote(saved.note)
      if (probe) queueNote(sheet, probe, saved.address, note)
      await batch.add(80 + (note?.length ?? 0))
    }
  }
  if (read.hasCheckSheet) context.workbook.worksheets.getItem(checkSheetName).delete()
  if (read.hasMarksSheet) context.workbook.worksheets.getItem(marksSheetName).delete()
}

/** Groups cells of one column into runs of consecutive rows, so that each run is one request. */
function groupRuns<T extends { address: string }>(
  items: T[],
): { column: string; top: number; items: T[] }[] {
  const sorted = items
    .map((item) => ({ item, ...parseAddress(item.address) }))
    .sort((a, b) => a.left - b.left || a.top - b.top)
  const runs: { column: string; top: number; items: T[] }[] = []
  for (const { item, top, left } of sorted) {
    const column = /^[A-Z]+/.exec(item.address)![0]
    const last = runs.at(-1)
    if (last && columnNumber(last.column) === left && last.top + last.items.length === top)
      last.items.push(item)
    else runs.push({ column, top, items: [item] })
  }
  return runs
}

/**
 * Queues the marks of a plan on the sheet and records what they change (original values, fills and
 * notes) in the hidden "_cchc_marks" sheet. Returns the record.
 */
export async function queueMarks(
  batch: Batch,
  read: SheetRead,
  plan: MarkPlan,
  probe: NoteProbe | null,
): Promise<MarkRecord> {
  const { context } = batch
  const sheet = context.workbook.worksheets.getItem(read.sheetName)
  const previous = new Map((read.record?.cells ?? []).map((c) => [c.address, c]))
  const lastRow = Math.max(
    plan.headerRow,
    ...plan.values.map((v) => parseAddress(v.address).top),
    ...plan.notes.map((n) => parseAddress(n.address).top),
  )
  const record: MarkRecord = {
    sheet: read.sheetName,
    added: [],
    headerRow: plan.headerRow,
    lastRow,
    cells: [],
  }
  const saved = new Set<string>()
  const save = (address: string, withValue: boolean) => {
    if (saved.has(address)) return
    saved.add(address)
    const before = previous.get(address)
    const entry: SavedCell = before
      ? { ...before }
      : {
          address,
          fill: read.fills.get(address) ?? null,
          note:
            probe?.notes.get(address)?.isNullObject === false
              ? probe.notes.get(address)!.content
              : null,
        }
    if (withValue && !before) entry.value = read.raw.get(address) ?? null
    record.cells.push(entry)
  }

  for (const column of plan.columns.filter((c) => c.added)) {
    record.added.push(column.column)
    const cell = sheet.getRange(`${column.column}${plan.headerRow}`)
    cell.values = [[column.header]]
    cell.format.font.bold = true
    cell.format.wrapText = true
    cell.format.columnWidth = column.field === 'check' ? 220 : 100
    await batch.add(120)
  }
  for (const run of groupRuns(plan.values)) {
    for (const v of run.items) save(v.address, true)
    const bottom = run.top + run.items.length - 1
    const values = run.items.map((v) => [toOffice(v.value)])
    sheet.getRange(`${run.column}${run.top}:${run.column}${bottom}`).values = values
    await batch.add(JSON.stringify(values).length)
  }
  for (const run of groupRuns(plan.values.filter((v) => v.fill))) {
    for (const [i, v] of run.items.entries()) {
      // Neighbouring cells of one colour share a request.
      if (i > 0 && run.items[i - 1]!.fill === v.fill) continue
      let end = i
      while (run.items[end + 1]?.fill === v.fill) end++
      sheet.getRange(
        `${run.column}${run.top + i}:${run.column}${run.top + end}`,
      ).format.fill.color = convertArgb(v.fill!)
      await batch.add(60)
    }
  }
  for (const mark of plan.notes) {
    save(mark.address, false)
    const range = sheet.getRange(mark.address)
    range.format.fill.color = convertArgb(mark.fill)
    if (probe) queueNote(sheet, probe, mark.address, mark.note)
    await batch.add(mark.note.length + 100)
  }
  await queueCheckSheet(batch, read.sheetName, plan)
  const marks = context.workbook.worksheets.add(marksSheetName)
  const json = JSON.stringify(record)
  const chunks: string[][] = []
  for (let i = 0; i < json.length; i += 30_000) chunks.push([json.slice(i, i + 30_000)])
  if (chunks.length) marks.getRange(`A1:A${chunks.length}`).values = chunks
  marks.visibility = 'VeryHidden'
  await batch.add(json.length)
  return record
}

/** Queues the "Kiểm tra" sheet: counts, then every issue with a link to its cell. */
async function queueCheckSheet(batch: Batch, sheetName: string, plan: MarkPlan): Promise<void> {
  const { rows, links, fills, headerIndex } = plan.checkSheet
  const ws = batch.context.workbook.worksheets.add(checkSheetName)
  const width = 6
  // Rows are written in blocks so that a sheet with thousands of issues can be split between requests.
  for (let start = 0; start < rows.length; start += 500) {
    const block = rows
      .slice(start, start + 500)
      .map((r) => Array.from({ length: width }, (_, i) => toOffice(r[i] ?? null)))
    ws.getRange(`A${start + 1}:F${start + block.length}`).values = block
    await batch.add(JSON.stringify(block).length)
  }
  ws.getRange('A1').format.font.bold = true
  ws.getRange(`A${headerIndex + 1}:F${headerIndex + 1}`).format.font.bold = true
  for (const link of links) {
    ws.getRange(`A${link.index + 1}`).hyperlink = {
      documentReference: formatSheetReference(sheetName, link.address),
      textToDisplay: link.address,
    }
    await batch.add(100)
  }
  for (const { index, fill } of fills) {
    ws.getRange(`D${index + 1}`).format.fill.color = convertArgb(fill)
    await batch.add(60)
  }
  ws.freezePanes.freezeRows(headerIndex + 1)
}

/** The cells a restore or new marks may put notes on (to probe for notes already there). */
export function collectNoteAddresses(read: SheetRead, plan: MarkPlan | null): string[] {
  return [
    ...(read.record?.cells ?? []).map((c) => c.address),
    ...(plan?.notes ?? []).map((n) => n.address),
  ]
}
