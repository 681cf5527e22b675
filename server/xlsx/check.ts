import {
  columnNumber,
  computeFixes,
  validateTable,
  type AgencyRegistry,
  type Grid,
  type TemplateMeta,
  type ColumnChoices,
  type IsoDate,
  type Report,
  type ScoringProfile,
} from '../../core/index.ts'
import { readWorkbookView } from './book.ts'
import { openPackage, type CheckedPackage } from './guard.ts'
import { readTemplateMeta, selectSheet } from './select.ts'

export type CheckOptions = {
  asOf: IsoDate
  file?: string | null
  sheet?: string | null
  year?: number | null
  profile?: ScoringProfile | null
  /** Picks the profile from the template's plan id when no profile is given. */
  profileFor?: ((planId: string | null) => ScoringProfile | null) | null
  registry?: AgencyRegistry | null
  /** The user's column choices (`--columns`), over those the workbook remembers. */
  columns?: ColumnChoices | null
  /** The plan's issue date (`--issued`), over the template's and the title's. */
  issued?: IsoDate | null
}

export type CheckResult = {
  report: Report
  sheetName: string
  planId: string | null
  /** What was checked: the sheet's grid and the template's metadata (for a check after fixes). */
  grid: Grid
  meta: TemplateMeta | null
}

function validateGrid(grid: Grid, meta: TemplateMeta | null, options: CheckOptions): Report {
  const planId = meta?.planId ?? null
  return validateTable(grid, {
    asOf: options.asOf,
    file: options.file ?? null,
    year: options.year ?? null,
    meta,
    profile: options.profile ?? options.profileFor?.(planId) ?? null,
    registry: options.registry ?? null,
    columns: options.columns ?? null,
    issued: options.issued ?? null,
  })
}

/**
 * Checks a workbook's annex table with the core engine, through the fast read-only reader (no
 * ExcelJS), from its bytes or from a package the guard has already checked (which is then not
 * inflated again). Throws AppError (workbook/…) for unreadable input.
 */
export function checkWorkbook(
  input: Uint8Array | CheckedPackage,
  options: CheckOptions,
): CheckResult {
  const book = readWorkbookView(input instanceof Uint8Array ? openPackage(input) : input)
  const { name, grid } = selectSheet(book, options.sheet)
  const meta = readTemplateMeta(book)
  const report = validateGrid(grid, meta, options)
  return { report, sheetName: name, planId: meta?.planId ?? null, grid, meta }
}

/**
 * Checks the table again once its automatic fixes have been written to the cells: the fixed texts
 * are put into the grid that was read (nothing is re-read), so the marks describe the corrected
 * sheet. Returns the same result when the report has no fix.
 */
export function recheckFixed(checked: CheckResult, options: CheckOptions): CheckResult {
  const fixes = computeFixes(checked.report)
  if (fixes.length === 0) return checked
  const { grid } = checked
  const cells = grid.cells.map((row) => row.slice())
  for (const fix of fixes) {
    const at = /^([A-Z]+)(\d+)$/.exec(fix.address)
    if (!at) continue
    const row = cells[Number(at[2]) - grid.top]
    const column = columnNumber(at[1]!) - grid.left
    if (row && column >= 0) row[column] = fix.value
  }
  const fixed = { ...grid, cells }
  return { ...checked, grid: fixed, report: validateGrid(fixed, checked.meta, options) }
}
