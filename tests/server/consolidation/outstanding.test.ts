import { describe, expect, it } from 'vitest'
import {
  buildMissingReminder,
  computeOutstanding,
} from '../../../server/consolidation/outstanding.ts'
import type { AgencyStatus } from '../../../server/consolidation/period-status.ts'

const agency = (id: string, kind: string, state: AgencyStatus['state'], daysLate: number | null) =>
  ({
    id,
    name: id.replace(/-/g, ' '),
    kind,
    state,
    daysLate,
    contacts: id === 'xa-a' ? ['van-thu@xa-a.gov.vn'] : [],
    review: state === 'returned' ? { reason: 'Thiếu tài liệu kiểm chứng' } : null,
  }) as AgencyStatus

const agencies = [
  agency('so-a', 'so', 'missing', 2),
  agency('so-b', 'so', 'accepted', null),
  agency('xa-a', 'xa', 'missing', 2),
  agency('so-c', 'other', 'returned', 5),
  agency('xa-b', 'xa', 'sent', 3),
]

describe('who Sở Nội vụ still waits for', () => {
  it('lists missing and returned reports, provincial units first, the longest late first', () => {
    expect(computeOutstanding({ agencies })).toEqual([
      {
        group: { id: 'so', label: 'Sở, ban, ngành và đơn vị cấp tỉnh' },
        agencies: [
          {
            id: 'so-c',
            name: 'so c',
            state: 'Trả lại: Thiếu tài liệu kiểm chứng',
            daysLate: 5,
            contacts: [],
          },
          { id: 'so-a', name: 'so a', state: 'Chưa gửi', daysLate: 2, contacts: [] },
        ],
      },
      {
        group: { id: 'xa', label: 'Xã, phường' },
        agencies: [
          {
            id: 'xa-a',
            name: 'xa a',
            state: 'Chưa gửi',
            daysLate: 2,
            contacts: ['van-thu@xa-a.gov.vn'],
          },
        ],
      },
    ])
  })

  it('asks for the report by the due date before it, and at once after it (never a past date)', () => {
    const status = { agencies, label: 'Quý III/2026', due: '2026-09-16' }
    expect(buildMissingReminder({ ...status, today: '2026-09-13', daysToDue: 3 })).toBe(
      'Kính gửi: so c; so a; xa a.\nĐến ngày 13/09/2026, Sở Nội vụ chưa nhận được báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính Quý III/2026 (hoặc bản đã sửa của báo cáo được trả lại) của quý cơ quan. Đề nghị quý cơ quan hoàn thành và gửi báo cáo trước ngày 16/09/2026 (còn 3 ngày).',
    )
    expect(buildMissingReminder({ ...status, today: '2026-09-16', daysToDue: 0 })).toContain(
      'Hạn gửi báo cáo là hôm nay, ngày 16/09/2026; đề nghị quý cơ quan gửi báo cáo trong ngày.',
    )
    const late = buildMissingReminder({ ...status, today: '2026-12-06', daysToDue: -81 })
    expect(late).toContain('Đến ngày 06/12/2026')
    expect(late).toContain('Hạn gửi báo cáo là ngày 16/09/2026, đã quá 81 ngày.')
    expect(late).not.toContain('trước ngày')
    expect(
      buildMissingReminder({
        ...status,
        agencies: [agencies[1]!],
        today: '2026-09-13',
        daysToDue: 3,
      }),
    ).toBe('')
  })
})
