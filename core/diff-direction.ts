import type { FieldChange } from './diff.ts'
import { isProgress, parseProgress } from './progress.ts'
import type { TaskStatus } from './status.ts'

/** Whether a change between two versions moves a task forward, back, or neither. */
export type ChangeDirection = 'better' | 'worse' | 'neutral'

// How far along each status is: done beats ongoing work, which beats work not begun or overdue.
const statusRank: Record<TaskStatus, number> = {
  'done-on-time': 5,
  'done-late': 4,
  ongoing: 3,
  'in-progress': 3,
  'not-started': 2,
  unknown: 2,
  overdue: 1,
}

/** How far a progress text says a task is: done 100, a percentage, in progress 50, not started 0. */
function rankProgress(text: string): number | null {
  const p = parseProgress(text)
  if (!isProgress(p)) return null
  if (p.state === 'done') return 100
  if (p.percent !== null) return p.percent
  return p.state === 'in-progress' ? 50 : 0
}

function compareRanks(before: number | null | undefined, after: number | null | undefined) {
  if (before === null || before === undefined || after === null || after === undefined)
    return 'neutral'
  return after > before ? 'better' : after < before ? 'worse' : 'neutral'
}

/**
 * Whether a field's change is progress or a step back: a status or progress that moves towards
 * done is better, away from it worse (done → not done); a completion date, result or evidence
 * appearing is better, disappearing worse; other edits (a date corrected) are neutral.
 * @example computeChangeDirection({ field: 'status', before: 'done-on-time', after: 'overdue' }) // 'worse'
 */
export function computeChangeDirection(change: FieldChange): ChangeDirection {
  const { field, before, after } = change
  if (field === 'status')
    return compareRanks(statusRank[before as TaskStatus], statusRank[after as TaskStatus])
  if (field === 'progress') return compareRanks(rankProgress(before), rankProgress(after))
  const had = before.trim() !== ''
  const has = after.trim() !== ''
  return had === has ? 'neutral' : has ? 'better' : 'worse'
}
