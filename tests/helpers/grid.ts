import type { CellValue, Grid, MergeArea } from '../../core/index.ts'

/** A small sheet: title rows, then the given rows starting at row 1. */
export function createGrid(rows: CellValue[][], merges: MergeArea[] = [], sheet = 'Sheet1'): Grid {
  return { sheet, top: 1, left: 1, cells: rows, merges }
}

export const standardHeader = [
  'STT',
  'Nội dung, nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian thực hiện',
  'Tình hình thực hiện',
  'Ngày hoàn thành',
  'Kết quả đạt được',
  'Tài liệu kiểm chứng',
  'Điểm tự chấm',
]

/** A plan table of year 2026 with the standard header on row 3 and the given data rows from row 4. */
export function createPlanGrid(data: CellValue[][]): Grid {
  return createGrid([['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'], [], standardHeader, ...data])
}
