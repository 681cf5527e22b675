import {
  columnLetter,
  computePlanTaskKey,
  roundScore,
  statusCodes,
  statusLabels,
  taskStatuses,
} from '../../core/index.ts'
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
  section: string | null
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
        stt: t.stt,
        section: t.section,
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
        section: r.section,
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

/**
 * How each task is named in a grid's header: its STT, qualified by its section where two tasks share
 * one ("II.1"), and numbered where even that repeats.
 */
export function labelTasks(tasks: PlanTask[]): string[] {
  const plain = tasks.map((t, i) => t.stt ?? String(i + 1))
  const count = (labels: string[]) =>
    labels.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>())
  const repeated = count(plain)
  const qualified = tasks.map((t, i) =>
    repeated.get(plain[i]!)! > 1 && t.section ? `${t.section}.${plain[i]}` : plain[i]!,
  )
  const still = count(qualified)
  const seen = new Map<string, number>()
  return qualified.map((l) => {
    if (still.get(l)! === 1) return l
    const n = (seen.get(l) ?? 0) + 1
    seen.set(l, n)
    return `${l} (${n})`
  })
}

/** The legend of the status codes in "Theo nhiệm vụ", printed at the foot of its pages. */
export const statusLegend = `Ký hiệu: ${taskStatuses
  .map((s) => `${statusCodes[s].vi} ${statusLabels[s].vi.toLowerCase()}`)
  .join('; ')}`

// A grid of one narrow column per task and one row per agency: 8 pt codes, so that about thirty
// tasks and forty agencies fit an A4 page; the agency's column repeats on every page.
const gridColumn = 2.9
const gridPrint = { fontSize: 8, titleColumns: 1 }
// A task's words in a note line under the grid: enough to recognise it on one printed line.
const noteWords = 70

const clipText = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`

/**
 * "Theo nhiệm vụ": each plan task × the agencies reporting it, one row per agency and one column per
 * task (the STT), each cell the status's short code; counts per task as formulas below.
 */
export function planByTask(
  input: ConsolidatedInput,
  tasks: PlanTask[],
  reporting: AgencyRecord[],
): PlannedSheet {
  const fixed = 1
  const labels = labelTasks(tasks)
  const rows: PlannedCell[][] = reporting.map((a) => [
    a.name,
    ...tasks.map((t) => {
      const status = t.byAgency.get(a.id)?.status
      return status ? statusCodes[status].vi : null
    }),
  ])
  if (reporting.length) {
    const first = firstDataRow
    const last = firstDataRow + reporting.length - 1
    const count = (label: string, codes: string[] | null) => [
      label,
      ...tasks.map((t, k): PlannedCell => {
        const letter = columnLetter(fixed + k + 1)
        const range = `${letter}${first}:${letter}${last}`
        const statuses = reporting.map((a) => t.byAgency.get(a.id)?.status ?? null)
        if (!codes) return { formula: `COUNTA(${range})`, result: statuses.filter(Boolean).length }
        return {
          formula: codes.map((c) => `COUNTIF(${range},"${c}")`).join('+'),
          result: statuses.filter((s) => s && codes.includes(statusCodes[s].vi)).length,
        }
      }),
    ]
    rows.push(
      count('Số cơ quan báo cáo', null),
      count(
        'Hoàn thành',
        doneStatuses.map((s) => statusCodes[s].vi),
      ),
      count('Quá hạn', [statusCodes.overdue.vi]),
    )
  }
  // What the amendments did to a task (or that a row is not in the plan): one readable line per task
  // under the grid (a row of one cell, its text running over the empty cells beside it), its number,
  // its words and the note, where a column two characters wide could not hold them.
  const notes = tasks.flatMap((t, k) =>
    t.note ? [[`${labels[k]}. ${clipText(t.content, noteWords)}: ${t.note}`]] : [],
  )
  if (notes.length) rows.push(['Theo kế hoạch'], ...notes)
  return {
    name: 'Theo nhiệm vụ',
    title: `TÌNH HÌNH THỰC HIỆN TỪNG NHIỆM VỤ THEO CƠ QUAN — ${input.label}`,
    columns: [
      { header: 'Cơ quan', width: 22 },
      ...labels.map((l) => ({ header: l, width: gridColumn })),
    ],
    rows,
    statusColumns: tasks.map((_, k) => fixed + k),
    totalRows: reporting.length ? [0, 1, 2].map((k) => reporting.length + k) : [],
    print: { ...gridPrint, legend: statusLegend },
  }
}

/**
 * "Điểm": scored criteria × agencies, one row per agency (its total as a formula) under the row of
 * each criterion's maximum, one column per criterion.
 */
export function planScores(
  input: ConsolidatedInput,
  tasks: PlanTask[],
  reporting: AgencyRecord[],
): PlannedSheet {
  const scored = tasks.filter((t) => t.maxScore !== null)
  const labels = labelTasks(scored)
  const fixed = 2
  const first = columnLetter(fixed + 1)
  const lastLetter = columnLetter(Math.max(fixed + scored.length, fixed + 1))
  const max: PlannedCell[] = [
    'Điểm tối đa',
    {
      formula: `SUM(${first}${firstDataRow}:${lastLetter}${firstDataRow})`,
      result: roundScore(sum(scored.map((t) => t.maxScore))),
    },
    ...scored.map((t) => t.maxScore),
  ]
  const rows: PlannedCell[][] = reporting.map((a, i) => {
    const r = firstDataRow + 1 + i
    const scores = scored.map((t) => t.byAgency.get(a.id)?.score ?? null)
    return [
      a.name,
      { formula: `SUM(${first}${r}:${lastLetter}${r})`, result: roundScore(sum(scores)) },
      ...scores,
    ]
  })
  return {
    name: 'Điểm',
    title: `ĐIỂM TỰ ĐÁNH GIÁ THEO TIÊU CHÍ — ${input.label} (điểm tạm tính theo bộ điểm đang dùng)`,
    columns: [
      { header: 'Cơ quan', width: 22 },
      { header: 'Tổng điểm', width: 5 },
      // Scores ("0,5") are narrower than status codes: thirty criteria to a page.
      ...labels.map((l) => ({ header: l, width: 2.7 })),
    ],
    rows: [max, ...rows],
    totalRows: [0],
    print: { ...gridPrint, titleColumns: 2, fixedRows: 1 },
  }
}
