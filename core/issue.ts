import type { FieldKey } from './fields.ts'
import type { Bilingual, IssueCode, IssueParams, Severity } from './issue-codes.ts'
import { issueCatalogue } from './messages.ts'
import { clipText } from './text.ts'

export {
  issueCodes,
  issueParamKeys,
  severities,
  type Bilingual,
  type IssueCode,
  type IssueParams,
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

/** How much of a cell an issue repeats: its value, and a value quoted in its message. */
export const issueLimits = { valueChars: 500, quoteChars: 200 }

/**
 * Builds an issue from its code: severity, message and hint come from the catalogue. The cell's
 * value is repeated clipped ("…" after 500 characters, 200 in a message): a long cell used on many
 * rows must not make the report many times the size of the file.
 */
export function createIssue<C extends IssueCode>(
  code: C,
  place: IssuePlace = {},
  params: IssueParams<C> = {} as IssueParams<C>,
  fix?: string,
): Issue {
  const entry = issueCatalogue[code]
  // Copied only when a quoted value is long (rare): most issues keep their params as they are.
  let quoted = params
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string' || value.length <= issueLimits.quoteChars) continue
    quoted = { ...quoted, [key]: clipText(value, issueLimits.quoteChars) }
  }
  const issue: Issue = {
    code,
    severity: entry.severity,
    row: place.row ?? null,
    column: place.column ?? null,
    field: place.field ?? null,
    value: place.value == null ? null : clipText(place.value, issueLimits.valueChars),
    message: entry.message(quoted),
    hint: entry.hint(quoted),
  }
  if (fix !== undefined) issue.fix = fix
  return issue
}
