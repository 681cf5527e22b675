import {
  columnLetter,
  formatVietnamTime,
  statusLabels,
  taskStatuses,
  roundScore,
} from '../../core/index.ts'
import { planReviewSheets } from './review.ts'
import { planOverdue } from './overdue.ts'
import { collectTasks, planByTask, planScores } from './tasks.ts'

import {
  doneStatuses,
  firstDataRow,
  sum,
  taskRows,
  type ConsolidatedInput,
  type ConsolidatedSubmission,
  type PlannedCell,
  type PlannedSheet,
} from './types.ts'

function ratio(done: number, total: number): number | string {
  return total > 0 ? Math.round((done / total) * 1000) / 10 : ''
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
