import type { CellValue } from './grid.ts'
import type { SavedCell } from './marks-record.ts'
import { computeNoteHash, computeValueHash } from './row-identity.ts'

/** What a cell holds now, as an adapter read it; `note` is undefined where the host cannot read notes. */
export type CellNow = { value: CellValue; fill: string | null; note?: string | null }

/** What to put back in one cell (each part only when it is to change). */
export type CellRestore = {
  value?: { value: CellValue; format: string }
  fill?: string | null
  note?: string | null
}

/** The decision for one saved cell: what to restore, and what must wait for a host with notes. */
export type CellDecision = {
  restore: CellRestore
  /** The parts the user changed since the marking: left as the user made them. */
  kept: ('value' | 'fill' | 'note')[]
  /** The note part still to restore (on a host without notes), to keep in the record; else null. */
  pending: SavedCell | null
}

/**
 * Decides how to restore one saved cell — one rule for every adapter. A part is put back only while
 * the cell still holds what the marking wrote there (its hash or colour), so that a correction the
 * user made since is never overwritten. A note is put back only on a host that can write notes;
 * elsewhere it stays pending. A record without those hashes (written before them) restores as it says.
 */
export function decideCellRestore(
  saved: SavedCell,
  now: CellNow,
  options: { notes: boolean },
): CellDecision {
  const restore: CellRestore = {}
  const kept: CellDecision['kept'] = []
  let pending: SavedCell | null = null
  if (saved.value !== undefined) {
    if (saved.wroteValue === undefined || computeValueHash(now.value) === saved.wroteValue)
      restore.value = { value: saved.value, format: saved.format ?? 'General' }
    else kept.push('value')
  }
  if (saved.fill !== undefined) {
    if (saved.paint === undefined || now.fill === saved.paint) restore.fill = saved.fill
    else kept.push('fill')
  }
  if (saved.note !== undefined) {
    if (!options.notes || now.note === undefined) {
      pending = { address: saved.address, note: saved.note }
      if (saved.wroteNote !== undefined) pending.wroteNote = saved.wroteNote
    } else if (now.note === null) {
      // Our note is gone (the user deleted it): the note the marking had replaced comes back.
      if (saved.note !== null) restore.note = saved.note
    } else if (saved.wroteNote === undefined || computeNoteHash(now.note) === saved.wroteNote) {
      if (now.note !== saved.note) restore.note = saved.note
    } else kept.push('note')
  }
  return { restore, kept, pending }
}
