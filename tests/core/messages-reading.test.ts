import { describe, expect, it } from 'vitest'
import { readingMessages } from '../../core/messages-reading.ts'

describe('messages about how the table was read', () => {
  it('name the closest columns and the --columns fix for a missing column', () => {
    const entry = readingMessages['header/missing-column']
    const params = { field: 'Thời gian thực hiện', key: 'deadline', columns: 'F “Hạn chót”' }
    expect(entry.message(params).vi).toBe(
      'Thiếu cột bắt buộc “Thời gian thực hiện”; gần nhất là cột F “Hạn chót”.',
    )
    expect(entry.hint(params).vi).toContain('--columns deadline=<cột>')
    expect(entry.hint(params).en).toContain('--columns deadline=<column>')
  })

  it('say which progress words are expected', () => {
    const hint = readingMessages['cell/unclear-progress'].hint()
    expect(hint.vi).toContain('“Đã hoàn thành”')
    expect(readingMessages['cell/unclear-progress'].severity).toBe('warning')
  })
})
