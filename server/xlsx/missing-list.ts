import ExcelJS from 'exceljs'
import { formatVietnameseDate } from '../../core/index.ts'
import type { Outstanding } from '../consolidation/outstanding.ts'
import type { PeriodStatus } from '../consolidation/period-status.ts'
import { applyPrintSetup } from './print.ts'

/**
 * The agencies whose report Sở Nội vụ still waits for (not sent, or returned and not sent again),
 * grouped as the dashboard shows them (`computeOutstanding`), with days late and whom to call: to
 * print, mail-merge or hand to the person who phones them.
 */
export function buildMissingList(
  status: Pick<PeriodStatus, 'label' | 'due' | 'today'>,
  outstanding: Outstanding,
  province: string,
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'CCHC Annex'
  const ws = workbook.addWorksheet('Chưa gửi báo cáo', { views: [{ state: 'frozen', ySplit: 2 }] })
  ws.columns = [{ width: 6 }, { width: 40 }, { width: 34 }, { width: 12 }, { width: 40 }]
  const title = ws.addRow([
    `CƠ QUAN CHƯA GỬI BÁO CÁO — ${status.label.toUpperCase()} (hạn nộp ${formatVietnameseDate(status.due)}, tính đến ${formatVietnameseDate(status.today)})`,
  ])
  title.font = { bold: true, size: 13 }
  const header = ws.addRow(['STT', 'Cơ quan', 'Tình trạng', 'Số ngày trễ', 'Liên hệ'])
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle' }
  let n = 0
  for (const { group, agencies } of outstanding) {
    if (!agencies.length) continue
    const groupRow = ws.addRow(['', `${group.label} (${agencies.length})`])
    groupRow.font = { bold: true }
    for (const a of agencies) {
      const row = ws.addRow([
        ++n,
        a.name,
        a.state,
        a.daysLate ?? '',
        a.contacts.join('\n') || 'Chưa có tài khoản',
      ])
      row.alignment = { wrapText: true, vertical: 'top' }
    }
  }
  if (n === 0) ws.addRow(['', 'Tất cả cơ quan đã gửi báo cáo kỳ này.'])
  applyPrintSetup(ws, { province, period: status.label, headerRows: [2, 2] })
  return workbook
}
