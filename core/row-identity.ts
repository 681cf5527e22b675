import type { CellValue } from './grid.ts'
import { cellText } from './grid.ts'
import { cleanText } from './hygiene.ts'
import { foldText } from './text.ts'

/**
 * How a marked row is recognised later, after the user has corrected it: its STT and its content,
 * each folded (case, diacritics, punctuation) after the automatic fixes (HTML, TCVN3/VNI, NFC), so
 * that "Sửa tự động" or a retyped accent does not change who the row is. The content is kept as a
 * short hash, so that the record of a 10,000-row sheet stays small.
 */
export type RowIdentity = { row: number; stt: string; content: string }

/**
 * A short, stable hash of a text (53 bits, base 36; cyrb53). Used to recognise a row's content and
 * to tell whether a cell still holds what marking wrote, without keeping the text itself.
 */
export function computeTextHash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/** The hash of what a cell shows (a value written by marking, or read back to compare). */
export function computeValueHash(value: CellValue): string {
  return computeNoteHash(cellText(value))
}

/** The hash of a note's text; line ends and outer spaces do not count (hosts store them their way). */
export function computeNoteHash(text: string): string {
  return computeTextHash(text.replace(/\r\n?/g, '\n').trim())
}

function foldCell(value: CellValue): string {
  return foldText(cleanText(cellText(value)))
}

/** A row's identity from its STT and content cells. */
export function computeRowIdentity(row: number, stt: CellValue, content: CellValue): RowIdentity {
  const text = foldCell(content)
  return { row, stt: foldCell(stt), content: text ? computeTextHash(text) : '' }
}

/** Where the recorded rows are now (old row → current row), and the rows that cannot be found. */
export type RowMatch = { rows: Map<number, number>; missing: number[] }

type Window = {
  recorded: RowIdentity[]
  current: RowIdentity[]
  /** The rows of the anchors around the window (old and current); null when the window is open-ended. */
  before: [number, number]
  after: [number, number] | null
}

/** Ways to recognise a row, strictest first: STT and content, content alone, STT alone. */
const criteria: ((r: RowIdentity) => string | null)[] = [
  (r) => (r.stt || r.content ? `${r.stt}\u241f${r.content}` : null),
  (r) => r.content || null,
  (r) => r.stt || null,
]

/** The longest run of pairs increasing in both rows (patience sorting), so that matches never cross. */
function findIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = []
  const previous: number[] = []
  pairs.forEach(([, c], i) => {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (pairs[tails[mid]!]![1] < c) lo = mid + 1
      else hi = mid
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1
    tails[lo] = i
  })
  const out: [number, number][] = []
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) out.push(pairs[i]!)
  return out.reverse()
}

/** Pairs of a window's rows whose key (under one criterion) is unique on both sides. */
function findAnchors(w: Window, key: (r: RowIdentity) => string | null): [number, number][] {
  const count = (rows: RowIdentity[]) => {
    const seen = new Map<string, RowIdentity | null>()
    for (const r of rows) {
      const k = key(r)
      if (k !== null) seen.set(k, seen.has(k) ? null : r)
    }
    return seen
  }
  const mine = count(w.recorded)
  const theirs = count(w.current)
  const pairs: [number, number][] = []
  for (const [k, r] of mine) {
    const c = theirs.get(k)
    if (r && c) pairs.push([r.row, c.row])
  }
  return findIncreasing(pairs.sort((a, b) => a[0] - b[0]))
}

/** Splits a window at its anchors into the windows between them (both sides are sorted by row). */
function splitWindow(w: Window, anchors: [number, number][]): Window[] {
  const bounds: ([number, number] | null)[] = [w.before, ...anchors, w.after]
  const out: Window[] = []
  let r = 0
  let c = 0
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i]!
    const hi = bounds[i + 1] ?? null
    const take = (rows: RowIdentity[], at: number, side: 0 | 1): [RowIdentity[], number] => {
      let end = at
      while (end < rows.length && (!hi || rows[end]!.row < hi[side])) end++
      const part = rows.slice(at, end).filter((x) => x.row > lo[side])
      // The anchor row itself is skipped.
      return [part, hi && rows[end]?.row === hi[side] ? end + 1 : end]
    }
    const [recorded, nextR] = take(w.recorded, r, 0)
    const [current, nextC] = take(w.current, c, 1)
    r = nextR
    c = nextC
    out.push({ recorded, current, before: lo, after: hi })
  }
  return out
}

/**
 * Finds the recorded rows in the sheet as it is now, like a text diff: rows recognised by STT and
 * content anchor the match, then rows between anchors are recognised by content alone (the STT was
 * renumbered), by STT alone (the content was corrected), and last by position when the rows between
 * two anchors are as many as they were (a row edited in place). Matches never cross. What cannot be
 * found is returned as missing rather than guessed; the adapters restore only what was found.
 */
export function matchRows(
  recorded: readonly RowIdentity[],
  headers: { recorded: number; current: number | null },
  identityAt: (row: number) => RowIdentity,
  lastRow: number,
): RowMatch {
  const header = headers.current ?? headers.recorded
  const current: RowIdentity[] = []
  for (let row = header + 1; row <= lastRow; row++) current.push(identityAt(row))
  const rows = new Map<number, number>()
  const stack: Window[] = [
    {
      recorded: [...recorded].filter((r) => r.row > headers.recorded).sort((a, b) => a.row - b.row),
      current,
      before: [headers.recorded, header],
      after: null,
    },
  ]
  for (let w = stack.pop(); w; w = stack.pop()) {
    if (!w.recorded.length || !w.current.length) continue
    let anchors: [number, number][] = []
    for (const key of criteria) if (!anchors.length) anchors = findAnchors(w, key)
    if (anchors.length) {
      for (const [r, c] of anchors) rows.set(r, c)
      stack.push(...splitWindow(w, anchors))
      continue
    }
    const span = w.after ? [w.after[0] - w.before[0], w.after[1] - w.before[1]] : null
    if (span && span[0] !== span[1]) continue
    // By position: onto a row that still holds something (an emptied row is a deleted one).
    const offset = w.before[1] - w.before[0]
    const held = new Set(w.current.filter((c) => c.stt || c.content).map((c) => c.row))
    for (const r of w.recorded)
      if (held.has(r.row + offset) || !(r.stt || r.content)) rows.set(r.row, r.row + offset)
  }
  // The header row and any row above it move with the header.
  for (const r of recorded)
    if (r.row <= headers.recorded) rows.set(r.row, r.row - headers.recorded + header)
  const missing = recorded.filter((r) => !rows.has(r.row)).map((r) => r.row)
  return { rows, missing: missing.sort((a, b) => a - b) }
}
