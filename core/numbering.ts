import { columnLetter } from './grid.ts'
import type { HeaderInfo } from './header.ts'
import { createIssue, type Issue } from './issue.ts'

/** What the numbering checks need of a row: where it is, its STT cell, and whether that was a number. */
export type NumberedRow = {
  row: number
  sttNumeric: boolean
  cells: { stt?: { text: string } }
}

/** Tracks sibling numbers under each parent to report repeats and gaps. */
export function createNumbering(issues: Issue[], header: HeaderInfo) {
  const last = new Map<string, number>()
  const seen = new Set<string>()
  let lastSection = 0
  const sttColumn = header.columns.stt !== undefined ? columnLetter(header.columns.stt) : null
  const place = (draft: NumberedRow) => ({
    row: draft.row,
    column: sttColumn,
    field: 'stt' as const,
    value: draft.cells.stt?.text ?? null,
  })
  return {
    checkSection(index: number, draft: NumberedRow) {
      if (index !== lastSection + 1) {
        issues.push(
          createIssue('row/stt-sequence', place(draft), {
            found: draft.cells.stt?.text,
            expected: toRoman(lastSection + 1),
          }),
        )
      }
      lastSection = index
    },
    /** Checks a numbered row and returns its code (repairing 5.1 stored as a number for 5.10). */
    checkNumbered(section: string | null, parts: number[], draft: NumberedRow): string {
      let p = parts
      const parentKey = (q: number[]) => `${section}|${q.slice(0, -1).join('.')}`
      if (draft.sttNumeric && p.length === 2) {
        const expected = (last.get(parentKey(p)) ?? 0) + 1
        if (expected >= 10 && Number(`${p[0]}.${expected}`) === Number(p.join('.')))
          p = [p[0]!, expected]
      }
      // Parents a table leaves out (1.1 with no row "1") count as present.
      for (let depth = 1; depth < p.length; depth++) {
        const implied = p.slice(0, depth)
        const key = `${section}|${implied.join('.')}`
        if (!seen.has(key)) {
          seen.add(key)
          last.set(
            parentKey(implied),
            Math.max(last.get(parentKey(implied)) ?? 0, implied[implied.length - 1]!),
          )
        }
      }
      const code = p.join('.')
      const key = `${section}|${code}`
      const index = p[p.length - 1]!
      const expected = (last.get(parentKey(p)) ?? 0) + 1
      if (seen.has(key)) {
        issues.push(
          createIssue('row/stt-duplicate', place(draft), {
            found: code,
            expected: [...p.slice(0, -1), expected].join('.'),
          }),
        )
      } else if (index !== expected) {
        issues.push(
          createIssue('row/stt-sequence', place(draft), {
            found: code,
            expected: [...p.slice(0, -1), expected].join('.'),
          }),
        )
      }
      seen.add(key)
      last.set(parentKey(p), Math.max(index, last.get(parentKey(p)) ?? 0))
      return code
    },
  }
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let out = ''
  let rest = n
  for (const [v, s] of table)
    while (rest >= v) {
      out += s
      rest -= v
    }
  return out
}
