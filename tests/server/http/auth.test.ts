import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../../server/store/passwords.ts'
import { startServer } from '../../../server/http/serve.ts'
import {
  bearer,
  buildFilledWorkbook,
  createTestService,
  createUpload,
} from '../../helpers/service.ts'
import { AppError } from '../../../server/errors/index.ts'

type Service = Awaited<ReturnType<typeof createTestService>>

const password = 'Đắk-Lắk-cải-cách-2026'

async function addUser(
  s: Service,
  email: string,
  role: 'admin' | 'agency',
  agencyId: string | null,
) {
  s.store.addUser(
    { email, role, agencyId, passwordHash: await hashPassword(password) },
    s.clock.now.toISOString(),
  )
}

async function login(s: Service, email: string, pass = password) {
  const res = await s.app.request('/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: pass }),
  })
  const cookie = /cchc_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? ''
  const body = (await res.json()) as {
    csrfToken?: string
    error?: { code: string; message: string }
  }
  return { res, cookie, csrf: body.csrfToken ?? '', body }
}

describe('accounts and sessions', () => {
  it('signs a person in with an httpOnly SameSite=Strict cookie, answers /api/session, and signs out', async () => {
    const s = await createTestService()
    await addUser(s, 'can-bo@sonoivu.daklak.gov.vn', 'admin', null)
    const { res, cookie, csrf } = await login(s, 'CAN-BO@sonoivu.daklak.gov.vn')
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/)
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Strict/)
    const session = await s.app.request('/api/session', { headers: { Cookie: cookie } })
    expect(session.headers.get('cache-control')).toBe('no-store')
    expect(await session.json()).toEqual({
      user: { email: 'can-bo@sonoivu.daklak.gov.vn', role: 'admin', agency: null },
      csrfToken: csrf,
    })
    const out = await s.app.request('/api/logout', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf },
    })
    expect(out.status).toBe(204)
    const after = await s.app.request('/api/status', { headers: { Cookie: cookie } })
    expect(after.status).toBe(401)
    const events = s.store.listSecurityEvents().map((e) => e.event)
    expect(events).toEqual(expect.arrayContaining(['login.ok', 'logout']))
  })

  it('refuses a state-changing request from a session without the CSRF token', async () => {
    const s = await createTestService()
    await addUser(s, 'van-thu@sotuphap.daklak.gov.vn', 'agency', 'so-tu-phap')
    const { cookie, csrf } = await login(s, 'van-thu@sotuphap.daklak.gov.vn')
    const upload = () => createUpload(new Uint8Array([1]), { period: '2026-Q3' })
    const without = await s.app.request('/api/submissions', {
      method: 'POST',
      headers: { Cookie: cookie },
      body: upload(),
    })
    expect(without.status).toBe(403)
    expect(await without.json()).toMatchObject({
      error: { code: 'auth/csrf', message: expect.stringContaining('X-CSRF-Token') },
    })
    const wrong = await s.app.request('/api/logout', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': 'x'.repeat(32) },
    })
    expect(wrong.status).toBe(403)
    const ok = await s.app.request('/api/submissions', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf },
      body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3' }),
    })
    expect(ok.status).toBe(201)
    expect(await ok.json()).toMatchObject({ agency: 'so-tu-phap' })
    expect(s.store.listSubmissions({})[0]).toMatchObject({
      submittedBy: 'user:van-thu@sotuphap.daklak.gov.vn',
    })
  })

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const s = await createTestService()
    await addUser(s, 'can-bo@sonoivu.daklak.gov.vn', 'admin', null)
    const idle = await login(s, 'can-bo@sonoivu.daklak.gov.vn')
    s.clock.now = new Date(s.clock.now.getTime() + 31 * 60_000)
    const expired = await s.app.request('/api/session', { headers: { Cookie: idle.cookie } })
    expect(await expired.json()).toMatchObject({
      error: { code: 'auth/session-expired', message: expect.stringContaining('hết hạn') },
    })
    const busy = await login(s, 'can-bo@sonoivu.daklak.gov.vn')
    for (let h = 0; h < 12; h++) {
      s.clock.now = new Date(s.clock.now.getTime() + 25 * 60_000)
      expect(
        (await s.app.request('/api/session', { headers: { Cookie: busy.cookie } })).status,
      ).toBe(200)
    }
    s.clock.now = new Date(s.clock.now.getTime() + 12 * 3600_000)
    expect((await s.app.request('/api/session', { headers: { Cookie: busy.cookie } })).status).toBe(
      401,
    )
  })

  it('shows an agency user only its own agency', async () => {
    const s = await createTestService()
    await addUser(s, 'van-thu@sotuphap.daklak.gov.vn', 'agency', 'so-tu-phap')
    const other = await s.app.request('/api/submissions', {
      method: 'POST',
      headers: bearer(s.agencyToken('so-noi-vu')),
      body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3' }),
    })
    const { id } = (await other.json()) as { id: number }
    const { cookie, csrf } = await login(s, 'van-thu@sotuphap.daklak.gov.vn')
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrf }
    expect((await s.app.request(`/api/submissions/${id}`, { headers })).status).toBe(404)
    expect((await s.app.request(`/api/submissions/${id}/file`, { headers })).status).toBe(404)
    expect((await s.app.request('/api/submissions?agency=so-noi-vu', { headers })).status).toBe(403)
    const status = (await (
      await s.app.request('/api/status?period=2026-Q3', { headers })
    ).json()) as { agencies: { id: string }[] }
    expect(status.agencies.map((a) => a.id)).toEqual(['so-tu-phap'])
    const forOther = await s.app.request('/api/submissions', {
      method: 'POST',
      headers,
      body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3', agency: 'so-noi-vu' }),
    })
    expect(forOther.status).toBe(403)
    expect((await s.app.request('/api/admin/stats', { headers })).status).toBe(403)
    expect((await s.app.request('/api/consolidated.xlsx?period=2026-Q3', { headers })).status).toBe(
      403,
    )
  })

  it('answers failed sign-ins with 429 per account and logs them', async () => {
    const s = await createTestService()
    await addUser(s, 'can-bo@sonoivu.daklak.gov.vn', 'admin', null)
    const statuses: number[] = []
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await login(s, 'can-bo@sonoivu.daklak.gov.vn', `sai-mat-khau-${i}`)).res.status,
      )
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429])
    // Even the right password waits out the window.
    const right = await login(s, 'can-bo@sonoivu.daklak.gov.vn')
    expect(right.res.status).toBe(429)
    expect(right.body.error?.message).toContain('thử lại sau')
    const events = s.store.listSecurityEvents().map((e) => e.event)
    expect(events.filter((e) => e === 'login.failed')).toHaveLength(5)
    expect(events).toContain('login.rate-limited')
  })
})

