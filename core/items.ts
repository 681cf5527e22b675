import { columnNumber } from './grid.ts'
import type { SttCode } from './stt.ts'

// Groups and their items: a numbered row followed by sub-items — "1.1, 1.2 …" in the STT column,
// "a), b), c) …" in the STT column or at the start of the row's first cell, or "-" bullets when the
// numbered row has numbered siblings — is a group, even when it carries its own product or deadline.

/** What the item rules need of a row before it is classified. */
export type ItemDraft = {
  stt: SttCode | null
  cells: Partial<Record<string, { text: string; column: string }>>
  merged?: true
}

/**
 * The letter of a sub-item written at the start of a row's first cell ("a) Rà soát …", "b. Kiểm tra"),
 * or null.
 * @example findItemLetter({ stt: null, cells: { content: { text: 'a) Rà soát', column: 'B' } } }) // 'a'
 */
export function findItemLetter(draft: ItemDraft): string | null {
  let first: { text: string; column: string } | undefined
  for (const cell of Object.values(draft.cells)) {
    if (cell && (!first || columnNumber(cell.column) < columnNumber(first.column))) first = cell
  }
  const m = first && /^\(?([a-zđ])[).]\s+\p{L}/u.exec(first.text)
  return m ? m[1]! : null
}

/** Whether a row's own text already lists lettered items ("… gồm: a) …; b) …"). */
export function holdsLetteredList(text: string): boolean {
  return /(?:^|[\s:;])a\)\s/.test(text) && /[\s;]b\)\s/.test(text)
}

/**
 * How many numbered rows share each parent (section and parent number): a row's "-" bullets are its
 * items only when it has numbered siblings; a lone numbered row with bullets is a list of peers.
 */
export function countNumberedSiblings(drafts: readonly ItemDraft[]): {
  hasSiblings: (index: number) => boolean
} {
  const keys: (string | null)[] = []
  const counts = new Map<string, number>()
  let section = 0
  for (const draft of drafts) {
    const stt = draft.stt
    if (stt?.kind === 'section') section++
    if (stt?.kind !== 'numbered') {
      keys.push(null)
      continue
    }
    const key = `${section}|${stt.parts.slice(0, -1).join('.')}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
    keys.push(key)
  }
  return { hasSiblings: (index) => (counts.get(keys[index] ?? '') ?? 0) > 1 }
}

/**
 * Whether the numbered row at `index` opens a list of items: its next numbered row is its child
 * (1 → 1.1), the row after it is a lettered item ("a)"), or bullets follow a row with siblings.
 */
export function opensItems(
  drafts: readonly ItemDraft[],
  index: number,
  code: string,
  hasSiblings: boolean,
): boolean {
  const own = drafts[index]!.cells.content?.text ?? ''
  let next: SttCode | null = null
  for (let j = index + 1; j < drafts.length && !next; j++) {
    const draft = drafts[j]!
    next = draft.stt
    if (!next && isLetteredItem(draft, 'a', own)) return true
  }
  if (next?.kind === 'numbered') return next.code.startsWith(`${code}.`)
  if (next?.kind === 'lettered') return true
  return next?.kind === 'bullet' && hasSiblings
}

/**
 * Whether a row without STT is a lettered item: its first cell starts with the letter expected
 * (`a` after a numbered row, any after another item), and the row it follows does not itself list
 * lettered items (then the row only continues that list across a page break).
 */
export function isLetteredItem(draft: ItemDraft, expected: string | null, parentText: string) {
  if (draft.merged || draft.stt) return false
  const letter = findItemLetter(draft)
  return (
    letter !== null && (expected === null || letter === expected) && !holdsLetteredList(parentText)
  )
}
