import {
  computeDayCount,
  computeEvidenceWindow,
  computeReportState,
  computeVietnamDate,
  validateEvidence,
  formatPeriod,
  taskStatuses,
  type IsoDate,
  type Period,
  type ReportState,
  type Review,
  type TaskStatus,
} from '../../core/index.ts'
import { createPeopleNames } from './people.ts'
import { compareOverdue } from './overdue.ts'
import type { ConsolidatedInput } from './types.ts'
import type { AgencySheet } from '../store/index.ts'
import type { Store, SubmissionRecord, SubmissionSource } from '../store/index.ts'
import type { Catalog } from '../province/catalog.ts'
import { computeCrossChecks, readPlanRoles } from './crosscheck.ts'
import { readTrends } from './trends.ts'

/** One registered agency's standing in a period (SPEC section 6, `GET /api/status`). */
export type AgencyStatus = {
  id: string
  name: string
  kind: string
  submitted: boolean
  submissionId: number | null
  version: number | null
  submittedAt: string | null
  late: boolean | null
  tasks: number
  byStatus: Record<TaskStatus, number>
  errors: number
  warnings: number
  score: number | null
  maxScore: number | null
  /** How the counted version arrived: upload, add-in or Google Sheet. */
  source: SubmissionSource | null
  /** The agency's registered Google Sheet and its last pull, if it has one. */
  sheet: Omit<AgencySheet, 'agencyId'> | null
  /** Done tasks, and those whose evidence cites a dated, numbered document in the period. */
  evidence: { done: number; verifiable: number }
  /** The report's life: not sent, sent, accepted, or returned for correction. */
  state: ReportState
  /** Sở Nội vụ's latest decision on the counted version (a return carries its reason). */
  review: Review | null
  /** Days past the due date: until today for a missing report, until it arrived for a late one. */
  daysLate: number | null
  /** Who to call: the e-mails of the agency's active accounts. */
  contacts: string[]
}

export type OverdueTask = {
  agencyId: string
  agencyName: string
  stt: string | null
  content: string
  deadlineText: string
  due: string | null
  progress: string
  submissionId: number
  row: number
}

export type PeriodStatus = {
  period: string
  label: string
  cutOff: string
  due: string
  /** The day the answer was computed (Vietnam), and the days from it to the due date (negative: past). */
  today: IsoDate
  daysToDue: number
  agencies: AgencyStatus[]
  overdue: OverdueTask[]
}

/** Whether a submission reached Sở Nội vụ after the period's due date (Vietnam time). */
export function isLate(submittedAt: string, period: Period): boolean {
  return computeVietnamDate(Date.parse(submittedAt)) > period.due
}

function emptyCounts(): Record<TaskStatus, number> {
  return Object.fromEntries(taskStatuses.map((s) => [s, 0])) as Record<TaskStatus, number>
}

function readSheet(sheet: AgencySheet | undefined): AgencyStatus['sheet'] {
  if (!sheet) return null
  return {
    url: sheet.url,
    updatedAt: sheet.updatedAt,
    pulledAt: sheet.pulledAt,
    pullPeriod: sheet.pullPeriod,
    pullError: sheet.pullError,
    pullSubmissionId: sheet.pullSubmissionId,
  }
}

/** The days a report is late: a missing one until today, a received one until it arrived. */
function computeDaysLate(s: SubmissionRecord | undefined, period: Period, today: IsoDate) {
  const until = s ? computeVietnamDate(Date.parse(s.submittedAt)) : today
  const days = computeDayCount(period.due, until)
  return days > 0 ? days : null
}

/** The e-mails of each agency's active accounts. */
function readContacts(store: Store): Map<string, string[]> {
  const contacts = new Map<string, string[]>()
  for (const u of store.listUsers())
    if (u.role === 'agency' && u.agencyId && !u.disabledAt)
      contacts.set(u.agencyId, [...(contacts.get(u.agencyId) ?? []), u.email])
  return contacts
}

/**
 * Every registered agency with its latest submission for the period, its report's state and days
 * late as of `today` (Vietnam; the service's clock by default), and the overdue tasks (oldest first).
 */
