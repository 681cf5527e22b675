import type { RowKind } from './table.ts'

/** What scoring reads of a report's task entry (TaskEntry in report.ts has it). */
export type ScoredEntry = {
  kind: RowKind
  stt: string | null
  section: string | null
  score: number | null
  maxScore: number | null
}

/** Rounds a score to hundredths: the one rounding rule for every score, total and cached sum. */
export function roundScore(n: number): number {
  return Math.round(n * 100) / 100
}

/** A score as Vietnamese text writes it, rounded by the same rule: a decimal comma ("20,29"). */
export function formatPoints(n: number): string {
  return String(roundScore(n)).replace('.', ',')
}

/** Adds scores, rounding the total by the same rule as each score (null + x = x). */
export function addScores(total: number | null, score: number): number {
  return roundScore((total ?? 0) + score)
}

/**
 * Totals the items that could be scored (score and maximum alike); null when none could.
 * Unscored items (survey, no judgeable target) count towards neither.
 */
export function computeScoreTotal(items: readonly ScoredEntry[]): {
  score: number | null
  maxScore: number | null
} {
  let score: number | null = null
  let maxScore: number | null = null
  for (const u of items) {
    if (u.kind !== 'task' || u.score === null) continue
    score = addScores(score, u.score)
    maxScore = (maxScore ?? 0) + (u.maxScore ?? 0)
  }
  return { score, maxScore }
}

/** Group and section rows total the scores of the items below them. */
export function computeGroupTotals(tasks: ScoredEntry[]): void {
  for (const [i, t] of tasks.entries()) {
    if (t.kind !== 'group' && t.kind !== 'section') continue
    const below: ScoredEntry[] = []
    for (const u of tasks.slice(i + 1)) {
      if (
        t.kind === 'section'
          ? u.kind === 'section'
          : u.section !== t.section || !u.stt?.startsWith(`${t.stt}.`)
      )
        break
      below.push(u)
    }
    const total = computeScoreTotal(below)
    t.score = total.score
    t.maxScore = total.maxScore
  }
}
