import {
  columnLetter,
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
}

/** The plan's tasks in first-seen order, each with the row every agency reported for it. */
export function collectTasks(input: ConsolidatedInput): PlanTask[] {
  // A task is its section, number and content: looked up level by level rather than by one joined
  // key, which would be a new string to build and hash for each of a quarter's 20,000 rows.
  const index = new Map<string, Map<string, Map<string, PlanTask>>>()
  const tasks: PlanTask[] = []
  for (const s of input.submissions) {
    for (const r of taskRows(s)) {
      let bySection = index.get(r.section ?? '')
      if (!bySection) index.set(r.section ?? '', (bySection = new Map()))
      let byStt = bySection.get(r.stt ?? '')
      if (!byStt) bySection.set(r.stt ?? '', (byStt = new Map()))
      let task = byStt.get(r.content)
      if (!task) {
        task = {
          stt: r.stt,
          section: r.section,
          content: r.content,
          maxScore: r.maxScore,
          byAgency: new Map(),
        }
        byStt.set(r.content, task)
        tasks.push(task)
      }
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
