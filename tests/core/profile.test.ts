import { describe, expect, it } from 'vitest'
import { computeScore, findProfileItem, type ScoringProfile } from '../../core/profile.ts'

const profile: ScoringProfile = {
  name: 'Thử',
  year: 2026,
  provisional: true,
  items: {
    '1.1': { maxPoints: 1, method: 'self', rule: 'binary' },
    'II.1': { maxPoints: 2, method: 'self', rule: 'proportional' },
    '2.1': {
      maxPoints: 3,
      method: 'self',
      rule: 'tiers',
      tiers: [
        [1, 1],
        [0.8, 0.5],
        [0, 0],
      ],
    },
    '3.1': { maxPoints: 1, method: 'survey', rule: 'binary' },
  },
}

describe('findProfileItem', () => {
  it('finds the section-qualified code first, then the bare code', () => {
    expect(findProfileItem(profile, 'II', '1')?.maxPoints).toBe(2)
    expect(findProfileItem(profile, 'I', '1.1')?.maxPoints).toBe(1)
    expect(findProfileItem(profile, 'I', '9.9')).toBeNull()
  })
})

describe('computeScore', () => {
  it('scores binary, proportional (rounded to hundredths) and tiers; survey items and unjudged rows score null', () => {
    expect(computeScore(profile.items['1.1']!, true, 1)).toBe(1)
    expect(computeScore(profile.items['II.1']!, false, 2 / 3)).toBe(1.33)
    expect(computeScore(profile.items['2.1']!, false, 0.85)).toBe(1.5)
    expect(computeScore(profile.items['3.1']!, true, 1)).toBeNull()
    expect(computeScore(profile.items['1.1']!, null, null)).toBeNull()
  })
})
