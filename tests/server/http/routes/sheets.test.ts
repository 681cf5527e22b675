import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsePeriod } from '../../../../core/index.ts'
import { createApp } from '../../../../server/http/app.ts'
import { readCatalog } from '../../../../server/province/catalog.ts'
import { seedStore } from '../../../../server/http/serve.ts'
import { createAuthClient, createSheetsApi } from '../../../../server/sheets/auth.ts'
import type { PullState } from '../../../../server/http/routes/sheets.ts'
import type { AgencyStatus } from '../../../../server/consolidation/period-status.ts'
import { readConsolidatedInput } from '../../../../server/consolidation/period-status.ts'
import { createStore } from '../../../../server/store/index.ts'
import { createProblemWorkbook } from '../../../helpers/fake-annex.ts'
import { readFakeSheets } from '../../../helpers/fake-from-xlsx.ts'
import {
  createSpreadsheetFromSpecs,
  createSpreadsheetFromWorkbook,
} from '../../../helpers/fake-sheets/from-grid.ts'
import { startFakeSheets, type FakeSheets } from '../../../helpers/fake-sheets/server.ts'
import { bearer, buildFilledWorkbook } from '../../../helpers/service.ts'

const dir = mkdtempSync(join(tmpdir(), 'cchc-pull-'))
const store = createStore(join(dir, 'cchc.sqlite'))
const catalog = await readCatalog()
const now = new Date('2026-09-15T03:00:00Z')
const { adminToken } = seedStore(store, catalog, now)
const admin = bearer(adminToken!)
// Simulated time: the pull's pacing and the fake's per-minute quota run on the same clock.
const clock = { ms: 0 }
let fake: FakeSheets
const serviceToken = 'ya29.service-account'
const app = createApp({
  store,
  catalog,
  now: () => now,
  sheetsPull: {
    createApi: async () =>
      createSheetsApi(await createAuthClient({ CCHC_GOOGLE_ACCESS_TOKEN: serviceToken }), {
        CCHC_SHEETS_API_URL: fake.url,
      }),
    sleep: async (ms) => void (clock.ms += ms),
  },
})
const sheetId = (i: number) => `1AgencySheet${String(i).padStart(4, '0')}abcdefghijKLM`

beforeAll(async () => {
  const par = await readFakeSheets(await buildFilledWorkbook('dak-lak-2026-par-sipas'))
  const books = Array.from({ length: 125 }, (_, i) =>
    i % 25 === 0
      ? createSpreadsheetFromSpecs(sheetId(i), `Báo cáo ${i}`, par)
      : createSpreadsheetFromWorkbook(sheetId(i), `Báo cáo ${i}`, createProblemWorkbook(i % 7)),
  )
  // One agency's sheet was deleted: its pull fails, nothing is stored for it.
  books.splice(77, 1)
  fake = await startFakeSheets({
    books,
    tokens: { [serviceToken]: 'pull@cchc.iam.gserviceaccount.com' },
    clock: () => clock.ms,
  })
  for (let i = store.listAgencies().length; i < 125; i++)
    store.addAgency({ id: `xa-${i}`, name: `UBND xã số ${i}`, kind: 'xa' }, now.toISOString())
})
afterAll(async () => {
  await fake.close()
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

function put(id: string, url: string | null, headers = admin) {
  return app.request(`/api/agencies/${id}/sheet`, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ url }),
  })
}

describe("the sync service pulls agencies' Google Sheets", () => {
  it('registers a sheet per agency: admin or the agency itself, a real Sheets link only', async () => {
    const agencies = store.listAgencies()
    expect(agencies.length).toBe(125)
    for (const [i, a] of agencies.entries()) {
      const response = await put(
        a.id,
        `https://docs.google.com/spreadsheets/d/${sheetId(i)}/edit#gid=0`,
      )
      expect(response.status).toBe(200)
    }
    const own = bearer(store.addToken('so-noi-vu', now.toISOString()).token)
    expect((await put('so-tu-phap', null, own)).status).toBe(403)
    const mine = `https://docs.google.com/spreadsheets/d/${sheetId(0)}/edit`
    expect((await put('so-noi-vu', mine, own)).status).toBe(200)
    const bad = await put('so-noi-vu', 'https://example.com/bang-tinh', own)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { code: 'sheets/invalid-url' } })
  })

  it('pulls all 125 sheets under the per-user quota, storing each like an upload and reporting the one failure', async () => {
    fake.failNext(429, 503)
    const started = await app.request('/api/sheets/pull?period=2026-Q3', {
      method: 'POST',
      headers: admin,
    })
    expect(started.status).toBe(202)
    expect(
      (await app.request('/api/sheets/pull?period=2026-Q3', { method: 'POST', headers: admin }))
        .status,
    ).toBe(409)
    let pull: PullState | null = null
    for (let i = 0; i < 2000 && !pull?.finishedAt; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      pull = (
        (await (await app.request('/api/sheets/pull', { headers: admin })).json()) as {
          pull: PullState
        }
      ).pull
    }
    expect(pull!.finishedAt).not.toBeNull()
    expect(pull!.outcomes.length).toBe(125)
    const failed = pull!.outcomes.filter((o) => !o.ok)
    expect(failed).toEqual([
      {
        agencyId: store.listAgencies()[77]!.id,
        ok: false,
        error: expect.objectContaining({ code: 'sheets/not-found' }) as unknown,
      },
    ])
    // Google allows 60 reads a minute per user; the pull stays under it and never meets a 429 of its own.
    expect(fake.peaks.read).toBeLessThanOrEqual(50)
    expect(fake.calls.filter((c) => c.status === 429).length).toBe(1)
    expect(fake.calls.every((c) => c.authorization === `Bearer ${serviceToken}`)).toBe(true)
    expect(clock.ms).toBeGreaterThan(124 * 1200)

    const status = (await (
      await app.request('/api/status?period=2026-Q3', { headers: admin })
    ).json()) as { agencies: AgencyStatus[] }
    const submitted = status.agencies.filter((a) => a.submitted)
    expect(submitted.length).toBe(124)
    expect(
      submitted.every(
        (a) => a.source === 'google-sheet' && a.sheet?.pulledAt === now.toISOString(),
      ),
    ).toBe(true)
    const missing = status.agencies.find((a) => !a.submitted)!
    expect(missing.sheet).toMatchObject({ pullPeriod: '2026-Q3', pullSubmissionId: null })
    expect(missing.sheet!.pullError).toMatch(/^Không mở được bảng tính/)
    const consolidated = readConsolidatedInput(store, parsePeriod('2026-Q3')!, now)
    expect(consolidated.submissions.length).toBe(124)
    const first = submitted[1]!
    const file = await app.request(`/api/submissions/${first.submissionId}/file`, {
      headers: admin,
    })
    const stored = (await file.json()) as {
      period: string
      table: { sheet: string }
      meta?: { planId: string }
    }
    expect(stored).toMatchObject({ period: '2026-Q3', table: { sheet: 'Báo cáo Q3' } })
    const par = submitted.find((a) => a.maxScore !== null)!
    expect(par.tasks).toBeGreaterThan(50)
  })
})
