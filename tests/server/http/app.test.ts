import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { validateTable, type Report } from '../../../core/index.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { findPlanProfile } from '../../../server/province/catalog.ts'
import { readParSipasGrid } from '../../../scripts/seeds.ts'
import {
  bearer,
  buildFilledWorkbook,
  createTestService,
  createUpload,
} from '../../helpers/service.ts'
import { createBadWorkbooks } from '../../helpers/zip.ts'

type Json = Record<string, unknown> & { error?: { code: string; message: string } }

async function submit(
  app: Awaited<ReturnType<typeof createTestService>>['app'],
  token: string,
  fields: Record<string, string>,
  bytes?: Uint8Array,
) {
  const res = await app.request('/api/submissions', {
    method: 'POST',
    headers: bearer(token),
    body: createUpload(bytes ?? (await buildFilledWorkbook()), fields),
  })
  return { status: res.status, body: (await res.json()) as Json }
}

describe('sync service API', () => {
  it('answers /healthz without a token, and refuses /api without one or with a wrong one', async () => {
    const { app } = await createTestService()
    expect((await app.request('/healthz')).status).toBe(200)
    const missing = await app.request('/api/status')
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({
      error: { code: 'auth/missing', message: expect.stringContaining('Thiếu mã truy cập') },
    })
    const wrong = await app.request('/api/status', { headers: bearer('cchc_not-a-real-token') })
    expect(await wrong.json()).toMatchObject({ error: { code: 'auth/invalid' } })
  })

  it('stores an agency workbook with its report; a changed second upload becomes version 2 and counts', async () => {
    const { app, agencyToken, adminToken, catalog } = await createTestService()
    const token = agencyToken('so-noi-vu')
    const first = await submit(app, token, { period: '2026-Q3' })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ agency: 'so-noi-vu', period: '2026-Q3', version: 1 })
    const expected = await checkWorkbook(await buildFilledWorkbook(), {
      asOf: '2026-09-14',
      file: 'bao-cao.xlsx',
      registry: catalog.registry,
      profileFor: (id) => findPlanProfile(catalog, id),
    })
    expect((first.body.report as { summary: unknown }).summary).toEqual(expected.report.summary)
    // The identical file again is stored once: the answer names the version already kept.
    const again = await submit(app, token, { period: '2026-Q3' })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ id: first.body.id, version: 1, duplicate: true })
    const second = await submit(
      app,
      token,
      { period: '2026-Q3' },
      await buildFilledWorkbook('dak-lak-2026-par-sipas', '2026-09-10'),
    )
    expect(second.body).toMatchObject({ version: 2 })
    const status = (await (
      await app.request('/api/status?period=2026-Q3', { headers: bearer(adminToken) })
    ).json()) as {
      agencies: { id: string; submitted: boolean; version: number | null; tasks: number }[]
    }
    expect(status.agencies).toHaveLength(121)
    expect(status.agencies.find((a) => a.id === 'so-noi-vu')).toMatchObject({
      submitted: true,
      version: 2,
      tasks: 82,
    })
    expect(status.agencies.filter((a) => a.submitted)).toHaveLength(1)
    const list = (await (
      await app.request('/api/submissions?period=2026-Q3', { headers: bearer(token) })
    ).json()) as { submissions: unknown[] }
    expect(list.submissions).toHaveLength(2)
  })

  it('returns the original file unchanged', async () => {
    const { app, agencyToken } = await createTestService()
    const token = agencyToken('so-tu-phap')
    const { body } = await submit(app, token, { period: '2026-Q3' })
    const res = await app.request(`/api/submissions/${body.id}/file`, { headers: bearer(token) })
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(await buildFilledWorkbook()))
  })

  it('never lets an agency read or write another agency’s data', async () => {
    const { app, agencyToken, store } = await createTestService()
    const own = agencyToken('so-noi-vu')
    const other = agencyToken('so-tu-phap')
    const { body } = await submit(app, own, { period: '2026-Q3' })
    expect(
      (await submit(app, other, { period: '2026-Q3', agency: 'so-noi-vu' })).body,
    ).toMatchObject({ error: { code: 'auth/forbidden' } })
    expect(
      (await app.request(`/api/submissions/${body.id}`, { headers: bearer(other) })).status,
    ).toBe(404)
    expect(
      (await app.request(`/api/submissions/${body.id}/file`, { headers: bearer(other) })).status,
    ).toBe(404)
    expect(
      (await app.request('/api/submissions?agency=so-noi-vu', { headers: bearer(other) })).status,
    ).toBe(403)
    const status = (await (
      await app.request('/api/status?period=2026-Q3', { headers: bearer(other) })
    ).json()) as { agencies: { id: string }[] }
    expect(status.agencies.map((a) => a.id)).toEqual(['so-tu-phap'])
    for (const path of ['/api/agencies', '/api/consolidated.xlsx?period=2026-Q3']) {
      expect((await app.request(path, { headers: bearer(other) })).status).toBe(403)
    }
    expect(
      (
        await app.request('/api/agencies', {
          method: 'POST',
          headers: { ...bearer(other), 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(403)
    expect(store.countSubmissions()).toBe(1)
  })

  it('lets an admin submit on behalf of a named agency only', async () => {
    const { app, adminToken } = await createTestService()
    expect((await submit(app, adminToken, { period: '2026-Q3' })).body).toMatchObject({
      error: { code: 'agency/required' },
    })
    expect((await submit(app, adminToken, { period: '2026-Q3', agency: 'khong-co' })).status).toBe(
      404,
    )
    expect(
      (await submit(app, adminToken, { period: '2026-Q3', agency: 'so-tai-chinh' })).body,
    ).toMatchObject({ agency: 'so-tai-chinh', version: 1 })
  })

  it('manages agencies and tokens: add, duplicate, issue, revoke', async () => {
    const { app, adminToken } = await createTestService()
    const json = { ...bearer(adminToken), 'content-type': 'application/json' }
    const added = await app.request('/api/agencies', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ id: 'ban-qlda-tinh', name: 'Ban Quản lý dự án tỉnh', kind: 'other' }),
    })
    expect(added.status).toBe(201)
    expect(
      (
        await app.request('/api/agencies', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ id: 'ban-qlda-tinh', name: 'Trùng', kind: 'other' }),
        })
      ).status,
    ).toBe(409)
    expect(
      (
        await app.request('/api/agencies', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ id: 'X Y', name: '', kind: 'tinh' }),
        })
      ).status,
    ).toBe(400)
    const agencies = (await (
      await app.request('/api/agencies', { headers: bearer(adminToken) })
    ).json()) as { id: string }[]
    expect(agencies).toContainEqual({
      id: 'ban-qlda-tinh',
      name: 'Ban Quản lý dự án tỉnh',
      kind: 'other',
    })
    const issued = (await (
      await app.request('/api/agencies/ban-qlda-tinh/tokens', {
        method: 'POST',
        headers: bearer(adminToken),
      })
    ).json()) as { id: string; token: string }
    expect((await app.request('/api/me', { headers: bearer(issued.token) })).status).toBe(200)
    expect(
      (
        await app.request(`/api/tokens/${issued.id}`, {
          method: 'DELETE',
          headers: bearer(adminToken),
        })
      ).status,
    ).toBe(204)
    expect((await app.request('/api/me', { headers: bearer(issued.token) })).status).toBe(401)
    expect(
      (
        await app.request(`/api/tokens/${issued.id}`, {
          method: 'DELETE',
          headers: bearer(adminToken),
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await app.request('/api/agencies/khong-co/tokens', {
          method: 'POST',
          headers: bearer(adminToken),
        })
      ).status,
    ).toBe(404)
  })

  it('refuses every bad input of SPEC section 7 with a clear 4xx and stores nothing', async () => {
    const { app, agencyToken, store } = await createTestService({ bodyBytes: 8 * 1024 * 1024 })
    const token = agencyToken('so-noi-vu')
    const real = await buildFilledWorkbook()
    for (const bad of createBadWorkbooks(real)) {
      const { status, body } = await submit(app, token, { period: '2026-Q3' }, bad.bytes)
      expect({ name: bad.name, code: body.error?.code }).toEqual({
        name: bad.name,
        code: `workbook/${bad.code}`,
      })
      expect(status).toBeGreaterThanOrEqual(400)
      expect(status).toBeLessThan(500)
      expect(body.error?.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữự]/)
    }
    expect((await submit(app, token, { period: '2026-Q5' }, real)).body).toMatchObject({
      error: { code: 'request/invalid-period' },
    })
    expect((await submit(app, token, {}, real)).status).toBe(400)
    const noFile = new FormData()
    noFile.append('period', '2026-Q3')
    expect(
      await (
        await app.request('/api/submissions', {
          method: 'POST',
          headers: bearer(token),
          body: noFile,
        })
      ).json(),
    ).toMatchObject({ error: { code: 'request/missing-file' } })
    const text = await app.request('/api/submissions', {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'text/plain' },
      body: 'xin chào',
    })
    expect(text.status).toBe(415)
    const badJson = await app.request('/api/submissions', {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: '{"period":',
    })
    expect(badJson.status).toBe(400)
    const huge = await submit(app, token, { period: '2026-Q3' }, new Uint8Array(9 * 1024 * 1024))
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'request/too-large' } } })
    expect(store.countSubmissions()).toBe(0)
  })

  it('answers a request that takes too long with 503 and does not store it later', async () => {
    const { app, agencyToken, store } = await createTestService({ timeoutMs: 5 })
    const { status, body } = await submit(app, agencyToken('so-noi-vu'), { period: '2026-Q3' })
    expect({ status, code: body.error?.code }).toEqual({ status: 503, code: 'request/timeout' })
    await new Promise((done) => setTimeout(done, 500))
    expect(store.countSubmissions()).toBe(0)
  })

  it('takes the JSON table the add-in sends and reports exactly as the CLI path does', async () => {
    const { app, agencyToken, catalog } = await createTestService()
    const grid = readParSipasGrid()
    const res = await app.request('/api/submissions', {
      method: 'POST',
      headers: { ...bearer(agencyToken('so-noi-vu')), 'content-type': 'application/json' },
      body: JSON.stringify({
        period: '2026-Q3',
        meta: { planId: 'dak-lak-2026-par-sipas' },
        table: grid,
      }),
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { report: unknown; version: number }
    const expected = validateTable(grid, {
      asOf: '2026-09-14',
      meta: { planId: 'dak-lak-2026-par-sipas' },
      profile: findPlanProfile(catalog, 'dak-lak-2026-par-sipas'),
      registry: catalog.registry,
    })
    expect(body.report).toEqual(expected)
  })

  it('counts deadlines from the issue date the pane sends with the table', async () => {
    const { app, agencyToken } = await createTestService()
    const grid = {
      sheet: 'Phụ lục',
      top: 1,
      left: 1,
      merges: [],
      cells: [
        ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'],
        ['STT', 'Nội dung, nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
        [1, 'Rà soát TTHC', 'Sở Nội vụ', '100 ngày kể từ ngày ban hành Kế hoạch'],
      ],
    }
    const res = await app.request('/api/submissions', {
      method: 'POST',
      headers: { ...bearer(agencyToken('so-noi-vu')), 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-Q3', meta: { issued: '2026-07-14' }, table: grid }),
    })
    expect(res.status).toBe(201)
    const { report } = (await res.json()) as { report: Report }
    expect(report.issued).toBe('2026-07-14')
    expect(report.tasks[0]!.deadline).toEqual({
      kind: 'relative',
      due: '2026-10-22',
      start: '2026-07-14',
    })
  })

  it('writes agency text as text in the consolidated workbook, never as a formula', async () => {
    const { app, agencyToken, adminToken } = await createTestService()
    const grid = readParSipasGrid()
    const row = grid.cells.findIndex((r) => r.some((v) => v === 'Sở Nội vụ'))
    grid.cells[row] = grid.cells[row]!.map((v, i) =>
      i === 2 ? '=HYPERLINK("http://x.invalid","bấm")' : v,
    )
    const res = await app.request('/api/submissions', {
      method: 'POST',
      headers: { ...bearer(agencyToken('so-noi-vu')), 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-Q3', table: grid }),
    })
    expect(res.status).toBe(201)
    const xlsx = await app.request('/api/consolidated.xlsx?period=2026-Q3', {
      headers: bearer(adminToken),
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await xlsx.arrayBuffer())
    const detail = workbook.getWorksheet('Chi tiết')!
    const cells: ExcelJS.CellValue[] = []
    detail.eachRow((r) => r.eachCell((c) => cells.push(c.value)))
    expect(cells).toContain('=HYPERLINK("http://x.invalid","bấm")')
    expect(
      cells.some(
        (v) =>
          typeof v === 'object' &&
          v !== null &&
          'formula' in v &&
          String(v.formula).includes('HYPERLINK'),
      ),
    ).toBe(false)
  })

  it('sends security headers that let Office frame only the add-in pages', async () => {
    const { app } = await createTestService()
    const page = await app.request('/')
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(await page.text()).toContain('Tổng hợp báo cáo cải cách hành chính')
    const addin = await app.request('/addin/taskpane.html')
    expect(addin.headers.get('x-frame-options')).toBeNull()
    expect(addin.headers.get('content-security-policy')).toContain('https://*.officeapps.live.com')
    expect(await app.request('/khong-co')).toMatchObject({ status: 404 })
  })
})
