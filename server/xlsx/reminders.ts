import ExcelJS from 'exceljs'
import type { PeriodStatus } from '../consolidation/period-status.ts'
import { applyPrintSetup } from './print.ts'

/** The agencies to remind for a period (missing, late or with overdue tasks) as a workbook to print or mail-merge. */
export function buildReminderList(status: PeriodStatus, province: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'CCHC Annex'
  const ws = workbook.addWorksheet('Cần đôn đốc', { views: [{ state: 'frozen', ySplit: 2 }] })
  ws.columns = [
    { width: 6 },
    { width: 18 },
    { width: 36 },
    { width: 16 },
    { width: 12 },
    { width: 60 },
  ]
  ws.addRow([`DANH SÁCH CƠ QUAN CẦN ĐÔN ĐỐC — ${status.label.toUpperCase()}`]).font = {
    bold: true,
    size: 13,
  }
  const header = ws.addRow([
    'STT',
    'Mã cơ quan',
    'Cơ quan',
    'Tình trạng',
    'Số nhiệm vụ quá hạn',
    'Nhiệm vụ quá hạn',
  ])
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle' }
  let n = 0
  for (const a of status.agencies) {
    const overdue = status.overdue.filter((t) => t.agencyId === a.id)
    if (a.submitted && !a.late && overdue.length === 0) continue
    const row = ws.addRow([
      ++n,
      a.id,
      a.name,
      a.submitted ? (a.late ? 'Nộp muộn' : 'Đã nộp') : 'Chưa nộp',
      overdue.length,
      overdue.map((t) => `${t.stt ?? ''} ${t.content}`.trim()).join('\n'),
    ])
    row.alignment = { wrapText: true, vertical: 'top' }
  }
  applyPrintSetup(ws, { province, period: status.label, headerRows: [2, 2] })
  return workbook
}
