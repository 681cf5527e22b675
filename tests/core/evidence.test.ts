import { describe, expect, it } from 'vitest'
import { parseEvidence, validateEvidence, validateTable } from '../../core/index.ts'
import { createPlanGrid } from '../helpers/grid.ts'

const window = { from: '2026-01-01', asOf: '2026-09-14' }

describe('parseEvidence', () => {
  it.each([
    [
      'Báo cáo số 12/BC-UBND ngày 15/3/2026 của UBND tỉnh',
      { number: '12/BC-UBND', date: '2026-03-15', issuer: 'UBND tỉnh' },
    ],
    [
      'Kế hoạch 0156/KH-UBND ngày 26 tháng 12 năm 2025',
      { number: '0156/KH-UBND', date: '2025-12-26', issuer: 'UBND' },
    ],
    ['Nghị định 09/2019/NĐ-CP', { number: '09/2019/NĐ-CP', date: null, issuer: 'CP' }],
    ['Kế hoạch số 3/KH-UBND', { number: '3/KH-UBND', date: null, issuer: 'UBND' }],
    ['Báo cáo ngày 20/06/2026', { number: null, date: '2026-06-20', issuer: null }],
  ])('reads %j', (text, expected) => {
    expect(parseEvidence(text)).toEqual([{ text, ...expected }])
  })

  it('reads each reference of a cell separated by ";" or a line break', () => {
    expect(
      parseEvidence('Quyết định số 45/QĐ-UBND ngày 02/02/2026;\nBáo cáo số 7/BC-SNV ngày 1/4/2026'),
    ).toHaveLength(2)
  })
})

describe('validateEvidence', () => {
  it.each([
    ['Báo cáo số 12/BC-UBND ngày 15/3/2026 của UBND tỉnh', null],
    ['Kế hoạch số 3/KH-UBND', 'no-date'],
    ['TB số 5/TB-UBND', 'no-date'],
    ['QĐ 3', 'no-number'],
    ['https://drive.google.com/drive/folders/abc', 'no-number'],
    ['Kế hoạch 0156/KH-UBND ngày 26/12/2025', 'outside-period'],
    ['Báo cáo số 20/BC-UBND ngày 30/9/2026', 'after-report'],
  ])('judges %j as %j', (text, problem) => {
    expect(validateEvidence(text, window)?.problem ?? null).toBe(problem)
  })
})

describe('row/evidence-unverifiable in a report', () => {
  it('warns on a done task whose evidence has no date, not on a proper reference or an unfinished task', () => {
    const report = validateTable(
      createPlanGrid([
        [
          1,
          'Ban hành kế hoạch',
          'Sở Nội vụ',
          '',
          'Quý I/2026',
          'Đã hoàn thành',
          '20/03/2026',
          '',
          'Báo cáo số 12/BC-UBND ngày 15/3/2026 của UBND tỉnh',
        ],
        [
          2,
          'Kiểm tra công vụ',
          'Sở Nội vụ',
          '',
          'Quý II/2026',
          'Hoàn thành',
          '30/06/2026',
          '',
          'Kế hoạch số 3/KH-UBND',
        ],
        [
          3,
          'Tuyên truyền',
          'Sở Nội vụ',
          '',
          'Quý IV/2026',
          'Đang thực hiện',
          '',
          '',
          'Kế hoạch số 4/KH-UBND',
        ],
      ]),
      { asOf: '2026-09-14' },
    )
    const evidence = report.issues.filter((i) => i.code === 'row/evidence-unverifiable')
    expect(evidence).toEqual([
      expect.objectContaining({
        code: 'row/evidence-unverifiable',
        severity: 'warning',
        row: 5,
        column: 'I',
        field: 'evidence',
        value: 'Kế hoạch số 3/KH-UBND',
        message: {
          vi: 'Tài liệu kiểm chứng “Kế hoạch số 3/KH-UBND” không ghi ngày ban hành: không đối chiếu được.',
          en: 'The evidence “Kế hoạch số 3/KH-UBND” has no date: it cannot be verified.',
        },
      }),
    ])
  })
})
