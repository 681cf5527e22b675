import { fieldKeys, requiredFields, type FieldKey } from './fields.ts'
import type { Weights } from './header-words.ts'

/** A field needs at least this score to be given a column. */
export const minimumScore = 3

/**
 * Assigns fields to columns jointly: each field at most one column, each column at most one field,
 * the best total score (the Hungarian method). A column whose best reading is `other` or scores
 * below `minimumScore` stays unmapped; `fixed` pins a field to a column (a user's correction) and
 * `excluded` fields are never assigned.
 */
export function assignColumns(
  scores: Weights[],
  fixed: Partial<Record<FieldKey, number>> = {},
  excluded: ReadonlySet<FieldKey> = new Set(),
): (FieldKey | null)[] {
  const result: (FieldKey | null)[] = scores.map(() => null)
  const pinned = new Set(Object.values(fixed))
  for (const [f, c] of Object.entries(fixed) as [FieldKey, number][])
    if (c < scores.length) result[c] = f
  const fields = fieldKeys.filter((f) => fixed[f] === undefined && !excluded.has(f))
  const eligible = (c: number, f: FieldKey): number => {
    if (pinned.has(c)) return 0
    const s = scores[c]![f] ?? 0
    return s >= minimumScore && s > (scores[c]!.other ?? 0) ? s : 0
  }
  // Rows are fields; columns are sheet columns plus one "no column" per field.
  const n = fields.length
  const m = scores.length + n
  const cost = (i: number, j: number) => (j < scores.length ? -eligible(j, fields[i]!) : 0)
  const match = solveAssignment(n, m, cost)
  match.forEach((j, i) => {
    if (j < scores.length && eligible(j, fields[i]!) > 0) result[j] = fields[i]!
  })
  return result
}

/**
 * Roles that hold between columns: an end column needs a start or stands for the deadline; beside
 * a deadline column, a column read as "Hoàn thành" holds the completion date (a start there opens
 * the time the deadline closes). `words` are the header words' own scores.
 */
export function settleRoles(
  assigned: (FieldKey | null)[],
  scores: Weights[],
  fixed: Partial<Record<FieldKey, number>>,
  words: Weights[] = scores,
) {
  const at = (f: FieldKey) => assigned.indexOf(f)
  const end = at('end')
  // (an end with no start and no deadline beside it is the deadline: "Thời gian kết thúc")
  if (end >= 0 && fixed.end === undefined && at('start') < 0 && at('deadline') < 0) {
    assigned[end] = 'deadline'
    return
  }
  if (
    end >= 0 &&
    fixed.end === undefined &&
    // (with a start, only where the end's own words say it was finished: "Hoàn thành")
    (at('start') < 0 || (words[end]!.doneDate ?? 0) > 0) &&
    at('deadline') >= 0 &&
    at('doneDate') < 0 &&
    (scores[end]!.doneDate ?? 0) > 0
  )
    assigned[end] = 'doneDate'
}

const requiredGroups: readonly (readonly FieldKey[])[] = Object.values(requiredFields)
// Below this a column's "not used" reading is weak enough to yield to a missing task column.
const weaklyUnused = 6
const required = new Set(requiredGroups.flat())

/** What the guesses look at: each column's field so far, scores, header cell and share of distinct texts. */
type ColumnView = {
  assigned: (FieldKey | null)[]
  scores: Weights[]
  cells: { text: string; skip: boolean }[]
  fixed: Partial<Record<FieldKey, number>>
  distinct: readonly number[]
}
type Candidate = { c: number; field: FieldKey; score: number }

/**
 * For a required field no column has enough evidence for, takes the best candidate among the
 * columns left unmapped (any evidence for it, and not plainly something we do not use) and marks
 * it guessed; returns the guessed columns. A field without any candidate stays missing. Every row
 * needs its item: for it the column next to the numbering comes first, and when nothing passes, one
 * only weakly named as unused ("Kỳ", "Loại báo cáo"), else the leftmost free column of distinct texts.
 */
export function guessRequiredFields(
  assigned: (FieldKey | null)[],
  scores: Weights[],
  cells: { text: string; skip: boolean }[],
  excluded: ReadonlySet<FieldKey>,
  fixed: Partial<Record<FieldKey, number>> = {},
  distinct: readonly number[] = [],
): Set<number> {
  const view: ColumnView = { assigned, scores, cells, fixed, distinct }
  const guessed = new Set<number>()
  for (const group of requiredGroups) {
    if (group.some((f) => assigned.includes(f) || excluded.has(f))) continue
    const item = group === requiredFields.content
    const best =
      (item ? findNextToNumbering(view) : null) ??
      findCandidate(group, view, (score, unused) => score > unused) ??
      (item
        ? (findCandidate(group, view, (_, unused) => unused < weaklyUnused) ??
          findFirstDistinct(view))
        : null)
    if (best) {
      assigned[best.c] = best.field
      guessed.add(best.c)
    }
  }
  return guessed
}

