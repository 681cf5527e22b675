import type { Bilingual } from './issue.ts'
import type { TaskStatus } from './status.ts'
import { foldText } from './text.ts'

/** What a version says about one task: the fields a diff compares. */
export type DiffRow = {
  row: number
  stt: string | null
  section: string | null
  kind: string
  content: string
  status: TaskStatus | null
  progress: string
  doneDate: string | null
  achieved: string
  evidence: string
}

export const diffFields = ['status', 'progress', 'doneDate', 'achieved', 'evidence'] as const
export type DiffField = (typeof diffFields)[number]

export const diffFieldLabels: Record<DiffField, Bilingual> = {
  status: { vi: 'Trạng thái', en: 'Status' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  doneDate: { vi: 'Ngày hoàn thành', en: 'Completion date' },
  achieved: { vi: 'Kết quả đạt được', en: 'Achieved' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
}

/** One changed field of a task. */
export type FieldChange = { field: DiffField; before: string; after: string }

export type RowChange = {
  key: string
  stt: string | null
  content: string
  beforeRow: number
  afterRow: number
  changes: FieldChange[]
}

/** The row-level changes from one version of an agency's table to another. */
export type RowDiff = {
  added: DiffRow[]
  removed: DiffRow[]
  changed: RowChange[]
  unchanged: number
}

/**
 * The key that pairs a task across versions: its section and STT, else its folded content (a
 * table without numbering). Two rows with the same key are told apart by their order.
 */
export function computeDiffKey(row: DiffRow): string {
  if (row.stt) return `${row.section ?? ''}|${row.stt}`
  return `#${foldText(row.content).slice(0, 120)}`
}

function readValue(row: DiffRow, field: DiffField): string {
  const value = row[field]
  return value === null ? '' : String(value).replace(/\s+/g, ' ').trim()
}

/** Keys each row, numbering repeats ("…#2") so that duplicate STTs still pair in order. */
function indexRows(rows: DiffRow[]): Map<string, DiffRow> {
  const out = new Map<string, DiffRow>()
  const seen = new Map<string, number>()
  for (const r of rows) {
    if (r.kind !== 'task') continue
    const base = computeDiffKey(r)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    out.set(n === 1 ? base : `${base}#${n}`, r)
  }
  return out
}

/**
 * Compares two versions task by task: tasks whose status, progress, completion date, achieved value
 * or evidence changed, and tasks added or removed. Group, section and heading rows are ignored.
 * @example computeRowDiff(version1.tasks, version2.tasks).changed[0].changes // [{ field: 'progress', … }]
 */
export function computeRowDiff(before: DiffRow[], after: DiffRow[]): RowDiff {
  const a = indexRows(before)
  const b = indexRows(after)
  const diff: RowDiff = { added: [], removed: [], changed: [], unchanged: 0 }
  for (const [key, old] of a) {
    const now = b.get(key)
    if (!now) {
      diff.removed.push(old)
      continue
    }
    const changes: FieldChange[] = []
    for (const field of diffFields) {
      const x = readValue(old, field)
      const y = readValue(now, field)
      if (x !== y) changes.push({ field, before: x, after: y })
    }
    if (changes.length === 0) diff.unchanged++
    else
      diff.changed.push({
        key,
        stt: now.stt,
        content: now.content,
        beforeRow: old.row,
        afterRow: now.row,
        changes,
      })
  }
  for (const [key, row] of b) if (!a.has(key)) diff.added.push(row)
  return diff
}
