import { convertWithLibreOffice } from '../../helpers/readers.ts'
import { checkAndLoad } from '../../helpers/check-and-load.ts'
import { runOpenpyxl } from '../../helpers/tools.ts'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { applyFixes, clearMarks, markWorkbook } from '../../../server/xlsx/mark.ts'
import { loadWorkbook } from '../../../server/xlsx/read.ts'

const asOf = '2026-09-14'
const outDir = 'test-output'

/** A hand-made agency workbook: title, merged title, real dates, rich text, a formula, and planted problems. */
async function buildAgencyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Báo cáo Q3')
  ws.addRow(['BÁO CÁO TIẾN ĐỘ NHIỆM VỤ CCHC NĂM 2026'])
  ws.mergeCells('A1:H1')
  ws.addRow([])
  ws.addRow([
    'STT',
    'Nội dung',
    'Đơn vị chủ trì',
    'Thời hạn',
    'Tiến độ thực hiện',
    'Ngày hoàn thành',
    'Kết quả thực hiện',
    'Hồ sơ kiểm chứng',
  ])
  ws.addRow([
    1,
    'Tổ chức 02 cuộc đối thoại',
    'Sở Nội vụ',
    'Quý II/2026',
    'Đã hoàn thành',
    new Date(Date.UTC(2026, 5, 20)),
    '2',
    'TB số 5/TB-UBND ngày 20/6/2026',
  ])
  ws.addRow([
    2,
    { richText: [{ text: 'Kiểm tra ' }, { text: 'ít nhất 30%', font: { bold: true } }] },
    'Sở Nội vụ',
    'Tháng 13/2026',
    'Đang thực hiện',
    null,
    { formula: '10+10', result: 20 },
    null,
  ])
  ws.addRow([
    3,
    '<p>Cập nhật văn bản</p>',
    'Së Néi vô',
    'Trong năm 2026',
    'Hoàn thành',
    '15/03/2026',
    null,
    'QĐ 3',
  ])
  ws.addRow([4, 'Báo cáo quý', 'Sở Nội vụ', 'Quý II/2026', 'Chưa thực hiện', null, null, null])
  ws.getCell('B4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

describe('xlsx adapter: reading real workbooks', () => {
  it('reads real dates, date-like text, rich text and formulas’ cached values', async () => {
    const { report, sheetName } = await checkAndLoad(await buildAgencyWorkbook(), { asOf })
    expect(sheetName).toBe('Báo cáo Q3')
    expect(report.planYear).toBe(2026)
    expect(report.tasks.map((t) => [t.row, t.status, t.doneDate, t.targetMet])).toEqual([
      [4, 'done-on-time', '2026-06-20', true],
      [5, 'unknown', null, false],
      [6, 'done-on-time', '2026-03-15', null],
      [7, 'overdue', null, null],
    ])
    expect(report.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['cell/invalid-deadline', 5, 'D'],
      ['cell/html-markup', 6, 'B'],
      ['cell/legacy-encoding', 6, 'C'],
      // "QĐ 3" names no numbered, dated document; "TB số 5/TB-UBND ngày 20/6/2026" does.
      ['row/evidence-unverifiable', 6, 'H'],
    ])
  })
})

