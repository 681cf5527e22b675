import { computeExcelSerial, isDateCell, type Grid } from '../../../core/index.ts'
import { isDateFormat } from '../../../addin/excel/read.ts'
import type { FakeWorkbook } from '../fake-excel.ts'
import type { FakeSheetSpec } from '../fake-from-xlsx.ts'
import { createFakeSheet, type FakeSheet, type FakeSpreadsheet } from './model.ts'

const mergeRe = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/

function columnIndex(letters: string): number {
  let n = 0
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64
  return n - 1
}

/** A sheet of the fake from an Office-like sheet spec (values, number formats, merges), as Sheets would import it. */
export function createSheetFromSpec(
  spec: FakeSheetSpec,
  sheetId: number,
  index: number,
): FakeSheet {
  const rows = spec.rows.length
  const columns = Math.max(1, ...spec.rows.map((r) => r.length))
  const sheet = createFakeSheet(
    sheetId,
    spec.name,
    index,
    Math.max(rows, 1000),
    Math.max(columns, 26),
  )
  if (spec.visibility && spec.visibility !== 'Visible') sheet.properties.hidden = true
  for (const [r, row] of spec.rows.entries())
    for (const [c, value] of row.entries()) {
      if (value === undefined || value === null || value === '') continue
      const format = spec.formats?.[`${letterOf(c)}${r + 1}`]
      const cell =
        typeof value === 'number'
          ? format && isDateFormat(format)
            ? {
                userEnteredValue: { numberValue: value },
                userEnteredFormat: { numberFormat: { type: 'DATE', pattern: format } },
              }
            : { userEnteredValue: { numberValue: value } }
          : typeof value === 'boolean'
            ? { userEnteredValue: { boolValue: value } }
            : { userEnteredValue: { stringValue: String(value) } }
      sheet.cells.set(`${r},${c}`, cell)
    }
  for (const merge of spec.merges ?? []) {
    const m = mergeRe.exec(merge)
    if (!m) continue
    sheet.merges.push({
      sheetId,
      startRowIndex: Number(m[2]) - 1,
      endRowIndex: Number(m[4]),
      startColumnIndex: columnIndex(m[1]!),
      endColumnIndex: columnIndex(m[3]!) + 1,
    })
  }
  return sheet
}

