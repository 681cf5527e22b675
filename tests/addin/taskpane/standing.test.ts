import { describe, expect, it } from 'vitest'
import { readReportStanding } from '../../../addin/taskpane/standing.ts'
import {
  bearer,
  buildFilledWorkbook,
  createTestService,
  createUpload,
} from '../../helpers/service.ts'

describe('the task pane’s line about the report at Sở Nội vụ', () => {
  it('reads "Trả lại: lý do" from the service with the agency’s code, and stays quiet without one', async () => {
    const s = await createTestService()
    const token = s.agencyToken('so-noi-vu')
    // The service itself answers, through its request function standing in for the network.
    const viaService = ((url: string, init?: RequestInit) =>
      s.app.request(url.replace('https://cchc.example.gov.vn', ''), init)) as typeof fetch
    const read = (period: string, code = token) =>
      readReportStanding('https://cchc.example.gov.vn/', code, period, viaService)
    expect(await read('Quý III/2026')).toBe('Báo cáo Quý III/2026 tại Sở Nội vụ: Chưa gửi.')
    const sent = (await (
      await s.app.request('/api/submissions', {
        method: 'POST',
        headers: bearer(token),
        body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3' }),
      })
    ).json()) as { id: number }
    await s.app.request(`/api/submissions/${sent.id}/return`, {
      method: 'POST',
      headers: { ...bearer(s.adminToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'Thiếu tài liệu kiểm chứng' }),
    })
    expect(await read('2026-Q3')).toBe(
      'Báo cáo Quý III/2026 tại Sở Nội vụ: Trả lại: Thiếu tài liệu kiểm chứng, phiên bản 1 (Mã quản trị của Sở Nội vụ, 15/09/2026 10:00).',
    )
    expect(await read('2026-Q3', '')).toBe('')
    expect(await read('kỳ nào đó')).toBe('')
    expect(await read('2026-Q3', 'cchc_wrong-token-000000')).toBe('')
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch
    expect(await readReportStanding('https://x', token, '2026-Q3', offline)).toBe('')
  })
})
