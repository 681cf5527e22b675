import { describe, expect, it } from 'vitest'
import type { FieldKey } from '../../core/index.ts'
import { assignColumns, guessRequiredFields, settleRoles } from '../../core/header-assign.ts'

describe('assignColumns', () => {
  it('gives each field at most one column, for the best total', () => {
    // Greedy would give column 0 to doneDate (9) and leave column 1 nothing.
    expect(assignColumns([{ doneDate: 9, deadline: 8 }, { doneDate: 8.5 }])).toEqual([
      'deadline',
      'doneDate',
    ])
  })

  it('leaves columns unmapped when "other" wins or the score is too low', () => {
    expect(assignColumns([{ deadline: 4, other: 6 }, { note: 2 }])).toEqual([null, null])
  })

  it('pins fixed fields and never assigns excluded ones', () => {
    expect(assignColumns([{ content: 9 }, { content: 2 }], { content: 1 })).toEqual([
      null,
      'content',
    ])
    expect(assignColumns([{ note: 8 }], {}, new Set(['note']))).toEqual([null])
  })
})

describe('settleRoles', () => {
  it('reads an end as the deadline alone, or as the completion date beside a deadline where its words say it was finished', () => {
    const settle = (
      assigned: (FieldKey | null)[],
      scores: Record<string, number>[],
      words = scores,
    ) => {
      settleRoles(assigned, scores, {}, words)
      return assigned
    }
    // ("Thời gian kết thúc" alone)
    expect(settle(['content', 'end'], [{}, { end: 9 }])).toEqual(['content', 'deadline'])
    // ("Thời hạn | Hoàn thành", with or without a start before them)
    const finished = [{}, { deadline: 9 }, { end: 6, doneDate: 2 }]
    expect(settle([null, 'deadline', 'end'], finished)).toEqual([null, 'deadline', 'doneDate'])
    expect(settle(['start', 'deadline', 'end'], finished)).toEqual([
      'start',
      'deadline',
      'doneDate',
    ])
    // (three periods of one schedule: only the cells lean to a completion date, the words do not)
    const periods = [{ start: 3 }, { deadline: 4 }, { end: 4, doneDate: 1 }]
    expect(settle(['start', 'deadline', 'end'], periods, [{}, {}, {}])).toEqual([
      'start',
      'deadline',
      'end',
    ])
  })
})

describe('guessRequiredFields', () => {
  const cells = ['TT', 'Tên văn bản', 'Cơ quan soạn thảo', 'Tiến độ', 'Nguồn vốn'].map((text) => ({
    text,
    skip: false,
  }))
  const scores = [{ stt: 9 }, { content: 7 }, { lead: 9 }, { progress: 4.8, deadline: 4.2 }, {}]

  it('takes a required field from a column read as an optional one when the evidence is close', () => {
    const assigned: (FieldKey | null)[] = ['stt', 'content', 'lead', 'progress', null]
    expect([...guessRequiredFields(assigned, scores, cells, new Set())]).toEqual([3])
    expect(assigned).toEqual(['stt', 'content', 'lead', 'deadline', null])
  })

  it('leaves an optional field where the required one is far less likely, and never moves a choice', () => {
    const far = scores.map((s, c) => (c === 3 ? { progress: 8, deadline: 3 } : s))
    const assigned: (FieldKey | null)[] = ['stt', 'content', 'lead', 'progress', null]
    expect([...guessRequiredFields(assigned, far, cells, new Set())]).toEqual([])
    const chosen: (FieldKey | null)[] = ['stt', 'content', 'lead', 'progress', null]
    expect([...guessRequiredFields(chosen, scores, cells, new Set(), { progress: 3 })]).toEqual([])
    expect(chosen[3]).toBe('progress')
  })
})
