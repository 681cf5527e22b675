import {
  checkReportAgainstPlan,
  type IsoDate,
  type Report,
  type TemplateMeta,
} from '../../core/index.ts'
import type { Catalog } from '../province/catalog.ts'
import { selectUnitRows } from './unit-rows.ts'
import { findPlanInForce, findVersionInForce, listVersions } from './versions.ts'

const unitKeys = new Map<string, Set<string>>()

/** The tasks a unit's template of a plan version holds (computed once per version and unit). */
function readUnitKeys(catalog: Catalog, planId: string, asOf: IsoDate, agencyId: string) {
  const version = findVersionInForce(listVersions(catalog, planId), asOf)
  if (!version) return null
  const key = `${planId}|${version.version}|${agencyId}|${catalog.revision ?? 0}`
  let keys = unitKeys.get(key)
  if (!keys) {
    if (unitKeys.size > 2_000) unitKeys.clear()
    keys = selectUnitRows(version.definition, catalog.registry, agencyId).keys
    unitKeys.set(key, keys)
  }
  return keys
}

/**
 * Checks a report against the version of its plan (the template's hidden plan id) in force on the
 * report's date; a unit's template is also checked for the tasks it must report. A table without a
 * known plan comes back unchanged.
 */
export function applyPlanInForce(
  report: Report,
  meta: TemplateMeta | null | undefined,
  asOf: IsoDate,
  catalog: Catalog,
): Report {
  const planId = meta?.planId
  if (!planId) return report
  const plan = findPlanInForce(catalog, planId, asOf)
  if (!plan) return report
  const expected = meta.agency ? readUnitKeys(catalog, planId, asOf, meta.agency) : null
  return checkReportAgainstPlan(report, plan, { expected })
}
