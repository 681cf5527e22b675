/**
 * The workbook data behind the fake Excel host, and the rules Excel applies to it that the add-in must
 * live with (documented in the Office.js reference): what typed input becomes, locked cells and sheet
 * protection. No Node built-ins: it also runs in the browser.
 */

export type FakeCell = {
  value: unknown
  /** The formula Excel made of the input, when it made one ("=- Tổ chức…" → #NAME?). */
  formula: string | null
  format: string
  fill: string | null
  bold: boolean
  hyperlink: string | null
  /** Excel's Normal style locks every cell; a template unlocks its input cells. */
  locked: boolean
}
/** Excel's sheet protection options (WorksheetProtectionOptions, ExcelApi 1.2 / 1.7). */
export const protectionOptionNames = [
  'allowAutoFilter',
  'allowDeleteColumns',
  'allowDeleteRows',
  'allowEditObjects',
  'allowEditScenarios',
  'allowFormatCells',
  'allowFormatColumns',
  'allowFormatRows',
  'allowInsertColumns',
  'allowInsertHyperlinks',
  'allowInsertRows',
  'allowPivotTables',
  'allowSort',
] as const
export type FakeProtectionOptions = Record<(typeof protectionOptionNames)[number], boolean>
export type FakeProtection = { protected: boolean } & FakeProtectionOptions

/**
 * What "Review → Protect Sheet" gives when the user just presses OK: only "Select locked cells" and
 * "Select unlocked cells" are ticked, so every allow* option is false (Microsoft's "Protect a
 * worksheet": formatting, inserting, deleting, sorting, objects… are all off by default).
 */
export function createProtection(options: Partial<FakeProtection> = {}): FakeProtection {
  const all = Object.fromEntries(protectionOptionNames.map((n) => [n, false]))
  return { protected: true, ...(all as FakeProtectionOptions), ...options }
}
export type FakeSheet = {
  id: string
  name: string
  visibility: 'Visible' | 'Hidden' | 'VeryHidden'
  cells: Map<string, FakeCell>
  merges: string[]
  notes: Map<string, string>
  frozenRows: number
  protection: FakeProtection
}
export type FakeWorkbook = {
  sheets: FakeSheet[]
  active: string
  selection: { sheet: string; address: string } | null
  nextId: number
  /** The user is typing in a cell: Excel refuses every request until they leave it. */
  cellEditMode?: boolean
  /** The 1904 date system (Excel for Mac's old default): serial 0 is 01/01/1904. */
  date1904?: boolean
  /** "Protect Workbook" (structure): sheets cannot be added, deleted, renamed, hidden or shown. */
  structureProtected?: boolean
  /** A failure Excel reports (a genuine GeneralException, say): after `after` good syncs, `times` times. */
  failNextSync?: { code: string; message: string; after?: number; times?: number }
}

export class FakeOfficeError extends Error {
  code: string
  constructor(code: string, message: string) {
    super(`${code}: ${message}`)
    this.code = code
  }
}

