import type { IsoDate } from './date.ts'
import type { Deadline } from './deadline.ts'
import type { Progress } from './progress.ts'

export const taskStatuses = [
  'done-on-time',
  'done-late',
  'overdue',
  'ongoing',
  'in-progress',
  'not-started',
  'unknown',
] as const
export type TaskStatus = (typeof taskStatuses)[number]

/**
 * A task's status as of the report's cut-off date (SPEC section 2): done on time or late,
 * overdue, ongoing for recurring work, otherwise from the progress value.
 */
export function computeStatus(
  deadline: Deadline | null,
  progress: Progress,
  doneDate: IsoDate | null,
  asOf: IsoDate,
): TaskStatus {
  const due = deadline?.due ?? null
  // Dates decide where both are known; else the words do ("Đã hoàn thành (quá hạn)").
  if (progress.state === 'done') {
    if (due !== null && doneDate !== null) return due < doneDate ? 'done-late' : 'done-on-time'
    return progress.late ? 'done-late' : 'done-on-time'
  }
  // A task stopped by decision ("dừng thực hiện") is not done, but not late either.
  if (progress.state === 'stopped') return 'not-started'
  if (deadline?.kind === 'invalid') return 'unknown'
  if (due !== null && due < asOf) return 'overdue'
  // A task the table says is past its deadline, whose deadline names no date ("Quá hạn").
  if (due === null && progress.late) return 'overdue'
  // Standing work goes on from its start; before it ("Từ quý II/2027" read in 2026) it has not begun.
  if (deadline?.kind === 'recurring' && !(deadline.start && deadline.start > asOf)) return 'ongoing'
  return progress.state
}
