import { describe, expect, it } from 'vitest'
import type { CellValue } from '../../core/index.ts'
import { computeColumnProfiles, profileRows } from '../../core/column-profile.ts'

describe('computeColumnProfiles', () => {
  it('counts the kinds of each column, skipping section rows and merged headings', () => {
    const rows: CellValue[][] = [
      ['I', 'NÂNG CAO NHẬN THỨC', 'NÂNG CAO NHẬN THỨC'],
      [1, 'Ban hành Kế hoạch CCHC năm 2026', 'Quý I/2026'],
      [2, 'Tổ chức hội nghị tập huấn nghiệp vụ', 'Thường xuyên'],
      [3, 'Kiểm tra công tác cải cách hành chính', null],
    ]
    const covered = [
      [false, false, true],
      [false, false, false],
      [false, false, false],
      [false, false, false],
    ]
    const [stt, content, deadline] = computeColumnProfiles(rows, covered, 3)
    expect(stt).toMatchObject({ rows: 3, filled: 3, ordered: 2 })
    // (numbers written with a dot after them follow one another too)
    const dotted = computeColumnProfiles([['4.'], ['5.'], ['6.'], ['6.1']], [[], [], [], []], 1)
    expect(dotted[0]).toMatchObject({ filled: 4, ordered: 3 })
    // (so do numbers closed by a bracket, and tasks numbered in words)
    const bracketed = computeColumnProfiles([['1)'], ['2)'], ['3)']], [[], [], []], 1)
    expect(bracketed[0]).toMatchObject({ filled: 3, ordered: 2 })
    const named = computeColumnProfiles(
      [['Nhiệm vụ 1'], ['Nhiệm vụ 2'], ['Nhiệm vụ 3'], ['Nhiệm vụ 3']],
      [[], [], [], []],
      1,
    )
    expect(named[0]).toMatchObject({ filled: 4, ordered: 2 })
    expect(content!.kinds.task).toBe(3)
    expect(deadline).toMatchObject({ filled: 2, kinds: expect.objectContaining({ period: 2 }) })
  })

  it('counts a record’s day in figures or in words', () => {
    const rows: CellValue[][] = [
      [1, 'Đã ban hành Báo cáo ngày 02/10/2025'],
      [2, 'Đã trình UBND tỉnh ngày 2 tháng 10 năm 2025'],
      [3, 'Đang thực hiện'],
    ]
    const [, result] = computeColumnProfiles(
      rows,
      rows.map(() => [false, false]),
      3,
    )
    expect(result!.records).toBe(2)
  })

  it('reads at most profileRows rows, however tall the sheet', () => {
    const rows: CellValue[][] = Array.from({ length: 5 * profileRows }, (_, i) => [i + 1])
    const [p] = computeColumnProfiles(
      rows,
      rows.map(() => [false]),
      1,
    )
    expect(p!.rows).toBe(profileRows)
  })
})
