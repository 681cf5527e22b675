import { describe, expect, it } from 'vitest'
import { assignColumns } from '../../core/header-assign.ts'

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
