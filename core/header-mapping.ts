import type { ColumnProfile } from './column-profile.ts'
import type { ColumnReading } from './columns.ts'
import { findMissingRequired, requiredFields, type FieldKey, type RequiredField } from './fields.ts'
import { columnLetter } from './grid.ts'
import { minimumScore } from './header-assign.ts'
import { countFitting, isCompletionColumn } from './header-evidence.ts'
import { findBestMeaning } from './header-score.ts'
import type { Weights } from './header-words.ts'
import { describeReading } from './messages-mapping.ts'

/** How sure the engine is of a column's reading, what decided it and why. */
export function readColumn(
  field: FieldKey | null,
  total: Weights,
  words: Weights,
  contents: Weights,
  profile: ColumnProfile,
  chosen: boolean,
): Pick<ColumnReading, 'confidence' | 'basis' | 'reason'> {
  const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100
  if (chosen) {
    const facts = { basis: 'choice' as const, field, fitting: 0, filled: 0 }
    return { confidence: 1, basis: 'choice', reason: describeReading(facts) }
  }
  if (!field) {
    const best = findBestMeaning(total)
    const unused = best?.meaning === 'other'
    const confidence = unused || !best ? Math.max(0.5, (total.other ?? 0) / 8) : 1 - best.score / 9
    const facts = { basis: 'words' as const, field, fitting: 0, filled: 0, unused }
    return {
      confidence: round(Math.max(0.2, confidence)),
      basis: 'words',
      reason: describeReading(facts),
    }
  }
  const w = words[field] ?? 0
  const k = contents[field] ?? 0
  // A weak reading (a guess) is said to come from whichever side gave more.
  const fromWords = w >= minimumScore || (w > 0 && w >= k)
  const fromCells = k > 0.5
  const basis = fromWords && fromCells ? 'both' : fromWords ? 'words' : 'contents'
  const facts = {
    basis,
    field,
    fitting: countFitting(profile, field),
    filled: profile.filled,
    completion: field === 'doneDate' && isCompletionColumn(profile),
  } as const
  return { confidence: round((total[field] ?? 0) / 9), basis, reason: describeReading(facts) }
}

/** The columns that came closest to a missing field: "F “Thời gian” (Quý IV/2026 …)". */
export function describeClosest(
  field: FieldKey,
  scores: Weights[],
  mapping: ColumnReading[],
  left: number,
): string {
  const fields: readonly FieldKey[] = requiredFields[field as RequiredField] ?? [field]
  const named = (letter: string) =>
    `${letter} “${mapping.find((m) => m.column === letter)?.header ?? ''}”`
  const closest = scores
    .map((s, c) => ({ c, score: Math.max(...fields.map((f) => s[f] ?? 0)) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 2)
    .map(({ c }) => named(columnLetter(left + c)))
  if (closest.length) return closest.join(', ')
  // No column comes near by its words: the unmapped ones are where it may be.
  return mapping
    .filter((m) => m.field === null)
    .slice(0, 3)
    .map((m) => named(m.column))
    .join(', ')
}

/** Required fields the header lacks: stt, content or criterion, lead or executing, deadline or end. */
export function findMissingFields(columns: Partial<Record<FieldKey, number>>): RequiredField[] {
  return findMissingRequired((f) => columns[f] !== undefined)
}