function letterOf(c: number): string {
  let n = c + 1
  let s = ''
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** A fake spreadsheet from sheet specs; sheet ids 0, 101, 102… (the first sheet of a new file is gid 0). */
export function createSpreadsheetFromSpecs(
  spreadsheetId: string,
  title: string,
  specs: FakeSheetSpec[],
): FakeSpreadsheet {
  return {
    spreadsheetId,
    properties: { title, locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' },
    sheets: specs.map((s, i) => createSheetFromSpec(s, i === 0 ? 0 : 100 + i, i)),
    nextMetadataId: 1000,
  }
}

/** A fake spreadsheet holding one grid (dates as serials with a date format). */
export function createSpreadsheetFromGrid(spreadsheetId: string, grid: Grid): FakeSpreadsheet {
  const formats: Record<string, string> = {}
  const rows = grid.cells.map((row, r) =>
    row.map((v, c) => {
      if (!isDateCell(v)) return v
      formats[`${letterOf(c)}${r + 1}`] = 'dd/mm/yyyy'
      return computeExcelSerial(v.date)
    }),
  )
  const merges = grid.merges.map(
    (m) => `${letterOf(m.left - 1)}${m.top}:${letterOf(m.right - 1)}${m.bottom}`,
  )
  return createSpreadsheetFromSpecs(spreadsheetId, grid.sheet, [
    { name: grid.sheet, rows, formats, merges },
  ])
}

function createColorStyle(hex: string) {
  const part = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16) / 255
  return { rgbColor: { red: part(1), green: part(3), blue: part(5) } }
}

/** The Excel fake's workbook as Sheets would hold it after import: values, date formats, fills, notes, merges. */
export function createSpreadsheetFromWorkbook(
  spreadsheetId: string,
  title: string,
  model: FakeWorkbook,
): FakeSpreadsheet {
  const specs: FakeSheetSpec[] = model.sheets.map((s) => {
    const rows: unknown[][] = []
    const formats: Record<string, string> = {}
    for (const [address, cell] of s.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!
      const r = Number(m[2]) - 1
      while (rows.length <= r) rows.push([])
      rows[r]![columnIndex(m[1]!)] = cell.value
      formats[address] = cell.format
    }
    return { name: s.name, rows, formats, merges: s.merges, visibility: s.visibility }
  })
  const book = createSpreadsheetFromSpecs(spreadsheetId, title, specs)
  model.sheets.forEach((s, i) => {
    const sheet = book.sheets[i]!
    for (const [address, cell] of s.cells) {
      if (!cell.fill) continue
      const m = /^([A-Z]+)(\d+)$/.exec(address)!
      const key = `${Number(m[2]) - 1},${columnIndex(m[1]!)}`
      const data = sheet.cells.get(key) ?? {}
      data.userEnteredFormat = {
        ...data.userEnteredFormat,
        backgroundColorStyle: createColorStyle(cell.fill),
        backgroundColor: createColorStyle(cell.fill).rgbColor,
      }
      sheet.cells.set(key, data)
    }
    for (const [address, note] of s.notes) {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!
      const key = `${Number(m[2]) - 1},${columnIndex(m[1]!)}`
      sheet.cells.set(key, { ...sheet.cells.get(key), note })
    }
  })
  return book
}

function readHex(
  color: { red?: number | null; green?: number | null; blue?: number | null } | undefined | null,
): string | null {
  if (!color) return null
  const hex = (x: number | null | undefined) =>
    Math.round((x ?? 0) * 255)
      .toString(16)
      .padStart(2, '0')
      .toUpperCase()
  const text = `#${hex(color.red)}${hex(color.green)}${hex(color.blue)}`
  return text === '#FFFFFF' ? null : text
}

/** A sheet's cells as [address, value, fill, note], sorted: what a person sees, for comparisons. */
export function readSheetLook(
  sheet: FakeSheet,
  stripTag = '',
): [string, unknown, string | null, string | null][] {
  const out: [string, unknown, string | null, string | null][] = []
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(',').map(Number) as [number, number]
    const u = cell.userEnteredValue
    const value = u
      ? (u.stringValue ?? u.numberValue ?? u.boolValue ?? u.formulaValue ?? null)
      : null
    const fill = readHex(
      cell.userEnteredFormat?.backgroundColorStyle?.rgbColor ??
        cell.userEnteredFormat?.backgroundColor,
    )
    const note = cell.note
      ? stripTag && cell.note.endsWith(stripTag)
        ? cell.note.slice(0, -stripTag.length)
        : cell.note
      : null
    if ((value === null || value === '') && !fill && !note) continue
    out.push([`${letterOf(c)}${r + 1}`, value === '' ? null : value, fill, note])
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]))
}

/** A sheet of the Excel fake as [address, value, fill, note], sorted, comparable with `readSheetLook`. */
export function readExcelLook(
  model: FakeWorkbook,
  sheetName: string,
): [string, unknown, string | null, string | null][] {
  const sheet = model.sheets.find((s) => s.name === sheetName)!
  return [...new Set([...sheet.cells.keys(), ...sheet.notes.keys()])]
    .map((a): [string, unknown, string | null, string | null] => {
      const c = sheet.cells.get(a)
      const value = c?.value === '' ? null : (c?.value ?? null)
      return [a, value, c?.fill ?? null, sheet.notes.get(a) ?? null]
    })
    .filter(([, v, f, n]) => v !== null || f || n)
    .sort((a, b) => a[0].localeCompare(b[0]))
}
