import { computeFilledCells } from '../../core/index.ts'
import { buildHeader } from '../../core/header.ts'
import { buildSampleTables, expectField, phrasebook } from '../phrasebook.ts'
import type { Share } from './measure.ts'

/** How the headers of the phrasebook sample are read, each in a table of its own source's columns. */
export type SampleScore = { headers: Share; traps: Share; misses: string[] }

/**
 * Reads the sample's headers as tests/core/header.test.ts does (header reading alone: the sample lists
 * headers, not whole tables) and counts those mapped to their field, and the traps left unmapped.
 */
export function measureSample(): SampleScore {
  const misses: string[] = []
  let right = 0
  let of = 0
  let trapsRight = 0
  let traps = 0
  for (const table of phrasebook.sources.flatMap((s) => buildSampleTables(s.id))) {
    const { values, covered } = computeFilledCells({
      sheet: 'S',
      top: 1,
      left: 1,
      cells: table.rows,
      merges: table.merges,
    })
    const header = buildHeader(values, covered, 1, 1, 1, {})
    table.headers.forEach((h, i) => {
      const expected = expectField(h)
      const got =
        header.mapping.find((m) => m.column === String.fromCharCode(65 + i))?.field ?? null
      if (expected === null) {
        traps++
        if (got === null) trapsRight++
      } else {
        of++
        if (got === expected) right++
      }
      if (got !== expected)
        misses.push(`${table.source} “${h.text}”: ${got ?? '—'} (truth ${expected ?? '—'})`)
    })
  }
  return { headers: { right, of }, traps: { right: trapsRight, of: traps }, misses }
}