describe('API tokens', () => {
  it(
    'answers 3,000 wrong tokens with 429 after 20 failures, logging a bounded number of events',
    { timeout: 30_000 },
    async () => {
      const s = await createTestService()
      const statuses = new Map<number, number>()
      for (let i = 0; i < 3000; i++) {
        const res = await s.app.request('/api/status', { headers: bearer(`cchc_wrong-${i}-token`) })
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      }
      expect(Object.fromEntries(statuses)).toEqual({ 401: 20, 429: 2980 })
      const events = s.store.listSecurityEvents(1000)
      expect(events.filter((e) => e.event === 'token.failed')).toHaveLength(19)
      expect(events.filter((e) => e.event === 'token.rate-limited')).toHaveLength(1)
    },
  )

  it('issues labelled tokens with an expiry, lists them without secrets, refuses expired ones, revokes', async () => {
    const s = await createTestService()
    const admin = bearer(s.adminToken)
    const issued = await s.app.request('/api/tokens', {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'Add-in Sở Tư pháp', agency: 'so-tu-phap', expiresInDays: 7 }),
    })
    expect(issued.status).toBe(201)
    const token = (await issued.json()) as {
      id: string
      token: string
      label: string
      expiresAt: string
    }
    expect(token).toMatchObject({
      label: 'Add-in Sở Tư pháp',
      expiresAt: '2026-09-22T03:00:00.000Z',
    })
    const list = (await (
      await s.app.request('/api/tokens', { headers: bearer(token.token) })
    ).json()) as { tokens: Record<string, unknown>[] }
    expect(list.tokens).toEqual([
      expect.objectContaining({ id: token.id, agencyId: 'so-tu-phap', label: 'Add-in Sở Tư pháp' }),
    ])
    expect(JSON.stringify(list)).not.toContain(token.token)
    s.clock.now = new Date('2026-09-23T00:00:00Z')
    expect((await s.app.request('/api/me', { headers: bearer(token.token) })).status).toBe(401)
    // An agency cannot revoke another agency's token; the admin can.
    const other = s.agencyToken('so-noi-vu')
    expect(
      (await s.app.request(`/api/tokens/${token.id}`, { method: 'DELETE', headers: bearer(other) }))
        .status,
    ).toBe(404)
    expect(
      (await s.app.request(`/api/tokens/${token.id}`, { method: 'DELETE', headers: admin })).status,
    ).toBe(204)
    expect(s.store.listSecurityEvents().map((e) => e.event)).toEqual(
      expect.arrayContaining(['token.issued', 'token.revoked']),
    )
  })
})

describe('hardening', () => {
  it('refuses a weak CCHC_ADMIN_TOKEN at start', async () => {
    for (const weak of [
      'password',
      'cchc_admin',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      '123456789012345678901234567',
    ])
      await expect(
        startServer({ port: 0, host: '127.0.0.1', dataDir: '/nonexistent', adminToken: weak }),
      ).rejects.toThrow(AppError)
  })

  it('answers /healthz with "ok" only, serves pages with a strict CSP, originals as nosniff attachments', async () => {
    const s = await createTestService()
    const health = await s.app.request('/healthz')
    expect(await health.text()).toBe('ok')
    const page = await s.app.request('/')
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(await page.text()).not.toMatch(/<script>/)
    const login = await s.app.request('/login')
    expect(await login.text()).toContain('<script src="/assets/login.js"')
    const script = await s.app.request('/assets/login.js')
    expect(script.headers.get('content-type')).toContain('javascript')
    expect(await script.text()).toContain('/api/login')
    const up = await s.app.request('/api/submissions', {
      method: 'POST',
      headers: bearer(s.adminToken),
      body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3', agency: 'so-noi-vu' }),
    })
    const { id } = (await up.json()) as { id: number }
    const file = await s.app.request(`/api/submissions/${id}/file`, {
      headers: bearer(s.adminToken),
    })
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/)
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    expect(file.headers.get('cache-control')).toBe('no-store')
    expect(s.store.listSecurityEvents().map((e) => e.event)).toContain('download.original')
  })
})
