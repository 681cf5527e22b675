import { describe, expect, it } from 'vitest'
import {
  issueCatalogue,
  issueCodes,
  severities,
  severityLabels,
  statusLabels,
  taskStatuses,
  type Bilingual,
} from '../../core/index.ts'
import type { MessageParams } from '../../core/issue-codes.ts'

// Values as a real report fills them in.
const params: MessageParams = {
  field: 'Cơ quan chủ trì',
  expected: '1.2',
  found: 'Sở Sở Công thương',
  suggestion: 'Sở Công Thương',
  date: '20/09/2026',
  due: '14/09/2026',
  start: '01/10/2026',
  max: '2',
  column: 'F',
  count: 3,
  profile: 'Đắk Lắk 2026 (tạm thời)',
}

function textsOf(code: (typeof issueCodes)[number], p: MessageParams): [string, Bilingual][] {
  const entry = issueCatalogue[code]
  return [
    ['message', entry.message(p)],
    ['hint', entry.hint(p)],
  ]
}

describe('issueCatalogue', () => {
  it('has an entry for every issue code and none besides', () => {
    expect(Object.keys(issueCatalogue).sort()).toEqual([...issueCodes].sort())
  })

  it.each(issueCodes)('gives %s a known severity', (code) => {
    expect(severities).toContain(issueCatalogue[code].severity)
  })

  it.each(issueCodes)('gives %s a Vietnamese and English message and hint, none empty', (code) => {
    for (const p of [{}, params]) {
      for (const [, text] of textsOf(code, p)) {
        expect(Object.keys(text).sort()).toEqual(['en', 'vi'])
        expect(text.vi.trim().length).toBeGreaterThan(10)
        expect(text.en.trim().length).toBeGreaterThan(10)
      }
    }
  })

  it.each(issueCodes)('writes %s in Vietnamese, not English, in its vi text', (code) => {
    for (const [, text] of textsOf(code, params)) {
      expect(text.vi).not.toBe(text.en)
      expect(text.vi).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i)
    }
  })

  it.each(issueCodes)('leaves no placeholder or "undefined" in the text of %s', (code) => {
    for (const p of [{}, params]) {
      for (const [, text] of textsOf(code, p)) {
        for (const t of [text.vi, text.en]) expect(t).not.toMatch(/undefined|null|NaN|\$\{|\{\w+\}/)
      }
    }
  })

  it('quotes the value found and the number expected in a broken sequence', () => {
    expect(issueCatalogue['row/stt-sequence'].message({ found: '1.3', expected: '1.2' })).toEqual({
      vi: 'Số thứ tự “1.3” không liền mạch: mong đợi “1.2”.',
      en: 'Number “1.3” breaks the sequence: “1.2” expected.',
    })
  })

  it('suggests the nearest agency name only when there is one', () => {
    expect(issueCatalogue['cell/unknown-agency'].hint({ suggestion: 'Sở Công Thương' })).toEqual({
      vi: 'Có phải là “Sở Công Thương”?',
      en: 'Did you mean “Sở Công Thương”?',
    })
    expect(issueCatalogue['cell/unknown-agency'].hint({})).toEqual({
      vi: 'Kiểm tra tên cơ quan theo danh mục của tỉnh.',
      en: 'Check the name against the province’s agency list.',
    })
  })

  it('names the next number for a repeated STT only when it is known', () => {
    expect(issueCatalogue['row/stt-duplicate'].hint({ expected: '1.2' })).toEqual({
      vi: 'Số thứ tự tiếp theo nên là “1.2”.',
      en: 'The next number should be “1.2”.',
    })
    expect(issueCatalogue['row/stt-duplicate'].hint({}).vi).toBe('Đánh lại số thứ tự cho đúng.')
  })

  it('adds the target to the achieved-value hint only when there is one', () => {
    const withTarget = issueCatalogue['cell/invalid-achieved'].hint({ expected: '≥ 30%' })
    const without = issueCatalogue['cell/invalid-achieved'].hint({})
    expect(withTarget.vi).toBe(`${without.vi.slice(0, -1)}; chỉ tiêu: ≥ 30%.`)
    expect(withTarget.en).toBe(`${without.en.slice(0, -1)}; target: ≥ 30%.`)
  })

  it('gives both dates of a completion after the cut-off', () => {
    expect(
      issueCatalogue['cell/completion-in-future'].message({
        date: '20/09/2026',
        due: '14/09/2026',
      }),
    ).toEqual({
      vi: 'Ngày hoàn thành 20/09/2026 sau ngày báo cáo 14/09/2026.',
      en: 'Completion date 20/09/2026 is after the report date 14/09/2026.',
    })
  })
})

describe('statusLabels', () => {
  it('labels every task status in both languages', () => {
    expect(Object.keys(statusLabels).sort()).toEqual([...taskStatuses].sort())
    for (const s of taskStatuses) {
      expect(statusLabels[s].vi.length).toBeGreaterThan(3)
      expect(statusLabels[s].en.length).toBeGreaterThan(3)
    }
  })

  it('uses the words of the template’s progress dropdown', () => {
    expect(statusLabels).toMatchObject({
      'in-progress': { vi: 'Đang thực hiện' },
      'not-started': { vi: 'Chưa thực hiện' },
      ongoing: { vi: 'Thường xuyên' },
      overdue: { vi: 'Quá hạn' },
    })
  })
})

describe('severityLabels', () => {
  it('labels every severity in both languages', () => {
    expect(severityLabels).toEqual({
      error: { vi: 'Lỗi', en: 'Error' },
      warning: { vi: 'Cảnh báo', en: 'Warning' },
      info: { vi: 'Thông tin', en: 'Info' },
    })
  })
})
