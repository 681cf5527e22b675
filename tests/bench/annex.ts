import ExcelJS from 'exceljs'
import { cellText, readTable } from '../../core/index.ts'
import { readParSipasGrid } from '../../scripts/seeds.ts'

/** A 1,000-row annex built from the seed's real rows, repeated with fresh numbering and sample progress. */
export async function buildAnnex(rows = 1000): Promise<Uint8Array> {
  const seedRows = readTable(readParSipasGrid())!.rows.filter((r) => r.kind === 'task')
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Phụ lục')
  ws.addRow(['PHỤ LỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026'])
  ws.mergeCells('A1:J1')
  ws.addRow([])
  ws.addRow([
    'STT',
    'Lĩnh vực, tiêu chí',
    'Nội dung thực hiện',
    'Cơ quan thực hiện',
    'Cơ quan chủ trì',
    'Thời gian thực hiện',
    'Tình hình thực hiện',
    'Ngày hoàn thành',
    'Kết quả đạt được',
    'Tài liệu kiểm chứng',
  ])
  const progress = ['Đã hoàn thành', 'Đang thực hiện', '60%', 'Chưa thực hiện']
  for (let i = 0; i < rows; i++) {
    const seed = seedRows[i % seedRows.length]!
    const done = i % 4 === 0
    ws.addRow([
      i + 1,
      cellText(seed.cells.criterion?.value ?? null),
      seed.cells.content?.text ?? '',
      seed.cells.executing?.text ?? '',
      seed.cells.lead?.text ?? '',
      seed.cells.deadline?.text ?? '',
      progress[i % 4],
      done ? new Date(Date.UTC(2026, 2, 1 + (i % 28))) : null,
      done ? '100%' : null,
      done ? `Báo cáo số ${i}/BC-UBND` : null,
    ])
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
