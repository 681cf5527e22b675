import { createParsePool, runInWorker } from '../jobs/parse-pool.ts'
import type { WorkerPool } from '../jobs/worker-pool.ts'
import type { PlanDefinition } from '../province/config.ts'
import type { AgencyRegistry } from '../../core/index.ts'
import type { UnitTemplateRequest } from './units.ts'

// Units' templates are written by ExcelJS in a worker of their own: the .zip of a province's 121 units
// takes seconds of CPU, which the service's thread (and the parse workers' 20 s budget) must not pay.

/** The templates worker's bounds: one thread, time for a whole province's .zip. */
export const templateLimits = { timeoutMs: 120_000, memoryMb: 512 }

let pool: WorkerPool | null = null
const zips = new Map<string, { bytes: Uint8Array; count: number }>()

/** Builds one unit's template (null when it has no task), or the .zip of every unit's. */
export async function runUnitTemplates(
  request: UnitTemplateRequest,
): Promise<{ bytes: Uint8Array | null; count: number }> {
  pool ??= createParsePool({ size: 1, ...templateLimits })
  const key = request.single ? null : computeZipKey(request.plan, request.registry, request.period)
  const cached = key ? zips.get(key) : undefined
  if (cached) return cached
  const result = await runInWorker<{ bytes: Uint8Array | null; count: number }>(pool, {
    kind: 'plan-templates',
    request,
  })
  if (key && result.bytes) {
    // A few .zips are kept: the same plan version downloaded again is answered at once.
    if (zips.size >= 4) zips.delete(zips.keys().next().value!)
    zips.set(key, { bytes: result.bytes, count: result.count })
  }
  return result
}

function computeZipKey(plan: PlanDefinition, registry: AgencyRegistry, period: string | null) {
  return `${plan.id}|${plan.version ?? plan.templateVersion}|${period ?? ''}|${registry.agencies.length}`
}
