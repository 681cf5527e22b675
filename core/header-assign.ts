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
 * a deadline column and without a start, a column read as "Hoàn thành" holds the completion date.
 */
export function settleRoles(
  assigned: (FieldKey | null)[],
  scores: Weights[],
  fixed: Partial<Record<FieldKey, number>>,
) {
  const at = (f: FieldKey) => assigned.indexOf(f)
  const end = at('end')
  if (
    end >= 0 &&
    fixed.end === undefined &&
    at('start') < 0 &&
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

/**
 * For a required field no column has enough evidence for, takes the best candidate among the
 * columns left unmapped (any evidence for it, and not plainly something we do not use) and marks
 * it guessed; returns the guessed columns. A field without any candidate stays missing.
 */
export function guessRequiredFields(
  assigned: (FieldKey | null)[],
  scores: Weights[],
  cells: { text: string; skip: boolean }[],
  excluded: ReadonlySet<FieldKey>,
  fixed: Partial<Record<FieldKey, number>> = {},
  distinct: readonly number[] = [],
): Set<number> {
  const guessed = new Set<number>()
  for (const group of requiredGroups) {
    if (group.some((f) => assigned.includes(f) || excluded.has(f))) continue
    // Every row needs its task: when no column passes, one only weakly named as something we do
    // not use ("Kỳ", "Loại báo cáo") may still hold what the rows are.
    const best =
      (group === requiredFields.content
        ? findNextToNumbering(assigned, scores, cells, fixed, distinct)
        : null) ??
      findCandidate(group, assigned, scores, cells, fixed, (score, unused) => score > unused) ??
      (group === requiredFields.content
        ? (findCandidate(
            group,
            assigned,
            scores,
            cells,
            fixed,
            (_, unused) => unused < weaklyUnused,
          ) ?? findFirstDistinct(assigned, scores, cells, fixed, distinct))
        : null)
    if (best) {
      const { c, field } = best as { c: number; field: FieldKey }
      assigned[c] = field
      guessed.add(c)
    }
  }
  return guessed
}

/**
 * The column right after the numbering, when no column's words name what the rows are: there
 * tables write their item ("TT | Chỉ tiêu | Đơn vị | Kết quả" lists indicators), if its texts differ
 * row by row (`distinct`: the share of distinct texts of each column), unless it holds a required
 * field already or is clearly something we do not use.
 */
function findNextToNumbering(
  assigned: (FieldKey | null)[],
  scores: Weights[],
  cells: { text: string; skip: boolean }[],
  fixed: Partial<Record<FieldKey, number>>,
  distinct: readonly number[],
): { c: number; field: FieldKey; score: number } | null {
  const stt = assigned.indexOf('stt')
  if (stt < 0) return null
  let c = stt + 1
  while (c < cells.length && (cells[c]!.skip || !cells[c]!.text)) c++
  const held = assigned[c]
  if (c >= cells.length || (held && (required.has(held) || fixed[held] === c))) return null
  if ((scores[c]!.other ?? 0) >= weaklyUnused || (distinct[c] ?? 0) < 0.8) return null
  return { c, field: 'content', score: 0 }
}

/**
 * The last resort for the rows' item: the leftmost column still free, not plainly something we do
 * not use, whose texts differ row by row ("Kỳ": Quý I, 6 tháng, 9 tháng, Năm).
 */
function findFirstDistinct(
  assigned: (FieldKey | null)[],
  scores: Weights[],
  cells: { text: string; skip: boolean }[],
  fixed: Partial<Record<FieldKey, number>>,
  distinct: readonly number[],
): { c: number; field: FieldKey; score: number } | null {
  const c = cells.findIndex(
    (cell, i) =>
      !cell.skip &&
      cell.text &&
      !assigned[i] &&
      !Object.values(fixed).includes(i) &&
      (scores[i]!.other ?? 0) < weaklyUnused &&
      (distinct[i] ?? 0) >= 0.8,
  )
  return c < 0 ? null : { c, field: 'content', score: 0 }
}

/** The unmapped (or optional) column that best stands for a missing required field, among those `open` lets in. */
function findCandidate(
  group: readonly FieldKey[],
  assigned: (FieldKey | null)[],
  scores: Weights[],
  cells: { text: string; skip: boolean }[],
  fixed: Partial<Record<FieldKey, number>>,
  open: (score: number, unused: number) => boolean,
): { c: number; field: FieldKey; score: number } | null {
  let best: { c: number; field: FieldKey; score: number } | null = null
  scores.forEach((s, c) => {
    if (cells[c]!.skip || !cells[c]!.text) return
    const held = assigned[c]
    // A column read as an optional field yields it when the required field is nearly as likely
    // there: a table without its deadline is worse off than one without its progress.
    if (held && (required.has(held) || fixed[held] === c)) return
    const floor = held ? 0.75 * (s[held] ?? 0) : 0
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
