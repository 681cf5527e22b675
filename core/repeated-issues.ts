import { fieldSpecs, type FieldKey } from './fields.ts'
import { createIssue, type Issue, type IssueCode } from './issue.ts'

/**
 * Row issues whose cause may lie in how a column was read rather than in the rows: a column taken
 * for the deadline that holds something else makes every row's deadline "invalid". On a table read
 * right they stay on a few rows. Hygiene issues (each with its own fix), numbering and agency
 * names are about their cells and never folded.
 */
export const headerCausedCodes = [
  'cell/required',
  'cell/invalid-deadline',
  'cell/invalid-date',
  'cell/completion-in-future',
  'cell/invalid-progress',
  'cell/unclear-progress',
  'cell/invalid-achieved',
  'row/deadline-before-start',
  'row/done-without-date',
  'row/done-without-evidence',
] as const satisfies readonly IssueCode[]

// A row whose cells slid one column, an agency the registry lacks or a number used twice is about
// that row; on most rows it is a column misread (a column of people's names read as the lead
// agency, a column of figures as the numbering).
const folded = new Set<IssueCode>([
  ...headerCausedCodes,
  'row/shifted-cells',
  'cell/unknown-agency',
  'row/stt-duplicate',
])

/** A row issue may repeat on at most this many rows before it is read as one cause. */
export const repeatLimit = 3

/**
 * One cause, one issue: a header-caused issue that repeats on more than `repeatLimit` rows and on
 * at least half the table's tasks (an eighth for a required cell left empty: a tracker that gives no
 * deadline or no unit to some of its tasks, entered in a hurry) is replaced by one issue at the
 * column's header, naming the column, how many rows share it, a few of them and the first message.
 * Other issues pass as they are.
 */
export function collapseRepeatedIssues(
  issues: Issue[],
  header: { row: number; columns: Partial<Record<FieldKey, string>> },
  taskCount: number,
): Issue[] {
  const groups = new Map<string, Issue[]>()
  for (const issue of issues) {
    if (!folded.has(issue.code) || issue.row === null) continue
    const key = `${issue.code}|${issue.column ?? ''}|${issue.field ?? ''}`
    const group = groups.get(key)
    if (group) group.push(issue)
    else groups.set(key, [issue])
  }
  const replaced = new Map<Issue, Issue | null>()
  for (const group of groups.values()) {
    const rows = new Set(group.map((i) => i.row))
    const share = group[0]!.code === 'cell/required' ? 8 : 2
    if (rows.size <= repeatLimit || rows.size < taskCount / share) continue
    const first = group[0]!
    const field = first.field ?? 'content'
    const listed = [...rows].slice(0, 5).join(', ') + (rows.size > 5 ? ', …' : '')
    const summary = createIssue(
      'header/unreadable-column',
      { row: header.row, column: first.column, field, value: first.value },
      {
        column: first.column ?? '',
        field: fieldSpecs[field].label,
        key: field,
        count: rows.size,
        total: taskCount,
        rows: listed,
        found: first.message.vi,
        expected: first.message.en,
      },
    )
    group.forEach((issue, i) => replaced.set(issue, i === 0 ? summary : null))
  }
  if (!replaced.size) return issues
  return issues.flatMap((issue) => {
    const r = replaced.get(issue)
    return r === undefined ? [issue] : r ? [r] : []
  })
}
