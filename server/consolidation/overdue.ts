import { formatVietnameseDate, type IsoDate } from '../../core/index.ts'
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

/**
 * Each agency's overdue tasks in one line, by deadline: "hạn 31/03/2026: 3, 8; hạn 30/06/2026: 12".
 * A number two sections share is written with its section ("II.1").
 */
export function formatOverdueList(
  rows: { stt: string | null; section: string | null; due: string | null }[],
): string {
  const numbers = rows.map((r) => r.stt ?? '?')
  const repeated = new Set(numbers.filter((n, i) => numbers.indexOf(n) !== i))
  const byDue = new Map<string, string[]>()
  rows.forEach((r, i) => {
    const label =
      repeated.has(numbers[i]!) && r.section ? `${r.section}.${numbers[i]}` : numbers[i]!
    const key = r.due ?? ''
    byDue.set(key, [...(byDue.get(key) ?? []), label])
  })
  return [...byDue]
    .map(
      ([due, labels]) =>
        `${due ? `hạn ${formatVietnameseDate(due)}` : 'không rõ hạn'}: ${labels.join(', ')}`,
    )
    .join('; ')
}

/**
 * "Quá hạn": the agencies with overdue tasks, the one overdue longest first: how many, the oldest
 * deadline, the days since, and the tasks (STT) by deadline. One row per agency, so that the sheet
 * prints in a few pages however many tasks a quarter has.
 */
export function planOverdue(input: ConsolidatedInput, names: Map<string, string>): PlannedSheet {
  const order = new Map(input.agencies.map((a, i) => [a.id, i]))
  const agencies = input.submissions
    .map((s) => {
      const rows = taskRows(s)
        .filter((r) => r.status === 'overdue')
        .sort((a, b) => compareOverdue({ ...a, agencyId: '' }, { ...b, agencyId: '' }))
      return { s, rows, oldest: rows.find((r) => r.due)?.due ?? null }
    })
    .filter((a) => a.rows.length > 0)
  agencies.sort(
    (a, b) =>
      (a.oldest ?? '9999').localeCompare(b.oldest ?? '9999') ||
      b.rows.length - a.rows.length ||
      (order.get(a.s.agencyId) ?? 0) - (order.get(b.s.agencyId) ?? 0),
  )
  return {
    name: 'Quá hạn',
    title: `NHIỆM VỤ QUÁ HẠN (đến ${formatVietnameseDate(input.asOf)}) — ${input.label}`,
    columns: [
      { header: 'STT', width: 5 },
      { header: 'Cơ quan', width: 30 },
      { header: 'Số nhiệm vụ quá hạn', width: 9 },
      { header: 'Hạn sớm nhất', width: 11 },
      { header: 'Quá hạn lâu nhất (ngày)', width: 9 },
      { header: 'Nhiệm vụ quá hạn (STT theo thời hạn)', width: 70 },
    ],
    rows: agencies.map(({ s, rows, oldest }, i) => [
      i + 1,
      names.get(s.agencyId) ?? s.agencyId,
      rows.length,
      oldest ? { date: oldest } : null,
      oldest ? daysBetween(oldest, input.asOf) : null,
      formatOverdueList(rows),
    ]),
  }
}
