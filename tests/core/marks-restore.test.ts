import { describe, expect, it } from 'vitest'
import {
  computeNoteHash,
  computeValueHash,
  decideCellRestore,
  type SavedCell,
} from '../../core/index.ts'

const note = '[Lỗi] Không hiểu được thời hạn “Tháng 13/2026”.\n→ Ghi theo dạng “Quý IV/2026”.'
/** A status cell the check overwrote and painted, with a note over the agency's own. */
const saved: SavedCell = {
  address: 'I7',
  value: '- đang làm',
  format: '@',
  wroteValue: computeValueHash('Quá hạn'),
  fill: 'FFD9E1F2',
  paint: 'FFFFC7CE',
  note: 'Đơn vị: hỏi lại Sở',
  wroteNote: computeNoteHash(note),
}

describe('a cell gets back only what is still the check’s', () => {
  it('puts everything back while the cell holds what the check wrote', () => {
    const now = { value: 'Quá hạn', fill: 'FFFFC7CE', note: note.replace(/\n/g, '\r\n') }
    expect(decideCellRestore(saved, now, { notes: true })).toEqual({
      restore: {
        value: { value: '- đang làm', format: '@' },
        fill: 'FFD9E1F2',
        note: 'Đơn vị: hỏi lại Sở',
      },
      kept: [],
      pending: null,
    })
  })

  it('keeps what the user changed since: a retyped status, a colour, a note of their own', () => {
    const now = { value: 'Hoàn thành', fill: 'FF00B0F0', note: 'Đơn vị: đã sửa' }
    expect(decideCellRestore(saved, now, { notes: true })).toEqual({
      restore: {},
      kept: ['value', 'fill', 'note'],
      pending: null,
    })
  })

  it('on a host without notes, the note waits in the record; a note the check never wrote is never touched', () => {
    const now = { value: 'Quá hạn', fill: 'FFFFC7CE' }
    expect(decideCellRestore(saved, now, { notes: false })).toEqual({
      restore: { value: { value: '- đang làm', format: '@' }, fill: 'FFD9E1F2' },
      kept: [],
      pending: { address: 'I7', note: 'Đơn vị: hỏi lại Sở', wroteNote: saved.wroteNote },
    })
    const paintedOnly: SavedCell = { address: 'D5', fill: null, paint: 'FFFFC7CE' }
    expect(
      decideCellRestore(
        paintedOnly,
        { value: 'x', fill: 'FFFFC7CE', note: 'của đơn vị' },
        { notes: true },
      ),
    ).toEqual({ restore: { fill: null }, kept: [], pending: null })
  })

  it('brings back the note the check had replaced when the user deleted the check’s note', () => {
    const now = { value: 'Quá hạn', fill: 'FFFFC7CE', note: null }
    expect(decideCellRestore(saved, now, { notes: true }).restore.note).toBe('Đơn vị: hỏi lại Sở')
  })
})
