import type { CellValue, MergeArea } from '../../core/index.ts'
import { AddinError, readErrorCode } from './errors.ts'
import {
  isMergeLimitError,
  queueBlock,
  queueInfo,
  readBlock,
  readInfo,
  readMerges,
  type SheetRead,
  type TableArea,
} from './read.ts'

/** Progress while a sheet is read and marked, so the pane can show it on a big sheet. */
export type Progress = { phase: 'read' | 'check' | 'mark' | 'done'; done: number; total: number }

/** A block's size: about this many cells, so that a response stays far under Excel on the web's 5 MB. */
export const blockCells = 40_000

/**
 * Reads a sheet (the active one, or one by id) in as few round trips as its size allows: its size,
 * protection, metadata and the marks record first, then its values in row blocks. A block Excel
 * refuses as too large (or with more than 512 merged areas) is read again in halves.
 */
export async function loadSheet(
  context: Excel.RequestContext,
  which: { id: string } | 'active',
  counter: { syncs: number },
  onProgress?: (p: Progress) => void,
): Promise<SheetRead & { area: TableArea | null; recordRows: number }> {
  const pick = (): Excel.Worksheet =>
    which === 'active'
      ? context.workbook.worksheets.getActiveWorksheet()
      : context.workbook.worksheets.getItem(which.id)
  let handles = queueInfo(context, pick(), true)
  try {
    await context.sync()
  } catch (error) {
    if (!isMergeLimitError(error)) throw error
    handles = queueInfo(context, pick(), false)
    await context.sync()
  }
  counter.syncs++
  const { read, area, merges } = readInfo(handles)
  const into = { cells: [] as CellValue[][], raw: new Map<string, unknown>(), formats: new Map() }
  const found: MergeArea[] = merges ?? []
  if (area) {
    let first = 0
    let size = Math.max(1, Math.floor(blockCells / area.columns))
    while (first < area.rows) {
      const count = Math.min(size, area.rows - first)
      onProgress?.({ phase: 'read', done: first, total: area.rows })
      const range = queueBlock(handles.sheet, area, first, count)
      const areas = merges === null ? range.getMergedAreasOrNullObject() : null
      areas?.load('address')
      try {
        await context.sync()
      } catch (error) {
        const code = readErrorCode(error)
        const tooBig = code === 'ResponsePayloadSizeLimitExceeded' || isMergeLimitError(error)
        if (!tooBig) throw error
        if (count === 1) throw new AddinError('read-too-large')
        size = Math.ceil(count / 2)
        continue
      }
      counter.syncs++
      readBlock(range, area, first, into)
      if (areas && !areas.isNullObject) found.push(...readMerges(areas.address))
      first += count
    }
  }
  const recordRows = handles.record.isNullObject ? 0 : handles.record.values.length
  const grid = area
    ? { sheet: read.sheetName, top: area.top, left: area.left, cells: into.cells, merges: found }
    : { sheet: read.sheetName, top: 1, left: 1, cells: [], merges: [] }
  return { ...read, grid, raw: into.raw, formats: into.formats, area, recordRows }
}
