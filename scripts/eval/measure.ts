import { requiredFields, type FieldKey, type Report } from '../../core/index.ts'
import type { TableFixture } from './fixture.ts'

/** A share measured on a set: how many were right of how many could be judged. */
export type Share = { right: number; of: number }

/** What one table scores; shares add up across a set. */
export type TableScore = {
  id: string
  headers: Share
  /** 1 of 1 when every required field the truth names is read from the right column. */
  required: Share
  due: Share
  status: Share
  falseErrors: number
  /** Readings that differ from the truth, for `--verbose`. */
  misses: string[]
}

// SPEC section 2: stt, one of content/criterion, one of lead/executing, deadline or end.
const requiredGroups: readonly (readonly FieldKey[])[] = Object.values(requiredFields)

function countShare(checks: boolean[]): Share {
  return { right: checks.filter(Boolean).length, of: checks.length }
}

/** Scores the product's report of one fixture against the fixture's truth. */
export function measureTable(fixture: TableFixture, report: Report): TableScore {
  const { truth } = fixture
  const misses: string[] = []
  const read = new Map((report.header?.mapping ?? []).map((m) => [m.column, m.field]))
  const columns = Object.entries(truth.columns).filter(([, field]) => field !== null)
  const headers = countShare(
    columns.map(([column, field]) => {
      const got = read.get(column) ?? null
      if (got !== field) misses.push(`column ${column}: ${got ?? '—'} (truth ${field})`)
      return got === field
    }),
  )
  const truthField = (fields: readonly FieldKey[]) =>
    columns.find(([, f]) => f && fields.includes(f))
  const named = requiredGroups.map(truthField).filter((c) => c !== undefined)
  const required = countShare([named.every(([column, field]) => read.get(column) === field)])
  const complete = named.length === requiredGroups.length

  const tasks = new Map(report.tasks.map((t) => [t.row, t]))
  const dueChecks: boolean[] = []
  const statusChecks: boolean[] = []
  for (const [key, row] of Object.entries(truth.rows)) {
    const task = tasks.get(Number(key))
    if (row.due !== undefined) {
      const got = task?.deadline?.due ?? null
      if (got !== row.due) misses.push(`row ${key} due: ${got ?? '—'} (truth ${row.due ?? '—'})`)
      dueChecks.push(got === row.due)
    }
    if (row.status !== undefined) {
      const got = task?.status ?? null
      if (got !== row.status) misses.push(`row ${key} status: ${got ?? '—'} (truth ${row.status})`)
      statusChecks.push(got === row.status)
    }
  }

  let falseErrors = 0
  for (const issue of report.issues) {
    if (issue.severity !== 'error') continue
    // A cause in the header is a false error only where the header holds every required field.
    const headerCaused = issue.code.startsWith('header/') || issue.code.startsWith('table/')
    const onCleanRow = issue.row !== null && truth.rows[String(issue.row)]?.clean === true
    if (headerCaused ? complete : onCleanRow) {
      falseErrors++
      misses.push(
        `error ${issue.code}${issue.row ? ` row ${issue.row}` : ''} ${issue.column ?? ''}`,
      )
    }
  }
  return {
    id: fixture.id,
    headers,
    required,
    due: countShare(dueChecks),
    status: countShare(statusChecks),
    falseErrors,
    misses,
  }
}

/** The sum of a set's table scores. */
export function sumScores(
  scores: TableScore[],
): Omit<TableScore, 'id' | 'misses'> & { tables: number } {
  const add = (pick: (s: TableScore) => Share): Share => ({
    right: scores.reduce((n, s) => n + pick(s).right, 0),
    of: scores.reduce((n, s) => n + pick(s).of, 0),
  })
  return {
    tables: scores.length,
    headers: add((s) => s.headers),
    required: add((s) => s.required),
    due: add((s) => s.due),
    status: add((s) => s.status),
    falseErrors: scores.reduce((n, s) => n + s.falseErrors, 0),
  }
}
