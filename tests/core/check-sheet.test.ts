import { describe, expect, it } from 'vitest'
import { computeMarkPlan, validateTable, type CellValue } from '../../core/index.ts'
import { createGrid, createPlanGrid } from '../helpers/grid.ts'

// Thirty tasks done, twelve without evidence (reported at their progress, column F: fewer than half
// the rows, so not read as the column's fault), one unreadable deadline (E9).
const rows: CellValue[][] = Array.from({ length: 30 }, (_, i) => [
  i + 1,
  `Nhiệm vụ số ${i + 1} của kế hoạch`,
  'Sở Nội vụ',
  null,
  i === 5 ? 'Tháng 13/2026' : 'Quý II/2026',
  'Đã hoàn thành',
  { date: '2026-05-20' },
  null,
  i < 12 ? null : 'Báo cáo số 12/BC-UBND ngày 15/3/2026 của UBND tỉnh',
  null,
])
const report = validateTable(createPlanGrid(rows), { asOf: '2026-09-14' })
const plan = computeMarkPlan(report)
const sheet = plan.checkSheet
const text = (index: number) => sheet.rows[index]!

describe('the "Kiểm tra" sheet', () => {
  it('states the report date as dd/mm/yyyy and each count in one whole cell', () => {
    expect(sheet.rows.slice(0, 7)).toEqual([
      ['KẾT QUẢ KIỂM TRA PHỤ LỤC CCHC'],
      ['Trang tính: Sheet1'],
      ['Ngày báo cáo (số liệu đến): 14/09/2026'],
      ['Năm kế hoạch: 2026'],
      ['Số nhiệm vụ: 30'],
      [`Số lỗi: ${report.errorCount} · Số cảnh báo: ${report.warningCount}`],
      ['Hoàn thành đúng hạn: 30'],
    ])
    expect(sheet.rows.flat().join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    // Bold: the title, the mapping's title and header, the list's title and header.
    const mapping = sheet.rows.findIndex((r) => r[0] === 'CÁCH ĐỌC CỘT')
    expect(sheet.emphasis).toEqual([
      0,
      mapping,
      mapping + 1,
      sheet.headerIndex - 1,
      sheet.headerIndex,
    ])
  })

  it('groups identical issues under one line ("12 ô cột F: …"), each cell on its own linked line', () => {
    const header = sheet.headerIndex
    expect(text(header)).toEqual([
      'Ô',
      'Dòng',
      'Vấn đề',
      'Mức độ',
      'Cách sửa',
      'Mã (hỗ trợ kỹ thuật)',
    ])
    const evidence = report.issues.filter((i) => i.code === 'row/done-without-evidence')
    expect(evidence).toHaveLength(12)
    const at = sheet.rows.findIndex((r) => String(r[2]).startsWith('12 ô cột F: '))
    expect(text(at)).toEqual([
      null,
      null,
      `12 ô cột F: ${evidence[0]!.message.vi}`,
      'Cảnh báo',
      evidence[0]!.hint.vi,
      'row/done-without-evidence',
    ])
    expect(sheet.fills).toContainEqual({ index: at, fill: 'FFFFEB9C' })
    expect(text(at + 1)).toEqual([
      'F4',
      4,
      'STT 1: Nhiệm vụ số 1 của kế hoạch',
      null,
      null,
      'row/done-without-evidence',
    ])
    expect(sheet.links.filter((l) => l.index > at && l.index <= at + 12)).toEqual(
      evidence.map((e, k) => ({ index: at + 1 + k, address: `F${e.row}` })),
    )
  })

  it('puts a lone issue on one linked line, its code only in the hidden last column', () => {
    const at = sheet.rows.findIndex((r) => r[0] === 'E9')
    const issue = report.issues.find((i) => i.code === 'cell/invalid-deadline')!
    expect(text(at)).toEqual(['E9', 9, issue.message.vi, 'Lỗi', issue.hint.vi, issue.code])
    expect(sheet.links).toContainEqual({ index: at, address: 'E9' })
    expect(sheet.columns.map((c) => c.hidden)).toEqual([false, false, false, false, false, true])
    // No issue code anywhere a person reads: only the hidden column holds them.
    const shown = sheet.rows.flatMap((r) => r.slice(0, 5)).join(' ')
    expect(shown).not.toMatch(/\b(cell|row|header|table|report)\/[a-z-]+/)
  })
})

describe('marks on merged areas', () => {
  const merged = validateTable(
    createGrid(
      [
        ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'],
        ['STT', 'Nội dung, nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện'],
        [1, 'Rà soát văn bản', 'Sở Tư pháp', 'Tháng 13/2026'],
        [2, 'Tự kiểm tra văn bản', 'Sở Tư pháp', null],
        [3, 'Cập nhật văn bản', 'Sở Tư pháp', null],
      ],
      [{ top: 3, left: 4, bottom: 5, right: 4 }],
    ),
    { asOf: '2026-09-14' },
  )

  it('puts the note and fill of a problem inside a merged area on its top-left cell, once', () => {
    // One deadline written once and merged down over three tasks: each row reports it.
    const unknown = merged.issues.filter((i) => i.code === 'cell/invalid-deadline')
    expect(unknown.map((i) => `${i.column}${i.row}`)).toEqual(['D3', 'D4', 'D5'])
    const marks = computeMarkPlan(merged, [], [{ top: 3, left: 4, bottom: 5, right: 4 }])
    expect(marks.notes.filter((n) => n.address.startsWith('D'))).toEqual([
      {
        address: 'D3',
        fill: 'FFFFC7CE',
        note: `[Lỗi] ${unknown[0]!.message.vi}\n→ ${unknown[0]!.hint.vi}\n(${unknown[0]!.message.en})`,
      },
    ])
    // The issue list still names each row, every line linked to the cell that carries the note.
    const links = marks.checkSheet.links.filter((l) => l.address.startsWith('D'))
    expect(links.map((l) => l.address)).toEqual(['D3', 'D3', 'D3'])
  })
})
