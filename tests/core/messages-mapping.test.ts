import { describe, expect, it } from 'vitest'
import { describeReading, formatReadingName } from '../../core/messages-mapping.ts'

describe('describeReading', () => {
  it('says what decided a reading, in Vietnamese and English', () => {
    expect(
      describeReading({ basis: 'contents', field: 'deadline', fitting: 9, filled: 10 }),
    ).toEqual({
      vi: 'ô trong cột: 9/10 là thời hạn',
      en: 'cells: 9/10 are deadlines',
    })
    expect(describeReading({ basis: 'both', field: 'lead', fitting: 4, filled: 4 })).toEqual({
      vi: 'theo tiêu đề; ô trong cột: 4/4 là tên cơ quan',
      en: 'from the header; cells: 4/4 are agency names',
    })
    expect(
      describeReading({
        basis: 'contents',
        field: 'doneDate',
        fitting: 7,
        filled: 7,
        completion: true,
      }),
    ).toEqual({
      vi: 'ô trong cột: 7/7 là ngày, chỉ có ở việc đã xong, không sau ngày báo cáo',
      en: 'cells: 7/7 are dates, only on finished tasks, never after the report date',
    })
    expect(describeReading({ basis: 'choice', field: 'note', fitting: 0, filled: 0 }).vi).toBe(
      'người dùng chỉ định',
    )
    expect(
      describeReading({ basis: 'words', field: null, fitting: 0, filled: 0, unused: true }).vi,
    ).toBe('tiêu đề chỉ nội dung không dùng')
  })
})

describe('formatReadingName', () => {
  it('marks a guess and a choice', () => {
    expect(formatReadingName({ field: 'deadline', guessed: true })).toBe('Thời hạn (đoán)')
    expect(formatReadingName({ field: 'note', chosen: true }, 'en')).toBe('Note (chosen)')
    expect(formatReadingName({ field: null })).toBe('không dùng')
  })
})
