import { describe, expect, it } from 'vitest'
import { computeTargetsResult, parseAchieved, parseTargets, readTable } from '../../core/index.ts'
import { readParSipasGrid } from '../../scripts/seeds.ts'

// Target phrases as the PAR/SIPAS seed writes them, with the targets they state.
const phrases: [string, { op: string; value: number | null; unit: string }[]][] = [
  [
    'Trong năm 2026 phải thực hiện kiểm tra CCHC ít nhất là 30% số cơ quan, đơn vị theo quy định.',
    [{ op: '>=', value: 30, unit: '%' }],
  ],
  [
    '100% các báo cáo CCHC định kỳ trong năm 2026, gồm: báo cáo quý I, quý II, 06 tháng và báo cáo năm phải thực hiện đúng theo quy định của Bộ Nội vụ.',
    [{ op: '>=', value: 100, unit: '%' }],
  ],
  [
    '- Từng cấp tỉnh, cấp xã đạt từ 98% hồ sơ TTHC trở lên tiếp nhận trong năm 2026 được giải quyết đúng hạn.',
    [{ op: '>=', value: 98, unit: '%' }],
  ],
  [
    '- Phân đầu 90% -100% hồ sơ giải quyết trực tuyến của DVC trực tuyến toàn trình;',
    [{ op: '>=', value: 90, unit: '%' }],
  ],
  [
    'Trong năm 2026, tổ chức 02 cuộc đối thoại/diễn đàn giữa Lãnh đạo tỉnh với người dân, doanh nghiệp',
    [{ op: '>=', value: 2, unit: 'count' }],
  ],
  [
    '- Trong năm 2026 tỉnh phải có từ 03 sáng kiến CCHC trở lên được UBND tỉnh phê duyệt',
    [{ op: '>=', value: 3, unit: 'count' }],
  ],
  [
    'Phân đấu điểm chỉ số phục vụ người dân, doanh nghiệp theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ phải đạt từ 94 điểm trở lên.',
    [{ op: '>=', value: 94, unit: 'points' }],
  ],
  [
    'Thực hiện đảm bảo tổng vốn đầu tư khu vực ngoài nhà nước trong năm thực hiện phải cao hơn năm trước liền kề.',
    [{ op: 'baseline', value: null, unit: '%' }],
  ],
  [
    'Các cơ quan, đơn vị, địa phương thực hiện nghiêm túc, không để xảy ra sai phạm quy định về việc sử dụng kinh phí',
    [{ op: '=', value: 0, unit: 'count' }],
  ],
  [
    '- Đạt từ 50 TTHC hoặc nhóm TTHC trở lên được giải quyết theo hình thức liên thông cùng cấp; - Đạt từ 30 TTHC hoặc nhóm TTHC trở lên được giải quyết theo hình thức liên thông giữa các cấp.',
    [
      { op: '>=', value: 50, unit: 'count' },
      { op: '>=', value: 30, unit: 'count' },
    ],
  ],
  ['Mức độ hài lòng đạt trên 95,5%', [{ op: '>', value: 95.5, unit: '%' }]],
  // A ceiling: below it, or at most it.
  ['Tỷ lệ hồ sơ trễ hạn dưới 1%', [{ op: '<', value: 1, unit: '%' }]],
  ['Tỷ lệ hồ sơ trễ hạn không quá 1%', [{ op: '<=', value: 1, unit: '%' }]],
  ['Tối đa 5%', [{ op: '<=', value: 5, unit: '%' }]],
  ['≤ 2%', [{ op: '<=', value: 2, unit: '%' }]],
  ['Không quá 2 hồ sơ trễ hạn', [{ op: '<=', value: 2, unit: 'count' }]],
  ['Rà soát, cập nhật và ban hành các văn bản theo quy định của Chính phủ', []],
]

describe('parseTargets', () => {
  it.each(phrases)('reads targets in "%s"', (text, expected) => {
    expect(parseTargets(text).map(({ op, value, unit }) => ({ op, value, unit }))).toEqual(expected)
  })

  it('reads every bullet of a several-target cell in the seed (7.13: three 90%-100% targets)', () => {
    const row = readTable(readParSipasGrid())!.rows.find((r) => r.stt === '7.13')!
    expect(parseTargets(row.cells.content!.text).filter((t) => t.unit === '%')).toHaveLength(3)
  })
})

describe('parseAchieved', () => {
  it.each([
    ['100%', [{ value: 100, unit: '%' }]],
    ['95,5%', [{ value: 95.5, unit: '%' }]],
    ['2', [{ value: 2, unit: null }]],
    ['02 cuộc', [{ value: 2, unit: 'count' }]],
    ['96,2 điểm', [{ value: 96.2, unit: 'points' }]],
    ['Không', [{ value: 0, unit: 'count' }]],
    ['0', [{ value: 0, unit: null }]],
  ] as const)('reads "%s"', (text, expected) => {
    expect(parseAchieved(text)).toEqual(expected)
  })

  it('reads a ratio 28/30 as a percentage and several values separated by ";"', () => {
    const [a, b] = parseAchieved('28/30; 96%')!
    expect(a!.value).toBeCloseTo(93.33, 2)
    expect(b).toEqual({ value: 96, unit: '%' })
  })

  it('refuses text that is no figure', () => {
    expect(parseAchieved('khá tốt')).toBeNull()
  })
})

describe('computeTargetsResult', () => {
  const targets = parseTargets('- Đạt từ 50 TTHC trở lên; - Đạt từ 30 TTHC trở lên')
  it('is met only when every target is met, in order', () => {
    expect(computeTargetsResult(targets, parseAchieved('52; 31')!)).toMatchObject({ met: true })
    expect(computeTargetsResult(targets, parseAchieved('52; 20')!)).toMatchObject({ met: false })
  })
  it('meets a ceiling below it and misses it above', () => {
    const ceiling = parseTargets('Tỷ lệ hồ sơ trễ hạn dưới 1%')
    expect(computeTargetsResult(ceiling, parseAchieved('0,5%')!)).toEqual({ met: true, ratio: 1 })
    expect(computeTargetsResult(ceiling, parseAchieved('2%')!)).toEqual({ met: false, ratio: 0.5 })
  })
  it('is not judged without achieved values or for baseline targets', () => {
    expect(computeTargetsResult(targets, [])).toEqual({ met: null, ratio: null })
    expect(
      computeTargetsResult(parseTargets('tăng so với năm trước liền kề'), parseAchieved('5%')!).met,
    ).toBeNull()
  })
})
