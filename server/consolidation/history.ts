import { computeRowDiff, parsePeriod, type RowDiff } from '../../core/index.ts'
import { isLate } from './period-status.ts'
import type { VersionSource } from '../intake/sources.ts'
import type { AgencyRecord, Store, SubmissionRecord } from '../store/index.ts'
import { AppError } from '../errors/index.ts'

/** The source of a stored version as the agency page shows it: the store's, "on behalf" when an admin sent it. */
export function computeSubmissionSource(record: SubmissionRecord): VersionSource {
  if (record.source === 'google-sheet') return 'google-sheet'
  if (record.submittedBy?.startsWith('admin')) return 'on-behalf'
  return record.source
}

/** Who sent a version, without secrets: the role and the token's short id. */
export function describeSender(submittedBy: string | null): string {
  if (!submittedBy) return '—'
  const [role, id] = submittedBy.split(':')
  return role === 'admin' ? `Quản trị (${id ?? 'env'})` : `Cơ quan (mã ${id ?? '?'})`
}

export type HistoryEntry = Omit<SubmissionRecord, 'submittedBy' | 'source'> & {
  source: VersionSource
  sender: string
  late: boolean
}

/** Every version an agency sent, newest first, with its source, sender and lateness. */
export function readAgencyHistory(
  store: Store,
  agency: AgencyRecord,
): { agency: AgencyRecord; submissions: HistoryEntry[] } {
  const submissions = store.listSubmissions({ agencyId: agency.id }).map((s) => {
    const { submittedBy, ...rest } = s
    const period = parsePeriod(s.period)
    return {
      ...rest,
      source: computeSubmissionSource(s),
      sender: describeSender(submittedBy),
      late: period ? isLate(s.submittedAt, period) : false,
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
  const period = parsePeriod(ref)
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
