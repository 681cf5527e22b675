import { describe, expect, it } from 'vitest'
import { parsePeriod } from '../../../core/index.ts'
import { readCatalog } from '../../../server/province/catalog.ts'
import { computeCrossChecks, readPlanRoles } from '../../../server/consolidation/crosscheck.ts'
import { seedDemoSubmissions } from '../../../server/demo/province.ts'
import { seedStore } from '../../../server/http/serve.ts'
import { readConsolidatedInput, readStatus } from '../../../server/consolidation/period-status.ts'
import { createStore } from '../../../server/store/index.ts'
import { createIntake, defaultQuotas } from '../../../server/intake/receive.ts'
import { useSharedParsePool } from '../../../server/jobs/parse-pool.ts'

describe('the demo province of npm start', () => {
  it('opens on the whole registry with a year of reports, second versions and cross-checks', async () => {
    const store = createStore(':memory:')
    const catalog = await readCatalog()
    const now = new Date('2026-09-20T03:00:00Z')
    seedStore(store, catalog, now)
    const started = Date.now()
    const intake = createIntake({
      store,
      catalog,
      parsePool: useSharedParsePool(),
      quotas: defaultQuotas,
      now: () => now,
    })
    const count = await seedDemoSubmissions(intake, store, catalog, now)
    // A sanity bound: the demo must not make `npm start` wait long (about 5–9 s on a busy 2-core machine).
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(count).toBeGreaterThan(100)
    expect(await seedDemoSubmissions(intake, store, catalog, now)).toBe(0)
    const q3 = readStatus(store, parsePeriod('2026-Q3')!)
    expect(q3.agencies.length).toBeGreaterThanOrEqual(120)
    expect(q3.agencies.filter((a) => a.submitted)).toHaveLength(32)
    expect(q3.agencies.filter((a) => (a.version ?? 0) === 2).length).toBeGreaterThan(5)
    // Agencies differ, so the cross-checks have something to show.
    const input = readConsolidatedInput(store, parsePeriod('2026-Q3')!, now, catalog)
    expect(computeCrossChecks(input, readPlanRoles(catalog)).length).toBeGreaterThan(0)
    expect(input.trends!.province.points.map((p) => p.submitted)).toEqual([40, 40, 32, 0])
    store.close()
  })
})
