import { type IsoDate } from '../../core/index.ts'
import { taskRows, type ConsolidatedInput, type PlannedSheet } from './types.ts'

// "Quá hạn": the overdue tasks of every agency, oldest deadline first.

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** Overdue tasks in the order Sở Nội vụ reads them: oldest deadline first, then by agency and sheet row. */
export function compareOverdue(
  a: { due: string | null; agencyId: string; row: number },
  b: { due: string | null; agencyId: string; row: number },
): number {
  return (
    (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
    a.agencyId.localeCompare(b.agencyId) ||
    a.row - b.row
  )
}

/** "Quá hạn": overdue tasks, oldest deadline first. */
export function planOverdue(input: ConsolidatedInput, names: Map<string, string>): PlannedSheet {
  // Each task carries its sort key once, rather than a copy of its row built for every comparison.
  const overdue = input.submissions.flatMap((s) =>
    taskRows(s)
      .filter((r) => r.status === 'overdue')
      .map((r) => ({ s, r, key: { due: r.due, agencyId: s.agencyId, row: r.row } })),
  )
  overdue.sort((a, b) => compareOverdue(a.key, b.key))
  return {
    name: 'Quá hạn',
    title: `NHIỆM VỤ QUÁ HẠN (đến ${input.asOf}) — ${input.label}`,
    columns: [
      { header: 'Cơ quan', width: 30 },
      { header: 'STT', width: 7 },
      { header: 'Nội dung', width: 60 },
      { header: 'Thời hạn', width: 18 },
      { header: 'Hạn', width: 12 },
      { header: 'Số ngày quá hạn', width: 10 },
      { header: 'Tiến độ', width: 16 },
      { header: 'Mã bản nộp', width: 10 },
      { header: 'Dòng trong tệp', width: 9 },
    ],
    rows: overdue.map(({ s, r }) => [
      names.get(s.agencyId) ?? s.agencyId,
      r.stt,
      r.content,
      r.deadlineText,
      r.due ? { date: r.due } : null,
      r.due ? daysBetween(r.due, input.asOf) : null,
      r.progress,
      s.id,
      r.row,
    ]),
  }
}
