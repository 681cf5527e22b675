import type { FieldKey } from './fields.ts'
import type { Bilingual, IssueCode, MessageParams, Severity } from './issue-codes.ts'
import { issueCatalogue } from './messages.ts'

export {
  issueCodes,
  severities,
  type Bilingual,
  type IssueCode,
  type Severity,
} from './issue-codes.ts'

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
