import { describe, expect, it } from 'vitest'
import { describeProfileProblem } from '../../../server/province/profile-messages.ts'

describe('describeProfileProblem', () => {
  it('names the item and the field in Vietnamese, and in English', () => {
    expect(describeProfileProblem('p.json', ['items', '1.4', 'tiers', 0], 'vi')).toBe(
      'Thang điểm p.json — Mục 1.4: “tiers” phải là danh sách [tỷ lệ, hệ số].',
    )
    expect(describeProfileProblem('p.json', ['items', '1.4', 'rule'], 'en')).toBe(
      'Scoring profile p.json — Item 1.4: “rule” must be “binary”, “proportional” or “tiers”.',
    )
    expect(describeProfileProblem('p.json', ['year'], 'vi')).toBe(
      'Thang điểm p.json — “year” phải là năm (số nguyên).',
    )
  })
})
