import { createFakeWorkbook, type FakeWorkbook } from './fake-excel.ts'

/** A hand-made annex with planted problems on known cells (as in the xlsx adapter's tests). */
/**
 * The agency report the add-in tests use: four rows with one problem of each kind, then `extraRows`
 * plain rows; with `broken`, every extra row's agency is typed in the legacy TCVN3 encoding (an
 * error and a note on every row: a problem of the cell, so never folded into one header issue).
 */
export function createProblemWorkbook(extraRows = 0, broken = false): FakeWorkbook {
  const rows: unknown[][] = [
    ['BÁO CÁO TIẾN ĐỘ NHIỆM VỤ CCHC NĂM 2026'],
    [],
    [
      'STT',
      'Nội dung',
      'Đơn vị chủ trì',
      'Thời hạn',
      'Tiến độ thực hiện',
      'Ngày hoàn thành',
      'Kết quả thực hiện',
      'Hồ sơ kiểm chứng',
    ],
    [
      1,
      'Tổ chức 02 cuộc đối thoại',
      'Sở Nội vụ',
      'Quý II/2026',
      'Đã hoàn thành',
      46193,
      '2',
      'TB số 5/TB-UBND',
    ],
    [2, 'Kiểm tra ít nhất 30%', 'Sở Nội vụ', 'Tháng 13/2026', 'Đang thực hiện', '', 20, ''],
    [
      3,
      '<p>Cập nhật văn bản</p>',
      'Së Néi vô',
      'Trong năm 2026',
      'Hoàn thành',
      '15/03/2026',
      '',
      'QĐ 3',
    ],
    [4, 'Báo cáo quý', 'Sở Nội vụ', 'Quý II/2026', 'Chưa thực hiện', '', '', ''],
  ]
  for (let i = 0; i < extraRows; i++)
    rows.push([
      5 + i,
      `Nhiệm vụ số ${5 + i} về cải cách thủ tục hành chính`,
      broken ? 'Së Néi vô' : 'Sở Tư pháp',
      i % 3 ? 'Quý IV/2026' : 'Quý I/2026',
      i % 2 ? 'Đang thực hiện' : 'Chưa thực hiện',
      '',
      '',
      '',
    ])
  const workbook = createFakeWorkbook([
    { name: 'Báo cáo Q3', rows, formats: { F4: 'dd/mm/yyyy' }, merges: ['A1:H1'] },
    { name: 'Ghi chú', rows: [['Bảng phụ']] },
  ])
  workbook.sheets[0]!.cells.get('B4')!.fill = '#00B0F0'
  return workbook
}

/**
 * A wide annex as big as the add-in promises to handle (20 columns): the eight columns of an agency
 * report, then twelve more of real plan text, every agency typed in TCVN3 when `broken` (a note per
 * row; a deadline broken on every row would be one header issue, not a note per row).
 */
export function createWideWorkbook(rows: number, text: string, broken: boolean): FakeWorkbook {
  const extra = Array.from({ length: 12 }, (_, i) => `Ghi chú ${i + 1}`)
  const header = [
    'STT',
    'Nội dung',
    'Đơn vị chủ trì',
    'Thời hạn',
    'Tiến độ thực hiện',
    'Ngày hoàn thành',
    'Kết quả thực hiện',
    'Hồ sơ kiểm chứng',
    ...extra,
  ]
  const body = Array.from({ length: rows }, (_, i) => [
    i + 1,
    `${text} (${i + 1})`,
    broken ? 'Së Néi vô' : 'Sở Tư pháp',
    'Quý IV/2026',
    i % 2 ? 'Đang thực hiện' : 'Chưa thực hiện',
    '',
    '',
    '',
    ...extra.map((_, c) => (c % 3 ? `${text.slice(0, 40)} ${c}` : '')),
  ])
  return createFakeWorkbook([
    { name: 'Báo cáo', rows: [['BÁO CÁO TIẾN ĐỘ NHIỆM VỤ CCHC NĂM 2026'], [], header, ...body] },
  ])
}
