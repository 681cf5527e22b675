import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsePeriod } from '../../../../core/index.ts'
import { createApp } from '../../../../server/http/app.ts'
import { readCatalog } from '../../../../server/province/catalog.ts'
import { seedStore } from '../../../../server/http/serve.ts'
import {
  computeTokenPath,
  createAuthClient,
  createServiceAuthClient,
  createSheetsApi,
  writeCachedLogin,
} from '../../../../server/sheets/auth.ts'
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
  it('registers a sheet per agency: the admin registers, an agency asks and waits, a real Sheets link only', async () => {
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
    const mine = `https://docs.google.com/spreadsheets/u/0/d/${sheetId(0)}/edit?usp=sharing#gid=0`
    const asked = await put('so-noi-vu', mine, own)
    expect(asked.status).toBe(202)
    expect(await asked.json()).toEqual({
      agency: 'so-noi-vu',
      sheet: expect.objectContaining({
        url: `https://docs.google.com/spreadsheets/d/${sheetId(0)}/edit#gid=0`,
      }) as unknown,
      request: {
        url: `https://docs.google.com/spreadsheets/d/${sheetId(0)}/edit#gid=0`,
        requestedAt: now.toISOString(),
        requestedBy: expect.stringMatching(/^agency:so-noi-vu:/) as unknown,
      },
    })
    const bad = await put('so-noi-vu', 'https://example.com/bang-tinh', own)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { code: 'sheets/invalid-url' } })
    const discarded = await app.request('/api/agencies/so-noi-vu/sheet/request', {
      method: 'DELETE',
      headers: own,
    })
    expect(discarded.status).toBe(204)
    expect(store.listSheetRequests()).toEqual([])
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

