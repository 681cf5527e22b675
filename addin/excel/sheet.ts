import {
  marksSheetName,
  maxRecordChunks,
  type CellValue,
  type MergeArea,
} from '../../core/index.ts'
import { AddinError, readErrorCode } from './errors.ts'
import {
  isGeneralException,
  queueBlock,
  queueInfo,
  readBlock,
  readInfo,
  readMerges,
  recordPartRows,
  type SheetRead,
  type TableArea,
} from './read.ts'

/** Progress while a sheet is read and marked, so the pane can show it on a big sheet. */
export type Progress = { phase: 'read' | 'check' | 'mark' | 'done'; done: number; total: number }

/** A block's size: about this many cells, so that a response stays far under Excel on the web's 5 MB. */
export const blockCells = 40_000

/** Which sheet to read: the active one, or one by id. */
export type SheetChoice = { id: string } | 'active'

/**
 * Reads a sheet in as few round trips as its size allows: its size, protection, metadata, the date
 * system and the marks record first, then its values in row blocks (with the rest of a long record).
 * A block Excel refuses as too large, or with more than 512 merged areas, is read again in halves;
 * any other failure is reported with its own code.
 */
export async function loadSheet(
  context: Excel.RequestContext,
  which: SheetChoice,
  counter: { syncs: number },
  onProgress?: (p: Progress) => void,
): Promise<SheetRead & { area: TableArea | null }> {
  const pick = (): Excel.Worksheet =>
    which === 'active'
      ? context.workbook.worksheets.getActiveWorksheet()
      : context.workbook.worksheets.getItem(which.id)
  let handles = queueInfo(context, pick(), true)
  try {
    await context.sync()
  } catch (error) {
    // Only here were merged areas asked for the whole sheet; a second failure is the real one.
    if (!isGeneralException(error)) throw error
    handles = queueInfo(context, pick(), false)
    await context.sync()
  }
  counter.syncs++
  const { read, area, merges } = readInfo(handles)
  const into = { cells: [] as CellValue[][], raw: new Map<string, unknown>(), formats: new Map() }
  const found: MergeArea[] = merges ?? []
  // The record's cells, a few at a time, each part riding with a block of the table.
  const parts = listRecordParts(read.marks)
  let part: Excel.Range | null = null
  const takePart = () => {
    const next = parts[0]
    part = next ? queueRecordPart(context, next) : null
  }
  const readPart = () => {
    if (part) read.marks.chunks.push(...part.values.map((r) => r[0]))
    if (part) parts.shift()
    part = null
  }
  if (area) {
    let first = 0
    let size = Math.max(1, Math.floor(blockCells / area.columns))
    while (first < area.rows) {
      const count = Math.min(size, area.rows - first)
      onProgress?.({ phase: 'read', done: first, total: area.rows })
      const range = queueBlock(handles.sheet, area, first, count)
      const areas = merges === null ? range.getMergedAreasOrNullObject() : null
      areas?.load('address')
      takePart()
      try {
        await context.sync()
      } catch (error) {
        const tooBig =
          readErrorCode(error) === 'ResponsePayloadSizeLimitExceeded' ||
          (areas !== null && isGeneralException(error))
        if (!tooBig || (count === 1 && isGeneralException(error))) throw error
        if (count === 1) throw new AddinError('read-too-large')
        size = Math.ceil(count / 2)
        continue
      }
      counter.syncs++
      readPart()
      readBlock(range, area, first, into, read.date1904)
      if (areas && !areas.isNullObject) found.push(...readMerges(areas.address))
      first += count
    }
  }
  while (parts.length) {
    takePart()
    await context.sync()
    counter.syncs++
    readPart()
  }
  const grid = area
    ? { sheet: read.sheetName, top: area.top, left: area.left, cells: into.cells, merges: found }
    : { sheet: read.sheetName, top: 1, left: 1, cells: [], merges: [] }
  return { ...read, grid, raw: into.raw, formats: into.formats, area }
}

/** The record's cells in parts of a few rows (none when there is no record, or one too long to read). */
function listRecordParts(marks: SheetRead['marks']): [number, number][] {
  if (!marks.exists || marks.rows > maxRecordChunks) return []
  const parts: [number, number][] = []
  for (let top = 1; top <= marks.rows; top += recordPartRows)
    parts.push([top, Math.min(marks.rows, top + recordPartRows - 1)])
  return parts
}

function queueRecordPart(context: Excel.RequestContext, [top, bottom]: [number, number]) {
  const range = context.workbook.worksheets.getItem(marksSheetName).getRange(`A${top}:A${bottom}`)
  range.load('values')
  return range
}
