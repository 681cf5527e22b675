import { describe, expect, it } from 'vitest'
import {
  applyEvidence,
  computeEvidenceNeeds,
  readColumnEvidence,
} from '../../core/header-evidence.ts'

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

describe('computeEvidenceNeeds', () => {
  it('reads only the evidence a header can use: dates under deadline words, progress under status words', () => {
    const cells = ['Quý IV/2026', 'Trong năm 2026', 'Đã hoàn thành']
    expect(computeEvidenceNeeds({ content: 9 })).toEqual({
      dates: false,
      results: false,
      progress: false,
    })
    const asContent = readColumnEvidence(cells, computeEvidenceNeeds({ content: 9 }))
    expect([asContent.period, asContent.progress]).toEqual([0, 0])
    const asDeadline = readColumnEvidence(cells, computeEvidenceNeeds({ deadline: 7 }))
    expect(asDeadline.period).toBe(2 / 3)
    const asProgress = readColumnEvidence(cells, computeEvidenceNeeds({ progress: 7, status: 2 }))
    expect(asProgress.progress).toBeGreaterThan(0)
    // What a header can use is read exactly as without the restriction.
    expect(asDeadline.period).toBe(readColumnEvidence(cells).period)
    expect(asProgress.progress).toBe(readColumnEvidence(cells).progress)
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
