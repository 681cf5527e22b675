import {
  validateTable,
  type AgencyRegistry,
  type ColumnChoices,
  type IsoDate,
  type Report,
  type ScoringProfile,
  type TemplateMeta,
} from '../../core/index.ts'
import { readWorkbookView } from './book.ts'
import { openPackage } from './guard.ts'
import { readTemplateMeta, selectSheet } from './select.ts'

export type CheckOptions = {
  asOf: IsoDate
  file?: string | null
  sheet?: string | null
  year?: number | null
  /** The plan's issue date (`--issued`), over the template's and the title's. */
  issued?: IsoDate | null
  profile?: ScoringProfile | null
  /** Picks the profile from the template's plan id when no profile is given. */
  profileFor?: ((planId: string | null) => ScoringProfile | null) | null
  registry?: AgencyRegistry | null
  /** The user's column choices (`--columns`), over those the workbook remembers. */
  columns?: ColumnChoices | null
}

export type CheckResult = {
  report: Report
  sheetName: string
  planId: string | null
  /** The template's hidden metadata, when the workbook has it. */
  meta: TemplateMeta | null
}

/**
 * Reads workbook bytes and checks its annex table with the core engine, through the fast read-only
 * reader (no ExcelJS). Throws AppError (workbook/…) for unreadable input.
 */
export function checkWorkbook(bytes: Uint8Array, options: CheckOptions): CheckResult {
  const book = readWorkbookView(openPackage(bytes))
  const { name, grid } = selectSheet(book, options.sheet)
  const meta = readTemplateMeta(book)
  const planId = meta?.planId ?? null
  const report = validateTable(grid, {
    asOf: options.asOf,
    file: options.file ?? null,
    year: options.year ?? null,
    issued: options.issued ?? null,
    meta,
    profile: options.profile ?? options.profileFor?.(planId) ?? null,
    registry: options.registry ?? null,
    columns: options.columns ?? null,
  })
  return { report, sheetName: name, planId, meta }
}
