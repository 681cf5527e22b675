import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { computeExcelSerial } from '../../../core/index.ts'
import { convertOfficeValue } from '../../../addin/excel/read.ts'
import { convertCellData } from '../../../server/sheets/read.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'

// A tracker's deadlines typed as dates and shown as m/yyyy ("Tháng 4" entered as 01/04/2026): each
// surface reads the month the sheet shows, due at its end, not on its first day.

async function buildTracker(format: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Theo dõi')
  sheet.addRow(['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'])
  sheet.addRow(['STT', 'Nội dung, nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn hoàn thành'])
  const rows: [number, string, string, Date][] = [
    [1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', new Date(Date.UTC(2026, 3, 1))],
    [2, 'Kiểm tra công tác CCHC', 'Sở Nội vụ', new Date(Date.UTC(2026, 9, 1))],
  ]
  for (const row of rows) sheet.addRow(row).getCell(4).numFmt = format
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('dates shown as a month or a year', () => {
  it('reads an .xlsx deadline shown as mm/yyyy as that month', async () => {
    const { report } = checkWorkbook(await buildTracker('mm/yyyy'), { asOf: '2026-06-14' })
    expect(report.tasks.map((t) => [t.deadlineText, t.deadline?.due, t.status])).toEqual([
      ['04/2026', '2026-04-30', 'overdue'],
      ['10/2026', '2026-10-31', 'not-started'],
    ])
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('reads a completion date shown as mm/yyyy as the day it holds, without an error', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Theo dõi')
    sheet.addRow([
      'STT',
      'Nội dung, nhiệm vụ',
      'Cơ quan chủ trì',
      'Thời hạn',
      'Tiến độ',
      'Ngày hoàn thành',
    ])
    const row = sheet.addRow([
      1,
      'Rà soát TTHC',
      'Sở Tư pháp',
      'Quý II/2026',
      'Đã hoàn thành',
      new Date(Date.UTC(2026, 4, 20)),
    ])
    row.getCell(6).numFmt = 'mm/yyyy'
    const { report } = checkWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), {
      asOf: '2026-09-14',
    })
    expect(report.tasks[0]).toMatchObject({ doneDate: '2026-05-20', status: 'done-on-time' })
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('keeps a date shown with its day a date', async () => {
    const { report } = checkWorkbook(await buildTracker('dd/mm/yyyy'), { asOf: '2026-06-14' })
    expect(report.tasks.map((t) => t.deadline?.due)).toEqual(['2026-04-01', '2026-10-01'])
  })

  it('gives the same cell on every surface', () => {
    const serial = computeExcelSerial('2026-04-01')
    const office = (format: string) => convertOfficeValue(serial, format)
    const sheets = (pattern: string) =>
      convertCellData({
        effectiveValue: { numberValue: serial },
        effectiveFormat: { numberFormat: { type: 'DATE', pattern } },
      })
    for (const convert of [office, sheets]) {
      expect(convert('mm/yyyy')).toEqual({ date: '2026-04-01', shows: 'month' })
      expect(convert('m/yyyy')).toEqual({ date: '2026-04-01', shows: 'month' })
      expect(convert('yyyy')).toEqual({ date: '2026-04-01', shows: 'year' })
      expect(convert('dd/mm/yyyy')).toEqual({ date: '2026-04-01' })
    }
  })
})
