import type ExcelJS from 'exceljs'
import {
  validateTable,
  type AgencyRegistry,
  type ColumnChoices,
  type IsoDate,
  type Report,
  type ScoringProfile,
} from '../core/index.ts'
import { loadWorkbook, readTemplateMeta, selectSheet } from './xlsx/read.ts'

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
}

export type CheckResult = {
  report: Report
  workbook: ExcelJS.Workbook
  sheetName: string
  planId: string | null
}

/** Reads workbook bytes and checks its annex table with the core engine. Throws WorkbookError for unreadable input. */
export async function checkWorkbook(
  bytes: Uint8Array,
  options: CheckOptions,
): Promise<CheckResult> {
  const workbook = await loadWorkbook(bytes)
  const { worksheet, grid } = selectSheet(workbook, options.sheet)
  const meta = readTemplateMeta(workbook)
  const planId = meta?.planId ?? null
  const report = validateTable(grid, {
    asOf: options.asOf,
    file: options.file ?? null,
    year: options.year ?? null,
    meta,
    profile: options.profile ?? options.profileFor?.(planId) ?? null,
    registry: options.registry ?? null,
    columns: options.columns ?? null,
  })
  return { report, workbook, sheetName: worksheet.name, planId }
}
