import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { PeriodStatus } from '../../../../server/consolidation/period-status.ts'
import { hashPassword } from '../../../../server/store/passwords.ts'
import {
  bearer,
  buildFilledWorkbook,
  createTestService,
  createUpload,
} from '../../../helpers/service.ts'

describe('GET /api/status at quarter-end', () => {
  it('reads the period as people write it, counts days late and names whom to call', async () => {
    const s = await createTestService()
    s.store.addUser(
      {
        email: 'van-thu@xabuondon.daklak.gov.vn',
        role: 'agency',
        agencyId: 'xa-buon-don',
        passwordHash: await hashPassword('mat-khau-Buon-Don-2026'),
      },
      s.clock.now.toISOString(),
    )
    // Sở Tư pháp sends on 18/09 (two days after the 16/09 due date); the rest never send.
    s.clock.now = new Date('2026-09-18T03:00:00Z')
    const sent = await s.app.request('/api/submissions', {
      method: 'POST',
      headers: bearer(s.agencyToken('so-tu-phap')),
      body: createUpload(await buildFilledWorkbook(), { period: 'Q3/2026' }),
    })
    expect(sent.status).toBe(201)
    s.clock.now = new Date('2026-12-06T03:00:00Z')
    const spellings = ['2026-Q3', 'Quý III/2026', 'Quý 3/2026', 'Q3/2026']
    const answers = await Promise.all(
      spellings.map(async (p) => {
        const res = await s.app.request(`/api/status?period=${encodeURIComponent(p)}`, {
          headers: bearer(s.adminToken),
        })
        return (await res.json()) as PeriodStatus
      }),
    )
    for (const a of answers) expect(a).toEqual(answers[0])
    const status = answers[0]!
    expect([status.period, status.label, status.today, status.daysToDue]).toEqual([
      '2026-Q3',
      'Quý III/2026',
      '2026-12-06',
      -81,
    ])
    const find = (id: string) => status.agencies.find((a) => a.id === id)!
    expect(find('so-tu-phap')).toMatchObject({
      state: 'sent',
      late: true,
      daysLate: 2,
      contacts: [],
    })
    expect(find('xa-buon-don')).toMatchObject({
      state: 'missing',
      late: null,
      daysLate: 81,
      contacts: ['van-thu@xabuondon.daklak.gov.vn'],
    })
    const bad = await s.app.request('/api/status?period=Quý V/2026', {
      headers: bearer(s.adminToken),
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
      'Quý III/2026',
    )
  })

  it('exports the agencies still to send as a workbook, grouped, for an administrator only', async () => {
    const s = await createTestService()
    await s.app.request('/api/submissions', {
      method: 'POST',
      headers: bearer(s.agencyToken('so-noi-vu')),
      body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3' }),
    })
    s.clock.now = new Date('2026-09-20T03:00:00Z')
    const res = await s.app.request('/api/status/missing.xlsx?period=Quý III/2026', {
      headers: bearer(s.adminToken),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('chua-gui-2026-Q3.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    const ws = workbook.getWorksheet('Chưa gửi báo cáo')!
    const rows: string[][] = []
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    expect(rows[0]![0]).toBe(
      'CƠ QUAN CHƯA GỬI BÁO CÁO — QUÝ III/2026 (hạn nộp 16/09/2026, tính đến 20/09/2026)',
    )
    expect(rows[1]).toEqual(['STT', 'Cơ quan', 'Tình trạng', 'Số ngày trễ', 'Liên hệ'])
    expect(rows[2]).toEqual(['', 'Sở, ban, ngành và đơn vị cấp tỉnh (18)'])
    expect(rows[3]).toEqual(['1', 'Sở Tư pháp', 'Chưa gửi', '4', 'Chưa có tài khoản'])
    expect(rows.map((r) => r[1])).toContain('Xã, phường (102)')
    expect(rows.map((r) => r[1])).not.toContain('Sở Nội vụ')
    expect(rows.filter((r) => /^\d+$/.test(r[0]!))).toHaveLength(120)
    const forbidden = await s.app.request('/api/status/missing.xlsx', {
      headers: bearer(s.agencyToken('so-noi-vu')),
    })
    expect(forbidden.status).toBe(403)
  })
})
