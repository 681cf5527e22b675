import { describe, expect, it } from 'vitest'
import { applyEvidence, readColumnEvidence } from '../../core/header-evidence.ts'

describe('readColumnEvidence', () => {
  it('counts the share of durations, periods, dates, targets and progress words', () => {
    expect(readColumnEvidence(['0,5 ngày', '3 ngày', null, 'Quý IV/2026'])).toMatchObject({
      count: 3,
      duration: 2 / 3,
      period: 1 / 3,
    })
    expect(
      readColumnEvidence(['✅ Hoàn thành', '🔴 Chưa thực hiện', { date: '2026-05-20' }]),
    ).toMatchObject({ count: 3, progress: 2 / 3, exactDate: 1 / 3 })
  })
})

describe('applyEvidence', () => {
  it('turns a "Thời gian" column of durations into something we do not use', () => {
    const scores = applyEvidence({ deadline: 7 }, readColumnEvidence(['0,5 ngày', '3 ngày']), true)
    expect(scores.deadline).toBe(0)
    expect(scores.other).toBeGreaterThan(0)
  })

  it('turns a "Kết quả" column of targets in a plan into the expected result', () => {
    const scores = applyEvidence(
      { achieved: 3, product: 2.5, expected: 1.5 },
      readColumnEvidence(['100%', '≥ 95%', 'Tối thiểu 80%']),
      true,
    )
    expect(scores.expected).toBeGreaterThan(scores.achieved!)
  })

  it('leaves a header alone when there is no data', () => {
    expect(applyEvidence({ progress: 5 }, readColumnEvidence([]), false)).toEqual({ progress: 5 })
  })
})
