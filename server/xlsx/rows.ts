import ExcelJS from 'exceljs'
import { columnLetter } from '../../core/index.ts'
import type { PlannedCell } from '../consolidated.ts'

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

/** Writes rows after the worksheet's committed ones (title and header), numbered on from `firstRow`. */
export function createRowWriter(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  worksheet: ExcelJS.Worksheet,
  columnCount: number,
  firstRow: number,
) {
  const { sharedStrings, styles } = workbook as unknown as WriterParts
  const sheet = worksheet as unknown as SheetParts
  const letters = Array.from({ length: columnCount }, (_, c) => columnLetter(c + 1))
  let number = firstRow

  /** The XML of one cell, or '' for an empty cell without a style (ExcelJS writes none). */
  function renderCell(cell: PlannedCell, style: Partial<ExcelJS.Style> | null, c: number): string {
    const ref = ` r="${letters[c] ?? columnLetter(c + 1)}${number}"`
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
    const id = style ? styles.addStyleModel(style, type) : 0
    const s = id ? ` s="${id}"` : ''
    if (cell === null) return id ? `<c${ref}${s}/>` : ''
    if (typeof cell === 'string') return `<c${ref}${s} t="s"><v>${sharedStrings.add(cell)}</v></c>`
    if (typeof cell === 'number') return `<c${ref}${s}><v>${cell}</v></c>`
    if ('date' in cell) return `<c${ref}${s}><v>${computeSerialDay(cell.date)}</v></c>`
    const f = `<f>${escapeXml(cell.formula)}</f>`
    return typeof cell.result === 'string'
      ? `<c${ref}${s} t="str">${f}<v>${escapeXml(cell.result)}</v></c>`
      : `<c${ref}${s}>${f}<v>${cell.result}</v></c>`
  }

  return {
    write(row: StyledRow): void {
      if (!sheet.startedData) throw new Error('createRowWriter: commit the header rows first')
      let cells = ''
      for (let c = 0; c < row.cells.length; c++)
        cells += renderCell(row.cells[c]!, row.styles[c] ?? null, c)
      const spans = row.cells.length ? ` spans="1:${row.cells.length}"` : ''
      const open = `<row r="${number}" ht="${row.height}" customHeight="1"${spans} x14ac:dyDescent="0.25"`
      sheet.stream.write(cells ? `${open}>${cells}</row>` : `${open}/>`)
      number++
    },
  }
}
