import type { sheets_v4 } from '@googleapis/sheets'
import type { FakeSheet, FakeSpreadsheet } from './fake-sheets/model.ts'

type GasRange = GoogleAppsScript.Spreadsheet.Range
type CellData = sheets_v4.Schema$CellData

/** Calls by method name, so a test can check that a check makes a constant number of bulk calls. */
export type CallCounter = Map<string, number>

export function count(counter: CallCounter, name: string) {
  counter.set(name, (counter.get(name) ?? 0) + 1)
}

export function letters(col: number): string {
  let n = col
  let s = ''
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

export function parseA1(a1: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1)
  if (!m) throw new Error(`Range not found: ${a1}`)
  const num = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)
  const row = Number(m[2])
  const col = num(m[1]!)
  const row2 = m[4] ? Number(m[4]) : row
  const col2 = m[3] ? num(m[3]) : col
  return { row, col, rows: row2 - row + 1, cols: col2 - col + 1 }
}

function hex(color: sheets_v4.Schema$Color | null | undefined): string {
  if (!color) return '#ffffff'
  const h = (x: number | null | undefined) =>
    Math.round((x ?? 0) * 255)
      .toString(16)
      .padStart(2, '0')
  return `#${h(color.red)}${h(color.green)}${h(color.blue)}`
}

function rgb(text: string): sheets_v4.Schema$Color {
  const p = (i: number) => Number.parseInt(text.slice(i, i + 2), 16) / 255
  return { red: p(1), green: p(3), blue: p(5) }
}

/** Midnight of a serial day in a time zone, as Apps Script hands date cells to scripts. */
function createScriptDate(serial: number, timeZone: string): Date {
  const utc = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(utc))
  const offset = /GMT([+-]\d{2}):(\d{2})/.exec(
    parts.find((p) => p.type === 'timeZoneName')?.value ?? '',
  )
  const minutes = offset
    ? Number(offset[1]) * 60 + Math.sign(Number(offset[1])) * Number(offset[2])
    : 0
  return new Date(utc - minutes * 60_000)
}

/** What a range needs of the fake host (FakeHost in fake-apps-script.ts has it). */
export type RangeHost = {
  book: FakeSpreadsheet
  calls: CallCounter
  selection: { sheet: string; address: string } | null
}

/**
 * A range of the fake: every 2-D read and write is checked against the range's size (Apps Script
 * throws "The number of rows in the data does not match the number of rows in the range").
 */
