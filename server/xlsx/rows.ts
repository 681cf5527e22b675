import ExcelJS from 'exceljs'
import { clipCellText, columnLetter } from '../../core/index.ts'
import type { PlannedCell } from '../consolidation/types.ts'

// Data rows written straight into ExcelJS's streaming worksheet as the XML ExcelJS itself writes.
// ExcelJS's own path builds a cell, a value and a model object for every cell and renders each through
// a generic XML builder: for the consolidated workbook's half a million cells that was most of its
// time. Strings still go to the workbook's shared strings and styles to its style registry, so the
// file is the one ExcelJS would write (tests/server/xlsx/rows.test.ts compares the two).

/** The parts of ExcelJS 4.4's streaming writer this path uses (not in its published types). */
type WriterParts = {
  sharedStrings: { add(text: string): number }
  styles: { addStyleModel(style: Partial<ExcelJS.Style>, type: ExcelJS.ValueType): number }
}
type SheetParts = { stream: { write(xml: string): unknown }; startedData: boolean }

/** A data row: its cells, the style of each (null: none), its height in points. */
export type StyledRow = {
  cells: PlannedCell[]
  styles: (Partial<ExcelJS.Style> | null)[]
  height: number
}

const entities: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
}

/** Text escaped for XML as ExcelJS escapes it: the five entities, control characters dropped. */
export function escapeXml(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /["&'<>\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g,
    (c) => entities[c] ?? '',
  )
}

/** Excel's serial day number of an ISO date, as ExcelJS computes it from a UTC midnight. */
function computeSerialDay(date: string): number {
  return 25569 + Date.parse(`${date}T00:00:00Z`) / 86_400_000
}

/** The XML of one cell, or '' for an empty cell without a style (ExcelJS writes none). */
function renderCell(
  parts: WriterParts,
  ref: string,
  cell: PlannedCell,
  style: Partial<ExcelJS.Style> | null,
): string {
  const type =
    cell === null
      ? ExcelJS.ValueType.Null
      : typeof cell === 'string'
        ? ExcelJS.ValueType.String
        : typeof cell === 'number'
          ? ExcelJS.ValueType.Number
          : 'date' in cell
            ? ExcelJS.ValueType.Date
            : typeof cell.result === 'string'
              ? ExcelJS.ValueType.String
              : ExcelJS.ValueType.Number
  const id = style ? parts.styles.addStyleModel(style, type) : 0
  const s = id ? ` s="${id}"` : ''
  if (cell === null) return id ? `<c r="${ref}"${s}/>` : ''
  // Agency text past Excel's 32,767 characters per cell is cut here only (the stored report and the
  // agency's own download keep it whole): Excel would refuse or repair the workbook.
  if (typeof cell === 'string')
    return `<c r="${ref}"${s} t="s"><v>${parts.sharedStrings.add(clipCellText(cell))}</v></c>`
  if (typeof cell === 'number') return `<c r="${ref}"${s}><v>${cell}</v></c>`
  if ('date' in cell) return `<c r="${ref}"${s}><v>${computeSerialDay(cell.date)}</v></c>`
  const f = `<f>${escapeXml(cell.formula)}</f>`
  return typeof cell.result === 'string'
    ? `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(clipCellText(cell.result))}</v></c>`
    : `<c r="${ref}"${s}>${f}<v>${cell.result}</v></c>`
}

/**
 * Writes `rows` after the worksheet's committed rows (its title and header), numbered from
 * `firstRow`, in pieces of about 64 KB rather than row by row.
 */
export function writeRows(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  worksheet: ExcelJS.Worksheet,
  firstRow: number,
  rows: Iterable<StyledRow>,
): void {
  const parts = workbook as unknown as WriterParts
  const sheet = worksheet as unknown as SheetParts
  if (!sheet.startedData) throw new Error('writeRows: commit the header rows first')
  const letters: string[] = []
  let number = firstRow
  let xml = ''
  for (const row of rows) {
    let cells = ''
    for (let c = 0; c < row.cells.length; c++) {
      const ref = (letters[c] ??= columnLetter(c + 1)) + number
      cells += renderCell(parts, ref, row.cells[c]!, row.styles[c] ?? null)
    }
    const spans = row.cells.length ? ` spans="1:${row.cells.length}"` : ''
    const open = `<row r="${number}" ht="${row.height}" customHeight="1"${spans} x14ac:dyDescent="0.25"`
    xml += cells ? `${open}>${cells}</row>` : `${open}/>`
    number++
    if (xml.length > 65_536) {
      sheet.stream.write(xml)
      xml = ''
    }
  }
  if (xml) sheet.stream.write(xml)
}