describe('marking in place', () => {
  it('adds computed columns, fills, notes and a "Kiểm tra" sheet that openpyxl reads back', async () => {
    const { report, workbook, sheetName } = await checkAndLoad(await buildAgencyWorkbook(), {
      asOf,
    })
    markWorkbook(workbook, sheetName, report)
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    mkdirSync(outDir, { recursive: true })
    const path = join(outDir, 'marked.xlsx')
    writeFileSync(path, bytes)
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Báo cáo Q3']
out = {
  'sheets': [s.title for s in wb.worksheets if s.sheet_state == 'visible'],
  'header': [ws.cell(3, c).value for c in (9, 10, 11)],
  'status': [ws.cell(r, 9).value for r in range(4, 8)],
  'check': [ws.cell(r, 11).value for r in range(4, 8)],
  'noteD5': ws['D5'].comment.text if ws['D5'].comment else None,
  'fillD5': ws['D5'].fill.fgColor.rgb,
  'issues': [wb['Kiểm tra'].cell(r, 6).value for r in range(1, wb['Kiểm tra'].max_row + 1)],
  'link': wb['Kiểm tra'].cell(wb['Kiểm tra'].max_row - 3, 1).hyperlink.location if wb['Kiểm tra'].cell(wb['Kiểm tra'].max_row - 3, 1).hyperlink else None,
}
print(json.dumps(out, ensure_ascii=False))`
    const read = JSON.parse(runOpenpyxl(script, [path]))
    expect(read.sheets).toEqual(['Báo cáo Q3', 'Kiểm tra'])
    expect(read.header).toEqual(['Trạng thái', 'Điểm', 'Kết quả kiểm tra'])
    expect(read.status).toEqual([
      'Hoàn thành đúng hạn',
      'Chưa xác định',
      'Hoàn thành đúng hạn',
      'Quá hạn',
    ])
    expect(read.check).toEqual(['Hợp lệ', '1 lỗi, 0 cảnh báo', '1 lỗi, 2 cảnh báo', 'Hợp lệ'])
    expect(read.noteD5).toContain('Không hiểu được thời hạn “Tháng 13/2026”')
    expect(read.fillD5).toBe('FFFFC7CE')
    expect(read.issues).toEqual(
      expect.arrayContaining(['cell/invalid-deadline', 'cell/html-markup', 'cell/legacy-encoding']),
    )
    expect(read.link).toBe("'Báo cáo Q3'!D5")

    // LibreOffice opens the marked copy too and shows the computed statuses.
    const lo = convertWithLibreOffice(path)
    expect(Object.keys(lo)).toEqual(expect.arrayContaining(['Báo cáo Q3', 'Kiểm tra']))
    expect(lo['Báo cáo Q3']!.slice(3, 7).map((r) => r[8])).toEqual(read.status)
  }, 120_000)

  it('re-running replaces earlier marks, and clearing restores the original look', async () => {
    const first = await checkAndLoad(await buildAgencyWorkbook(), { asOf })
    markWorkbook(first.workbook, first.sheetName, first.report)
    const second = await checkAndLoad(new Uint8Array(await first.workbook.xlsx.writeBuffer()), {
      asOf,
    })
    expect(second.sheetName).toBe('Báo cáo Q3')
    expect(second.report.header?.columns).toMatchObject({ status: 'I', score: 'J', check: 'K' })
    expect(second.report.issues).toEqual(first.report.issues)
    markWorkbook(second.workbook, second.sheetName, second.report)
    const again = await loadWorkbook(new Uint8Array(await second.workbook.xlsx.writeBuffer()))
    expect(again.worksheets.map((w) => w.name)).toEqual(['Báo cáo Q3', 'Kiểm tra', '_cchc_marks'])
    expect(again.getWorksheet('Báo cáo Q3')!.getCell('L3').value).toBeNull()

    expect(clearMarks(again)).toEqual({ outcome: 'cleared', unrestored: [] })
    const cleared = await loadWorkbook(new Uint8Array(await again.xlsx.writeBuffer()))
    const ws = cleared.getWorksheet('Báo cáo Q3')!
    expect(cleared.worksheets.map((w) => w.name)).toEqual(['Báo cáo Q3'])
    expect(ws.getCell('I3').value).toBeNull()
    expect(ws.getCell('I4').value).toBeNull()
    expect(ws.getCell('D5').fill).toBeUndefined()
    expect(ws.getCell('D5').note).toBeUndefined()
    expect(ws.getCell('B4').fill).toMatchObject({ fgColor: { argb: 'FF00B0F0' } })
  })

  it('`cchc clear` after the clerk corrected the table by hand and inserted a task: everything found again', async () => {
    const checked = await checkAndLoad(await buildAgencyWorkbook(), { asOf })
    markWorkbook(checked.workbook, checked.sheetName, checked.report)
    const correct = (wb: ExcelJS.Workbook) => {
      const ws = wb.getWorksheet('Báo cáo Q3')!
      ws.getCell('B6').value = 'Cập nhật văn bản'
      ws.getCell('C6').value = 'Sở Nội vụ'
      ws.spliceRows(5, 0, [3, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'Quý IV/2026'])
      ws.getCell('A6').value = 4
      ws.getCell('A7').value = 5
    }
    correct(checked.workbook)
    const marked = await loadWorkbook(new Uint8Array(await checked.workbook.xlsx.writeBuffer()))
    expect(clearMarks(marked)).toEqual({ outcome: 'cleared', unrestored: [] })
    const expected = await loadWorkbook(await buildAgencyWorkbook())
    correct(expected)
    const look = (wb: ExcelJS.Workbook) => {
      const cells: [string, unknown, unknown, unknown][] = []
      wb.getWorksheet('Báo cáo Q3')!.eachRow((row) =>
        row.eachCell((c) => cells.push([c.address, c.text, c.fill?.type ?? null, c.note ?? null])),
      )
      return cells
    }
    expect(look(marked)).toEqual(look(expected))
    expect(marked.worksheets.map((w) => w.name)).toEqual(['Báo cáo Q3'])
  })

  it('applies the safe automatic fixes (HTML, TCVN3) to the cells', async () => {
    const { report, workbook, sheetName } = await checkAndLoad(await buildAgencyWorkbook(), {
      asOf,
    })
    expect(applyFixes(workbook, sheetName, report)).toBe(2)
    const ws = workbook.getWorksheet(sheetName)!
    expect([ws.getCell('B6').value, ws.getCell('C6').value]).toEqual([
      'Cập nhật văn bản',
      'Sở Nội vụ',
    ])
    const rechecked = await checkAndLoad(new Uint8Array(await workbook.xlsx.writeBuffer()), {
      asOf,
    })
    expect(rechecked.report.issues.map((i) => i.code)).toEqual([
      'cell/invalid-deadline',
      'row/evidence-unverifiable',
    ])
  })
})
