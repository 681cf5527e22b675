import {
  columnLetter,
  formatVietnamTime,
  statusLabels,
  taskStatuses,
  type IsoDate,
  type TaskStatus,
  roundScore,
} from '../core/index.ts'
import { planReviewSheets } from './consolidated-review.ts'
import type { CrossCheck } from './crosscheck.ts'
import type { AgencyRecord, StoredRow, SubmissionRecord } from './store.ts'
import type { Trends } from './trends.ts'

/** A submission as the consolidated workbook sees it: its record and its stored rows. */
export type ConsolidatedSubmission = Pick<
  SubmissionRecord,
  | 'id'
  | 'agencyId'
  | 'version'
  | 'submittedAt'
  | 'fileHash'
  | 'tasks'
  | 'errors'
  | 'warnings'
  | 'score'
  | 'maxScore'
  | 'byStatus'
> & { late: boolean; rows: StoredRow[]; planId?: string | null }

export type ConsolidatedInput = {
  period: string
  label: string
  asOf: IsoDate
  generatedAt: string
  /** Every registered agency, submitted or not, in display order. */
  agencies: AgencyRecord[]
  /** The latest submission of each agency that has one. */
  submissions: ConsolidatedSubmission[]
  /** The province's name, for page headers. */
  province?: string
  /** Cross-checks computed with the plans' lead and cooperating agencies (else self-scores only). */
  crossChecks?: CrossCheck[]
  /** The year's quarters (else this period only). */
  trends?: Trends
}

/** A cell of a planned sheet: text is always text; formulas carry the value they compute to. */
export type PlannedCell =
  string | number | null | { date: IsoDate } | { formula: string; result: number | string }

export type PlannedSheet = {
  name: string
  title: string
  columns: { header: string; width: number }[]
  rows: PlannedCell[][]
  /** 0-based column holding a status label to colour, when the sheet has one. */
  statusColumns?: number[]
  /** Rows (0-based, within rows) that are totals, written bold. */
  totalRows?: number[]
}

/** The first data row of every planned sheet: a title row, then the header row. */
export const firstDataRow = 3

const doneStatuses: TaskStatus[] = ['done-on-time', 'done-late']

function ratio(done: number, total: number): number | string {
  return total > 0 ? Math.round((done / total) * 1000) / 10 : ''
}

function sum(values: (number | null)[]): number {
  return values.reduce<number>((a, v) => a + (v ?? 0), 0)
}

