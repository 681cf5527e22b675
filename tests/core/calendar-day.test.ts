import { describe, expect, it } from 'vitest'
import { readWrittenDay } from '../../core/calendar-day.ts'

describe('readWrittenDay', () => {
  it.each([
    ['16/05 (Thứ Bảy)', { day: 16, month: 5, year: null }],
    ['Thứ 2\n09/3', { day: 9, month: 3, year: null }],
    ['T. Hai 02/9', { day: 2, month: 9, year: null }],
    ['Thứ Tư 04/09/2019', { day: 4, month: 9, year: '2019' }],
    ['Ngày 14/7/2025', { day: 14, month: 7, year: '2025' }],
    ['CN (01/02)', { day: 1, month: 2, year: null }],
  ])('reads "%s" as a day of its own', (text, day) => {
    expect(readWrittenDay(text)).toEqual(day)
  })

  it.each([
    'Trạng thái 05/10/2026',
    'Diện tích đã GPMB đến ngày 19/8/2026',
    'Quý II/2026',
    '13:30',
  ])('reads "%s" as no day of its own', (text) => {
    expect(readWrittenDay(text)).toBeNull()
  })
})
