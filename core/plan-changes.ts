import { fieldKeys, fieldSpecs, type FieldKey } from './fields.ts'
import type { PlanRow } from './plan-draft.ts'
import { parseStt } from './stt.ts'
import { squeezeSpaces } from './text.ts'

export const planChangeKinds = ['added', 'removed', 'changed'] as const
export type PlanChangeKind = (typeof planChangeKinds)[number]

/** What an amendment changed in one task against the version before it. */
export type PlanChange = {
  kind: PlanChangeKind
  /** The task's number, section-qualified where sections restart the numbering ("I.1.3"). */
  task: string
  content: string
  /** The plan columns whose text changed, with their text before (for `changed`). */
  fields?: FieldKey[]
  before?: Partial<Record<FieldKey, string>>
}

/** A task of a plan: its key (section-qualified number), its place and its row. */
export type PlanTask = { key: string; section: string | null; stt: string; row: PlanRow }

const planFields = fieldKeys.filter((f) => fieldSpecs[f].role === 'plan' && f !== 'stt')

/** The key a task is known by across versions and reports: "I.1.3", or "12" without sections. */
export function computePlanTaskKey(section: string | null, stt: string): string {
  return section ? `${section}.${stt}` : stt
}

/**
 * The tasks of a plan's rows, in order: rows read as tasks, or, in a plan written by hand without a
 * reading, numbered rows that no later row numbers as their child.
 */
export function listPlanTasks(rows: PlanRow[]): PlanTask[] {
  const tasks: PlanTask[] = []
  let section: string | null = null
  rows.forEach((row, i) => {
    const stt = row.stt ? parseStt(row.stt) : null
    if (row.read) {
      if (row.read.kind === 'task' && stt && stt.kind !== 'section')
        tasks.push({
          key: computePlanTaskKey(row.read.section, stt.code),
          section: row.read.section,
          stt: stt.code,
          row,
        })
      return
    }
    if (stt?.kind === 'section') section = stt.code
    if (stt?.kind !== 'numbered') return
    const next = rows.slice(i + 1).find((r) => r.stt && parseStt(r.stt)?.kind === 'numbered')
    const nextCode = next?.stt ? parseStt(next.stt)?.code : undefined
    if (nextCode?.startsWith(`${stt.code}.`)) return
    tasks.push({ key: computePlanTaskKey(section, stt.code), section, stt: stt.code, row })
  })
  return tasks
}

const same = (a: string | undefined, b: string | undefined) =>
  squeezeSpaces(a ?? '') === squeezeSpaces(b ?? '')

/**
 * What a new version of a plan changes against the previous one, task by task: tasks added, tasks
 * removed, and tasks whose plan columns (content, product, agencies, deadline …) were reworded.
 */
export function computePlanChanges(before: PlanRow[], after: PlanRow[]): PlanChange[] {
  const old = new Map(listPlanTasks(before).map((t) => [t.key, t]))
  const changes: PlanChange[] = []
  const content = (r: PlanRow) => r.content ?? r.criterion ?? ''
  for (const task of listPlanTasks(after)) {
    const previous = old.get(task.key)
    if (!previous) {
      changes.push({ kind: 'added', task: task.key, content: content(task.row) })
      continue
    }
    old.delete(task.key)
    const fields = planFields.filter((f) => !same(previous.row[f], task.row[f]))
    if (!fields.length) continue
    const was: Partial<Record<FieldKey, string>> = {}
    for (const f of fields) was[f] = previous.row[f] ?? ''
    changes.push({
      kind: 'changed',
      task: task.key,
      content: content(task.row),
      fields,
      before: was,
    })
  }
  for (const task of old.values())
    changes.push({ kind: 'removed', task: task.key, content: content(task.row) })
  return changes
}
