import { describe, expect, it } from 'vitest'
import { parseStt } from '../../core/index.ts'
import { parseRoman, type SttCode } from '../../core/stt.ts'
import phrasebook from '../fixtures/phrasebook-sample.json' with { type: 'json' }

const phrasebookStt = new Set(phrasebook.stt.map((s) => s.text))

describe('parseStt', () => {
  // STT cells as the phrasebook's tables and the seed plans write them.
  it.each<[string, SttCode | null]>([
    ['I', { kind: 'section', code: 'I', index: 1 }],
    ['I.', { kind: 'section', code: 'I', index: 1 }],
    ['PHẦN I.', { kind: 'section', code: 'I', index: 1 }],
    ['1.1', { kind: 'numbered', code: '1.1', parts: [1, 1] }],
    ['5.1', { kind: 'numbered', code: '5.1', parts: [5, 1] }],
    ['5', { kind: 'numbered', code: '5', parts: [5] }],
    ['(1)', { kind: 'numbered', code: '1', parts: [1] }],
    // Capital letters are the parts above the sections (grouping tasks by source or lead agency).
    ['A', { kind: 'part', code: 'A' }],
    ['A.', { kind: 'part', code: 'A' }],
    ['a.', { kind: 'lettered', code: 'a' }],
    ['NV1', { kind: 'other', code: 'NV1' }],
    ['Q1', { kind: 'other', code: 'Q1' }],
    // A step label numbers the steps of a procedure.
    ['Bước 1', { kind: 'numbered', code: '1', parts: [1] }],
    ['I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY', null],
    ['Tổng thời gian giải quyết TTHC', null],
  ])('reads the phrasebook’s "%s" as %j', (text, code) => {
    expect(phrasebookStt.has(text)).toBe(true)
    expect(parseStt(text)).toEqual(code)
  })

  it.each<[string, SttCode]>([
    ['II', { kind: 'section', code: 'II', index: 2 }],
    ['iv', { kind: 'section', code: 'IV', index: 4 }],
    ['XIV', { kind: 'section', code: 'XIV', index: 14 }],
    ['Phần II', { kind: 'section', code: 'II', index: 2 }],
    ['LĨNH VỰC III', { kind: 'section', code: 'III', index: 3 }],
    ['Chương IV', { kind: 'section', code: 'IV', index: 4 }],
    ['Mục V', { kind: 'section', code: 'V', index: 5 }],
    ['12', { kind: 'numbered', code: '12', parts: [12] }],
    ['1.', { kind: 'numbered', code: '1', parts: [1] }],
    ['2)', { kind: 'numbered', code: '2', parts: [2] }],
    ['1 . 2', { kind: 'numbered', code: '1.2', parts: [1, 2] }],
    ['1.2.3', { kind: 'numbered', code: '1.2.3', parts: [1, 2, 3] }],
    ['1,1', { kind: 'numbered', code: '1.1', parts: [1, 1] }],
    ['Nhiệm vụ 1', { kind: 'numbered', code: '1', parts: [1] }],
    ['Bước 3', { kind: 'numbered', code: '3', parts: [3] }],
    ['Hoạt động 1.2', { kind: 'numbered', code: '1.2', parts: [1, 2] }],
    ['Mục 3', { kind: 'numbered', code: '3', parts: [3] }],
    ['Nội dung 4', { kind: 'numbered', code: '4', parts: [4] }],
    ['Tiêu chí 2.1', { kind: 'numbered', code: '2.1', parts: [2, 1] }],
    ['  7  ', { kind: 'numbered', code: '7', parts: [7] }],
    ['-', { kind: 'bullet', code: '-' }],
    ['–', { kind: 'bullet', code: '–' }],
    ['+', { kind: 'bullet', code: '+' }],
    ['•', { kind: 'bullet', code: '•' }],
    ['*', { kind: 'bullet', code: '*' }],
    ['a)', { kind: 'lettered', code: 'a' }],
    ['(b)', { kind: 'lettered', code: 'b' }],
    ['đ)', { kind: 'lettered', code: 'đ' }],
    ['i)', { kind: 'lettered', code: 'i' }],
    ['v.', { kind: 'section', code: 'V', index: 5 }],
    ['Phần B', { kind: 'part', code: 'B' }],
    ['Đ)', { kind: 'part', code: 'Đ' }],
    // I, V and X stay roman sections.
    ['V', { kind: 'section', code: 'V', index: 5 }],
  ])('reads "%s" as %j', (text, code) => {
    expect(parseStt(text)).toEqual(code)
  })

  it.each<[number, SttCode]>([
    [1, { kind: 'numbered', code: '1', parts: [1] }],
    [12, { kind: 'numbered', code: '12', parts: [12] }],
    [1.1, { kind: 'numbered', code: '1.1', parts: [1, 1] }],
    [5.1, { kind: 'numbered', code: '5.1', parts: [5, 1] }],
  ])('reads the number %d Excel stored as %j', (value, code) => {
    expect(parseStt(value)).toEqual(code)
  })

  it('reads 5.10 stored as a number as 5.1 (the table repairs it from its neighbours)', () => {
    expect(parseStt(5.1)).toEqual(parseStt('5.1'))
  })

  it.each([null, '', '   '])('reads the empty cell %j as no number', (value) => {
    expect(parseStt(value)).toBeNull()
  })

  it('takes long text in the STT column for a title, not a code', () => {
    expect(parseStt('Nhiệm vụ trọng tâm')).toBeNull()
    expect(parseStt('Nhiệm vụ')).toEqual({ kind: 'other', code: 'Nhiệm vụ' })
    // (three words are a title however short: a unit's heading merged over the row)
    expect(parseStt('PHÒNG NỘI VỤ')).toBeNull()
    // (so is a section's or a part's number before its title, however short)
    expect(parseStt('I. LUẬT')).toBeNull()
    expect(parseStt('B. Thông tư')).toBeNull()
  })

  it('reads a number closed by a dash, a slash or a colon, or after "No." or "Số", as that number', () => {
    for (const text of ['1-', '1/', '1:', 'No. 1', 'Số 1'])
      expect(parseStt(text)).toEqual({ kind: 'numbered', code: '1', parts: [1] })
  })

  it('takes a share for no number ("40%", "~10%")', () => {
    expect(parseStt('40%')).toEqual({ kind: 'other', code: '40%' })
    expect(parseStt('~10%')).toEqual({ kind: 'other', code: '~10%' })
  })
})

describe('parseRoman', () => {
  it.each([
    ['I', 1],
    ['IV', 4],
    ['IX', 9],
    ['XL', 40],
    ['XC', 90],
    ['CC', 200],
    ['xii', 12],
  ])('reads "%s" as %i', (text, n) => {
    expect(parseRoman(text)).toBe(n)
  })

  it.each(['', 'M', 'A', '1', 'I1'])('reads "%s" as no roman numeral', (text) => {
    expect(parseRoman(text)).toBeNull()
  })
})
