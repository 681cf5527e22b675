import type { sheets_v4 } from '@googleapis/sheets'
import {
  columnNumber,
  isDateCell,
  splitAddress,
  type CellValue,
  type SavedValue,
} from '../../core/index.ts'

type Request = sheets_v4.Schema$Request
type CellData = sheets_v4.Schema$CellData

/** Google serial day of an ISO date (days since 1899-12-30). */
export function computeSheetsSerial(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000
}

/** A value as the API writes it; text always as a string (never a formula). */
export function createExtendedValue(value: SavedValue): sheets_v4.Schema$ExtendedValue | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return { stringValue: value }
  if (typeof value === 'number') return { numberValue: value }
  if (typeof value === 'boolean') return { boolValue: value }
  if (isDateCell(value as CellValue))
    return { numberValue: computeSheetsSerial((value as { date: string }).date) }
  return { formulaValue: (value as { formula: string }).formula }
}

export function createCell(value: SavedValue): CellData {
  const v = createExtendedValue(value)
  return v ? { userEnteredValue: v } : {}
}

export function updateCell(
  sheetId: number,
  address: string,
  cell: CellData,
  fields: string,
): Request {
  const { column, row } = splitAddress(address)
  return {
    updateCells: {
      start: { sheetId, rowIndex: row - 1, columnIndex: columnNumber(column) - 1 },
      rows: [{ values: [cell] }],
      fields,
    },
  }
}
