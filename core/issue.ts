import type { FieldKey } from './fields.ts'
import { issueCatalogue, type MessageParams } from './messages.ts'

/** Every issue code the product reports; stable, documented in the README. */
export const issueCodes = [
  'table/not-found',
  'header/missing-column',
  'header/duplicate-column',
  'header/unknown-choice',
  'row/stt-duplicate',
  'row/stt-sequence',
  'row/continuation',
  'row/shifted-cells',
  'cell/required',
  'cell/html-markup',
  'cell/legacy-encoding',
  'cell/unnormalized-text',
  'cell/unknown-agency',
  'cell/invalid-deadline',
  'cell/invalid-date',
  'row/deadline-before-start',
  'cell/invalid-progress',
  'cell/unclear-progress',
  'row/done-without-date',
  'row/done-without-evidence',
  'row/evidence-unverifiable',
  'cell/completion-in-future',
  'cell/invalid-achieved',
  'row/score-exceeds-max',
  'report/provisional-profile',
  'plan/no-tasks',
  'plan/no-year',
  'plan/no-document',
  'plan/deadline-changed',
  'plan/content-changed',
  'plan/task-removed',
  'plan/task-missing',
  'plan/task-unknown',
] as const
export type IssueCode = (typeof issueCodes)[number]

export const severities = ['error', 'warning', 'info'] as const
export type Severity = (typeof severities)[number]

/** Text in both languages; Vietnamese is what users see first. */
export type Bilingual = { vi: string; en: string }

/** One problem, flat and JSON-safe: it travels core → task pane → server → SQLite → workbook unchanged. */
export type Issue = {
  code: IssueCode
  severity: Severity
  row: number | null
  column: string | null
  field: FieldKey | null
  value: string | null
  message: Bilingual
  hint: Bilingual
  /** The corrected cell text for issues that can be fixed automatically. */
  fix?: string
}

/** Where an issue points, as the user sees it. */
export type IssuePlace = {
  row?: number | null
  column?: string | null
  field?: FieldKey | null
  value?: string | null
}

/** Builds an issue from its code: severity, message and hint come from the catalogue. */
export function createIssue(
  code: IssueCode,
  place: IssuePlace = {},
  params: MessageParams = {},
  fix?: string,
): Issue {
  const entry = issueCatalogue[code]
  const issue: Issue = {
    code,
    severity: entry.severity,
    row: place.row ?? null,
    column: place.column ?? null,
    field: place.field ?? null,
    value: place.value ?? null,
    message: entry.message(params),
    hint: entry.hint(params),
  }
  if (fix !== undefined) issue.fix = fix
  return issue
}
