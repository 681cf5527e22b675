import type { sheets_v4 } from '@googleapis/sheets'

type CellData = sheets_v4.Schema$CellData
type GridRange = sheets_v4.Schema$GridRange

/** Google's limits the fake enforces. */
export const fakeLimits = { cells: 10_000_000, cellChars: 50_000 }

/** A protected range with its editors (the API shows `requestingUserCanEdit` per caller). */
export type FakeProtection = { range: GridRange; editors: string[]; warningOnly?: boolean }

export type FakeSheet = {
  properties: {
    sheetId: number
    title: string
    index: number
    hidden?: boolean
    gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number }
  }
  /** Cells by "row,column" (0-based). */
  cells: Map<string, CellData>
  merges: GridRange[]
  protections: FakeProtection[]
  developerMetadata: sheets_v4.Schema$DeveloperMetadata[]
  pixelSizes: Map<number, number>
  /** Columns hidden by the user (0-based). */
  hiddenColumns: Set<number>
}

export type FakeSpreadsheet = {
  spreadsheetId: string
  properties: { title: string; locale: string; timeZone: string }
  sheets: FakeSheet[]
  nextMetadataId: number
}

/** A refusal as the API gives it: HTTP status and message. */
export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export function createFakeSheet(
  sheetId: number,
  title: string,
  index: number,
  rows = 1000,
  columns = 26,
): FakeSheet {
  return {
    properties: { sheetId, title, index, gridProperties: { rowCount: rows, columnCount: columns } },
    cells: new Map(),
    merges: [],
    protections: [],
    developerMetadata: [],
    pixelSizes: new Map(),
    hiddenColumns: new Set(),
  }
}
