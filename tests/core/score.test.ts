import { describe, expect, it } from 'vitest'
import { addScores, computeGroupTotals, computeScoreTotal, roundScore } from '../../core/score.ts'
import type { TaskEntry } from '../../core/report.ts'

function createEntry(part: Partial<TaskEntry>): TaskEntry {
  return {
    row: 1,
    stt: null,
    level: 1,
    kind: 'task',
    section: 'I',
    content: '',
    deadline: null,
    deadlineText: '',
    status: null,
    progress: '',
    doneDate: null,
    achieved: '',
    evidence: '',
    targetMet: null,
    score: null,
    maxScore: null,
    agencies: [],
    selfScore: null,
    ...part,
  }
}

describe('roundScore', () => {
  it('rounds scores to hundredths, so 0.1 + 0.2 totals 0.3', () => {
    expect(roundScore(0.1 + 0.2)).toBe(0.3)
    expect(roundScore(2 / 3)).toBe(0.67)
    expect(addScores(null, 0.335)).toBe(0.34)
    expect(addScores(1.1, 2.2)).toBe(3.3)
  })
})

describe('computeScoreTotal', () => {
  it('totals only the items that could be scored (a survey item counts towards neither)', () => {
    const tasks = [
      createEntry({ stt: '1.1', score: 0.5, maxScore: 1 }),
      createEntry({ stt: '1.2', score: null, maxScore: 2 }),
      createEntry({ stt: '1.3', score: 0.67, maxScore: 1 }),
      createEntry({ stt: '1', kind: 'group', score: 9, maxScore: 9 }),
    ]
    expect(computeScoreTotal(tasks)).toEqual({ score: 1.17, maxScore: 2 })
    expect(computeScoreTotal([createEntry({ score: null })])).toEqual({
      score: null,
      maxScore: null,
    })
  })
})

describe('computeGroupTotals', () => {
  it('gives groups the total of their items and sections the total of everything until the next section', () => {
    const tasks = [
      createEntry({ stt: 'I', kind: 'section', section: 'I' }),
      createEntry({ stt: '1', kind: 'group' }),
      createEntry({ stt: '1.1', score: 1, maxScore: 1 }),
      createEntry({ stt: '1.2', score: 0.25, maxScore: 0.5 }),
      createEntry({ stt: '2', score: 0, maxScore: 1 }),
      createEntry({ stt: 'II', kind: 'section', section: 'II' }),
      createEntry({ stt: '1', section: 'II', score: 2, maxScore: 2 }),
    ]
    computeGroupTotals(tasks)
    expect(tasks.map((t) => [t.stt, t.score, t.maxScore])).toEqual([
      ['I', 1.25, 2.5],
      ['1', 1.25, 1.5],
      ['1.1', 1, 1],
      ['1.2', 0.25, 0.5],
      ['2', 0, 1],
      ['II', 2, 2],
      ['1', 2, 2],
    ])
  })
})
