import { describe, expect, it } from 'vitest'
import { computeLunarNewYear, convertLunarDate } from '../../core/lunar.ts'

// Tết (mùng 1 tháng Giêng) and Giỗ Tổ Hùng Vương (10/3 âm lịch) as Vietnamese calendars print them.
// 2026 was checked against the Government's holiday notice (Tết Bính Ngọ on Tuesday 17/02/2026);
// 1985 and 2007 are the years where Vietnam's meridian (UTC+7) gives another day than China's.
const tet: [number, string][] = [
  [1985, '1985-01-21'],
  [2007, '2007-02-17'],
  [2020, '2020-01-25'],
  [2021, '2021-02-12'],
  [2022, '2022-02-01'],
  [2023, '2023-01-22'],
  [2024, '2024-02-10'],
  [2025, '2025-01-29'],
  [2026, '2026-02-17'],
  [2027, '2027-02-06'],
  [2028, '2028-01-26'],
  [2029, '2029-02-13'],
  [2030, '2030-02-02'],
  [2031, '2031-01-23'],
  [2032, '2032-02-11'],
  [2033, '2033-01-31'],
  [2034, '2034-02-19'],
  [2035, '2035-02-08'],
]

const gioTo: [number, string][] = [
  [2021, '2021-04-21'],
  [2022, '2022-04-10'],
  [2023, '2023-04-29'],
  [2024, '2024-04-18'],
  [2025, '2025-04-07'],
  [2026, '2026-04-26'],
  [2027, '2027-04-16'],
]

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it.each(tet)('puts Tết %i on %s', (year, date) => {
    expect(computeLunarNewYear(year)).toBe(date)
  })

  it.each(gioTo)('puts Giỗ Tổ Hùng Vương %i on %s', (year, date) => {
    expect(convertLunarDate(10, 3, year)).toBe(date)
  })

  it('reads the leap month of a leap year and refuses one that does not exist', () => {
    // Năm Quý Mão 2023 has a leap second month (tháng 2 nhuận) starting on 22/03/2023.
    expect(convertLunarDate(1, 2, 2023)).toBe('2023-02-20')
    expect(convertLunarDate(1, 2, 2023, true)).toBe('2023-03-22')
    expect(convertLunarDate(1, 3, 2023)).toBe('2023-04-20')
    expect(convertLunarDate(1, 5, 2026, true)).toBeNull()
  })

  it('ends the lunar year the day before the next Tết (29 tháng Chạp Ất Tỵ = 16/02/2026)', () => {
    expect(convertLunarDate(29, 12, 2025)).toBe('2026-02-16')
  })
})
