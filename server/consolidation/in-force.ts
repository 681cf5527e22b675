import {
  computeAgencyIds,
  computePlanTaskKey,
  createAgencyIndex,
  fieldSpecs,
  parseAgencies,
  foldText,
  formatVietnameseDate,
  listPlanTasks,
  type FieldKey,
  type IsoDate,
} from '../../core/index.ts'
import type { Catalog } from '../province/catalog.ts'
import { findVersionInForce, formatVersionLabel, listVersions } from '../plans/versions.ts'
import { computeCrossChecks, computePlanRoles, type PlanRoles } from './crosscheck.ts'
import {
  crossCheckKinds,
  type ConsolidatedInput,
  type CrossCheck,
  type PlanChangeMark,
  type PlanTaskView,
  type PlanView,
} from './types.ts'

// The consolidated workbook sees each plan as it stands on the period's cut-off: its tasks in the
// plan's order, those an amendment added, changed or removed marked so, and every report held
// against it (a plan column changed in an agency's table, a task it leads or cooperates on left out).

const verbs: Record<PlanChangeMark, string> = {
  added: 'Bổ sung',
  changed: 'Sửa đổi',
  removed: 'Bãi bỏ',
}

/** The plans of the given ids as they stand on `date`. */
export function readPlanViews(
  catalog: Catalog,
  planIds: Iterable<string>,
  date: IsoDate,
): PlanView[] {
  const views: PlanView[] = []
  for (const planId of new Set(planIds)) {
    const versions = listVersions(catalog, planId)
    const current = findVersionInForce(versions, date)
    if (!current) continue
    const marks = new Map<string, { change: PlanChangeMark; note: string; content: string }>()
    for (const v of versions.slice(1)) {
      if (v.version > current.version) break
      const when = `từ ${formatVietnameseDate(v.effectiveFrom)}${v.definition.document?.number ? ` (${v.definition.document.number})` : ''}`
      for (const c of v.changes) {
        const what = c.fields?.length
          ? ` — ${c.fields.map((f: FieldKey) => fieldSpecs[f].label.toLowerCase()).join(', ')}`
          : ''
        // A task added and later reworded is still one the amendments added.
        const change =
          c.kind === 'changed' && marks.get(c.task)?.change === 'added' ? 'added' : c.kind
        marks.set(c.task, { change, note: `${verbs[c.kind]} ${when}${what}`, content: c.content })
      }
    }
    const tasks = listPlanTasks(current.definition.rows).map((t): PlanTaskView => {
      const mark = marks.get(t.key)
      return {
        key: t.key,
        section: t.section,
        stt: t.stt,
        content: t.row.content ?? t.row.criterion ?? '',
        deadline: t.row.deadline ?? t.row.end ?? '',
        change: mark && mark.change !== 'removed' ? mark.change : null,
        note: mark && mark.change !== 'removed' ? mark.note : null,
      }
    })
    const present = new Set(tasks.map((t) => t.key))
    const removed = [...marks.entries()]
      .filter(([key, m]) => m.change === 'removed' && !present.has(key))
      .map(([key, m]): PlanTaskView => {
        const [section, ...rest] = key.split('.')
        const sectioned = /^[IVXLC]+$/.test(section ?? '')
        return {
          key,
          section: sectioned ? section! : null,
          stt: sectioned ? rest.join('.') : key,
          content: m.content,
          deadline: '',
          change: 'removed',
          note: m.note,
        }
      })
    views.push({
      planId,
      name: current.definition.name,
      version: current.version,
      label: formatVersionLabel(current),
      definition: current.definition,
      tasks,
      removed,
    })
  }
  return views
}

/**
 * Each report held against the plan in force: a plan column (content, deadline) changed in the
 * agency's table, a task the agency leads or cooperates on that its report leaves out, and a task an
 * amendment removed that it still reports.
 */
