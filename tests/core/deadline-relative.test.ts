import { describe, expect, it } from 'vitest'
import {
  computeRelativeDue,
  parseCountWords,
  readRelativePhrases,
} from '../../core/deadline-relative.ts'
import { foldKeepingPunctuation } from '../../core/text.ts'

describe('parseCountWords', () => {
  it.each<[string, number | null]>([
    ['muoi lam', 15],
    ['mot', 1],
    ['nam', 5],
    ['muoi', 10],
    ['hai muoi', 20],
    ['hai muoi mot', 21],
    ['ba muoi tu', 34],
    ['bon muoi lam', 45],
    ['chin muoi', 90],
    ['mot tram', 100],
    ['mot tram linh nam', 105],
    ['hai tram nam muoi', 250],
    ['lam', null],
    ['muoi hai muoi', null],
  ])('reads "%s" as %s', (words, n) => {
    expect(parseCountWords(words)).toBe(n)
  })
})

describe('computeRelativeDue (Bộ luật Dân sự 2015, Điều 147–148)', () => {
  it.each<[string, number, 'day' | 'working-day' | 'week' | 'month' | 'year', string]>([
    ['2026-07-14', 100, 'day', '2026-10-22'],
    ['2026-07-14', 1, 'day', '2026-07-15'],
    // Ends on Saturday 18/7: the period ends on Monday 20/7.
    ['2026-07-14', 4, 'day', '2026-07-20'],
    // Ends on the 2/9 holiday (1/9 and 31/8 off too): the next working day is Thursday 3/9.
    ['2026-08-19', 13, 'day', '2026-09-03'],
    ['2026-07-14', 2, 'week', '2026-07-28'],
    ['2026-07-14', 5, 'working-day', '2026-07-21'],
    // A month without the corresponding day ends on its last day (Điều 148.3), then the next working day.
    ['2026-01-31', 1, 'month', '2026-03-02'],
    // 30/4 exists but is a holiday, then 1/5 and the weekend: Monday 4/5.
    ['2026-03-31', 1, 'month', '2026-05-04'],
    ['2026-08-31', 1, 'month', '2026-09-30'],
    ['2026-07-14', 3, 'month', '2026-10-14'],
    ['2026-11-16', 2, 'month', '2027-01-18'],
    ['2026-07-14', 1, 'year', '2027-07-14'],
  ])('counts from %s: %i %s → %s', (start, n, unit, due) => {
    expect(computeRelativeDue(start, n, unit)).toBe(due)
  })
})

describe('readRelativePhrases', () => {
  it('finds each phrase with its place, start and due, leaving the rest of the cell', () => {
    const folded = foldKeepingPunctuation(
      '- Trong vòng 30 ngày kể từ ngày ban hành Kế hoạch; - báo cáo trong tháng 12/2026',
    )
    const [phrase, ...rest] = readRelativePhrases(folded, '2026-07-14')
    expect(rest).toEqual([])
    expect(phrase).toEqual({
      at: 2,
      length: 'trong vong 30 ngay ke tu ngay ban hanh ke hoach'.length,
      kind: 'relative',
      start: '2026-07-14',
      due: '2026-08-13',
    })
  })

  it('tells the plan’s issuance from another body’s act', () => {
    const kinds = (text: string) =>
      readRelativePhrases(foldKeepingPunctuation(text), '2026-07-14').map((r) => r.kind)
    expect(kinds('15 ngày sau khi Kế hoạch này được phê duyệt')).toEqual(['relative'])
    expect(kinds('15 ngày kể từ ngày UBND tỉnh ban hành Kế hoạch')).toEqual(['relative'])
    expect(kinds('15 ngày sau khi Bộ Nội vụ ban hành hướng dẫn')).toEqual(['event'])
    expect(kinds('15 ngày kể từ ngày ban hành Luật')).toEqual(['event'])
    expect(kinds('15 ngày kể từ ngày ban hành quyết định công bố')).toEqual(['event'])
    expect(kinds('Kể từ khi Luật có hiệu lực trở đi')).toEqual(['standing'])
    expect(kinds('Triển khai từ ngày 01/7/2026')).toEqual([])
    expect(kinds('6 tháng đầu năm 2026')).toEqual([])
  })
})
