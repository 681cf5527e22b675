import type { Issue, Severity } from './issue.ts'

export type SeverityFilter = Severity | 'all'

/** The issues the list shows: those on a cell, filtered by severity, in sheet order. */
export function filterProblems(issues: Issue[], filter: SeverityFilter): Issue[] {
  return issues
    .filter((i) => filter === 'all' || i.severity === filter)
    .slice()
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''))
}

/** The next (step 1) or previous (step -1) item, wrapping around; -1 when the list is empty. */
export function computeNextIndex(current: number, length: number, step: 1 | -1): number {
  if (length === 0) return -1
  if (current < 0) return step === 1 ? 0 : length - 1
  return (current + step + length) % length
}

/** The cell an issue points at ("D5"), or null for table-level issues. */
export function formatIssueCell(issue: Issue): string | null {
  return issue.row !== null && issue.column ? `${issue.column}${issue.row}` : null
}
