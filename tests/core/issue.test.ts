import { describe, expect, it } from 'vitest'
import {
  createIssue,
  issueCatalogue,
  issueCodes,
  issueParamKeys,
  severities,
} from '../../core/index.ts'

describe('createIssue', () => {
  it('builds an issue with its place, severity, message and hint from the catalogue', () => {
    expect(
      createIssue(
        'cell/invalid-deadline',
        { row: 12, column: 'F', field: 'deadline', value: 'Sớm nhất có thể' },
        { found: 'Sớm nhất có thể' },
      ),
    ).toEqual({
      code: 'cell/invalid-deadline',
      severity: 'error',
      row: 12,
      column: 'F',
      field: 'deadline',
      value: 'Sớm nhất có thể',
      message: {
        vi: 'Không hiểu được thời hạn “Sớm nhất có thể”.',
        en: 'The deadline “Sớm nhất có thể” cannot be understood.',
      },
      hint: {
        vi: 'Ghi theo dạng: “Trong năm 2026”, “Quý IV/2026”, “Tháng 12/2026”, “Trước ngày 31/12/2026”, “30 ngày kể từ ngày ban hành Kế hoạch” hoặc “Thường xuyên”.',
        en: 'Write it as “Trong năm 2026”, “Quý IV/2026”, “Tháng 12/2026”, “Trước ngày 31/12/2026”, “30 ngày kể từ ngày ban hành Kế hoạch” or “Thường xuyên”.',
      },
    })
  })

  it('points nowhere when no place is given, as for a whole-table issue', () => {
    expect(createIssue('table/not-found')).toMatchObject({
      code: 'table/not-found',
      severity: 'error',
      row: null,
      column: null,
      field: null,
      value: null,
    })
  })

  it('carries the automatic fix for a TCVN3 cell', () => {
    const issue = createIssue(
      'cell/legacy-encoding',
      { row: 7, column: 'D', field: 'lead', value: 'Së Néi vô' },
      { found: 'TCVN3', expected: 'Sở Nội vụ' },
      'Sở Nội vụ',
    )
    expect(issue).toMatchObject({ code: 'cell/legacy-encoding', fix: 'Sở Nội vụ' })
    expect(issue.message).toEqual({
      vi: 'Ô được gõ bằng bảng mã cũ TCVN3 (không phải Unicode): “Sở Nội vụ”.',
      en: 'The cell is typed in the legacy TCVN3 encoding (not Unicode): “Sở Nội vụ”.',
    })
  })

  it('keeps an empty fix (a cell to clear) but leaves out a missing one', () => {
    expect(createIssue('cell/html-markup', {}, {}, '')).toHaveProperty('fix', '')
    expect(createIssue('cell/html-markup')).not.toHaveProperty('fix')
  })

  it('is JSON-safe: it survives a round trip unchanged', () => {
    const issue = createIssue(
      'cell/unknown-agency',
      { row: 9, column: 'D', field: 'lead', value: 'Sở Sở Công thương' },
      { found: 'Sở Sở Công thương', suggestion: 'Sở Công Thương' },
    )
    expect(JSON.parse(JSON.stringify(issue))).toEqual(issue)
  })

  it('takes the severity of every code from the catalogue', () => {
    for (const code of issueCodes) {
      expect(createIssue(code).severity).toBe(issueCatalogue[code].severity)
    }
  })
})

describe('issueCodes', () => {
  it('are unique and namespaced as kind/name', () => {
    expect(new Set(issueCodes).size).toBe(issueCodes.length)
    expect(
      issueCodes.filter((c) => !/^(table|header|row|cell|report|plan)\/[a-z]+(-[a-z]+)*$/.test(c)),
    ).toEqual([])
  })

  it('use the three severities, errors first', () => {
    expect(severities).toEqual(['error', 'warning', 'info'])
  })
})

describe('issueParamKeys', () => {
  // A value each parameter can take, distinct enough to be seen in a message.
  const samples = {
    reason: 'after-report',
    counted: 'in-progress',
    count: 7,
    total: 9,
  } as const
  const sample = (key: string) => samples[key as keyof typeof samples] ?? `‹${key}›`

  it.each([...issueCodes])('names exactly the values the message of %s mentions', (code) => {
    const entry = issueCatalogue[code]
    const render = (params: Record<string, unknown>) =>
      JSON.stringify([entry.message(params), entry.hint(params)])
    const keys: readonly string[] = issueParamKeys[code]
    const all = Object.fromEntries(keys.map((k) => [k, sample(k)]))
    // Every listed value changes what the issue says.
    for (const key of keys) {
      const without = Object.fromEntries(Object.entries(all).filter(([k]) => k !== key))
      expect(render(all), `${code}: ${key}`).not.toBe(render(without))
    }
  })

  it('refuses, at compile time, a value the code’s message does not mention', () => {
    // @ts-expect-error: the message of cell/required names a field, never a found value.
    const issue = createIssue('cell/required', { row: 3 }, { field: 'STT', found: 'x' })
    expect(issue.code).toBe('cell/required')
  })
})
