/**
 * What a user (or another program) does to a workbook between two runs of the add-in, as Excel
 * does it: insert or delete rows, type in a cell, rename or copy a sheet, protect a sheet or the
 * workbook's structure, save the file with another program. No Node built-ins.
 */
import {
  applyInput,
  createFakeCell,
  createFakeSheet,
  createProtection,
  letters,
  parseBox,
  type FakeProtection,
  type FakeSheet,
  type FakeWorkbook,
} from './model.ts'

function shiftRows(sheet: FakeSheet, shift: (row: number) => number | null): void {
  const move = (address: string) => {
    const box = parseBox(address)
    const row = shift(box.top)
    return row === null ? null : `${letters(box.left)}${row}`
  }
  const moved = <T>(entries: [string, T][]) =>
    new Map(
      entries.flatMap(([a, v]): [string, T][] => {
        const to = move(a)
        return to ? [[to, v]] : []
      }),
    )
  sheet.cells = moved([...sheet.cells])
  sheet.notes = moved([...sheet.notes])
  sheet.merges = sheet.merges.flatMap((m) => {
    const box = parseBox(m)
    const top = shift(box.top)
    const bottom = shift(box.bottom)
    return top === null || bottom === null
      ? []
      : [`${letters(box.left)}${top}:${letters(box.right)}${bottom}`]
  })
}

/**
 * The user inserts rows above `at` (as Excel's "Insert rows"): cells, notes and merges move down, and
 * the new rows take the formats and locks of the row above ("Format Same As Above").
 */
export function insertFakeRows(sheet: FakeSheet, at: number, count: number): void {
  const above = [...sheet.cells].filter(([a]) => parseBox(a).top === at - 1)
  shiftRows(sheet, (r) => (r >= at ? r + count : r))
  for (const [address, cell] of above)
    for (let i = 0; i < count; i++)
      sheet.cells.set(`${letters(parseBox(address).left)}${at + i}`, {
        ...createFakeCell(),
        format: cell.format,
        fill: cell.fill,
        locked: cell.locked,
      })
}

/** The user deletes rows `at` … `at + count - 1`: their cells and notes go, the rows below move up. */
export function deleteFakeRows(sheet: FakeSheet, at: number, count: number): void {
  shiftRows(sheet, (r) => (r < at ? r : r < at + count ? null : r - count))
}

/** The user types into a cell (typed input: "=…" is a formula, an apostrophe a prefix). */
export function typeFakeCell(sheet: FakeSheet, address: string, text: unknown): void {
  let cell = sheet.cells.get(address)
  if (!cell) sheet.cells.set(address, (cell = createFakeCell()))
  applyInput(cell, text)
}

/** The user renames a sheet (its id stays). */
export function renameFakeSheet(model: FakeWorkbook, from: string, to: string): void {
  const sheet = model.sheets.find((s) => s.name === from)!
  sheet.name = to
  if (model.active === from) model.active = to
}

/** "Move or Copy… → Create a copy": a new sheet (new id) with the same cells, notes and merges. */
export function copyFakeSheet(model: FakeWorkbook, from: string, to: string): FakeSheet {
  const source = model.sheets.find((s) => s.name === from)!
  const copy = createFakeSheet(model, to)
  copy.cells = new Map([...source.cells].map(([a, c]) => [a, { ...c }]))
  copy.notes = new Map(source.notes)
  copy.merges = [...source.merges]
  copy.protection = { ...source.protection }
  model.sheets.splice(model.sheets.indexOf(source) + 1, 0, copy)
  return copy
}

/** "Review → Protect Sheet" with Excel's default options, or those given. */
export function protectFakeSheet(sheet: FakeSheet, options: Partial<FakeProtection> = {}): void {
  sheet.protection = createProtection(options)
}

/**
 * The file saved by another program (LibreOffice, a converter) and opened again: the sheets keep
 * their names, but Office.js gives them new ids (an id "remains the same even when the worksheet is
 * renamed or moved", not across programs).
 */
export function resaveFakeWorkbook(model: FakeWorkbook): void {
  for (const sheet of model.sheets) sheet.id = createFakeSheet(model, sheet.name).id
}