export function computePlanConformance(
  input: ConsolidatedInput,
  views: PlanView[],
  roles: PlanRoles,
): CrossCheck[] {
  const byPlan = new Map(views.map((v) => [v.planId, v]))
  const findings: CrossCheck[] = []
  const missing = new Map<PlanView, Missing[]>()
  for (const s of input.submissions) {
    const view = s.planId ? byPlan.get(s.planId) : undefined
    if (!view) continue
    const tasks = new Map(view.tasks.map((t) => [t.key, t]))
    const removed = new Map(view.removed.map((t) => [t.key, t]))
    const reported = new Set<string>()
    for (const row of s.rows) {
      if (row.kind !== 'task' || !row.stt) continue
      const key = computePlanTaskKey(row.section, row.stt)
      reported.add(key)
      const gone = removed.get(key)
      if (gone) {
        findings.push({
          kind: 'task-removed',
          stt: key,
          content: row.content,
          agencies: [{ id: s.agencyId, role: null, reported: row.progress || '—' }],
          detail: gone.note ?? 'Bãi bỏ',
        })
        continue
      }
      const task = tasks.get(key)
      if (!task) continue
      const altered = [
        foldText(row.content) !== foldText(task.content) ? `nội dung “${task.content}”` : null,
        task.deadline && foldText(row.deadlineText) !== foldText(task.deadline)
          ? `thời hạn “${task.deadline}” (báo cáo ghi “${row.deadlineText}”)`
          : null,
      ].filter(Boolean)
      if (altered.length)
        findings.push({
          kind: 'plan-altered',
          stt: key,
          content: row.content,
          agencies: [{ id: s.agencyId, role: null, reported: row.deadlineText || '—' }],
          detail: `Khác kế hoạch phiên bản ${view.label}: ${altered.join('; ')}`,
        })
    }
    // The tasks the unit leads or cooperates on that its report leaves out, and whether it leads any.
    const left = view.tasks.flatMap((task) => {
      const role = reported.has(task.key) ? undefined : roles.get(`${view.planId}|${task.key}`)
      const leads = role?.lead.has(s.agencyId) ?? false
      return leads || role?.coop.has(s.agencyId) ? [{ task, leads }] : []
    })
    if (left.length) {
      const list = missing.get(view) ?? []
      missing.set(view, list)
      list.push({
        agencyId: s.agencyId,
        tasks: left.map((l) => l.task),
        leads: left.some((l) => l.leads),
      })
    }
  }
  for (const [view, list] of missing) findings.push(...planMissingTasks(list, view.label))
  return findings
}

const listedTasks = 12

type Missing = { agencyId: string; tasks: PlanTaskView[]; leads: boolean }

/**
 * The tasks reports leave out, one finding per set of tasks: a unit that renumbered or left out its
 * part of the plan is one line of the review, never one line per task, and units missing the same
 * tasks (a task added by an amendment nobody reports yet) share one line.
 */
function planMissingTasks(missing: Missing[], label: string): CrossCheck[] {
  const bySet = new Map<string, Missing[]>()
  for (const m of missing) {
    const key = m.tasks.map((t) => t.key).join('\n')
    bySet.set(key, [...(bySet.get(key) ?? []), m])
  }
  return [...bySet.values()].map((group): CrossCheck => {
    const tasks = group[0]!.tasks
    const one = tasks.length === 1
    const keys = tasks.slice(0, listedTasks).map((t) => t.key)
    const more = tasks.length - keys.length
    return {
      kind: 'task-missing',
      stt: one ? tasks[0]!.key : null,
      content: one
        ? tasks[0]!.content
        : `${tasks.length} nhiệm vụ: ${keys.join('; ')}${more ? ` và ${more} nhiệm vụ khác` : ''}`,
      // Nothing reported: that is the finding.
      agencies: group.map((m) => ({
        id: m.agencyId,
        role: m.leads ? 'lead' : 'coop',
        reported: '',
      })),
      detail: `Báo cáo thiếu ${one ? '' : `${tasks.length} `}nhiệm vụ của kế hoạch phiên bản ${label}${group.length > 1 ? ` (${group.length} cơ quan)` : ''}`,
    }
  })
}

/**
 * Who must report each task of the plans in force, keyed "planId|task key": the lead (or, without a
 * lead column, the executing units), and those cooperating or carrying it out.
 */
function computeViewRoles(views: PlanView[], catalog: Catalog): PlanRoles {
  const index = createAgencyIndex(catalog.registry)
  const ids = (text: string | undefined) =>
    new Set(text ? computeAgencyIds(parseAgencies(text, index), catalog.registry) : [])
  const roles: PlanRoles = new Map()
  for (const view of views)
    for (const task of listPlanTasks(view.definition.rows)) {
      const row = task.row
      const coop = ids(row.coop)
      if (row.lead !== undefined) for (const id of ids(row.executing)) coop.add(id)
      roles.set(`${view.planId}|${task.key}`, { lead: ids(row.lead ?? row.executing), coop })
    }
  return roles
}

/** Puts the plans in force on the period's cut-off into the input, with the cross-checks against them. */
export function applyPlansInForce(input: ConsolidatedInput, catalog: Catalog): void {
  const ids = input.submissions.flatMap((s) => (s.planId ? [s.planId] : []))
  const views = readPlanViews(catalog, ids, input.asOf)
  input.plans = views
  const order = (k: CrossCheck['kind']) => crossCheckKinds.indexOf(k)
  input.crossChecks = [
    ...computeCrossChecks(
      input,
      computePlanRoles(
        views.map((v) => v.definition),
        catalog.registry,
      ),
    ),
    ...computePlanConformance(input, views, computeViewRoles(views, catalog)),
  ].sort((a, b) => order(a.kind) - order(b.kind))
}
