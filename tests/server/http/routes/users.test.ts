import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../../../server/store/passwords.ts'
import { bearer, createTestService, signIn } from '../../../helpers/service.ts'

type Service = Awaited<ReturnType<typeof createTestService>>

const adminEmail = 'truong-phong@sonoivu.daklak.gov.vn'
const adminPassword = 'Cải-cách-hành-chính-Đắk-Lắk-2026'

const login = (s: Service, email: string, password: string) => signIn(s.app, email, password)

/** A service with Sở Nội vụ's administrator signed in. */
async function startAdmin() {
  const s = await createTestService()
  s.store.addUser(
    {
      email: adminEmail,
      role: 'admin',
      agencyId: null,
      passwordHash: await hashPassword(adminPassword),
    },
    s.clock.now.toISOString(),
  )
  const session = await login(s, adminEmail, adminPassword)
  const headers = { Cookie: session.cookie, 'X-CSRF-Token': session.csrf }
  const post = (path: string, body?: unknown, h: Record<string, string> = headers) =>
    s.app.request(`/api/admin/users${path}`, {
      method: 'POST',
      headers: { ...h, 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    })
  return { s, session, headers, post }
}

type Created = { user: { email: string; role: string; agencyId: string | null }; password: string }

describe('/api/admin/users: accounts managed from the dashboard', () => {
  it('creates an agency account whose generated password signs in once given to the person', async () => {
    const { s, headers, post } = await startAdmin()
    const res = await post('', {
      email: ' Van-Thu@SoTuPhap.DakLak.gov.vn ',
      role: 'agency',
      agency: 'so-tu-phap',
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as Created
    expect(created.user).toMatchObject({
      email: 'van-thu@sotuphap.daklak.gov.vn',
      role: 'agency',
      agencyId: 'so-tu-phap',
      disabledAt: null,
    })
    expect(created.password.length).toBeGreaterThanOrEqual(20)
    const person = await login(s, 'van-thu@sotuphap.daklak.gov.vn', created.password)
    expect(person.status).toBe(200)
    expect(person.body.user).toMatchObject({
      role: 'agency',
      agency: { id: 'so-tu-phap', name: 'Sở Tư pháp' },
    })
    // The list never carries a password or its hash.
    const list = await s.app.request('/api/admin/users', { headers })
    const text = await list.text()
    expect(text).toContain('van-thu@sotuphap.daklak.gov.vn')
    expect(text).not.toMatch(/scrypt|password/i)
    expect(text).not.toContain(created.password)
    // An admin token (no session) creates an admin account too.
    const byToken = await post(
      '',
      { email: 'pho-giam-doc@sonoivu.daklak.gov.vn', role: 'admin' },
      bearer(s.adminToken),
    )
    expect(byToken.status).toBe(201)
    expect(((await byToken.json()) as Created).user.agencyId).toBeNull()
  })

  it('refuses a taken email, a bad email or role and an agency outside the registry, in Vietnamese', async () => {
    const { post } = await startAdmin()
    const account = {
      email: 'chu-tich@xabuondon.daklak.gov.vn',
      role: 'agency',
      agency: 'xa-buon-don',
    }
    expect((await post('', account)).status).toBe(201)
    const again = await post('', { ...account, email: 'CHU-TICH@xabuondon.daklak.gov.vn' })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({
      error: { code: 'user/exists', message: expect.stringContaining('Email này đã có tài khoản') },
    })
    const unknown = await post('', { ...account, email: 'a@xa.gov.vn', agency: 'xa-khong-co' })
    expect(unknown.status).toBe(422)
    expect(await unknown.json()).toMatchObject({
      error: { code: 'user/unknown-agency', message: expect.stringContaining('danh sách đơn vị') },
    })
    const noAgency = await post('', { email: 'b@xa.gov.vn', role: 'agency' })
    expect(noAgency.status).toBe(422)
    const email = await post('', { ...account, email: 'không phải email' })
    expect(email.status).toBe(400)
    expect(((await email.json()) as { error: { code: string } }).error.code).toBe(
      'user/invalid-email',
    )
    const role = await post('', { ...account, email: 'c@xa.gov.vn', role: 'root' })
    expect(((await role.json()) as { error: { message: string } }).error.message).toContain(
      'Vai trò',
    )
  })

  it('refuses agencies (session or token) and session requests without the CSRF token', async () => {
    const { s, session, post } = await startAdmin()
    const created = (await (
      await post('', { email: 'van-thu@soyte.daklak.gov.vn', role: 'agency', agency: 'so-y-te' })
    ).json()) as Created
    const agency = await login(s, 'van-thu@soyte.daklak.gov.vn', created.password)
    const agencyHeaders = { Cookie: agency.cookie, 'X-CSRF-Token': agency.csrf }
    expect((await s.app.request('/api/admin/users', { headers: agencyHeaders })).status).toBe(403)
    const byAgency = await post('', { email: 'x@soyte.gov.vn', role: 'admin' }, agencyHeaders)
    expect(byAgency.status).toBe(403)
    const byToken = await post(
      '',
      { email: 'x@soyte.gov.vn', role: 'admin' },
      bearer(s.agencyToken('so-y-te')),
    )
    expect(byToken.status).toBe(403)
    const noCsrf = await post(
      '',
      { email: 'x@soyte.gov.vn', role: 'admin' },
      { Cookie: session.cookie },
    )
    expect(noCsrf.status).toBe(403)
    expect(((await noCsrf.json()) as { error: { code: string } }).error.code).toBe('auth/csrf')
    expect(s.store.findUser('x@soyte.gov.vn')).toBeNull()
  })

  it('resets a password: the old one stops working and the account’s sessions end', async () => {
    const { s, post } = await startAdmin()
    const email = 'can-bo@phuongbuonmathuot.daklak.gov.vn'
    const first = (await (
      await post('', { email, role: 'agency', agency: 'phuong-buon-ma-thuot' })
    ).json()) as Created
    const before = await login(s, email, first.password)
    expect((await s.app.request('/api/me', { headers: { Cookie: before.cookie } })).status).toBe(
      200,
    )
    const reset = await post(`/${encodeURIComponent(email)}/password`)
    expect(reset.status).toBe(200)
    const { password } = (await reset.json()) as { password: string }
    expect(password).not.toBe(first.password)
    expect((await s.app.request('/api/me', { headers: { Cookie: before.cookie } })).status).toBe(
      401,
    )
    expect((await login(s, email, first.password)).status).toBe(401)
    expect((await login(s, email, password)).status).toBe(200)
    expect((await post('/khong-co%40sonoivu.daklak.gov.vn/password')).status).toBe(404)
  })

  it('locks an account (sign-in refused, sessions ended), unlocks it, and never locks oneself', async () => {
    const { s, headers, post } = await startAdmin()
    const email = 'van-thu@sotaichinh.daklak.gov.vn'
    const { password } = (await (
      await post('', { email, role: 'agency', agency: 'so-tai-chinh' })
    ).json()) as Created
    const before = await login(s, email, password)
    const locked = await post(`/${encodeURIComponent(email)}/disable`)
    expect(locked.status).toBe(200)
    expect(((await locked.json()) as { user: { disabledAt: string } }).user.disabledAt).toBe(
      s.clock.now.toISOString(),
    )
    expect((await s.app.request('/api/me', { headers: { Cookie: before.cookie } })).status).toBe(
      401,
    )
    expect((await login(s, email, password)).status).toBe(401)
    const unlocked = await post(`/${encodeURIComponent(email)}/enable`)
    expect(((await unlocked.json()) as { user: { disabledAt: null } }).user.disabledAt).toBeNull()
    expect((await login(s, email, password)).status).toBe(200)

    const self = await post(`/${encodeURIComponent(adminEmail)}/disable`)
    expect(self.status).toBe(409)
    expect(await self.json()).toMatchObject({
      error: { code: 'user/self-disable', message: expect.stringContaining('Không thể tự khóa') },
    })
    expect((await s.app.request('/api/admin/users', { headers })).status).toBe(200)

    // Every change is in the security log, with the administrator as actor.
    const events = s.store
      .listSecurityEvents()
      .filter((e) => e.event.startsWith('user.'))
      .map((e) => [e.event, e.actor, e.detail])
    expect(events.reverse()).toEqual([
      ['user.created', `admin:${adminEmail}`, `${email} agency so-tai-chinh`],
      ['user.disabled', `admin:${adminEmail}`, email],
      ['user.enabled', `admin:${adminEmail}`, email],
    ])
  })

  it('logs a password reset with the administrator as actor', async () => {
    const { s, post } = await startAdmin()
    const email = 'pho-chanh-van-phong@vpubnd.daklak.gov.vn'
    await post('', { email, role: 'agency', agency: 'van-phong-ubnd-tinh' })
    await post(`/${encodeURIComponent(email)}/password`)
    const reset = s.store.listSecurityEvents().find((e) => e.event === 'user.password-reset')
    expect(reset).toMatchObject({ actor: `admin:${adminEmail}`, detail: email })
  })

  it('never locks the last active administrator account, even with the admin token', async () => {
    const { s } = await startAdmin()
    const asToken = (path: string, body?: unknown) =>
      s.app.request(`/api/admin/users${path}`, {
        method: 'POST',
        headers: { ...bearer(s.adminToken), 'Content-Type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      })
    const refused = await asToken(`/${encodeURIComponent(adminEmail)}/disable`)
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      'tài khoản quản trị cuối cùng',
    )
    const second = await asToken('', { email: 'pho-phong@sonoivu.daklak.gov.vn', role: 'admin' })
    expect(second.status).toBe(201)
    expect((await asToken(`/${encodeURIComponent(adminEmail)}/disable`)).status).toBe(200)
  })
})
