import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../../../server/store/passwords.ts'
import { bearer, createTestService, signIn } from '../../../helpers/service.ts'

type Service = Awaited<ReturnType<typeof createTestService>>

const login = (s: Service, email: string, password: string) => signIn(s.app, email, password)

const email = 'van-thu@xabuondon.daklak.gov.vn'
const first = 'Báo-cáo-tiến-độ-quý-III'
const second = 'Kế-hoạch-CCHC-năm-2027!'

describe('POST /api/me/password: a person changes their own password', () => {
  it('needs the current password, a strong new one and the CSRF header; then only the new one signs in', async () => {
    const s = await createTestService()
    s.store.addUser(
      { email, role: 'agency', agencyId: 'xa-buon-don', passwordHash: await hashPassword(first) },
      s.clock.now.toISOString(),
    )
    const session = await login(s, email, first)
    expect(session.status).toBe(200)
    const change = (body: unknown, headers: Record<string, string> = session.headers) =>
      s.app.request('/api/me/password', {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })

    const noCsrf = await change(
      { current: first, password: second },
      { Cookie: session.headers.Cookie },
    )
    expect(noCsrf.status).toBe(403)
    const wrong = await change({ current: 'không-phải-mật-khẩu', password: second })
    expect(wrong.status).toBe(403)
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain(
      'Mật khẩu hiện tại không đúng',
    )
    const weak = await change({ current: first, password: 'aaaaaaaaaaaaaa' })
    expect(weak.status).toBe(400)
    expect((await change({ current: first, password: second })).status).toBe(204)

    // Every session of the account ended, this one too; the old password no longer signs in.
    const after = await s.app.request('/api/session', { headers: session.headers })
    expect(after.status).toBe(401)
    expect((await login(s, email, first)).status).toBe(401)
    expect((await login(s, email, second)).status).toBe(200)
    const events = s.store.listSecurityEvents().map((e) => e.event)
    expect(events).toEqual(
      expect.arrayContaining(['user.password-change-failed', 'user.password-changed']),
    )
  })

  it('is refused to an API token, which has no password', async () => {
    const s = await createTestService()
    const res = await s.app.request('/api/me/password', {
      method: 'POST',
      headers: { ...bearer(s.agencyToken('so-noi-vu')), 'Content-Type': 'application/json' },
      body: JSON.stringify({ current: first, password: second }),
    })
    expect(res.status).toBe(403)
  })
})
