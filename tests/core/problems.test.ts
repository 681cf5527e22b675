import { describe, expect, it } from 'vitest'
import { computeNextIndex, createIssue, filterProblems, formatIssueCell } from '../../core/index.ts'

const at = (row: number | null, column: string | null) =>
  createIssue('cell/invalid-deadline', { row, column, field: 'deadline', value: 'Quý V/2026' })

describe('the problem list both add-ins show', () => {
  it('keeps the severity asked for, in sheet order: row, then column', () => {
    const issues = [at(9, 'B'), at(5, 'F'), createIssue('report/provisional-profile'), at(5, 'C')]
    expect(filterProblems(issues, 'error').map(formatIssueCell)).toEqual(['C5', 'F5', 'B9'])
    expect(filterProblems(issues, 'info').map(formatIssueCell)).toEqual([null])
    expect(filterProblems(issues, 'all')).toHaveLength(4)
  })

  it('steps to the next and previous problem, wrapping around', () => {
    expect(computeNextIndex(-1, 3, 1)).toBe(0)
    expect(computeNextIndex(-1, 3, -1)).toBe(2)
    expect(computeNextIndex(2, 3, 1)).toBe(0)
    expect(computeNextIndex(0, 3, -1)).toBe(2)
    expect(computeNextIndex(0, 0, 1)).toBe(-1)
  })
})