describe("only an admin decides which spreadsheet is an agency's", () => {
  const bookA = '1SoNoiVuBaoCaoQuyIIIabcdefghij'
  const bookB = '1SoTuPhapBaoCaoQuyIIIabcdefghi'

  async function setUp() {
    const s = createStore(':memory:')
    const { adminToken } = seedStore(s, catalog, now)
    const par = await readFakeSheets(await buildFilledWorkbook('dak-lak-2026-par-sipas'))
    const books = [
      createSpreadsheetFromSpecs(bookA, 'Sở Nội vụ', par),
      createSpreadsheetFromWorkbook(bookB, 'Sở Tư pháp', createProblemWorkbook(3)),
    ]
    const sheets = await startFakeSheets({
      books,
      tokens: { [serviceToken]: 'pull@cchc.iam.gserviceaccount.com' },
    })
    const api = createApp({
      store: s,
      catalog,
      now: () => now,
      sheetsPull: {
        createApi: async () =>
          createSheetsApi(await createAuthClient({ CCHC_GOOGLE_ACCESS_TOKEN: serviceToken }), {
            CCHC_SHEETS_API_URL: sheets.url,
          }),
        sleep: async () => {},
      },
    })
    const send = (id: string, url: string | null, headers: Record<string, string>) =>
      api.request(`/api/agencies/${id}/sheet`, {
        method: 'PUT',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ url }),
      })
    const pull = async () => {
      const admin = bearer(adminToken!)
      expect(
        (await api.request('/api/sheets/pull?period=2026-Q3', { method: 'POST', headers: admin }))
          .status,
      ).toBe(202)
      for (let i = 0; i < 500; i++) {
        const state = (
          (await (await api.request('/api/sheets/pull', { headers: admin })).json()) as {
            pull: PullState
          }
        ).pull
        if (state.finishedAt) return state
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      throw new Error('the pull did not finish')
    }
    return { s, api, send, pull, sheets, admin: bearer(adminToken!) }
  }

  it("refuses a second agency registering another agency's spreadsheet, so a pull never reads it as its own", async () => {
    const { s, send, pull, sheets, admin } = await setUp()
    try {
      const a = `https://docs.google.com/spreadsheets/d/${bookA}/edit#gid=0`
      expect((await send('so-noi-vu', a, admin)).status).toBe(200)
      const other = bearer(s.addToken('so-tu-phap', now.toISOString()).token)
      // The other agency cannot ask for it, and the admin cannot give it a second owner either.
      for (const headers of [other, admin]) {
        const taken = await send('so-tu-phap', a, headers)
        expect(taken.status).toBe(409)
        expect(await taken.json()).toMatchObject({
          error: { code: 'sheets/taken', message: expect.stringContaining('cơ quan khác') },
        })
      }
      expect(s.getSheet('so-tu-phap')).toBeNull()
      const done = await pull()
      expect(done.outcomes).toEqual([expect.objectContaining({ agencyId: 'so-noi-vu', ok: true })])
      expect(s.listSubmissions({ agencyId: 'so-tu-phap' })).toEqual([])
      expect(
        s
          .listSecurityEvents()
          .filter((e) => e.event.startsWith('sheet.'))
          .map((e) => e.event),
      ).toEqual(['sheet.set'])
    } finally {
      await sheets.close()
      s.close()
    }
  })

  it("keeps an agency's change waiting until an admin approves it; pulls read the approved sheet only", async () => {
    const { s, api, send, pull, sheets, admin } = await setUp()
    try {
      const own = bearer(s.addToken('so-tu-phap', now.toISOString()).token)
      const b = `https://docs.google.com/spreadsheets/d/${bookB}/edit`
      expect((await send('so-tu-phap', b, own)).status).toBe(202)
      expect(s.getSheet('so-tu-phap')).toBeNull()
      const listed = (await (await api.request('/api/sheets', { headers: admin })).json()) as {
        requests: unknown[]
      }
      expect(listed.requests).toEqual([
        {
          agencyId: 'so-tu-phap',
          url: b,
          requestedAt: now.toISOString(),
          requestedBy: expect.stringMatching(/^agency:so-tu-phap:/) as unknown,
        },
      ])
      expect((await pull()).outcomes).toEqual([])
      // An agency cannot approve its own change.
      const approve = (headers: Record<string, string>) =>
        api.request('/api/agencies/so-tu-phap/sheet/approve', { method: 'POST', headers })
      expect((await approve(own)).status).toBe(403)
      const approved = await approve(admin)
      expect(approved.status).toBe(200)
      expect(await approved.json()).toMatchObject({
        agency: 'so-tu-phap',
        sheet: { url: b },
        request: null,
      })
      expect((await approve(admin)).status).toBe(404)
      expect((await pull()).outcomes).toEqual([
        expect.objectContaining({ agencyId: 'so-tu-phap', ok: true }),
      ])
      // Removing the sheet is a change too: it waits.
      expect((await send('so-tu-phap', null, own)).status).toBe(202)
      expect(s.getSheet('so-tu-phap')).toMatchObject({ url: b })
      expect(
        s
          .listSecurityEvents()
          .filter((e) => e.event.startsWith('sheet.'))
          .map((e) => e.event),
      ).toEqual(['sheet.requested', 'sheet.approved', 'sheet.requested'])
    } finally {
      await sheets.close()
      s.close()
    }
  })

  it('stores only Google Sheets links, rebuilt from the spreadsheet id (no javascript:, no other host)', async () => {
    const { s, send, sheets, admin } = await setUp()
    try {
      for (const url of [
        `javascript://docs.google.com/spreadsheets/d/${bookA}/edit`,
        `http://169.254.169.254/spreadsheets/d/${bookA}/edit`,
        `https://docs.google.com.evil.example/spreadsheets/d/${bookA}/edit`,
        `https://user@docs.google.com/spreadsheets/d/${bookA}/edit`,
        `https://docs.google.com:8443/spreadsheets/d/${bookA}/edit`,
        `https://docs.google.com/document/d/${bookA}/edit`,
      ]) {
        const refused = await send('so-noi-vu', url, admin)
        expect({ url, status: refused.status }).toEqual({ url, status: 400 })
      }
      expect(s.getSheet('so-noi-vu')).toBeNull()
      const typed = `https://docs.google.com/spreadsheets/d/${bookA}/edit?usp=sharing&x="><b>#gid=5`
      expect((await send('so-noi-vu', typed, admin)).status).toBe(200)
      expect(s.getSheet('so-noi-vu')!.url).toBe(
        `https://docs.google.com/spreadsheets/d/${bookA}/edit#gid=5`,
      )
      expect((await send('so-tu-phap', bookB, admin)).status).toBe(200)
      expect(s.getSheet('so-tu-phap')!.url).toBe(
        `https://docs.google.com/spreadsheets/d/${bookB}/edit`,
      )
    } finally {
      await sheets.close()
      s.close()
    }
  })

  it("never pulls with a person's cached Google login: without the service's own credentials, 503", async () => {
    const config = mkdtempSync(join(tmpdir(), 'cchc-config-'))
    await writeCachedLogin(computeTokenPath({ CCHC_CONFIG_DIR: config }), {
      type: 'authorized_user',
      client_id: 'desktop.apps.googleusercontent.com',
      client_secret: 'secret',
      refresh_token: '1//person-refresh-token',
    })
    const saved = { ...process.env }
    delete process.env.CCHC_GOOGLE_ACCESS_TOKEN
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS
    process.env.CCHC_CONFIG_DIR = config
    const s = createStore(':memory:')
    try {
      const { adminToken } = seedStore(s, catalog, now)
      // The CLI may use the person's login; the service may not.
      await expect(createAuthClient(process.env)).resolves.toBeDefined()
      expect(() => createServiceAuthClient(process.env)).toThrow(
        expect.objectContaining({ code: 'sheets/not-configured' }),
      )
      const api = createApp({ store: s, catalog, now: () => now })
      const res = await api.request('/api/sheets/pull?period=2026-Q3', {
        method: 'POST',
        headers: bearer(adminToken!),
      })
      expect(res.status).toBe(503)
      expect(await res.json()).toMatchObject({ error: { code: 'sheets/not-configured' } })
    } finally {
      process.env = saved
      s.close()
      rmSync(config, { recursive: true, force: true })
    }
  })
})