// Address helpers of its own: the fake must not share code with the adapter it checks.
export function letters(n: number): string {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}
function number(col: string): number {
  let n = 0
  for (const ch of col) n = n * 26 + ch.charCodeAt(0) - 64
  return n
}
export type Box = { top: number; left: number; bottom: number; right: number }
export function parseBox(address: string): Box {
  const bare = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '')
  const [a, b] = bare.split(':')
  const read = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)
    if (!m)
      throw new FakeOfficeError(
        'InvalidArgument',
        `The argument is invalid or missing or has an incorrect format: ${address}`,
      )
    return { row: Number(m[2]), col: number(m[1]!) }
  }
  const s = read(a!)
  const e = b ? read(b) : s
  return { top: s.row, left: s.col, bottom: e.row, right: e.col }
}
export function formatBox(sheet: string, box: Box): string {
  const q = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`
  const a = `${letters(box.left)}${box.top}`
  const b = `${letters(box.right)}${box.bottom}`
  return `${q}!${a === b ? a : `${a}:${b}`}`
}
export function cellsOf(box: Box): string[][] {
  const rows: string[][] = []
  for (let r = box.top; r <= box.bottom; r++) {
    const row: string[] = []
    for (let c = box.left; c <= box.right; c++) row.push(`${letters(c)}${r}`)
    rows.push(row)
  }
  return rows
}

export function createFakeCell(value: unknown = ''): FakeCell {
  return {
    value,
    formula: null,
    format: 'General',
    fill: null,
    bold: false,
    hyperlink: null,
    locked: true,
  }
}

export function touch(sheet: FakeSheet, address: string): FakeCell {
  let cell = sheet.cells.get(address)
  if (!cell) sheet.cells.set(address, (cell = createFakeCell()))
  return cell
}

export function createFakeSheet(model: FakeWorkbook, name: string): FakeSheet {
  return {
    id: `{00000000-0000-4000-8000-${String(model.nextId++).padStart(12, '0')}}`,
    name,
    visibility: 'Visible',
    cells: new Map(),
    merges: [],
    notes: new Map(),
    frozenRows: 0,
    protection: { ...createProtection(), protected: false },
  }
}

/** Builds a workbook from rows of values (row 1 first), optional formats by address, merges and extra sheets. */
export function createFakeWorkbook(
  sheets: {
    name: string
    rows: unknown[][]
    formats?: Record<string, string>
    merges?: string[]
    visibility?: FakeSheet['visibility']
    /** Sheet protection; options not given are Excel's defaults (off). */
    protection?: Partial<FakeProtection> & { protected: boolean }
    /** Formulas by address (the value in `rows` is their cached result). */
    formulas?: Record<string, string>
    /** Unlocked cells (a template's input cells) and whole unlocked columns, up to `lastRow`. */
    unlocked?: string[]
    unlockedColumns?: { columns: string[]; lastRow: number }
  }[],
): FakeWorkbook {
  const model: FakeWorkbook = { sheets: [], active: sheets[0]!.name, selection: null, nextId: 1 }
  for (const s of sheets) {
    const sheet = createFakeSheet(model, s.name)
    sheet.visibility = s.visibility ?? 'Visible'
    sheet.merges = s.merges ?? []
    s.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === '') return
        sheet.cells.set(`${letters(c + 1)}${r + 1}`, createFakeCell(value))
      }),
    )
    for (const [address, format] of Object.entries(s.formats ?? {}))
      touch(sheet, address).format = format
    for (const [address, formula] of Object.entries(s.formulas ?? {}))
      touch(sheet, address).formula = formula
    for (const address of s.unlocked ?? []) touch(sheet, address).locked = false
    for (const column of s.unlockedColumns?.columns ?? [])
      for (let r = 1; r <= s.unlockedColumns!.lastRow; r++)
        touch(sheet, `${column}${r}`).locked = false
    if (s.protection) sheet.protection = { ...createProtection(), ...s.protection }
    model.sheets.push(sheet)
  }
  return model
}

/** The value a cell shows, as Office.js returns it ('' for empty). */
export function readFakeValue(sheet: FakeSheet, address: string): unknown {
  return sheet.cells.get(address)?.value ?? ''
}

/**
 * What Excel makes of a value written through `Range.values` (the reference: "If a value starts with
 * a plus, minus, or equal sign, Excel interprets it as a formula"): in a text-formatted ("@") cell the
 * text is kept as written; otherwise it is parsed like typed input — a leading apostrophe is taken as
 * the text prefix, "=", "+" and "-" start a formula (text that is no formula gives #NAME?), and
 * numeric text becomes a number.
 */
export function applyInput(cell: FakeCell, input: unknown): void {
  cell.formula = null
  if (input === null || input === undefined) {
    cell.value = ''
    return
  }
  if (typeof input !== 'string' || cell.format === '@') {
    cell.value = input
    return
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1)
    return
  }
  const numeric = /^[+-]?\d+(\.\d+)?$/.test(input.trim()) ? Number(input) : null
  if (/^[=+-]/.test(input)) {
    cell.formula = input.startsWith('=') ? input : `=${input}`
    const rest = input.replace(/^=/, '')
    cell.value = /^[+-]?\d+(\.\d+)?$/.test(rest.trim()) ? Number(rest) : '#NAME?'
    return
  }
  cell.value = numeric ?? input
}
