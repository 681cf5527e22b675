import ExcelJS from 'exceljs'
import { formatVietnameseDate } from '../../core/index.ts'
import type { PeriodStatus } from '../consolidation/period-status.ts'
import type { ReminderGroup } from '../consolidation/reminders.ts'
import { applyPrintSetup, printFont } from './print.ts'

const grid: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
}

const columns = [
  { header: 'STT', width: 5 },
  { header: 'Cơ quan, đơn vị', width: 30 },
  { header: 'Tình trạng', width: 14 },
  { header: 'Hạn nộp', width: 10 },
  { header: 'Ngày nộp', width: 10 },
  { header: 'Số ngày chậm', width: 7 },
  { header: 'Số nhiệm vụ quá hạn', width: 8 },
  { header: 'Nhiệm vụ quá hạn (STT theo thời hạn)', width: 36 },
  { header: 'Lỗi cần sửa', width: 5 },
  { header: 'Liên hệ', width: 20 },
]

/**
 * The units to remind for a period (planned by `planReminderList`) as a workbook to print on A4 or
 * mail-merge: grouped by why (not sent, sent late, overdue tasks, errors — in that order), each with
 * the due date, the day it arrived, days late, its overdue tasks and errors, and whom to contact ("—"
 * when nobody is known); grid lines on every cell of the table.
 */
export function buildReminderList(
  status: Pick<PeriodStatus, 'label' | 'due'>,
  groups: ReminderGroup[],
  province: string,
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'CCHC Annex'
  const ws = workbook.addWorksheet('Cần đôn đốc', { views: [{ state: 'frozen', ySplit: 2 }] })
  ws.columns = columns.map((c) => ({ width: c.width }))
  ws.addRow([
    `DANH SÁCH CƠ QUAN, ĐƠN VỊ CẦN ĐÔN ĐỐC — ${status.label.toUpperCase()} (hạn nộp ${formatVietnameseDate(status.due)})`,
  ]).font = { name: printFont, bold: true, size: 13 }
  const header = ws.addRow(columns.map((c) => c.header))
  header.font = { name: printFont, bold: true }
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  let n = 0
  for (const group of groups) {
    ws.addRow([null, group.title]).font = { name: printFont, bold: true }
    for (const { unit, state, overdue } of group.rows) {
      const row = ws.addRow([
        ++n,
        unit.name,
        state,
        new Date(`${status.due}T00:00:00Z`),
        unit.submittedOn ? new Date(`${unit.submittedOn}T00:00:00Z`) : '—',
        unit.daysLate || null,
        unit.overdue.length || null,
        overdue,
        unit.errors || null,
        unit.contact ?? '—',
      ])
      row.alignment = { wrapText: true, vertical: 'top' }
      for (const c of [4, 5]) row.getCell(c).numFmt = 'dd/mm/yyyy'
      for (const c of [1, 4, 5, 6, 7, 9])
        row.getCell(c).alignment = { vertical: 'top', horizontal: 'center' }
    }
  }
  if (!groups.length) ws.addRow([null, 'Không có cơ quan, đơn vị nào cần đôn đốc.'])
  ws.eachRow((row, r) => {
    if (r < 2) return
    for (let c = 1; c <= columns.length; c++) row.getCell(c).border = grid
  })
  applyPrintSetup(ws, { province, period: status.label, headerRows: [2, 2] })
  return workbook
}
