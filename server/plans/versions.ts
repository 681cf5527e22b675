import {
  computePlanChanges,
  formatVietnameseDate,
  type IsoDate,
  type PlanChange,
  type PlanInForce,
  type RemovedTask,
} from '../../core/index.ts'
import type { Catalog, PlanVersion } from '../province/catalog.ts'
import type { PlanDefinition } from '../province/config.ts'

// Which version of a plan is in force on a day. A plan shipped in templates/ without published
// versions is its own first version, in force from the start of its year.

/** The day a plan's first version takes effect unless it says otherwise: the first day of its year. */
export function computeDefaultStart(plan: PlanDefinition): IsoDate {
  return plan.effectiveFrom ?? `${plan.year}-01-01`
}

/** A shipped plan as its first version. */
export function createShippedVersion(plan: PlanDefinition): PlanVersion {
  return {
    planId: plan.id,
    version: plan.version ?? 1,
    year: plan.year,
    effectiveFrom: computeDefaultStart(plan),
    publishedAt: null,
    publishedBy: null,
    changes: plan.changes ?? [],
    definition: plan,
  }
}

/** Every version of a plan, oldest first: the published ones, else the shipped plan as version 1. */
export function listVersions(catalog: Catalog, planId: string): PlanVersion[] {
  const published = catalog.versions?.get(planId)
  if (published?.length) return published
  const shipped = catalog.plans.get(planId)
  return shipped ? [createShippedVersion(shipped)] : []
}

/** The label messages give a version: "2 (45/QĐ-UBND ngày 01/07/2026)". */
export function formatVersionLabel(version: PlanVersion): string {
  const doc = version.definition.document
  const parts = [doc?.number, doc?.date ? `ngày ${formatVietnameseDate(doc.date)}` : null].filter(
    Boolean,
  )
  return parts.length ? `${version.version} (${parts.join(' ')})` : String(version.version)
}

/** The version in force on a day: the last that took effect by then (the first, before any did). */
export function findVersionInForce(versions: PlanVersion[], date: IsoDate): PlanVersion | null {
  let found: PlanVersion | null = versions[0] ?? null
  for (const v of versions) if (v.effectiveFrom <= date) found = v
  return found
}

/**
 * A plan as a report dated `date` is checked against: the version in force, with the tasks the
 * amendments up to it removed (and not restored) and added.
 */
export function findPlanInForce(
  catalog: Catalog,
  planId: string,
  date: IsoDate,
): PlanInForce | null {
  const versions = listVersions(catalog, planId)
  const current = findVersionInForce(versions, date)
  if (!current) return null
  const removed = new Map<string, RemovedTask>()
  const added = new Set<string>()
  for (const v of versions) {
    if (v.version > current.version) break
    if (v === versions[0]) continue
    for (const c of v.changes) {
      if (c.kind === 'removed')
        removed.set(c.task, {
          key: c.task,
          content: c.content,
          date: v.effectiveFrom,
          document: v.definition.document?.number ?? null,
        })
      if (c.kind === 'added') {
        added.add(c.task)
        removed.delete(c.task)
      }
    }
  }
  return {
    planId,
    version: current.version,
    effectiveFrom: current.effectiveFrom,
    year: current.year,
    label: formatVersionLabel(current),
    rows: current.definition.rows,
    removed: [...removed.values()],
    added: [...added],
  }
}

/** What a new definition changes against the plan's latest version (none for a new plan). */
export function computeChangesAgainst(
  catalog: Catalog,
  plan: PlanDefinition,
): { previous: PlanVersion | null; changes: PlanChange[] } {
  const versions = listVersions(catalog, plan.id)
  const previous = versions[versions.length - 1] ?? null
  return {
    previous,
    changes: previous ? computePlanChanges(previous.definition.rows, plan.rows) : [],
  }
}
