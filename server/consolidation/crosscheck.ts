import {
  computeAgencyIds,
  createAgencyIndex,
  foldText,
  formatPoints,
  formatVietnameseDate,
  parseAgencies,
  parseProgress,
  type AgencyRegistry,
} from '../../core/index.ts'
import type { Catalog } from '../province/catalog.ts'
import type { PlanDefinition } from '../province/config.ts'
import {
  crossCheckKinds,
  type ConsolidatedInput,
  type CrossCheck,
  type CrossCheckKind,
} from './types.ts'
import type { StoredRow } from '../store/index.ts'

/** Who leads and who cooperates on each plan task, keyed by plan id and task (see computeTaskKey). */
export type PlanRoles = Map<string, { lead: Set<string>; coop: Set<string> }>

export const crossCheckLabels: Record<CrossCheckKind, { vi: string; en: string }> = {
  'state-conflict': {
    vi: 'Chủ trì và phối hợp báo cáo trái ngược',
    en: 'Lead and cooperating agencies contradict each other',
  },
  'date-conflict': {
    vi: 'Cùng nhiệm vụ, ngày hoàn thành khác nhau',
    en: 'Same task done on different dates',
  },
  'self-score': {
    vi: 'Điểm tự chấm cao hơn kết quả đạt được',
    en: 'Self-score above what the achieved values support',
  },
}

/** The key that pairs a plan row with the rows agencies report for it. */
export function computeTaskKey(planId: string, stt: string | null, content: string): string {
  return `${planId}|${stt ?? ''}|${foldText(content).slice(0, 120)}`
}

/** Reads each plan's lead and cooperating agencies (groups expanded) once, from the shipped plans. */
export function computePlanRoles(
  plans: Iterable<PlanDefinition>,
  registry: AgencyRegistry,
): PlanRoles {
  const index = createAgencyIndex(registry)
  const ids = (text: string | undefined) =>
    new Set(text ? computeAgencyIds(parseAgencies(text, index), registry) : [])
  const roles: PlanRoles = new Map()
  for (const plan of plans)
    for (const row of plan.rows) {
      const content = row.content ?? row.criterion ?? ''
      if (!row.stt || !content) continue
      roles.set(computeTaskKey(plan.id, row.stt, content), {
        lead: ids(row.lead ?? row.executing),
        coop: ids(row.coop),
      })
    }
  return roles
}

const rolesByCatalog = new WeakMap<Catalog, PlanRoles>()

/** The plan roles of a catalog, computed once. */
export function readPlanRoles(catalog: Catalog): PlanRoles {
  let roles = rolesByCatalog.get(catalog)
  if (!roles)
    rolesByCatalog.set(
      catalog,
      (roles = computePlanRoles(catalog.plans.values(), catalog.registry)),
    )
  return roles
}

type Report = { agencyId: string; row: StoredRow }

const isDone = (r: StoredRow) => r.status === 'done-on-time' || r.status === 'done-late'

/**
 * The cross-checks at merge: a task whose lead agency reports it done while a cooperating one has not
 * started it (or the reverse), the same task done on different dates, and self-scores above the score
 * the achieved values support.
 */
export function computeCrossChecks(input: ConsolidatedInput, roles: PlanRoles): CrossCheck[] {
  const byTask = new Map<string, Report[]>()
  const findings: CrossCheck[] = []
  for (const s of input.submissions) {
    for (const row of s.rows) {
      if (row.kind !== 'task') continue
      if (row.selfScore !== null && row.score !== null && row.selfScore > row.score + 1e-9)
        findings.push({
          kind: 'self-score',
          stt: row.stt,
          content: row.content,
          agencies: [{ id: s.agencyId, role: null, reported: formatPoints(row.selfScore) }],
          detail: `Tự chấm ${formatPoints(row.selfScore)}, kết quả “${row.achieved}” chỉ đạt ${formatPoints(row.score ?? 0)}/${row.maxScore === null ? '?' : formatPoints(row.maxScore)} điểm`,
        })
      if (!s.planId) continue
      const key = computeTaskKey(s.planId, row.stt, row.content)
      let list = byTask.get(key)
      if (!list) byTask.set(key, (list = []))
      list.push({ agencyId: s.agencyId, row })
    }
  }
  for (const [key, reports] of byTask) {
    const role = roles.get(key)
    if (!role) continue
    const roleOf = (id: string) => (role.lead.has(id) ? 'lead' : role.coop.has(id) ? 'coop' : null)
    const involved = reports.filter((r) => roleOf(r.agencyId) !== null)
    const first = involved[0]?.row
    if (!first) continue
    const state = (r: Report) => {
      const progress = parseProgress(r.row.progress)
      return 'state' in progress ? progress.state : 'unknown'
    }
    const leadDone = involved.some((r) => roleOf(r.agencyId) === 'lead' && state(r) === 'done')
    const leadNot = involved.some(
      (r) => roleOf(r.agencyId) === 'lead' && state(r) === 'not-started',
    )
    const coopDone = involved.some((r) => roleOf(r.agencyId) === 'coop' && state(r) === 'done')
    const coopNot = involved.some(
      (r) => roleOf(r.agencyId) === 'coop' && state(r) === 'not-started',
    )
    if ((leadDone && coopNot) || (leadNot && coopDone))
      findings.push({
        kind: 'state-conflict',
        stt: first.stt,
        content: first.content,
        agencies: involved
          .filter((r) => state(r) === 'done' || state(r) === 'not-started')
          .map((r) => ({
            id: r.agencyId,
            role: roleOf(r.agencyId),
            reported: r.row.progress || '—',
          })),
        detail: leadDone
          ? 'Cơ quan chủ trì báo cáo đã hoàn thành, cơ quan phối hợp chưa thực hiện'
          : 'Cơ quan phối hợp báo cáo đã hoàn thành, cơ quan chủ trì chưa thực hiện',
      })
    const done = involved.filter((r) => isDone(r.row) && r.row.doneDate)
    const dates = new Set(done.map((r) => r.row.doneDate))
    if (dates.size > 1)
      findings.push({
        kind: 'date-conflict',
        stt: first.stt,
        content: first.content,
        agencies: done.map((r) => ({
          id: r.agencyId,
          role: roleOf(r.agencyId),
          reported: formatVietnameseDate(r.row.doneDate!),
        })),
        detail: `${dates.size} ngày hoàn thành khác nhau`,
      })
  }
  const order = (k: CrossCheckKind) => crossCheckKinds.indexOf(k)
  return findings.sort((a, b) => order(a.kind) - order(b.kind))
}
