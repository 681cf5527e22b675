import { describe, expect, it } from 'vitest'
import type { Review } from '../../../../core/index.ts'
import type { HistoryEntry } from '../../../../server/consolidation/history.ts'
import type { PeriodStatus } from '../../../../server/consolidation/period-status.ts'
import { hashPassword } from '../../../../server/store/passwords.ts'
import {
  bearer,
  buildChangedWorkbook,
  buildFilledWorkbook,
  createTestService,
  createUpload,
  signIn,
} from '../../../helpers/service.ts'

const officer = 'can-bo@sonoivu.daklak.gov.vn'
const password = 'mat-khau-Dak-Lak-2026'

async function createReviewService() {
  const s = await createTestService()
  s.store.addUser(
    { email: officer, role: 'admin', agencyId: null, passwordHash: await hashPassword(password) },
    s.clock.now.toISOString(),
  )
  const session = await signIn(s.app, officer, password)
  const agency = s.agencyToken('so-tu-phap')
  const send = async (bytes: Uint8Array) => {
    const res = await s.app.request('/api/submissions', {
      method: 'POST',
      headers: bearer(agency),
      body: createUpload(bytes, { period: '2026-Q3' }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { id: number }).id
  }
  const decide = (
    id: number,
    action: string,
    body: unknown,
    headers: Record<string, string> = session.headers,
  ) =>
    s.app.request(`/api/submissions/${id}/${action}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  const readOwnStatus = async () =>
    (await (
      await s.app.request('/api/status?period=Quý III/2026', { headers: bearer(agency) })
    ).json()) as PeriodStatus
  return { ...s, session, agency, send, decide, readOwnStatus }
}

describe('a report’s life: sent, returned with a reason, sent again, accepted', () => {
  it('is decided by an officer and seen by the agency in its status and history', async () => {
    const s = await createReviewService()
    const v1 = await s.send(await buildFilledWorkbook())
    expect((await s.readOwnStatus()).agencies).toEqual([
      expect.objectContaining({ id: 'so-tu-phap', state: 'sent', review: null, version: 1 }),
    ])

    const returned = await s.decide(v1, 'return', { reason: '  Thiếu tài liệu kiểm chứng  ' })
    expect(returned.status).toBe(201)
    const review: Review = {
      submissionId: v1,
      decision: 'returned',
      reason: 'Thiếu tài liệu kiểm chứng',
      by: officer,
      at: s.clock.now.toISOString(),
    }
    expect(await returned.json()).toEqual({ state: 'returned', review })
    // The agency's own token reads the state and the officer's reason (the add-ins show it).
    expect((await s.readOwnStatus()).agencies[0]).toMatchObject({ state: 'returned', review })

    // The corrected version starts again as sent; the returned one keeps its decision.
    const v2 = await s.send((await buildChangedWorkbook()).bytes)
    expect((await s.readOwnStatus()).agencies[0]).toMatchObject({
      state: 'sent',
      review: null,
      version: 2,
    })
    expect((await s.decide(v1, 'accept', {})).status).toBe(409)
    const accepted = await s.decide(v2, 'accept', {})
    expect(((await accepted.json()) as { state: string }).state).toBe('accepted')

    const history = (await (
      await s.app.request('/api/agencies/so-tu-phap/history', { headers: bearer(s.agency) })
    ).json()) as { submissions: HistoryEntry[] }
    expect(
      history.submissions.map((h) => [h.version, h.latest, h.state, h.review?.reason ?? null]),
    ).toEqual([
      [2, true, 'accepted', null],
      [1, false, 'returned', 'Thiếu tài liệu kiểm chứng'],
    ])
    expect(history.submissions[1]!.reviews).toEqual([review])
    expect(history.submissions[0]!.sender).toBe('Mã truy cập của Sở Tư pháp')
  })

  it('refuses a return without a reason, an agency, a missing CSRF token and an unknown version', async () => {
    const s = await createReviewService()
    const v1 = await s.send(await buildFilledWorkbook())
    const codes = async (res: Response) => [
      res.status,
      ((await res.json()) as { error: { code: string } }).error.code,
    ]
    expect(await codes(await s.decide(v1, 'return', { reason: ' ' }))).toEqual([
      400,
      'review/reason-required',
    ])
    expect(await codes(await s.decide(v1, 'return', {}))).toEqual([400, 'review/reason-required'])
    expect(await codes(await s.decide(v1, 'accept', {}, bearer(s.agency)))).toEqual([
      403,
      'auth/forbidden',
    ])
    expect(
      await codes(await s.decide(v1, 'accept', {}, { Cookie: s.session.headers.Cookie })),
    ).toEqual([403, 'auth/csrf'])
    expect(await codes(await s.decide(v1 + 99, 'accept', {}))).toEqual([404, 'submission/unknown'])
    expect((await s.readOwnStatus()).agencies[0]).toMatchObject({ state: 'sent', review: null })
    // The guards stay on these two routes: the agency still sends and reads its versions.
    expect(
      (await s.app.request('/api/submissions?period=2026-Q3', { headers: bearer(s.agency) }))
        .status,
    ).toBe(200)
  })

  it('names the officer who uploaded on behalf of a unit, never as the unit’s code', async () => {
    const s = await createReviewService()
    const res = await s.app.request('/api/submissions', {
      method: 'POST',
      headers: s.session.headers,
      body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3', agency: 'so-tu-phap' }),
    })
    expect(res.status).toBe(201)
    const history = (await (
      await s.app.request('/api/agencies/so-tu-phap/history', { headers: bearer(s.adminToken) })
    ).json()) as { submissions: HistoryEntry[] }
    expect(history.submissions.map((h) => [h.source, h.sender])).toEqual([
      ['on-behalf', `${officer} (Sở Nội vụ) thay cho Sở Tư pháp`],
    ])
  })
})
