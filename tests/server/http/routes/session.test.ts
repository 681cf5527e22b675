import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../../../server/store/passwords.ts'
import { createTestService, signIn } from '../../../helpers/service.ts'

// Sign-in attempts are counted before the password hash is awaited, and a lock-out that anyone can
// cause never keeps an account's owner out: the browser they signed in with before passes it.

const password = 'Đắk-Lắk-cải-cách-2026'
const admin = 'can-bo@sonoivu.daklak.gov.vn'

async function setUp() {
  const s = await createTestService()
  s.store.addUser(
    { email: admin, role: 'admin', agencyId: null, passwordHash: await hashPassword(password) },
    s.clock.now.toISOString(),
  )
  return s
}

/** Signs in with the given cookies (a known browser's mark), returning the status and new cookies. */
async function login(
  s: Awaited<ReturnType<typeof setUp>>,
  pass: string,
  cookie = '',
  email = admin,
) {
  const res = await s.app.request('/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ email, password: pass }),
  })
  await res.body?.cancel()
  const device = /cchc_device=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? null
  return { status: res.status, device }
}

describe('sign-in attempts', () => {
  it('counts 60 concurrent guesses before hashing: 5 are checked, 55 refused at once', async () => {
    const s = await setUp()
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login(s, `doan-sai-${i}`).then((r) => r.status)),
    )
    const count = (status: number) => statuses.filter((x) => x === status).length
    // Checked before and counted after the hash, all 60 used to be checked against a limit of 5.
    expect({ 401: count(401), 429: count(429) }).toEqual({ 401: 5, 429: 55 })
    expect(s.store.listSecurityEvents(200).filter((e) => e.event === 'login.failed')).toHaveLength(
      5,
    )
    expect((await login(s, password)).status).toBe(429)
  })

  it("lets the owner's browser through a lock-out others caused, an administrator's too", async () => {
    const s = await setUp()
    const first = await login(s, password)
    expect(first).toMatchObject({ status: 200, device: expect.stringMatching(/^cchc_device=/) })
    for (let i = 0; i < 5; i++) expect((await login(s, `doan-sai-${i}`)).status).toBe(401)
    // Anyone else, even with the right password, waits out the window …
    expect((await login(s, password)).status).toBe(429)
    // … but the browser that signed in before passes, with a count of its own.
    expect(await login(s, password, first.device!)).toEqual({ status: 200, device: null })
    expect((await login(s, 'sai-nua', first.device!)).status).toBe(401)
    // A mark belonging to another account is worth nothing here.
    s.store.addUser(
      {
        email: 'van-thu@sotuphap.daklak.gov.vn',
        role: 'agency',
        agencyId: 'so-tu-phap',
        passwordHash: await hashPassword(password),
      },
      s.clock.now.toISOString(),
    )
    const other = await login(s, password, '', 'van-thu@sotuphap.daklak.gov.vn')
    expect((await login(s, password, other.device!)).status).toBe(429)
  })

  it('lets a known browser through an office address blocked by 20 failures on other accounts', async () => {
    const s = await setUp()
    const known = await login(s, password)
    for (let i = 0; i < 20; i++)
      expect((await login(s, 'sai', '', `nguoi-${i}@sonoivu.daklak.gov.vn`)).status).toBe(401)
    expect((await login(s, password)).status).toBe(429)
    expect((await login(s, password, known.device!)).status).toBe(200)
  })

  it('counts concurrent wrong current passwords on a password change before hashing', async () => {
    const s = await setUp()
    const session = await signIn(s.app, admin, password)
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        Promise.resolve(
          s.app.request('/api/me/password', {
            method: 'POST',
            headers: { ...session.headers, 'Content-Type': 'application/json' },
            body: JSON.stringify({ current: `sai-${i}`, password: 'mat-khau-moi-dai-du-2026' }),
          }),
        ).then((r) => r.status),
      ),
    )
    expect(statuses.filter((x) => x === 403)).toHaveLength(5)
    expect(statuses.filter((x) => x === 429)).toHaveLength(15)
  })
})
