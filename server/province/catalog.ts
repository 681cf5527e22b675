import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { AgencyRegistry, IsoDate, PlanChange, ScoringProfile } from '../../core/index.ts'
import {
  readPlan,
  readProfile,
  readProvinceSettings,
  readRegistry,
  type PlanDefinition,
  type ProvinceSettings,
} from './config.ts'
import { templatesDir } from '../paths.ts'

/** A published version of a plan: its definition, when it takes effect and what it changed. */
export type PlanVersion = {
  planId: string
  version: number
  year: number
  effectiveFrom: IsoDate
  publishedAt: string | null
  publishedBy: string | null
  changes: PlanChange[]
  definition: PlanDefinition
}

/**
 * What a province ships: its agency registry, its plans (the latest version of each) and the scoring
 * profile each plan uses; with a service, every published version of its plans (server/plans/book.ts),
 * and a revision counted up whenever they change.
 */
export type Catalog = {
  registry: AgencyRegistry
  plans: Map<string, PlanDefinition>
  profiles: Map<string, ScoringProfile>
  versions?: Map<string, PlanVersion[]>
  revision?: number
}

/** Reads the registry, plans and profiles of `templates/` (the Đắk Lắk 2026 demo province by default). */
export async function readCatalog(
  dir = templatesDir,
  registryFile = 'agencies/dak-lak-2026.json',
): Promise<Catalog> {
  const registry = await readRegistry(join(dir, registryFile))
  const plans = new Map<string, PlanDefinition>()
  const profiles = new Map<string, ScoringProfile>()
  for (const name of (await readdir(join(dir, 'plans')))
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const plan = await readPlan(join(dir, 'plans', name))
    plans.set(plan.id, plan)
    if (plan.profile) profiles.set(plan.id, await readProfile(resolve(dir, plan.profile)))
  }
  return { registry, plans, profiles }
}

/** The scoring profile for a plan id read from a template's hidden metadata, if the plan has one. */
export function findPlanProfile(
  catalog: Catalog,
  planId: string | null | undefined,
): ScoringProfile | null {
  return planId ? (catalog.profiles.get(planId) ?? null) : null
}

/**
 * The province's letter settings as shipped (templates/province/dak-lak.json), with the fields of the
 * service's own file over them when it has one (`CCHC_PROVINCE_SETTINGS`).
 */
export function readShippedSettings(overridePath?: string | null): Promise<ProvinceSettings> {
  return readProvinceSettings(join(templatesDir, 'province', 'dak-lak.json'), overridePath)
}