/** Whether a column may still be taken for the rows' item: free (or optional), not plainly unused, of distinct texts. */
function isItemColumn(view: ColumnView, c: number): boolean {
  const held = view.assigned[c]
  const cell = view.cells[c]
  if (!cell || cell.skip || !cell.text) return false
  if (held && (required.has(held) || view.fixed[held] === c)) return false
  return (view.scores[c]!.other ?? 0) < weaklyUnused && (view.distinct[c] ?? 0) >= 0.8
}

/** The free column of distinct texts right after the numbering, where tables write each row's item. */
export function findItemNextToNumbering(
  assigned: (FieldKey | null)[],
  scores: Weights[],
  cells: { text: string; skip: boolean }[],
  fixed: Partial<Record<FieldKey, number>>,
  distinct: readonly number[],
): number | null {
  return findNextToNumbering({ assigned, scores, cells, fixed, distinct })?.c ?? null
}

/**
 * The column right after the numbering, when no column's words name what the rows are: there
 * tables write their item ("TT | Chỉ tiêu | Đơn vị | Kết quả" lists indicators).
 */
function findNextToNumbering(view: ColumnView): Candidate | null {
  const stt = view.assigned.indexOf('stt')
  if (stt < 0) return null
  let c = stt + 1
  while (c < view.cells.length && (view.cells[c]!.skip || !view.cells[c]!.text)) c++
  return isItemColumn(view, c) ? { c, field: 'content', score: 0 } : null
}

/** The last resort for the rows' item: the leftmost free column of distinct texts ("Kỳ": Quý I, 6 tháng, Năm). */
function findFirstDistinct(view: ColumnView): Candidate | null {
  const c = view.cells.findIndex((_, i) => !view.assigned[i] && isItemColumn(view, i))
  return c < 0 ? null : { c, field: 'content', score: 0 }
}

/** The unmapped (or optional) column that best stands for a missing required field, among those `open` lets in. */
function findCandidate(
  group: readonly FieldKey[],
  { assigned, scores, cells, fixed }: ColumnView,
  open: (score: number, unused: number) => boolean,
): Candidate | null {
  let best: Candidate | null = null
  scores.forEach((s, c) => {
    if (cells[c]!.skip) return
    const held = assigned[c]
    // A column read as an optional field yields it when the required field is nearly as likely
    // there: a table without its deadline is worse off than one without its progress.
    if (held && (required.has(held) || fixed[held] === c)) return
    // An unlabelled column stands for a field only on what its cells plainly are.
    const floor = held ? 0.75 * (s[held] ?? 0) : cells[c]!.text ? 0 : minimumScore
    for (const field of group) {
      const score = s[field] ?? 0
      if (score > 0 && open(score, s.other ?? 0) && score >= floor && (!best || score > best.score))
        best = { c, field, score }
    }
  })
  return best
}

/** Minimum-cost assignment of n rows to m ≥ n columns; returns each row's column. */
function solveAssignment(n: number, m: number, cost: (i: number, j: number) => number): number[] {
  const u = new Array<number>(n + 1).fill(0)
  const v = new Array<number>(m + 1).fill(0)
  const p = new Array<number>(m + 1).fill(0)
  const way = new Array<number>(m + 1).fill(0)
  for (let i = 1; i <= n; i++) {
    p[0] = i
    let j0 = 0
    const minv = new Array<number>(m + 1).fill(Infinity)
    const used = new Array<boolean>(m + 1).fill(false)
    do {
      used[j0] = true
      const i0 = p[j0]!
      let delta = Infinity
      let j1 = 0
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!
        if (cur < minv[j]!) {
          minv[j] = cur
          way[j] = j0
        }
        if (minv[j]! < delta) {
          delta = minv[j]!
          j1 = j
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta
          v[j] = v[j]! - delta
        } else minv[j] = minv[j]! - delta
      }
      j0 = j1
    } while (p[j0] !== 0)
    do {
      const j1 = way[j0]!
      p[j0] = p[j1]!
      j0 = j1
    } while (j0)
  }
  const rowColumn = new Array<number>(n).fill(-1)
  for (let j = 1; j <= m; j++) if (p[j]) rowColumn[p[j]! - 1] = j - 1
  return rowColumn
}
