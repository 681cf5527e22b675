import { describe, expect, it } from 'vitest'
import { foldText } from '../../core/index.ts'
import {
  computeEditDistance,
  foldKeepingNumbers,
  foldKeepingSeparators,
  parseVietnameseNumber,
  squeezeSpaces,
} from '../../core/text.ts'

describe('foldText', () => {
  it.each([
    ['Sở Nội vụ', 'so noi vu'],
    ['ĐẮK LẮK', 'dak lak'],
    ['Thường xuyên', 'thuong xuyen'],
    ['THƯỜNG XUYÊN', 'thuong xuyen'],
    ['Sở Văn hóa, Thể thao và Du lịch', 'so van hoa the thao va du lich'],
    ['Sở Văn hoá Thể thao du lịch', 'so van hoa the thao du lich'],
    ['Văn phòng Tỉnh Ủy', 'van phong tinh uy'],
    ['Sở KH&CN', 'so kh cn'],
    ['VP HĐND-UBND', 'vp hdnd ubnd'],
    ['  Chi cục Kiểm lâm tỉnh Đắk Lắk ', 'chi cuc kiem lam tinh dak lak'],
    ['Trong  năm\n2026', 'trong nam 2026'],
    ['Quý IV/2026', 'quy iv 2026'],
    ['UBND các tỉnh/ thành phố', 'ubnd cac tinh thanh pho'],
    ['', ''],
    ['✅ Hoàn thành', 'hoan thanh'],
  ])('folds "%s" to "%s"', (text, folded) => {
    expect(foldText(text)).toBe(folded)
  })

  it('folds text typed with combining marks like precomposed text', () => {
    expect(foldText('Sở Nội vụ'.normalize('NFD'))).toBe('so noi vu')
  })
})

describe('foldKeepingSeparators', () => {
  it.each([
    ['Trước ngày 31/12/2026', 'truoc ngay 31/12/2026'],
    ['Hoạt động 1.2', 'hoat dong 1.2'],
    ['Quí IV-2025', 'qui iv-2025'],
    ['1-7-2026', '1-7-2026'],
  ])('keeps the / . - of "%s"', (text, folded) => {
    expect(foldKeepingSeparators(text)).toBe(folded)
  })
})

describe('foldKeepingNumbers', () => {
  it.each([
    ['Đạt 95,5%', 'dat 95,5 pct'],
    ['Phấn đấu 90% -100% hồ sơ', 'phan dau 90 pct 100 pct ho so'],
    ['1.250 hồ sơ', '1.250 ho so'],
    ['28/30 xã', '28 30 xa'],
    ['báo cáo quý I, quý II', 'bao cao quy i quy ii'],
  ])('folds "%s" to "%s"', (text, folded) => {
    expect(foldKeepingNumbers(text)).toBe(folded)
  })
})

describe('squeezeSpaces', () => {
  it('joins lines and runs of spaces into single spaces', () => {
    expect(squeezeSpaces('  Sở Nội vụ,\n  Văn phòng UBND tỉnh\t ')).toBe(
      'Sở Nội vụ, Văn phòng UBND tỉnh',
    )
  })
})

describe('computeEditDistance', () => {
  it.each([
    ['so noi vu', 'so noi vu', 0],
    ['so noi vu', 'so noi vy', 1],
    ['so tai chinh', 'so tai chin', 1],
    ['', 'so tu phap', 10],
    ['so tu phap', '', 10],
    ['kitten', 'sitting', 3],
  ])('counts "%s" → "%s" as %i edits', (a, b, d) => {
    expect(computeEditDistance(a, b)).toBe(d)
    expect(computeEditDistance(b, a)).toBe(d)
  })
})

describe('parseVietnameseNumber', () => {
  it.each<[string, number]>([
    ['95,5', 95.5],
    ['1.250', 1250],
    ['1.250,5', 1250.5],
    ['1 250', 1250],
    ['1,250', 1.25],
    ['12,345,678', 12345678],
    ['2.5', 2.5],
    ['02', 2],
    ['100', 100],
    ['-3', -3],
    [' 30 ', 30],
  ])('reads "%s" as %d', (text, n) => {
    expect(parseVietnameseNumber(text)).toBe(n)
  })

  it.each(['', 'ba mươi', '30%', '28/30', '02 cuộc', 'x'])('reads "%s" as no number', (text) => {
    expect(parseVietnameseNumber(text)).toBeNull()
  })
})
