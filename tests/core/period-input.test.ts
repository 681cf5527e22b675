import { describe, expect, it } from 'vitest'
import { parsePeriod, parsePeriodInput } from '../../core/index.ts'

// Periods as people type them: the ids, the app's own labels, what the seeds' plans write
// ("Quý III/2026", "Quý I/2028", "NĂM 2026") and what officers type in a hurry.
const readings: [string, string][] = [
  ['2026-Q3', '2026-Q3'],
  ['2026-q3', '2026-Q3'],
  ['2026 Q3', '2026-Q3'],
  ['Quý III/2026', '2026-Q3'],
  ['Quý IV/2026', '2026-Q4'],
  ['Quý II/2026', '2026-Q2'],
  ['Quý I/2028', '2028-Q1'],
  ['Quý 3/2026', '2026-Q3'],
  ['quý 3 - 2026', '2026-Q3'],
  ['Quý IV năm 2026', '2026-Q4'],
  ['QUÝ I NĂM 2027', '2027-Q1'],
  ['Qúy 2/2026', '2026-Q2'],
  ['Q3/2026', '2026-Q3'],
  ['q4 2026', '2026-Q4'],
  ['2026-H1', '2026-H1'],
  ['H2/2026', '2026-H2'],
  ['6 tháng đầu năm 2026', '2026-H1'],
  ['6 tháng cuối năm 2026', '2026-H2'],
  ['6 THÁNG ĐẦU NĂM 2026', '2026-H1'],
  ['sáu tháng đầu năm 2026', '2026-H1'],
  ['Năm 2026', '2026'],
  ['NĂM 2026', '2026'],
  ['cả năm 2026', '2026'],
  ['2026', '2026'],
  ['Tháng 7/2026', '2026-07'],
  ['tháng 12 năm 2025', '2025-12'],
  ['2026-07', '2026-07'],
  ['07/2026', '2026-07'],
  ['  Quý III/2026  ', '2026-Q3'],
]

const refusals = [
  '',
  'Quý V/2026',
  'Q5/2026',
  'Quý 0/2026',
  'Tháng 13/2026',
  '2026-13',
  'quý III',
  'Năm nay',
  '6 tháng 2026',
  'Quý III/2026 và Quý IV/2026',
  '2026-Q3-x',
  '1899',
]

describe('parsePeriodInput', () => {
  it.each(readings)('reads "%s" as %s', (text, id) => {
    expect(parsePeriodInput(text)).toEqual(parsePeriod(id))
  })

  it.each(refusals)('names no period in "%s"', (text) => {
    expect(parsePeriodInput(text)).toBeNull()
  })

  it('reads every label the app itself writes back to its period', () => {
    for (const id of [
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2026-H1',
      '2026-H2',
      '2026',
      '2026-07',
    ]) {
      const period = parsePeriod(id)!
      expect(parsePeriodInput(period.label)).toEqual(period)
    }
  })

  it('keeps a province’s own cut-off and due days', () => {
    expect(parsePeriodInput('Quý 3/2026', 15, 20)).toMatchObject({
      id: '2026-Q3',
      cutOff: '2026-09-15',
      due: '2026-09-20',
    })
  })
})
