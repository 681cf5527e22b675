import {
  columnLetter,
  computeVietnamDate,
  formatVietnameseDate,
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
  const statusCols = taskStatuses.map((s) => ({ header: statusLabels[s].vi, width: 7 }))
  const columns = [
    { header: 'STT', width: 4 },
    { header: 'Cơ quan', width: 25 },
    { header: 'Đã nộp', width: 6 },
    { header: 'Phiên bản', width: 6 },
    { header: 'Ngày nộp', width: 10 },
    { header: 'Nộp muộn', width: 7 },
    { header: 'Số nhiệm vụ', width: 6 },
    ...statusCols,
    { header: 'Lỗi', width: 5 },
    { header: 'Cảnh báo', width: 6 },
    { header: 'Điểm', width: 6 },
    { header: 'Điểm tối đa', width: 6 },
    { header: 'Tỷ lệ hoàn thành (%)', width: 7 },
    // The registry's id, for filtering and lookups; it does not print (people read names).
    { header: 'Mã cơ quan', width: 20 },
  ]
  const submittedCol = 2
  const tasksCol = 6
  const firstStatus = 7
  const doneCols = doneStatuses.map((s) => firstStatus + taskStatuses.indexOf(s))
  const rateCol = firstStatus + statusCols.length + 4
  const rows: PlannedCell[][] = input.agencies.map((agency, i) => {
    const s = byAgency.get(agency.id)
    const r = firstDataRow + i
    const counts = taskStatuses.map((st) => (s ? (s.byStatus[st] ?? 0) : null))
    const done = s ? sum(doneStatuses.map((st) => s.byStatus[st] ?? 0)) : 0
    const doneRef = doneCols.map((c) => `${columnLetter(c + 1)}${r}`).join('+')
    const tasksRef = `${columnLetter(tasksCol + 1)}${r}`
    return [
      i + 1,
      agency.name,
      s ? 'Có' : 'Chưa nộp',
      s ? s.version : null,
      s ? { date: computeVietnamDate(Date.parse(s.submittedAt)) } : null,
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
      agency.id,
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
  const numericCols = [tasksCol, ...statusCols.map((_, k) => firstStatus + k)]
  for (let k = 0; k < 4; k++) numericCols.push(firstStatus + statusCols.length + k)
  const total: PlannedCell[] = columns.map(() => null)
  total[1] = 'Tổng cộng'
  const submittedLetter = columnLetter(submittedCol + 1)
  total[submittedCol] = {
    formula: `COUNTIF(${submittedLetter}${firstDataRow}:${submittedLetter}${last},"Có")`,
    result: submitted,
  }
  for (const c of numericCols) total[c] = sumCol(c)
  const tasksLetter = columnLetter(tasksCol + 1)
  const doneRef = doneCols.map((c) => `${columnLetter(c + 1)}${totalRow}`).join('+')
  total[rateCol] = {
    formula: `IF(${tasksLetter}${totalRow}>0,ROUND((${doneRef})/${tasksLetter}${totalRow}*100,1),"")`,
    result: ratio(totalDone, totalTasks),
  }
  return {
    name: 'Tổng hợp',
    title: `TỔNG HỢP BÁO CÁO CẢI CÁCH HÀNH CHÍNH — ${input.label} (số liệu đến ${formatVietnameseDate(input.asOf)}; đã nộp ${submitted}/${input.agencies.length} cơ quan)`,
    columns,
    rows: rows.length ? [...rows, total] : rows,
    totalRows: rows.length ? [rows.length] : [],
    print: { printColumns: columns.length - 1 },
  }
}

/** "Chi tiết": every task row with its agency; where it came from in columns that stay on screen. */
function planDetail(input: ConsolidatedInput, names: Map<string, string>): PlannedSheet {
  const rows: PlannedCell[][] = []
  for (const s of input.submissions) {
    const agencyName = names.get(s.agencyId) ?? s.agencyId
    const submittedAt = formatVietnamTime(s.submittedAt)
    for (const r of taskRows(s)) {
      rows.push([
        agencyName,
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
        s.agencyId,
        s.id,
        s.version,
        s.fileHash,
        submittedAt,
        r.row,
      ])
    }
  }
  const columns = [
    { header: 'Cơ quan', width: 17 },
    { header: 'STT', width: 4 },
    { header: 'Mục', width: 4 },
    { header: 'Nội dung', width: 33 },
    { header: 'Thời hạn', width: 11 },
    { header: 'Hạn', width: 9 },
    { header: 'Tiến độ', width: 10 },
    { header: 'Trạng thái', width: 10 },
    { header: 'Ngày hoàn thành', width: 9 },
    { header: 'Kết quả đạt được', width: 10 },
    { header: 'Tài liệu kiểm chứng', width: 12 },
    { header: 'Chỉ tiêu', width: 6 },
    { header: 'Điểm', width: 5 },
    { header: 'Điểm tối đa', width: 5 },
  ]
  // Where each row came from: kept for tracing and filtering, outside what prints.
  const provenance = [
    { header: 'Mã cơ quan', width: 18 },
    { header: 'Mã bản nộp', width: 10 },
    { header: 'Phiên bản', width: 9 },
    { header: 'Mã băm tệp (SHA-256)', width: 24 },
    { header: 'Thời gian nộp', width: 16 },
    { header: 'Dòng trong tệp', width: 9 },
  ]
  return {
    name: 'Chi tiết',
    title: `CHI TIẾT NHIỆM VỤ THEO CƠ QUAN — ${input.label}`,
    columns: [...columns, ...provenance],
    rows,
    statusColumns: [7],
    print: { printColumns: columns.length },
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