export class FakeRange {
  constructor(
    private readonly host: RangeHost,
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly rows: number,
    private readonly cols: number,
  ) {
    const grid = sheet.properties.gridProperties
    if (rows < 1 || cols < 1 || row + rows - 1 > grid.rowCount || col + cols - 1 > grid.columnCount)
      throw new Error(
        `Range ${letters(col)}${row}:${letters(col + cols - 1)}${row + rows - 1} is outside the sheet's grid`,
      )
  }
  private cell(r: number, c: number): CellData {
    return this.sheet.cells.get(`${this.row - 1 + r},${this.col - 1 + c}`) ?? {}
  }
  private put(r: number, c: number, change: (cell: CellData) => void) {
    const key = `${this.row - 1 + r},${this.col - 1 + c}`
    const cell = structuredClone(this.sheet.cells.get(key) ?? {})
    change(cell)
    if (cell.userEnteredFormat && Object.keys(cell.userEnteredFormat).length === 0)
      delete cell.userEnteredFormat
    if (Object.keys(cell).length) this.sheet.cells.set(key, cell)
    else this.sheet.cells.delete(key)
  }
  private map<T>(name: string, read: (cell: CellData) => T): T[][] {
    count(this.host.calls, name)
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => read(this.cell(r, c))),
    )
  }
  private write<T>(name: string, data: T[][], apply: (cell: CellData, value: T) => void) {
    count(this.host.calls, name)
    if (data.length !== this.rows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.rows}.`,
      )
    for (const [r, row] of data.entries()) {
      if (row.length !== this.cols)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.cols}.`,
        )
      row.forEach((value, c) => this.put(r, c, (cell) => apply(cell, value)))
    }
  }
  getRow = () => this.row
  getColumn = () => this.col
  getLastRow = () => this.row + this.rows - 1
  getLastColumn = () => this.col + this.cols - 1
  getNumRows = () => this.rows
  getNumColumns = () => this.cols
  getA1Notation = () =>
    `${letters(this.col)}${this.row}:${letters(this.col + this.cols - 1)}${this.row + this.rows - 1}`
  getValues: GasRange['getValues'] = () =>
    this.map('getValues', (cell) => {
      const v = cell.userEnteredValue
      if (!v) return ''
      if (v.formulaValue) return /,\s*"([^"]*)"\)$/.exec(v.formulaValue)?.[1] ?? '#ERROR!'
      if (typeof v.numberValue === 'number')
        return cell.userEnteredFormat?.numberFormat?.type === 'DATE'
          ? createScriptDate(v.numberValue, this.host.book.properties.timeZone)
          : v.numberValue
      return v.stringValue ?? v.boolValue ?? ''
    })
  getNumberFormats: GasRange['getNumberFormats'] = () =>
    this.map('getNumberFormats', (cell) => {
      const format = cell.userEnteredFormat?.numberFormat
      return format?.pattern ?? (format?.type === 'DATE' ? 'dd/MM/yyyy' : '0.###############')
    })
  getFormulas: GasRange['getFormulas'] = () =>
    this.map('getFormulas', (cell) => cell.userEnteredValue?.formulaValue ?? '')
  getNotes: GasRange['getNotes'] = () => this.map('getNotes', (cell) => cell.note ?? '')
  getBackgrounds: GasRange['getBackgrounds'] = () =>
    this.map('getBackgrounds', (cell) =>
      hex(cell.userEnteredFormat?.backgroundColorStyle?.rgbColor),
    )
  getMergedRanges = (): GasRange[] => {
    count(this.host.calls, 'getMergedRanges')
    return this.sheet.merges.map(
      (m) =>
        new FakeRange(
          this.host,
          this.sheet,
          (m.startRowIndex ?? 0) + 1,
          (m.startColumnIndex ?? 0) + 1,
          (m.endRowIndex ?? 1) - (m.startRowIndex ?? 0),
          (m.endColumnIndex ?? 1) - (m.startColumnIndex ?? 0),
        ) as unknown as GasRange,
    )
  }
  setValues = (values: unknown[][]) => {
    this.write('setValues', values, (cell, value) => {
      if (value === '' || value === null || value === undefined) delete cell.userEnteredValue
      else if (typeof value === 'number') cell.userEnteredValue = { numberValue: value }
      else if (typeof value === 'boolean') cell.userEnteredValue = { boolValue: value }
      else if (typeof value === 'string')
        cell.userEnteredValue = value.startsWith('=')
          ? { formulaValue: value }
          : { stringValue: value }
      else throw new Error(`fake: cannot write ${Object.prototype.toString.call(value)}`)
    })
    return this
  }
  setValue = (value: unknown) => this.setValues([[value]])
  setNotes = (notes: (string | null)[][]) => {
    this.write('setNotes', notes, (cell, note) => {
      if (note) cell.note = note
      else delete cell.note
    })
    return this
  }
  setBackgrounds = (colors: (string | null)[][]) => {
    this.write('setBackgrounds', colors, (cell, color) => {
      const format = (cell.userEnteredFormat ??= {})
      if (color) {
        format.backgroundColorStyle = { rgbColor: rgb(color) }
        format.backgroundColor = rgb(color)
      } else {
        delete format.backgroundColorStyle
        delete format.backgroundColor
      }
    })
    return this
  }
  setRichTextValues = (values: { text: string; link: string | null }[][]) => {
    this.write('setRichTextValues', values, (cell, v) => {
      cell.userEnteredValue = v.link
        ? { formulaValue: `=HYPERLINK("${v.link}","${v.text}")` }
        : { stringValue: v.text }
      if (!v.text) delete cell.userEnteredValue
    })
    return this
  }
  setFontWeight = (weight: string) => {
    count(this.host.calls, 'setFontWeight')
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.cols; c++)
        this.put(
          r,
          c,
          (cell) => void ((cell.userEnteredFormat ??= {}).textFormat = { bold: weight === 'bold' }),
        )
    return this
  }
  activate = () => {
    count(this.host.calls, 'activate')
    this.host.selection = { sheet: this.sheet.properties.title, address: this.getA1Notation() }
    return this
  }
}
