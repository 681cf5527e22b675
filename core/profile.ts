import { roundScore } from './score.ts'

/** How one scored item is assessed: by the agency's own figures, or by a survey (never computed). */
export type ScoreMethod = 'self' | 'survey'
export type ScoreRule = 'binary' | 'proportional' | 'tiers'

export type ProfileItem = {
  maxPoints: number
  method: ScoreMethod
  rule: ScoreRule
  /** [minimum achieved/target ratio, fraction of maxPoints], first reached wins. */
  tiers?: [number, number][]
}

/** A scoring profile (JSON in templates/profiles/), keyed by STT code, or section-qualified ("I.1.1"). */
export type ScoringProfile = {
  name: string
  year: number
  provisional: boolean
  items: Record<string, ProfileItem>
}

/** The profile item for a row: the section-qualified code first ("II.1"), then the bare code ("1.1"). */
export function findProfileItem(
  profile: ScoringProfile,
  section: string | null,
  code: string,
): ProfileItem | null {
  if (section) {
    const qualified = profile.items[`${section}.${code}`]
    if (qualified) return qualified
  }
  return profile.items[code] ?? null
}

/**
 * Computes an item's score from whether its targets were met and the achieved/target ratio.
 * Survey items and rows that cannot be judged score null.
 */
export function computeScore(
  item: ProfileItem,
  met: boolean | null,
  ratio: number | null,
): number | null {
  if (item.method === 'survey' || met === null) return null
  if (item.rule === 'binary') return met ? item.maxPoints : 0
  const r = ratio ?? (met ? 1 : 0)
  if (item.rule === 'proportional') return roundScore(item.maxPoints * Math.min(1, Math.max(0, r)))
  const tier = (item.tiers ?? []).find(([min]) => r >= min)
  return roundScore(item.maxPoints * (tier ? tier[1] : 0))
}
