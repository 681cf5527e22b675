import { describe, expect, it } from 'vitest'
import { formatOverdueList } from '../../../server/consolidation/overdue.ts'

describe('"Quá hạn", one row per agency', () => {
  it("lists an agency's overdue tasks by deadline, a number two sections share with its section", () => {
    expect(
      formatOverdueList([
        { stt: '3', section: 'I', due: '2026-03-31' },
        { stt: '8', section: 'I', due: '2026-03-31' },
        { stt: '1', section: 'I', due: '2026-06-30' },
        { stt: '1', section: 'II', due: '2026-06-30' },
        { stt: null, section: null, due: null },
      ]),
    ).toBe('hạn 31/03/2026: 3, 8; hạn 30/06/2026: I.1, II.1; không rõ hạn: ?')
  })
})
