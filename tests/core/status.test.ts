import { describe, expect, it } from 'vitest'
import {
  computeStatus,
  isProgress,
  parseDeadline,
  parseProgress,
  taskStatuses,
  type Deadline,
  type Progress,
  type TaskStatus,
} from '../../core/index.ts'

const planYear = 2026

function deadlineOf(text: string): Deadline {
  const deadline = parseDeadline(text, planYear)
  if (!deadline) throw new Error(`no deadline in "${text}"`)
  return deadline
}
function progressOf(text: string): Progress {
  const progress = parseProgress(text)
  if (!isProgress(progress)) throw new Error(`no progress in "${text}"`)
  return progress
}

// [deadline cell, progress cell, completion date, as of, status]: real wording from the seed plans.
const cases: [string | null, string, string | null, string, TaskStatus][] = [
  // Done: on time up to and including the due day, late from the day after.
  ['Quý III/2026', 'Đã hoàn thành', '2026-08-20', '2026-09-14', 'done-on-time'],
  ['Quý III/2026', 'Đã hoàn thành', '2026-09-30', '2026-10-14', 'done-on-time'],
  ['Quý III/2026', 'Đã hoàn thành', '2026-10-01', '2026-12-14', 'done-late'],
  ['Trước 31/01/2027', 'Hoàn thành', '2027-01-31', '2027-03-14', 'done-on-time'],
  ['Trước 31/01/2027', 'Hoàn thành', '2027-02-01', '2027-03-14', 'done-late'],
  ['Tháng 12 năm 2025', '100%', '2026-01-05', '2026-03-14', 'done-late'],
  // Done without a completion date cannot be late; nor can work with no due date.
  ['Quý III/2026', 'Đã hoàn thành', null, '2026-12-14', 'done-on-time'],
  ['Thường xuyên', 'Đã hoàn thành', '2026-11-02', '2026-12-14', 'done-on-time'],
  [
    'Theo thời hạn quy định của Bộ Nội vụ',
    'Đã hoàn thành',
    '2026-11-02',
    '2026-12-14',
    'done-on-time',
  ],
  [null, 'Đã hoàn thành', '2026-05-04', '2026-06-14', 'done-on-time'],
  ['Tháng 13/2026', 'Đã hoàn thành', '2026-05-04', '2026-06-14', 'done-on-time'],
  // Not done: overdue from the day after the due date, not on it.
  ['Quý III/2026', 'Đang thực hiện', null, '2026-09-30', 'in-progress'],
  ['Quý III/2026', 'Đang thực hiện', null, '2026-10-01', 'overdue'],
  ['Quý III/2026', 'Chưa thực hiện', null, '2026-12-14', 'overdue'],
  ['Chậm nhất là ngày 31/12/2026', '50%', null, '2027-01-01', 'overdue'],
  ['2021-2025', 'Đang triển khai', null, '2026-03-14', 'overdue'],
  ['Tháng 12 năm 2025', '', null, '2026-03-14', 'overdue'],
  // Recurring work is ongoing, whatever its progress says.
  ['Thường xuyên', 'Đang thực hiện', null, '2026-09-14', 'ongoing'],
  ['Thường xuyên', 'Chưa thực hiện', null, '2026-09-14', 'ongoing'],
  ['Hàng quý', '', null, '2026-12-14', 'ongoing'],
  // Standing work from a start: going on once started, not begun before.
  ['Từ quý II/2026', '', null, '2026-09-14', 'ongoing'],
  ['Từ quý II/2027', '', null, '2026-09-14', 'not-started'],
  ['Năm 2027 và các năm tiếp theo', 'Đang thực hiện', null, '2026-09-14', 'in-progress'],
  // A tracker's own word on the deadline, where the dates cannot say.
  ['Quý III/2026', 'Đã hoàn thành (quá hạn)', null, '2026-12-14', 'done-late'],
  ['Quý III/2026', 'Hoàn thành trễ hạn', '2026-09-20', '2026-12-14', 'done-on-time'],
  [null, 'Đang thực hiện (quá hạn)', null, '2026-09-14', 'overdue'],
  [null, 'Quá hạn', null, '2026-09-14', 'overdue'],
  ['Quý IV/2026', 'Chưa quá hạn', null, '2026-09-14', 'not-started'],
  // Otherwise the progress cell decides.
  ['Trong năm 2026', 'Đang thực hiện', null, '2026-09-14', 'in-progress'],
  ['Trong năm 2026', '75%', null, '2026-09-14', 'in-progress'],
  ['Quý IV/2026', 'Chưa thực hiện', null, '2026-09-14', 'not-started'],
  ['Quý IV/2026', '', null, '2026-09-14', 'not-started'],
  ['Quý IV/2026', '0%', null, '2026-12-31', 'not-started'],
  ['Theo thời hạn quy định của Bộ Nội vụ', 'Đang thực hiện', null, '2027-06-14', 'in-progress'],
  [
    'Khi có căn cứ rà soát; theo kế hoạch rà soát chuyên đề của Chính phủ, bộ, ngành, UBND các cấp',
    'Chưa thực hiện',
    null,
    '2027-06-14',
    'not-started',
  ],
  [null, 'Đang thực hiện', null, '2026-09-14', 'in-progress'],
  // A deadline nobody can read leaves an unfinished task's status unknown.
  ['Tháng 13/2026', 'Đang thực hiện', null, '2026-09-14', 'unknown'],
  ['31/02/2026', 'Chưa thực hiện', null, '2026-09-14', 'unknown'],
  ['Sớm nhất có thể', '', null, '2026-09-14', 'unknown'],
]

describe('computeStatus', () => {
  it.each(cases)(
    'reads "%s" with progress "%s" done %s as of %s as %s',
    (deadlineText, progressText, doneDate, asOf, status) => {
      const deadline = deadlineText === null ? null : deadlineOf(deadlineText)
      expect(computeStatus(deadline, progressOf(progressText), doneDate, asOf)).toBe(status)
    },
  )

  it('covers every status a task can have', () => {
    expect(new Set(cases.map((c) => c[4]))).toEqual(new Set(taskStatuses))
  })

  it('turns a task overdue exactly on the day after "Quý IV/2026" ends', () => {
    const deadline = deadlineOf('Quý IV/2026')
    const progress = progressOf('Đang thực hiện')
    expect(
      ['2026-12-30', '2026-12-31', '2027-01-01'].map((asOf) =>
        computeStatus(deadline, progress, null, asOf),
      ),
    ).toEqual(['in-progress', 'in-progress', 'overdue'])
  })

  it('keeps a task finished late as done late however long after', () => {
    const deadline = deadlineOf('Quý I/2026')
    const progress = progressOf('Đã hoàn thành')
    expect(
      ['2026-06-14', '2026-12-14', '2027-12-14'].map((asOf) =>
        computeStatus(deadline, progress, '2026-04-01', asOf),
      ),
    ).toEqual(['done-late', 'done-late', 'done-late'])
  })
})

describe('computeStatus for a task stopped by decision', () => {
  it('reads "… dừng thực hiện dự án" as not done, and not late either', () => {
    const stopped = progressOf(
      'Đã được UBND tỉnh thông qua dừng thực hiện dự án (Nghị quyết số 592/NQ-UBND ngày 12/8/2026)',
    )
    expect(stopped.state).toBe('stopped')
    expect(computeStatus(deadlineOf('2025-2026'), stopped, null, '2027-03-14')).toBe('not-started')
  })
})