/** "Tổng hợp": one row per registered agency, submitted or not, and a totals row of formulas. */
function planSummary(
  input: ConsolidatedInput,
  byAgency: Map<string, ConsolidatedSubmission>,
): PlannedSheet {
  const statusCols = taskStatuses.map((s) => ({ header: statusLabels[s].vi, width: 13 }))
  const columns = [
    { header: 'STT', width: 6 },
    { header: 'Mã cơ quan', width: 22 },
    { header: 'Cơ quan', width: 40 },
    { header: 'Đã nộp', width: 10 },
    { header: 'Phiên bản', width: 9 },
    { header: 'Thời gian nộp', width: 20 },
    { header: 'Nộp muộn', width: 10 },
    { header: 'Số nhiệm vụ', width: 11 },
    ...statusCols,
    { header: 'Lỗi', width: 8 },
    { header: 'Cảnh báo', width: 10 },
    { header: 'Điểm', width: 9 },
    { header: 'Điểm tối đa', width: 11 },
    { header: 'Tỷ lệ hoàn thành (%)', width: 14 },
  ]
  const tasksCol = 7
  const firstStatus = 8
  const doneCols = doneStatuses.map((s) => firstStatus + taskStatuses.indexOf(s))
  const rows: PlannedCell[][] = input.agencies.map((agency, i) => {
    const s = byAgency.get(agency.id)
    const r = firstDataRow + i
    const counts = taskStatuses.map((st) => (s ? (s.byStatus[st] ?? 0) : null))
    const done = s ? sum(doneStatuses.map((st) => s.byStatus[st] ?? 0)) : 0
    const doneRef = doneCols.map((c) => `${columnLetter(c + 1)}${r}`).join('+')
    const tasksRef = `${columnLetter(tasksCol + 1)}${r}`
    return [
      i + 1,
      agency.id,
      agency.name,
      s ? 'Có' : 'Chưa nộp',
      s ? s.version : null,
      s ? formatVietnamTime(s.submittedAt) : null,
      s ? (s.late ? 'Muộn' : 'Đúng hạn') : null,
      s ? s.tasks : null,
      ...counts,
      s ? s.errors : null,
      s ? s.warnings : null,
      s ? s.score : null,
      s ? s.maxScore : null,
      s
        ? {
            formula: `IF(${tasksRef}>0,ROUND((${doneRef})/${tasksRef}*100,1),"")`,
            result: ratio(done, s.tasks),
          }
        : null,
    ]
  })
  const last = firstDataRow + rows.length - 1
  const sumCol = (c: number): PlannedCell => {
    const letter = columnLetter(c + 1)
    const values = rows.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : 0))
    return {
      formula: `SUM(${letter}${firstDataRow}:${letter}${last})`,
      result: roundScore(sum(values)),
    }
  }
  const submitted = input.submissions.length
  const totalTasks = sum(input.submissions.map((s) => s.tasks))
  const totalDone = sum(
    input.submissions.flatMap((s) => doneStatuses.map((st) => s.byStatus[st] ?? 0)),
  )
  const totalRow = firstDataRow + rows.length
  const numericCols = [
    tasksCol,
    ...statusCols.map((_, k) => firstStatus + k),
    firstStatus + statusCols.length,
    firstStatus + statusCols.length + 1,
    firstStatus + statusCols.length + 2,
    firstStatus + statusCols.length + 3,
  ]
  const total: PlannedCell[] = columns.map(() => null)
  total[2] = 'Tổng cộng'
  total[3] = { formula: `COUNTIF(D${firstDataRow}:D${last},"Có")`, result: submitted }
  for (const c of numericCols) total[c] = sumCol(c)
  const tasksLetter = columnLetter(tasksCol + 1)
  const doneRef = doneCols.map((c) => `${columnLetter(c + 1)}${totalRow}`).join('+')
  total[columns.length - 1] = {
    formula: `IF(${tasksLetter}${totalRow}>0,ROUND((${doneRef})/${tasksLetter}${totalRow}*100,1),"")`,
    result: ratio(totalDone, totalTasks),
  }
  return {
    name: 'Tổng hợp',
    title: `TỔNG HỢP BÁO CÁO CẢI CÁCH HÀNH CHÍNH — ${input.label} (số liệu đến ${input.asOf}; đã nộp ${submitted}/${input.agencies.length} cơ quan)`,
    columns,
    rows: rows.length ? [...rows, total] : rows,
    totalRows: rows.length ? [rows.length] : [],
  }
}

function taskRows(s: ConsolidatedSubmission): StoredRow[] {
  return s.rows.filter((r) => r.kind === 'task')
}

/** "Chi tiết": every task row with its agency and where it came from. */
function planDetail(input: ConsolidatedInput, names: Map<string, string>): PlannedSheet {
  const rows: PlannedCell[][] = []
  for (const s of input.submissions) {
    const agencyName = names.get(s.agencyId) ?? s.agencyId
    const submittedAt = formatVietnamTime(s.submittedAt)
    for (const r of taskRows(s)) {
      rows.push([
        agencyName,
        s.agencyId,
        r.stt,
        r.section,
        r.content,
        r.deadlineText,
        r.due ? { date: r.due } : null,
        r.progress,
        r.status ? statusLabels[r.status].vi : null,
        r.doneDate ? { date: r.doneDate } : null,
        r.achieved,
        r.evidence,
        r.targetMet === null ? null : r.targetMet ? 'Đạt' : 'Chưa đạt',
        r.score,
        r.maxScore,
        s.id,
        s.version,
        s.fileHash,
        submittedAt,
        r.row,
      ])
    }
  }
  return {
    name: 'Chi tiết',
    title: `CHI TIẾT NHIỆM VỤ THEO CƠ QUAN — ${input.label}`,
    columns: [
      { header: 'Cơ quan', width: 30 },
      { header: 'Mã cơ quan', width: 18 },
      { header: 'STT', width: 7 },
      { header: 'Mục', width: 7 },
      { header: 'Nội dung', width: 60 },
      { header: 'Thời hạn', width: 18 },
      { header: 'Hạn', width: 12 },
      { header: 'Tiến độ', width: 16 },
      { header: 'Trạng thái', width: 18 },
      { header: 'Ngày hoàn thành', width: 14 },
      { header: 'Kết quả đạt được', width: 16 },
      { header: 'Tài liệu kiểm chứng', width: 24 },
      { header: 'Chỉ tiêu', width: 10 },
      { header: 'Điểm', width: 8 },
      { header: 'Điểm tối đa', width: 10 },
      { header: 'Mã bản nộp', width: 10 },
      { header: 'Phiên bản', width: 9 },
      { header: 'Mã băm tệp (SHA-256)', width: 24 },
      { header: 'Thời gian nộp', width: 20 },
      { header: 'Dòng trong tệp', width: 9 },
    ],
    rows,
    statusColumns: [8],
  }
}

