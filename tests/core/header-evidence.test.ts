import { describe, expect, it } from 'vitest'
import type { CellValue } from '../../core/index.ts'
import { computeColumnProfiles } from '../../core/column-profile.ts'
import {
  computeFit,
  countFitting,
  isCompletionColumn,
  scoreColumnContents,
} from '../../core/header-evidence.ts'

/** The profile of one column of cells (one data row per cell). */
function profileOf(cells: CellValue[]) {
  const rows = cells.map((v) => [v])
  return computeColumnProfiles(
    rows,
    rows.map(() => [false]),
    1,
  )[0]!
}

describe('computeFit and countFitting', () => {
  it('measures how many cells fit a field: deadline phrases fit the deadline, not progress', () => {
    const p = profileOf(['Quý I/2026', 'Tháng 4', 'Thứ 5 hàng tuần', { date: '2026-05-01' }])
    expect(computeFit(p, 'deadline')).toBeCloseTo((3 + 0.7) / 4)
    expect(computeFit(p, 'progress')).toBe(0)
    expect(countFitting(p, 'deadline')).toBe(4)
  })

  it('counts progress words that follow the agency reporting them', () => {
    const p = profileOf(['Sở Nội vụ đang thực hiện', 'Đã hoàn thành', 'Chưa thực hiện'])
    expect(computeFit(p, 'progress')).toBe(1)
  })
})

describe('scoreColumnContents', () => {
  it('turns a column of deadlines under a progress header into deadline evidence stronger than the words', () => {
    const p = profileOf(['Quý I/2026', 'Tháng 4', 'Thứ 5 hàng tuần', 'Quý II/2026', 'Tháng 6'])
    const scores = scoreColumnContents(p, { progress: 10.5 }, false)
    expect(scores.deadline).toBeGreaterThan(6)
    expect(10.5 + scores.progress!).toBeLessThan(scores.deadline!)
  })

  it('turns a "Thời gian" column of durations into something we do not use', () => {
    const scores = scoreColumnContents(profileOf(['0,5 ngày', '3 ngày']), { deadline: 7 }, true)
    expect(7 + scores.deadline!).toBeLessThan(scores.other!)
  })

  it('turns a "Kết quả" column of targets in a plan into the expected result', () => {
    const words = { achieved: 3, product: 2.5, expected: 1.5 }
    const scores = scoreColumnContents(profileOf(['100%', '≥ 95%', 'Tối thiểu 80%']), words, true)
    expect(1.5 + scores.expected!).toBeGreaterThan(3 + scores.achieved!)
  })

  it('reads weak progress words over cells that are no progress words as no progress', () => {
    const scores = scoreColumnContents(
      profileOf(['Thực hiện mới', 'Tiếp tục', 'Thực hiện mới']),
      { progress: 4.5 },
      false,
    )
    expect(4.5 + scores.progress!).toBeLessThan(3)
  })

  it('reads one number repeated ("0" on every row) as no numbering, numbers in sequence as one', () => {
    expect(scoreColumnContents(profileOf([0, 0, 0, 0, 0]), {}, false).stt).toBeLessThan(0)
    expect(scoreColumnContents(profileOf([1, 2, 3, 4, 5]), {}, false).stt).toBeGreaterThan(3)
  })

  it('leaves a header alone when there is no data', () => {
    expect(scoreColumnContents(profileOf([null, null]), { progress: 5 }, false)).toEqual({})
  })
})

describe('isCompletionColumn', () => {
  const table: CellValue[][] = [
    // received on, finished on, result
    ['05/01/2026', '20/01/2026', 'Đã hoàn thành'],
    ['10/01/2026', null, 'Đang thực hiện'],
    ['12/02/2026', '01/03/2026', 'Đã hoàn thành'],
    ['01/03/2026', null, 'Chưa thực hiện'],
    ['15/03/2026', '30/04/2026', 'Đã hoàn thành'],
  ]
  const profiles = computeColumnProfiles(
    table,
    table.map(() => [false, false, false]),
    3,
    { asOf: '2026-06-30' },
  )

  it('knows dates present only on finished rows, never after the report date, as completion dates', () => {
    expect(profiles[1]).toMatchObject({ onDoneRows: 3, openRows: 2, openBlank: 2, future: 0 })
    expect(isCompletionColumn(profiles[1]!)).toBe(true)
    expect(scoreColumnContents(profiles[1]!, { deadline: 9.5 }, false).doneDate).toBeGreaterThan(9)
  })

  it('knows the "received on" dates before them as neither deadline nor completion', () => {
    expect(profiles[0]).toMatchObject({ beforeNeighbour: true, afterNeighbour: false })
    expect(isCompletionColumn(profiles[0]!)).toBe(false)
    const scores = scoreColumnContents(profiles[0]!, {}, false)
    expect(Math.max(scores.deadline!, scores.doneDate!)).toBeLessThan(3)
  })

  it('reads dates after the report date as no completion dates', () => {
    const later = computeColumnProfiles(
      [['20/01/2026'], ['20/08/2026'], ['20/09/2026']],
      [[false], [false], [false]],
      1,
      { asOf: '2026-06-30' },
    )[0]!
    expect(later.future).toBe(2)
    expect(scoreColumnContents(later, {}, false).doneDate).toBeLessThan(0)
  })
})