export function readStatus(
  store: Store,
  period: Period,
  options: { today?: IsoDate; overdueLimit?: number } = {},
): PeriodStatus {
  const today = options.today ?? computeVietnamDate(Date.now())
  const overdueLimit = options.overdueLimit ?? 500
  const latest = new Map<string, SubmissionRecord>(
    store.listLatest(period.id).map((s) => [s.agencyId, s]),
  )
  const people = createPeopleNames(store)
  const reviews = store.listLatestReviews([...latest.values()].map((s) => s.id))
  const contacts = readContacts(store)
  const agencies = store.listAgencies()
  const sheets = new Map(store.listSheets().map((s) => [s.agencyId, s]))
  const names = new Map(agencies.map((a) => [a.id, a.name]))
  const overdue: OverdueTask[] = []
  const rows = store.listRows([...latest.values()].map((s) => s.id))
  const agencyOf = new Map([...latest.values()].map((s) => [s.id, s.agencyId]))
  const evidence = new Map<number, { done: number; verifiable: number }>()
  const window = computeEvidenceWindow(period.year, period.cutOff)
  for (const r of rows) {
    if (r.kind === 'task' && (r.status === 'done-on-time' || r.status === 'done-late')) {
      let e = evidence.get(r.submissionId)
      if (!e) evidence.set(r.submissionId, (e = { done: 0, verifiable: 0 }))
      e.done++
      if (r.evidence && !validateEvidence(r.evidence, window)) e.verifiable++
    }
    if (r.kind !== 'task' || r.status !== 'overdue') continue
    const agencyId = agencyOf.get(r.submissionId)!
    overdue.push({
      agencyId,
      agencyName: names.get(agencyId) ?? agencyId,
      stt: r.stt,
      content: r.content,
      deadlineText: r.deadlineText,
      due: r.due,
      progress: r.progress,
      submissionId: r.submissionId,
      row: r.row,
    })
  }
  overdue.sort(compareOverdue)
  return {
    period: period.id,
    label: formatPeriod(period.id),
    cutOff: period.cutOff,
    due: period.due,
    today,
    daysToDue: computeDayCount(today, period.due),
    agencies: agencies.map((a) => {
      const s = latest.get(a.id)
      const stored = s ? reviews.get(s.id) : undefined
      const review = stored ? people.readReview(stored) : null
      return {
        id: a.id,
        name: a.name,
        kind: a.kind,
        submitted: Boolean(s),
        submissionId: s?.id ?? null,
        version: s?.version ?? null,
        submittedAt: s?.submittedAt ?? null,
        late: s ? isLate(s.submittedAt, period) : null,
        tasks: s?.tasks ?? 0,
        byStatus: s?.byStatus ?? emptyCounts(),
        errors: s?.errors ?? 0,
        warnings: s?.warnings ?? 0,
        score: s?.score ?? null,
        maxScore: s?.maxScore ?? null,
        source: s?.source ?? null,
        sheet: readSheet(sheets.get(a.id)),
        evidence: (s && evidence.get(s.id)) || { done: 0, verifiable: 0 },
        state: computeReportState(Boolean(s), review),
        review,
        daysLate: computeDaysLate(s, period, today),
        contacts: contacts.get(a.id) ?? [],
      }
    }),
    overdue: overdue.slice(0, overdueLimit),
  }
}

/** The consolidated workbook's input for a period, read from stored rows only. */
export function readConsolidatedInput(
  store: Store,
  period: Period,
  now: Date,
  catalog?: Catalog,
): ConsolidatedInput {
  const latest = store.listLatest(period.id)
  const rows = store.listRows(latest.map((s) => s.id))
  const bySubmission = new Map<number, typeof rows>()
  for (const r of rows) {
    let list = bySubmission.get(r.submissionId)
    if (!list) bySubmission.set(r.submissionId, (list = []))
    list.push(r)
  }
  const agencies = store.listAgencies()
  const input: ConsolidatedInput = {
    period: period.id,
    label: formatPeriod(period.id),
    asOf: period.cutOff,
    generatedAt: now.toISOString(),
    agencies,
    submissions: latest.map((s) => ({
      ...s,
      late: isLate(s.submittedAt, period),
      rows: bySubmission.get(s.id) ?? [],
    })),
    trends: readTrends(store, period.year, agencies),
  }
  if (catalog) {
    input.province = catalog.registry.province
    input.crossChecks = computeCrossChecks(input, readPlanRoles(catalog))
  }
  return input
}
