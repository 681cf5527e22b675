import { describe, expect, it } from 'vitest'
import { computeGroupStatus } from '../../core/group.ts'
import type { TaskStatus } from '../../core/index.ts'

describe('computeGroupStatus (README "Statuses")', () => {
  it.each<[TaskStatus[], TaskStatus | null]>([
    [[], null],
    [['done-on-time', 'done-on-time'], 'done-on-time'],
    [['done-on-time', 'done-late'], 'done-late'],
    [['done-on-time', 'overdue', 'in-progress'], 'overdue'],
    [['overdue', 'unknown'], 'overdue'],
    [['done-on-time', 'unknown'], 'unknown'],
    [['done-on-time', 'not-started'], 'in-progress'],
    [['in-progress', 'not-started'], 'in-progress'],
    [['ongoing', 'not-started'], 'in-progress'],
    [['ongoing', 'ongoing'], 'ongoing'],
    [['not-started', 'not-started'], 'not-started'],
  ])('gives items %j the group status %s', (items, status) => {
    expect(computeGroupStatus(items)).toBe(status)
  })
})