type PlanTask = {
  stt: string | null
  content: string
  maxScore: number | null
  byAgency: Map<string, StoredRow>
}

/** The plan's tasks in first-seen order, each with the row every agency reported for it. */
function collectTasks(input: ConsolidatedInput): PlanTask[] {
  const tasks = new Map<string, PlanTask>()
  for (const s of input.submissions) {
    for (const r of taskRows(s)) {
      const key = `${r.section ?? ''}|${r.stt ?? ''}|${r.content}`
      let task = tasks.get(key)
      if (!task)
        tasks.set(
          key,
          (task = { stt: r.stt, content: r.content, maxScore: r.maxScore, byAgency: new Map() }),
        )
      task.byAgency.set(s.agencyId, r)
      task.maxScore ??= r.maxScore
    }
  }
  return [...tasks.values()]
}

/** "Theo nhiệm vụ": each plan task × the agencies reporting it, with counts as formulas. */
function planByTask(
  input: ConsolidatedInput,
  tasks: PlanTask[],
  reporting: AgencyRecord[],
): PlannedSheet {
  const fixed = 5
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
function planScores(
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

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** Overdue tasks in the order Sở Nội vụ reads them: oldest deadline first, then by agency and sheet row. */
export function compareOverdue(
  a: { due: string | null; agencyId: string; row: number },
  b: { due: string | null; agencyId: string; row: number },
): number {
  return (
    (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
    a.agencyId.localeCompare(b.agencyId) ||
    a.row - b.row
  )
}

/** "Quá hạn": overdue tasks, oldest deadline first. */
function planOverdue(input: ConsolidatedInput, names: Map<string, string>): PlannedSheet {
  const overdue = input.submissions.flatMap((s) =>
    taskRows(s)
      .filter((r) => r.status === 'overdue')
      .map((r) => ({ s, r })),
  )
  overdue.sort((a, b) =>
    compareOverdue({ ...a.r, agencyId: a.s.agencyId }, { ...b.r, agencyId: b.s.agencyId }),
  )
  return {
    name: 'Quá hạn',
    title: `NHIỆM VỤ QUÁ HẠN (đến ${input.asOf}) — ${input.label}`,
    columns: [
      { header: 'Cơ quan', width: 30 },
      { header: 'STT', width: 7 },
      { header: 'Nội dung', width: 60 },
      { header: 'Thời hạn', width: 18 },
      { header: 'Hạn', width: 12 },
      { header: 'Số ngày quá hạn', width: 10 },
      { header: 'Tiến độ', width: 16 },
      { header: 'Mã bản nộp', width: 10 },
      { header: 'Dòng trong tệp', width: 9 },
    ],
    rows: overdue.map(({ s, r }) => [
      names.get(s.agencyId) ?? s.agencyId,
      r.stt,
      r.content,
      r.deadlineText,
      r.due ? { date: r.due } : null,
      r.due ? daysBetween(r.due, input.asOf) : null,
      r.progress,
      s.id,
      r.row,
    ]),
  }
}

/**
 * Plans the sheets of the provincial workbook from stored rows (no file is re-read): "Tổng hợp",
 * "Chi tiết", "Theo nhiệm vụ", "Điểm", "Quá hạn", "Đối chiếu" and "Xu hướng".
 */
export function computeConsolidatedSheets(input: ConsolidatedInput): PlannedSheet[] {
  const byAgency = new Map(input.submissions.map((s) => [s.agencyId, s]))
  const names = new Map(input.agencies.map((a) => [a.id, a.name]))
  const reporting = input.agencies.filter((a) => byAgency.has(a.id))
  const tasks = collectTasks(input)
  return [
    planSummary(input, byAgency),
    planDetail(input, names),
    planByTask(input, tasks, reporting),
    planScores(input, tasks, reporting),
    planOverdue(input, names),
    ...planReviewSheets(input),
  ]
}
