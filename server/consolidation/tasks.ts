import { columnLetter, computePlanTaskKey, roundScore, statusLabels } from '../../core/index.ts'
import {
  doneStatuses,
  firstDataRow,
  sum,
  taskRows,
  type ConsolidatedInput,
  type PlannedCell,
  type PlannedSheet,
} from './types.ts'
import type { AgencyRecord, StoredRow } from '../store/index.ts'

// The sheets organised by plan task: "Theo nhiệm vụ" (task × agency statuses) and "Điểm" (criterion × agency scores).

/** A plan task with the row every agency reported for it. */
export type PlanTask = {
  stt: string | null
  content: string
  maxScore: number | null
  byAgency: Map<string, StoredRow>
  /** What the plan in force says of it: added, changed or removed by an amendment, or not in the plan. */
  note: string | null
}

/**
 * The tasks of the plans in force in the plans' order (those amendments removed after them), then
 * any other task in first-seen order, each with the row every agency reported for it.
 */
export function collectTasks(input: ConsolidatedInput): PlanTask[] {
  // A task is its section, number and content: looked up level by level rather than by one joined
  // key, which would be a new string to build and hash for each of a quarter's 20,000 rows.
  const index = new Map<string, Map<string, Map<string, PlanTask>>>()
  const tasks: PlanTask[] = []
  const find = (
    section: string | null,
    stt: string | null,
    content: string,
    create: () => PlanTask,
  ) => {
    let bySection = index.get(section ?? '')
    if (!bySection) index.set(section ?? '', (bySection = new Map()))
    let byStt = bySection.get(stt ?? '')
    if (!byStt) bySection.set(stt ?? '', (byStt = new Map()))
    let task = byStt.get(content)
    if (!task) {
      task = create()
      byStt.set(content, task)
      tasks.push(task)
    }
    return task
  }
  for (const view of input.plans ?? [])
    for (const t of [...view.tasks, ...view.removed])
      find(t.section, t.stt, t.content, () => ({
        stt: t.section ? `${t.section}.${t.stt}` : t.stt,
        content: t.content,
        maxScore: null,
        byAgency: new Map(),
        note: t.note,
      }))
  const keys = new Map(
    (input.plans ?? []).map((v) => [v.planId, new Set(v.tasks.map((t) => t.key))]),
  )
  for (const s of input.submissions) {
    const planned = s.planId ? keys.get(s.planId) : undefined
    for (const r of taskRows(s)) {
      const task = find(r.section, r.stt, r.content, () => ({
        stt: r.stt,
        content: r.content,
        maxScore: r.maxScore,
        byAgency: new Map(),
        // A row of a known plan that matches none of its tasks: reworded, or not in the plan at all.
        note: !planned
          ? null
          : r.stt && planned.has(computePlanTaskKey(r.section, r.stt))
            ? 'Nội dung khác kế hoạch'
            : 'Không có trong kế hoạch',
      }))
      task.byAgency.set(s.agencyId, r)
      task.maxScore ??= r.maxScore
    }
  }
  return tasks
}

/** "Theo nhiệm vụ": each plan task × the agencies reporting it, with counts as formulas. */
export function planByTask(
  input: ConsolidatedInput,
  tasks: PlanTask[],
  reporting: AgencyRecord[],
): PlannedSheet {
  const fixed = 6
  const first = columnLetter(fixed + 1)
  const lastLetter = columnLetter(Math.max(fixed + reporting.length, fixed + 1))
  const countIf = (r: number, labels: string[]) =>
    labels.map((l) => `COUNTIF(${first}${r}:${lastLetter}${r},"${l}")`).join('+')
  const doneLabels = doneStatuses.map((s) => statusLabels[s].vi)
  const rows = tasks.map((task, i): PlannedCell[] => {
    const r = firstDataRow + i
    const statuses = reporting.map((a) => task.byAgency.get(a.id)?.status ?? null)
    const labels = statuses.map((s) => (s ? statusLabels[s].vi : null))
    return [
      task.stt,
      task.content,
      task.note,
      {
        formula: `COUNTA(${first}${r}:${lastLetter}${r})`,
        result: labels.filter((l) => l !== null).length,
      },
      {
        formula: countIf(r, doneLabels),
        result: statuses.filter((s) => s && doneStatuses.includes(s)).length,
      },
      {
        formula: countIf(r, [statusLabels.overdue.vi]),
        result: statuses.filter((s) => s === 'overdue').length,
      },
      ...labels,
    ]
  })
  return {
    name: 'Theo nhiệm vụ',
    title: `TÌNH HÌNH THỰC HIỆN TỪNG NHIỆM VỤ — ${input.label}`,
    columns: [
      { header: 'STT', width: 7 },
      { header: 'Nội dung', width: 60 },
      { header: 'Theo kế hoạch', width: 24 },
      { header: 'Số cơ quan báo cáo', width: 11 },
      { header: 'Hoàn thành', width: 11 },
      { header: 'Quá hạn', width: 9 },
      ...reporting.map((a) => ({ header: a.name, width: 16 })),
    ],
    rows,
    statusColumns: reporting.map((_, k) => fixed + k),
  }
}

/** "Điểm": scored criteria × agencies, with per-agency totals as formulas. */
export function planScores(
  input: ConsolidatedInput,
  tasks: PlanTask[],
  reporting: AgencyRecord[],
): PlannedSheet {
  const scored = tasks.filter((t) => t.maxScore !== null)
  const fixed = 3
  const rows: PlannedCell[][] = scored.map((t) => [
    t.stt,
    t.content,
    t.maxScore,
    ...reporting.map((a) => t.byAgency.get(a.id)?.score ?? null),
  ])
  if (scored.length) {
    const last = firstDataRow + scored.length - 1
    const total: PlannedCell[] = [null, 'Tổng điểm']
    for (let c = 2; c < fixed + reporting.length; c++) {
      const letter = columnLetter(c + 1)
      const values = rows.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : 0))
      total.push({
        formula: `SUM(${letter}${firstDataRow}:${letter}${last})`,
        result: roundScore(sum(values)),
      })
    }
    rows.push(total)
  }
  return {
    name: 'Điểm',
    title: `ĐIỂM TỰ ĐÁNH GIÁ THEO TIÊU CHÍ — ${input.label} (điểm tạm tính theo bộ điểm đang dùng)`,
    columns: [
      { header: 'STT', width: 7 },
      { header: 'Tiêu chí', width: 60 },
      { header: 'Điểm tối đa', width: 10 },
      ...reporting.map((a) => ({ header: a.name, width: 14 })),
    ],
    rows,
    totalRows: scored.length ? [scored.length] : [],
  }
}
