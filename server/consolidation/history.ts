import {
  computeReportState,
  computeRowDiff,
  parsePeriod,
  parsePeriodInput,
  type ReportState,
  type Review,
  type RowDiff,
} from '../../core/index.ts'
import { isLate } from './period-status.ts'
import { createPeopleNames } from './people.ts'
import type { VersionSource } from '../intake/sources.ts'
import type { AgencyRecord, Store, SubmissionRecord } from '../store/index.ts'
import { AppError } from '../errors/index.ts'

export type HistoryEntry = Omit<SubmissionRecord, 'submittedBy' | 'source'> & {
  source: VersionSource
  /** Who sent it, as the audit trail names them (never a token or an internal id). */
  sender: string
  late: boolean
  /** Whether it is its period's latest version (the one that counts, and the one Sở Nội vụ decides on). */
  latest: boolean
  /** Sent, accepted or returned: its latest decision. */
  state: ReportState
  review: Review | null
  /** Every decision on it, oldest first. */
  reviews: Review[]
}

/** Every version an agency sent, newest first, with its source, sender, lateness and review. */
export function readAgencyHistory(
  store: Store,
  agency: AgencyRecord,
): { agency: AgencyRecord; submissions: HistoryEntry[] } {
  const people = createPeopleNames(store)
  const records = store.listSubmissions({ agencyId: agency.id })
  const reviews = store.listReviews(records.map((s) => s.id)).map(people.readReview)
  const newest = new Map<string, number>()
  for (const s of records) newest.set(s.period, Math.max(newest.get(s.period) ?? 0, s.version))
  // Newest first by when they were sent (ids follow arrival, which concurrent senders interleave).
  records.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.id - a.id)
  const submissions = records.map((s): HistoryEntry => {
    const { submittedBy, ...rest } = s
    const period = parsePeriod(s.period)
    const own = reviews.filter((r) => r.submissionId === s.id)
    const review = own.at(-1) ?? null
    return {
      ...rest,
      source:
        s.source === 'google-sheet'
          ? 'google-sheet'
          : people.isOnBehalf(submittedBy)
            ? 'on-behalf'
            : s.source,
      sender: people.describeSender(submittedBy, agency.name),
      late: period ? isLate(s.submittedAt, period) : false,
      latest: newest.get(s.period) === s.version,
      state: computeReportState(true, review),
      review,
      reviews: own,
    }
  })
  return { agency, submissions }
}

/**
 * A version named by `ref`: a submission id of this agency, or a period ("2026-Q2") for its latest
 * version in that period.
 */
export function resolveVersion(store: Store, agencyId: string, ref: string): SubmissionRecord {
  if (/^\d+$/.test(ref)) {
    const s = store.getSubmission(Number(ref))
    if (s && s.agencyId === agencyId) return s
    throw new AppError('submission/unknown')
  }
  const period = parsePeriodInput(ref)
  if (!period) throw new AppError('request/invalid-period', ref.slice(0, 40))
  const s = store.listLatest(period.id).find((x) => x.agencyId === agencyId)
  if (!s) throw new AppError('submission/unknown')
  return s
}

/** The period before a period of the same kind ("2026-Q1" → "2025-Q4"). */
export function computePreviousPeriod(id: string): string | null {
  const p = parsePeriod(id)
  if (!p) return null
  if (p.kind === 'quarter') {
    const q = p.lastMonth / 3
    return q === 1 ? `${p.year - 1}-Q4` : `${p.year}-Q${q - 1}`
  }
  if (p.kind === 'half') return p.lastMonth === 6 ? `${p.year - 1}-H2` : `${p.year}-H1`
  if (p.kind === 'month')
    return p.lastMonth === 1
      ? `${p.year - 1}-12`
      : `${p.year}-${String(p.lastMonth - 1).padStart(2, '0')}`
  return String(p.year - 1)
}

type VersionRef = Pick<SubmissionRecord, 'id' | 'period' | 'version' | 'submittedAt'>

/** The row-level changes between two stored versions of one agency. */
export function readVersionDiff(
  store: Store,
  from: SubmissionRecord,
  to: SubmissionRecord,
): { from: VersionRef; to: VersionRef; diff: RowDiff } {
  const pick = (s: SubmissionRecord): VersionRef => ({
    id: s.id,
    period: s.period,
    version: s.version,
    submittedAt: s.submittedAt,
  })
  const rows = store.listRows([from.id, to.id])
  return {
    from: pick(from),
    to: pick(to),
    diff: computeRowDiff(
      rows.filter((r) => r.submissionId === from.id),
      rows.filter((r) => r.submissionId === to.id),
    ),
  }
}
