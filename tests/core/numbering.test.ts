import { describe, expect, it } from 'vitest'
import type { HeaderInfo } from '../../core/header.ts'
import type { Issue } from '../../core/issue.ts'
import { createNumbering } from '../../core/numbering.ts'

const header = { columns: { stt: 1 } } as unknown as HeaderInfo
const rowOf = (row: number, text: string, sttNumeric = false) => ({
  row,
  sttNumeric,
  cells: { stt: { text } },
})

describe('createNumbering', () => {
  it('reports a repeated number and a gap among siblings, at the STT cell', () => {
    const issues: Issue[] = []
    const numbering = createNumbering(issues, header)
    numbering.checkNumbered('I', [1], rowOf(5, '1'))
    numbering.checkNumbered('I', [1], rowOf(6, '1'))
    numbering.checkNumbered('I', [3], rowOf(7, '3'))
    expect(issues.map((i) => [i.code, `${i.column}${i.row}`])).toEqual([
      ['row/stt-duplicate', 'A6'],
      ['row/stt-sequence', 'A7'],
    ])
  })

  it('repairs 5.1 stored as a number where 5.10 is expected, and restarts under each section', () => {
    const issues: Issue[] = []
    const numbering = createNumbering(issues, header)
    numbering.checkSection(1, rowOf(1, 'I'))
    for (let i = 1; i <= 9; i++) numbering.checkNumbered('I', [5, i], rowOf(i, `5.${i}`))
    expect(numbering.checkNumbered('I', [5, 1], rowOf(10, '5.1', true))).toBe('5.10')
    numbering.checkSection(2, rowOf(11, 'II'))
    numbering.checkNumbered('II', [1], rowOf(12, '1'))
    expect(issues).toEqual([])
  })
})
