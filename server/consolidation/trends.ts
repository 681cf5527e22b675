import { formatPeriod } from '../../core/index.ts'
import type { AgencyRecord, Store, SubmissionRecord } from '../store/index.ts'

/** One quarter's figures for an agency or the province; null where nothing was submitted. */
export type TrendPoint = {
  period: string
  label: string
  submitted: number
  tasks: number
  done: number
  /** Done tasks over all tasks, in percent (one decimal). */
  completionRate: number | null
  overdue: number
  score: number | null
  maxScore: number | null
  /** Self-assessed score over the maximum, in percent (one decimal). */
  scoreRate: number | null
}

export type TrendSeries = { id: string; name: string; points: TrendPoint[] }

/** Completion rate, overdue count and self-assessed score per quarter, for the province and each agency. */
export type Trends = {
  year: number
  periods: string[]
  province: TrendSeries
  agencies: TrendSeries[]
}

function computePercent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null
}

/** Adds up submissions into one point (one agency's latest, or every agency's for the province). */
export function computeTrendPoint(
  period: string,
  submissions: Pick<SubmissionRecord, 'tasks' | 'byStatus' | 'score' | 'maxScore'>[],
): TrendPoint {
  let tasks = 0
  let done = 0
  let overdue = 0
  let score = 0
  let maxScore = 0
  let scored = false
  for (const s of submissions) {
    tasks += s.tasks
    done += (s.byStatus['done-on-time'] ?? 0) + (s.byStatus['done-late'] ?? 0)
    overdue += s.byStatus.overdue ?? 0
    if (s.score !== null && s.maxScore !== null) {
      score += s.score
      maxScore += s.maxScore
      scored = true
    }
  }
  const any = submissions.length > 0
  return {
    period,
    label: formatPeriod(period),
    submitted: submissions.length,
    tasks,
    done,
    completionRate: any ? computePercent(done, tasks) : null,
    overdue,
    score: scored ? Math.round(score * 100) / 100 : null,
    maxScore: scored ? maxScore : null,
    scoreRate: scored ? computePercent(score, maxScore) : null,
  }
}

/** The four quarters of a year, read from the latest version of each agency in each quarter. */
export function readTrends(store: Store, year: number, agencies?: AgencyRecord[]): Trends {
  const periods = [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
  const registry = agencies ?? store.listAgencies()
  const latest = periods.map((p) => store.listLatest(p))
  const byAgency = latest.map((list) => new Map(list.map((s) => [s.agencyId, s])))
  return {
    year,
    periods,
    province: {
      id: 'tinh',
      name: 'Toàn tỉnh',
      points: periods.map((p, i) => computeTrendPoint(p, latest[i]!)),
    },
    agencies: registry.map((a) => ({
      id: a.id,
      name: a.name,
      points: periods.map((p, i) => {
        const s = byAgency[i]!.get(a.id)
        return computeTrendPoint(p, s ? [s] : [])
      }),
    })),
  }
}
