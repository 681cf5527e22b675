import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  computeHolidays,
  computeNextWorkingDay,
  findHolidaySource,
  isWorkingDay,
} from '../../core/holidays.ts'

const offIn = (year: number) => [...computeHolidays(year).off].sort(([a], [b]) => (a < b ? -1 : 1))

describe('public holidays of Vietnam (Bộ luật Lao động 2019, Điều 112)', () => {
  it('gives 2026 as the Government fixed it: Tết 16–20/02, Giỗ Tổ 26/04 with its Monday, 30/4–1/5, 1–2/9, two swaps', () => {
    expect(offIn(2026)).toEqual([
      ['2026-01-01', 'Tết Dương lịch'],
      ['2026-01-02', 'Nghỉ hoán đổi'],
      ['2026-02-16', 'Tết Âm lịch'],
      ['2026-02-17', 'Tết Âm lịch'],
      ['2026-02-18', 'Tết Âm lịch'],
      ['2026-02-19', 'Tết Âm lịch'],
      ['2026-02-20', 'Tết Âm lịch'],
      ['2026-04-26', 'Giỗ Tổ Hùng Vương'],
      // Giỗ Tổ falls on a Sunday: the Monday after is the compensatory day off (nghỉ bù).
      ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
      ['2026-04-30', 'Ngày Chiến thắng'],
      ['2026-05-01', 'Quốc tế Lao động'],
      ['2026-08-31', 'Nghỉ hoán đổi'],
      ['2026-09-01', 'Quốc khánh'],
      ['2026-09-02', 'Quốc khánh'],
    ])
    expect([...computeHolidays(2026).workedSaturdays]).toEqual(['2026-01-10', '2026-08-22'])
    expect(findHolidaySource(2026)).toContain('12729/VPCP-KGVX')
  })

  it('makes up holidays on a weekend on the next working days (2023: Giỗ Tổ on Saturday, 30/4 on Sunday)', () => {
    const off = new Map(offIn(2023))
    expect(off.get('2023-05-02')).toBe('Nghỉ bù Giỗ Tổ Hùng Vương')
    expect(off.get('2023-05-03')).toBe('Nghỉ bù Ngày Chiến thắng')
    expect(off.get('2023-09-04')).toBe('Nghỉ bù Quốc khánh')
    expect(off.get('2023-01-02')).toBe('Nghỉ bù Tết Dương lịch')
  })

  it('estimates a year not yet decided by the rule: Tết from the last day of the year, 2/9 joined to the weekend', () => {
    expect(findHolidaySource(2027)).toBeNull()
    expect(offIn(2027)).toEqual([
      ['2027-01-01', 'Tết Dương lịch'],
      ['2027-02-05', 'Tết Âm lịch'],
      ['2027-02-06', 'Tết Âm lịch'],
      ['2027-02-07', 'Tết Âm lịch'],
      ['2027-02-08', 'Tết Âm lịch'],
      ['2027-02-09', 'Tết Âm lịch'],
      ['2027-02-10', 'Nghỉ bù Tết Âm lịch'],
      ['2027-02-11', 'Nghỉ bù Tết Âm lịch'],
      ['2027-04-16', 'Giỗ Tổ Hùng Vương'],
      ['2027-04-30', 'Ngày Chiến thắng'],
      ['2027-05-01', 'Quốc tế Lao động'],
      ['2027-05-03', 'Nghỉ bù Quốc tế Lao động'],
      ['2027-09-02', 'Quốc khánh'],
      // 2/9/2027 is a Thursday: the Friday joins it to the weekend, as in 2021.
      ['2027-09-03', 'Quốc khánh'],
    ])
  })

  it('counts Saturdays worked for a swap as working days, and swapped weekdays as days off', () => {
    expect(isWorkingDay('2026-01-10')).toBe(true)
    expect(isWorkingDay('2026-01-02')).toBe(false)
    expect(isWorkingDay('2026-01-17')).toBe(false)
    expect(isWorkingDay('2026-02-17')).toBe(false)
    expect(isWorkingDay('2026-02-23')).toBe(true)
  })

  it('moves a day off to the next working day (Bộ luật Dân sự 2015, Điều 148.5)', () => {
    expect(computeNextWorkingDay('2026-09-12')).toBe('2026-09-14')
    expect(computeNextWorkingDay('2026-08-29')).toBe('2026-09-03')
    expect(computeNextWorkingDay('2026-02-14')).toBe('2026-02-23')
    expect(computeNextWorkingDay('2026-07-14')).toBe('2026-07-14')
  })

  it('counts working days from the day after, skipping weekends and holidays', () => {
    expect(addWorkingDays('2026-07-14', 5)).toBe('2026-07-21')
    expect(addWorkingDays('2026-02-12', 3)).toBe('2026-02-24')
    expect(addWorkingDays('2026-04-24', 2)).toBe('2026-04-29')
  })
})
