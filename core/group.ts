import type { TaskEntry } from './report.ts'
import type { TaskStatus } from './status.ts'
import type { RowKind } from './table.ts'

// A group row (1 over 1.1, 1.2; 1 over a), b)) lends its deadline to the items that have none, and
// takes its status from its items once they are all read.

/**
 * A group's status from its items' (README "Statuses"): any item overdue → overdue; every item done
 * → done (late when any was late); any unknown → unknown; any in progress, or some done and some
 * not → in progress; the rest all recurring → ongoing; all not started → not started.
 * @example computeGroupStatus(['done-on-time', 'overdue']) // 'overdue'
 */
export function computeGroupStatus(items: readonly TaskStatus[]): TaskStatus | null {
  if (!items.length) return null
  const has = (s: TaskStatus) => items.includes(s)
  if (has('overdue')) return 'overdue'
  const done = items.filter((s) => s === 'done-on-time' || s === 'done-late')
  if (done.length === items.length) return has('done-late') ? 'done-late' : 'done-on-time'
  if (has('unknown')) return 'unknown'
  if (has('in-progress') || done.length) return 'in-progress'
  if (items.every((s) => s === 'ongoing')) return 'ongoing'
  if (items.every((s) => s === 'not-started')) return 'not-started'
  return 'in-progress'
}

/**
 * Follows the outline while rows are read: which group a row belongs to (the nearest group above it
 * at a lower level, within its section), and at the end each group's status from its items'.
 */
export function createGroupTracker() {
  let open: TaskEntry[] = []
  const items = new Map<TaskEntry, TaskEntry[]>()
  return {
    /** The group a row of this kind and level belongs to, or null. */
    findParent(row: { kind: RowKind; level: number }): TaskEntry | null {
      if (row.kind === 'section') open = []
      if (row.kind !== 'task' && row.kind !== 'group') return null
      while (open.length && open[open.length - 1]!.level >= row.level) open.pop()
      return open[open.length - 1] ?? null
    },
    /** Records a row read, under its group. */
    add(entry: TaskEntry, parent: TaskEntry | null) {
      if (parent) items.set(parent, [...(items.get(parent) ?? []), entry])
      if (entry.kind === 'group') open.push(entry)
    },
    /** Gives every group the status its items have (inner groups first). */
    computeStatuses() {
      for (const group of [...items.keys()].reverse()) {
        const statuses = items.get(group)!.flatMap((i) => (i.status ? [i.status] : []))
        group.status = computeGroupStatus(statuses)
      }
    },
  }
}
