import { describe, expect, it } from 'vitest'
import { headerAbbreviations, headerModifiers, headerPhrases } from '../../core/header-words.ts'
import { foldText } from '../../core/text.ts'

describe('header words', () => {
  it('are written folded, so that they match folded headers', () => {
    for (const phrase of [
      ...Object.keys(headerPhrases),
      ...Object.keys(headerModifiers),
      ...Object.values(headerAbbreviations),
    ])
      expect(foldText(phrase)).toBe(phrase)
  })

  it('expand the abbreviations offices write (ĐV, KQ, NV, SL, TG)', () => {
    expect(['dv', 'kq', 'nv', 'sl', 'tg'].map((a) => headerAbbreviations[a])).toEqual([
      'don vi',
      'ket qua',
      'nhiem vu',
      'so lieu',
      'thoi gian',
    ])
  })
})
