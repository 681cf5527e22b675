import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../../../server/store/passwords.ts'
import { bearer, createTestService, signIn } from '../../../helpers/service.ts'

// An agency mints tokens only for itself, never outliving the token it used, and they end with it
// or with the account of the person who minted them; an admin's tokens are not so bound.

type Issued = { id: string; token: string; expiresAt: string }

async function mint(
  s: Awaited<ReturnType<typeof createTestService>>,
  headers: Record<string, string>,
  body: object,
) {
  const res = await s.app.request('/api/tokens', {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Issued }
}

const canUse = async (s: Awaited<ReturnType<typeof createTestService>>, token: string) =>
  (await s.app.request('/api/me', { headers: bearer(token) })).status === 200

describe('tokens minted by an agency', () => {
  it('expire no later than the token that minted them, and are revoked with it', async () => {
    const s = await createTestService()
    const parent = await mint(s, bearer(s.adminToken), {
      label: 'Add-in',
      agency: 'so-noi-vu',
      expiresInDays: 7,
    })
    const child = await mint(s, bearer(parent.body.token), { label: 'Script', expiresInDays: 366 })
    expect(child.status).toBe(201)
    // A 366-day token from a 7-day parent used to be issued as asked.
    expect(child.body.expiresAt).toBe(parent.body.expiresAt)
    const grandchild = await mint(s, bearer(child.body.token), { label: 'Máy khác' })
    expect(await canUse(s, grandchild.body.token)).toBe(true)
    expect(
      (await mint(s, bearer(child.body.token), { label: 'x', agency: 'so-tu-phap' })).status,
    ).toBe(403)
    const revoked = await s.app.request(`/api/tokens/${parent.body.id}`, {
      method: 'DELETE',
      headers: bearer(s.adminToken),
    })
    expect(revoked.status).toBe(204)
    expect(await canUse(s, child.body.token)).toBe(false)
    expect(await canUse(s, grandchild.body.token)).toBe(false)
    expect(s.store.getToken(grandchild.body.id)!.revokedAt).toBe(s.clock.now.toISOString())
  })

  it('stop with the locked account of the person who minted them; an admin still mints for a year', async () => {
    const s = await createTestService()
    const email = 'van-thu@sotuphap.daklak.gov.vn'
    const password = 'Đắk-Lắk-cải-cách-2026'
    s.store.addUser(
      { email, role: 'agency', agencyId: 'so-tu-phap', passwordHash: await hashPassword(password) },
      s.clock.now.toISOString(),
    )
    const session = await signIn(s.app, email, password)
    const minted = await mint(s, session.headers, { label: 'Add-in', expiresInDays: 366 })
    expect(minted.status).toBe(201)
    expect(minted.body.expiresAt).toBe('2026-12-14T03:00:00.000Z')
    expect(await canUse(s, minted.body.token)).toBe(true)
    s.store.setUserDisabled(email, s.clock.now.toISOString())
    // Revoked with the lock, and not revived by unlocking.
    expect(await canUse(s, minted.body.token)).toBe(false)
    s.store.setUserDisabled(email, null)
    expect(await canUse(s, minted.body.token)).toBe(false)
    const yearly = await mint(s, bearer(s.adminToken), {
      label: 'Máy chủ tỉnh',
      agency: 'so-tu-phap',
      expiresInDays: 366,
    })
    expect(yearly.body.expiresAt).toBe('2027-09-16T03:00:00.000Z')
  })
})
