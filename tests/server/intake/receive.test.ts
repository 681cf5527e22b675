import { afterAll, describe, expect, it } from 'vitest'
import { parsePeriod } from '../../../core/index.ts'
import { seedDemoSubmissions } from '../../../server/demo/province.ts'
import { createApp } from '../../../server/http/app.ts'
import { seedStore } from '../../../server/http/serve.ts'
import { createIntake, defaultQuotas, type Quotas } from '../../../server/intake/receive.ts'
import type { ParseJob } from '../../../server/jobs/parse-jobs.ts'
import { createParsePool } from '../../../server/jobs/parse-pool.ts'
import type { WorkerPool } from '../../../server/jobs/worker-pool.ts'
import { readCatalog } from '../../../server/province/catalog.ts'
import { pullSheets } from '../../../server/sheets/pull.ts'
import { createStore } from '../../../server/store/index.ts'
import { createAuthClient, createSheetsApi } from '../../../server/sheets/auth.ts'
import { createProblemWorkbook } from '../../helpers/fake-annex.ts'
import { createSpreadsheetFromWorkbook } from '../../helpers/fake-sheets/from-grid.ts'
import { startFakeSheets } from '../../helpers/fake-sheets/server.ts'
import { createPlanGrid } from '../../helpers/grid.ts'
import { bearer, buildFilledWorkbook, createUpload } from '../../helpers/service.ts'

// Every way a report arrives goes through one intake: parsed in a worker (never on the thread that
// answers), under the agency's quota, and recorded in the audit log.

const pool = createParsePool({ size: 1 })
afterAll(() => pool.close())

/** The shared pool, counting the jobs it is given (the proof that parsing left this thread). */
function countingPool(): WorkerPool & { jobs: string[] } {
  const jobs: string[] = []
  return {
    ...pool,
    run: <T>(job: unknown) => (jobs.push((job as ParseJob).kind), pool.run<T>(job)),
    jobs,
  }
}

async function setUp(quotas: Partial<Quotas> = {}) {
  const store = createStore(':memory:')
  const catalog = await readCatalog()
  const now = new Date('2026-09-15T03:00:00Z')
  const { adminToken } = seedStore(store, catalog, now)
  const parsePool = countingPool()
  const intake = createIntake({
    store,
    catalog,
    parsePool,
    quotas: { ...defaultQuotas, ...quotas },
    now: () => now,
  })
  const app = createApp({ store, catalog, now: () => now, parsePool, intake })
  const token = store.addToken('so-noi-vu', now.toISOString()).token
  return { store, catalog, now, parsePool, intake, app, token, adminToken: adminToken! }
}

const events = (store: ReturnType<typeof createStore>, event: string) =>
  store.listSecurityEvents(100).filter((e) => e.event === event)

describe('one intake for every arrival', () => {
  it('an uploaded workbook: parsed in a worker, stored, then refused over the quota', async () => {
    const { app, token, parsePool, store } = await setUp({ versionsPerHour: 1 })
    const send = async (plan: string) =>
      app.request('/api/submissions', {
        method: 'POST',
        headers: bearer(token),
        body: createUpload(await buildFilledWorkbook(plan), {
          period: '2026-Q3',
        }),
      })
    expect((await send('dak-lak-2026-par-sipas')).status).toBe(201)
    expect(parsePool.jobs).toEqual(['upload'])
    const refused = await send('dak-lak-2026-ke-hoach-cchc')
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ error: { code: 'quota/versions' } })
    // Refused before parsing: the worker was not asked again.
    expect(parsePool.jobs).toEqual(['upload'])
    expect(events(store, 'submission.stored')).toHaveLength(1)
    expect(events(store, 'quota.refused')).toHaveLength(1)
  })

  it("the add-ins' JSON table: envelope and table read in a worker, then the quota applies", async () => {
    const { app, token, parsePool, store } = await setUp({ versionsPerHour: 1 })
    const send = (note: string) =>
      app.request('/api/submissions', {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({
          period: '2026-Q3',
          table: createPlanGrid([[1, note, 'Sở Nội vụ', '', 'Quý III/2026', 'Đang thực hiện']]),
        }),
      })
    expect((await send('một')).status).toBe(201)
    const refused = await send('hai')
    expect(refused.status).toBe(429)
    expect(parsePool.jobs).toEqual(['table', 'table'])
    expect(store.listSubmissions({ period: '2026-Q3', agencyId: 'so-noi-vu' })).toHaveLength(1)
  })

  it('a pulled Google Sheet: parsed in a worker and refused over the quota like an upload', async () => {
    const { store, intake, parsePool, now } = await setUp({ versionsPerHour: 0 })
    const id = '1PulledSheetAbcdefghijKLMNO'
    const fake = await startFakeSheets({
      books: [createSpreadsheetFromWorkbook(id, 'Báo cáo', createProblemWorkbook(1))],
      tokens: { 'ya29.service': 'pull@cchc.iam.gserviceaccount.com' },
    })
    try {
      store.setSheet(
        'so-noi-vu',
        `https://docs.google.com/spreadsheets/d/${id}/edit`,
        now.toISOString(),
      )
      const api = createSheetsApi(
        await createAuthClient({ CCHC_GOOGLE_ACCESS_TOKEN: 'ya29.service' }),
        { CCHC_SHEETS_API_URL: fake.url },
      )
      const outcomes = await pullSheets(
        { store, intake, api, now: () => now, sleep: async () => {} },
        parsePeriod('2026-Q3')!,
      )
      expect(outcomes).toEqual([
        expect.objectContaining({
          agencyId: 'so-noi-vu',
          ok: false,
          error: expect.objectContaining({ code: 'quota/versions' }),
        }),
      ])
      expect(parsePool.jobs).toEqual(['table'])
    } finally {
      await fake.close()
    }
  })

  it('the demo province: every sample report is parsed in a worker and counted by the quota', async () => {
    const { store, catalog, intake, parsePool } = await setUp()
    const count = await seedDemoSubmissions(
      intake,
      store,
      catalog,
      new Date('2026-09-20T03:00:00Z'),
    )
    expect(parsePool.jobs).toHaveLength(count)
    expect(new Set(parsePool.jobs)).toEqual(new Set(['table']))
    const strict = await setUp({ bytesPerPeriod: 1_000 })
    await expect(
      seedDemoSubmissions(
        strict.intake,
        strict.store,
        strict.catalog,
        new Date('2026-09-20T03:00:00Z'),
      ),
    ).rejects.toMatchObject({ code: 'quota/bytes' })
  })
})
