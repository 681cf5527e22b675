import { describe, expect, it } from 'vitest'
import type { RowDiff } from '../../../../core/index.ts'
import {
  bearer,
  buildChangedWorkbook,
  buildFilledWorkbook,
  createTestService,
  createUpload,
} from '../../../helpers/service.ts'

describe('agency page routes', () => {
  it('lists versions with source and sender, diffs two versions and the previous quarter', async () => {
    const { app, adminToken, agencyToken } = await createTestService()
    const own = agencyToken('so-noi-vu')
    const send = async (token: string, bytes: Uint8Array, fields: Record<string, string>) => {
      const res = await app.request('/api/submissions', {
        method: 'POST',
        headers: bearer(token),
        body: createUpload(bytes, fields),
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as { id: number }).id
    }
    const q2 = await send(adminToken, await buildFilledWorkbook(), {
      period: '2026-Q2',
      agency: 'so-noi-vu',
    })
    const v1 = await send(own, await buildFilledWorkbook(), { period: '2026-Q3' })
    const second = await buildChangedWorkbook()
    const v2 = await send(own, second.bytes, { period: '2026-Q3' })

    const history = (await (
      await app.request('/api/agencies/so-noi-vu/history', { headers: bearer(own) })
    ).json()) as { submissions: { id: number; version: number; source: string; sender: string }[] }
    expect(history.submissions.map((s) => [s.id, s.version, s.source])).toEqual([
      [v2, 2, 'upload'],
      [v1, 1, 'upload'],
      [q2, 1, 'on-behalf'],
    ])
    expect(history.submissions.map((s) => s.sender)).toEqual([
      'Mã truy cập của Sở Nội vụ',
      'Mã truy cập của Sở Nội vụ',
      'Mã quản trị của Sở Nội vụ thay cho Sở Nội vụ',
    ])

    const read = async (path: string, token = adminToken) =>
      (await (await app.request(path, { headers: bearer(token) })).json()) as {
        from: { id: number }
        to: { id: number }
        diff: RowDiff
      }
    const versions = await read(`/api/agencies/so-noi-vu/diff?from=${v1}&to=${v2}`)
    expect(versions.diff.changed).toHaveLength(1)
    expect(versions.diff.changed[0]).toMatchObject({
      beforeRow: second.row,
      afterRow: second.row,
      changes: expect.arrayContaining([
        { field: 'progress', before: 'Chưa thực hiện', after: 'Đã hoàn thành' },
        { field: 'doneDate', before: '', after: '2026-09-10' },
      ]),
    })
    expect(versions.diff.added).toEqual([])
    // Without `from`: the latest of the previous quarter against this one.
    const quarter = await read('/api/agencies/so-noi-vu/diff?to=2026-Q3')
    expect([quarter.from.id, quarter.to.id]).toEqual([q2, v2])
    expect(quarter.diff.changed.length).toBeGreaterThan(0)

    // Another agency's page answers like a missing one.
    const other = await app.request('/api/agencies/so-noi-vu/history', {
      headers: bearer(agencyToken('so-tu-phap')),
    })
    expect(other.status).toBe(404)

    const trends = (await (
      await app.request('/api/trends?year=2026', { headers: bearer(own) })
    ).json()) as {
      province: { points: { period: string; submitted: number }[] }
      agencies: { id: string }[]
    }
    expect(trends.agencies.map((a) => a.id)).toEqual(['so-noi-vu'])
    expect(trends.province.points.map((p) => [p.period, p.submitted])).toEqual([
      ['2026-Q1', 0],
      ['2026-Q2', 1],
      ['2026-Q3', 1],
      ['2026-Q4', 0],
    ])
    const forbidden = await app.request('/api/crosschecks?period=2026-Q3', { headers: bearer(own) })
    expect(forbidden.status).toBe(403)
  })
})
