import { describe, expect, it } from 'vitest'
import {
  countNumberedSiblings,
  findItemLetter,
  holdsLetteredList,
  opensItems,
  type ItemDraft,
} from '../../core/items.ts'
import { parseStt } from '../../core/stt.ts'

const draft = (stt: string | null, content: string, lead?: string): ItemDraft => ({
  stt: parseStt(stt),
  cells: {
    content: { text: content, column: 'B' },
    ...(lead ? { lead: { text: lead, column: 'C' } } : {}),
  },
})

describe('findItemLetter', () => {
  it.each<[string, string | null]>([
    ['a) Rà soát TTHC', 'a'],
    ['b. Kiểm tra', 'b'],
    ['(c) Tổng hợp', 'c'],
    ['đ) Báo cáo', 'đ'],
    ['a)Rà soát', null],
    ['Rà soát a) b)', null],
    ['1) Rà soát', null],
  ])('reads "%s" as item %s', (text, letter) => {
    expect(findItemLetter(draft(null, text))).toBe(letter)
  })

  it('looks at the row’s first cell from the left, whatever field it is', () => {
    const row: ItemDraft = {
      stt: null,
      cells: {
        content: { text: 'a) Rà soát', column: 'C' },
        criterion: { text: 'chuyên môn thuộc sở', column: 'B' },
      },
    }
    expect(findItemLetter(row)).toBeNull()
  })
})

describe('holdsLetteredList', () => {
  it('tells a row that lists items itself from one that only announces them', () => {
    expect(holdsLetteredList('Nhiệm vụ gồm: a) Rà soát; b) Số hóa')).toBe(true)
    expect(holdsLetteredList('Rà soát thủ tục hành chính, gồm:')).toBe(false)
  })
})

describe('opensItems and countNumberedSiblings', () => {
  const drafts = [
    draft('I', 'PHẦN I'),
    draft('1', 'Tuyên truyền'),
    draft('-', 'Tin bài'),
    draft('2', 'Rà soát'),
    draft(null, 'a) Đất đai'),
    draft('3', 'Kiểm tra'),
    draft('3.1', 'Kiểm tra sở'),
    draft('II', 'PHẦN II'),
    draft('1', 'Khảo sát'),
    draft('-', 'Phiếu'),
  ]
  const siblings = countNumberedSiblings(drafts)

  it('counts numbered siblings within a section', () => {
    expect([1, 3, 5, 6, 8].map((i) => siblings.hasSiblings(i))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
  })

  it('opens items for children, lettered rows, and bullets of a row with siblings', () => {
    const opens = (i: number) =>
      opensItems(drafts, i, (drafts[i]!.stt as { code: string }).code, siblings.hasSiblings(i))
    expect([1, 3, 5, 8].map(opens)).toEqual([true, true, true, false])
  })
})
