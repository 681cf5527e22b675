import { describe, expect, it } from 'vitest'
import { readFiguresInText } from '../../core/achieved.ts'
import { phrasebook } from '../../scripts/phrasebook.ts'

describe('readFiguresInText', () => {
  it('reads ratios and percentages inside text', () => {
    expect(readFiguresInText('Đã kiểm tra 15/18 cơ quan')[0]?.value).toBeCloseTo(83.33, 2)
    expect(readFiguresInText('đạt 98,7%')).toEqual([{ value: 98.7, unit: '%' }])
    expect(readFiguresInText('cắt giảm 50% thời gian đối với 03 TTHC')).toEqual([
      { value: 50, unit: '%' },
      { value: 3, unit: 'count' },
    ])
  })

  it('skips dates, years, periods and document numbers', () => {
    expect(
      readFiguresInText(
        'Hiện đơn vị có Tờ trình số 133-TTr/VPTU ngày 14/8/2026 gửi UBND tỉnh về việc xin dừng',
      ),
    ).toEqual([])
    expect(readFiguresInText('9 tháng đầu năm, tỷ lệ giải quyết hồ sơ đạt 96,6%')).toEqual([
      { value: 96.6, unit: '%' },
    ])
  })

  it('finds a figure in every achieved text of the sample', () => {
    expect(phrasebook.achieved.filter((a) => !readFiguresInText(a.text).length)).toEqual([])
  })
})
