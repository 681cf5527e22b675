import type { ScoringProfile } from '../../core/index.ts'
import type { Catalog, PlanVersion } from '../province/catalog.ts'
import type { PlanDefinition } from '../province/config.ts'

/**
 * What a check needs of the catalog (registry, profiles, and the plans' versions to check reports
 * against the one in force), as a job carries it to its worker: serialized once per change of the
 * plans by the service, a string crosses to the worker as a plain copy, and the worker keeps the
 * catalog it last read, so each job reuses the same registry (and core's index of its names) instead
 * of rebuilding them. The plans' doubts stay behind.
 */
export function serializeCatalogPart(catalog: Catalog): string {
  const lean = (plan: PlanDefinition) => ({ ...plan, doubts: undefined })
  return JSON.stringify({
    registry: catalog.registry,
    profiles: [...catalog.profiles],
    plans: [...catalog.plans].map(([id, plan]) => [id, lean(plan)]),
    versions: [...(catalog.versions ?? [])].map(([id, list]) => [
      id,
      list.map((v) => ({ ...v, definition: lean(v.definition) })),
    ]),
    revision: catalog.revision ?? 0,
  })
}

let lastCatalog: { json: string; catalog: Catalog } | null = null

/** The catalog a job carries (serializeCatalogPart's JSON), read once per change of it in this worker. */
export function readCatalogPart(json: string): Catalog {
  if (lastCatalog?.json !== json) {
    const part = JSON.parse(json) as {
      registry: Catalog['registry']
      profiles: [string, ScoringProfile][]
      plans?: [string, PlanDefinition][]
      versions?: [string, PlanVersion[]][]
      revision?: number
    }
    lastCatalog = {
      json,
      catalog: {
        registry: part.registry,
        profiles: new Map(part.profiles),
        plans: new Map(part.plans ?? []),
        versions: new Map(part.versions ?? []),
        revision: part.revision ?? 0,
      },
    }
  }
  return lastCatalog.catalog
}

/**
 * The catalog's part as the service hands it to its workers, serialized again only when the plans
 * change (`refresh` first brings the catalog up to the plans in force, as the plan book does).
 */
export function createCatalogPartCache(catalog: Catalog, refresh?: () => void): () => string {
  let part = { revision: -1, json: '' }
  return () => {
    refresh?.()
    const revision = catalog.revision ?? 0
    if (part.revision !== revision) part = { revision, json: serializeCatalogPart(catalog) }
    return part.json
  }
}
