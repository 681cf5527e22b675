import { describe, expect, it } from 'vitest'
import { parseDeadline, parseDeadlineRange, readTable } from '../../core/index.ts'
import { readParSipasGrid, readPlanAppendixGrid } from '../../scripts/seeds.ts'
import { expectDue, phrasebook } from '../../scripts/phrasebook.ts'

// Every deadline phrase of the two Đắk Lắk 2026 seed tables, with what it must mean (plan year 2026).
const seedPhrases: [string, string, string | null][] = [
  ['Chậm nhất là ngày 31/12/2026', 'date', '2026-12-31'],
  ['Theo thời hạn quy định của Bộ Nội vụ', 'external', null],
  ['Hoàn thành kiểm tra, ban hành Thông báo kết luận trước ngày 31/12/2026', 'date', '2026-12-31'],
  [
    'Hoàn thành kiểm tra, ban hành Thông báo kết luận kiểm tra trước ngày 31/12/2026',
    'date',
    '2026-12-31',
  ],
  ['Hoàn thành trước ngày 31/12/2026', 'date', '2026-12-31'],
  ['Theo thời hạn quy định của Trung ương', 'external', null],
  ['Trong năm 2026', 'period', '2026-12-31'],
  ['Tháng 12 năm 2025', 'period', '2025-12-31'],
  ['Thường xuyên', 'recurring', null],
  [
    'Khi có căn cứ rà soát; theo kế hoạch rà soát chuyên đề của Chính phủ, bộ, ngành, UBND các cấp',
    'event',
    null,
  ],
  ['Quý IV năm 2026', 'period', '2026-12-31'],
  [
    '- Ban hành trong thời hạn 15 ngày, sau khi Thủ tướng Chính phủ ban hành kế hoạch theo dõi việc thi hành văn bản QPPL trong lĩnh vực trọng tâm, liên ngành. - Tham mưu ban hành báo cáo trong tháng 12/2026',
    'period',
    '2026-12-31',
  ],
  ['Quý III/2026', 'period', '2026-09-30'],
  ['Quý IV/2026', 'period', '2026-12-31'],
  ['Năm 2026', 'period', '2026-12-31'],
  ['Trong tháng 12/2026', 'period', '2026-12-31'],
  ['Trước 31/01/2027', 'date', '2027-01-31'],
]

// The other forms SPEC section 2 lists.
const specPhrases: [string, string, string | null][] = [
  ['Cả năm 2026', 'period', '2026-12-31'],
  ['quý 4/2026', 'period', '2026-12-31'],
  ['Quý I', 'period', '2026-03-31'],
  ['Tháng 12/2026', 'period', '2026-12-31'],
  ['6 tháng đầu năm 2026', 'period', '2026-06-30'],
  ['31/12/2026', 'date', '2026-12-31'],
  ['1-7-2026', 'date', '2026-07-01'],
  ['2021-2025', 'range', '2025-12-31'],
  ['Hàng năm', 'recurring', null],
  ['Hàng quý', 'recurring', null],
  ['Định kỳ', 'recurring', null],
  ['Theo quy định', 'external', null],
  ['Theo hướng dẫn của Trung ương', 'external', null],
  ['Sau khi Bộ Nội vụ ban hành hướng dẫn', 'event', null],
  // No time set yet: it is set when known, no due date and no error.
  ['Chưa ghi hạn cụ thể', 'event', null],
  // (work done when it is called for: "Đột xuất")
  ['Đột xuất', 'event', null],
  // A council session placed by a season or a year is held on a day the council sets.
  ['Kỳ họp giữa năm 2026', 'event', null],
  ['Kỳ họp gần nhất 2026', 'event', null],
  ['Kỳ họp chuyên đề tháng 5/2026', 'period', '2026-05-31'],
  // A time set by another document, named with it: the document's year and date are no deadline.
  ['Theo Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026 của tỉnh', 'external', null],
  [
    'Theo các mốc thời gian tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh',
    'external',
    null,
  ],
  ['Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày 28/5/2015 của Chính phủ', 'external', null],
  // (its date written in words is its date all the same)
  [
    'Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày 28 tháng 5 năm 2015 của Chính phủ',
    'external',
    null,
  ],
  ['Quý II/2026 (theo Kế hoạch số 12/KH-UBND ngày 3 tháng 2 năm 2026)', 'period', '2026-06-30'],
  // (a symbol typed in small letters is a symbol all the same)
  ['Theo Quyết định số 123/qđ-ubnd ngày 28/5/2015', 'external', null],
  ['Theo kế hoạch, hoàn thành Quý III/2026', 'period', '2026-09-30'],
  [
    'Hoàn thành trước ngày 30/6/2026 theo Công văn số 12/UBND-NC ngày 5/1/2026',
    'date',
    '2026-06-30',
  ],
  // The year next to the plan's, or every month; standing work said outright outweighs its occasions.
  ['Trước ngày 31/01 năm liền kề', 'date', '2027-01-31'],
  ['Chậm nhất là ngày 31/12 năm trước liền kề', 'date', '2025-12-31'],
  ['Trước ngày 05 của tháng liền kề', 'recurring', null],
  // A day of the period reported comes round with each report, whatever year the table names.
  ['Ngày 24 tháng báo cáo.', 'recurring', null],
  ['Ngày 31 tháng 3 năm kế tiếp sau năm báo cáo', 'recurring', null],
  ['Ngày 31 tháng 3 năm kế tiếp sau năm điều tra', 'recurring', null],
  ['Trước 15/01 năm sau', 'date', '2027-01-15'],
  ['Tháng Sáu năm 2026', 'period', '2026-06-30'],
  ['Thực hiện thường xuyên khi có yêu cầu của bộ, ngành Trung ương.', 'recurring', null],
  // "6 tháng sau khi …" counts months; it names no next month.
  [
    'Tháng 12/2026. Thời gian hoàn thành trong 6 tháng sau khi Chính phủ ban hành Nghị định',
    'period',
    '2026-12-31',
  ],
  // A date written year first with slashes or dots.
  ['2026/12/15', 'date', '2026-12-15'],
  ['2026.03.15', 'date', '2026-03-15'],
  // A part of a month: its first ten days, its middle, its end; its first week.
  ['Đầu tháng 9/2026', 'period', '2026-09-10'],
  ['Giữa tháng 10', 'period', '2026-10-20'],
  ['Hạ tuần tháng 2/2026', 'period', '2026-02-28'],
  ['Tuần đầu tháng 11/2026', 'period', '2026-11-07'],
  // A meeting named only in an aside leaves the time before it standing.
  ['Quý II/2026 (trình HĐND tỉnh tại kỳ họp giữa năm)', 'period', '2026-06-30'],
  ['Nửa đầu năm 2026', 'period', '2026-06-30'],
  ['th6/2026', 'period', '2026-06-30'],
  ['Tháng VI/2026', 'period', '2026-06-30'],
  ['30/06/26', 'date', '2026-06-30'],
  ['6 tháng/lần', 'recurring', null],
  ['1 lần/quý', 'recurring', null],
  ['Trong tháng', 'event', null],
  ['Không có', 'event', null],
  // The Lunar New Year of the year named; without one, a holiday of no known date.
  ['Trước Tết Nguyên đán Bính Ngọ 2026', 'date', '2026-02-17'],
  ['Dịp Tết 2027', 'date', '2027-02-06'],
  ['Trước Tết Nguyên đán', 'event', null],
  // Dates as programs export them, year first, a time of day aside.
  ['2026-03-15', 'date', '2026-03-15'],
  ['2026-03-15T17:00:00', 'date', '2026-03-15'],
  ['15/03/2026 17:00', 'date', '2026-03-15'],
  // A name's number is no part of the time; each named item's time is read, the latest due.
  ['Phú Thịnh 1: Quý IV/2026; Phú Thịnh 2: trước 15/11/2026', 'period', '2026-12-31'],
  ['Nửa cuối năm 2026', 'period', '2026-12-31'],
  ['Chưa xác định', 'event', null],
  ['Không quy định thời hạn', 'event', null],
  ['Trong thời hạn 15 ngày, sau khi có quyết định công bố', 'event', null],
  ['Tháng 13/2026', 'invalid', null],
  ['31/02/2026', 'invalid', null],
  ['Sớm nhất có thể', 'invalid', null],
  ['THƯỜNG XUYÊN', 'recurring', null],
  ['Trong  năm\n2026', 'period', '2026-12-31'],
]

describe('parseDeadline', () => {
  it.each([...seedPhrases, ...specPhrases])('reads "%s" as %s due %s', (text, kind, due) => {
    expect(parseDeadline(text, 2026)).toMatchObject({ kind, due })
  })

  it('covers every deadline phrase found in the seed tables', () => {
    const found = new Set<string>()
    for (const grid of [readParSipasGrid(), readPlanAppendixGrid()]) {
      for (const row of readTable(grid)!.rows) {
        const text = row.cells.deadline?.text
        if (text) found.add(text)
      }
    }
    const known = new Set(seedPhrases.map(([t]) => t))
    expect([...found].filter((t) => !known.has(t))).toEqual([])
  })

  it('takes the plan year for a quarter without a year, and refuses when none is known', () => {
    expect(parseDeadline('Quý II', 2024)).toEqual({
      kind: 'period',
      due: '2024-06-30',
      start: '2024-04-01',
    })
    expect(parseDeadline('Quý II', null)).toEqual({ kind: 'invalid', due: null })
  })

  // A narrow column wraps a time anywhere: it reads as on one line.
  it.each([
    ['Cuối Quý\nIV', 'period', '2026-12-31'],
    ['Quý II,\nIII/2026', 'period', '2026-09-30'],
    ['Trong quý I\nnăm 2026', 'period', '2026-03-31'],
    ['Đầu tháng\n9/2026', 'period', '2026-09-10'],
    ['Quý II\n/2026', 'period', '2026-06-30'],
    ['Thực hiện thường\nxuyên trong năm', 'recurring', null],
  ])('reads the wrapped "%s" as %s due %s', (text, kind, due) => {
    expect(parseDeadline(text, 2026)).toMatchObject({ kind, due })
  })

  // A dot between the period and its year links them as a slash does: never the whole year.
  it.each([
    ['Quý II.2026', '2026-04-01', '2026-06-30'],
    ['Tháng 6.2026', '2026-06-01', '2026-06-30'],
    ['Q2.2026', '2026-04-01', '2026-06-30'],
    ['T6.2026', '2026-06-01', '2026-06-30'],
    ['Tháng VI.2026', '2026-06-01', '2026-06-30'],
  ])('reads "%s" as from %s to %s', (text, start, due) => {
    expect(parseDeadline(text, 2026)).toEqual({ kind: 'period', due, start })
  })

  // Two days under one year: the first takes the year of the second (the year before across New Year).
  it.each([
    ['30/6 - 31/12/2026', '2026-06-30', '2026-12-31'],
    ['Từ 15/3 đến 30/4/2026', '2026-03-15', '2026-04-30'],
    ['20/12 - 10/01/2027', '2026-12-20', '2027-01-10'],
    // Days of one month, however joined.
    ['10-12/8/2026', '2026-08-10', '2026-08-12'],
    ['02 – 04/8/2026', '2026-08-02', '2026-08-04'],
    ['01/7/2026 – 30/7/2026', '2026-07-01', '2026-07-30'],
  ])('reads "%s" as from %s to %s', (text, start, due) => {
    expect(parseDeadline(text, 2026)).toEqual({ kind: 'date', due, start })
  })

  // Two days of the plan year: the second in the year after when it falls before the first.
  it.each([
    ['Từ 10/11 đến 12/12', '2026-11-10', '2026-12-12'],
    ['25/12 đến 04/01', '2026-12-25', '2027-01-04'],
    ['26/01 - ngày 06/02', '2026-01-26', '2026-02-06'],
    // (an arrow joins the two ends as a dash does)
    ['01/01 → 31/03', '2026-01-01', '2026-03-31'],
    ['01/7 -> 30/9', '2026-07-01', '2026-09-30'],
    // (so does a long dash)
    ['01/7 – 30/9', '2026-07-01', '2026-09-30'],
    // A day foreseen ("Dự kiến: 25/8") is that day.
    ['Dự kiến: 25/8', '2026-08-25', '2026-08-25'],
  ])('reads "%s" in the plan year as from %s to %s', (text, start, due) => {
    expect(parseDeadline(text, 2026)).toEqual({ kind: 'date', due, start })
    expect(parseDeadline(text, null)).toEqual({ kind: 'invalid', due: null })
  })

  it('takes the latest explicit deadline in a cell with several', () => {
    expect(parseDeadline('Quý II/2026; báo cáo trước 15/11/2026', 2026)).toMatchObject({
      kind: 'date',
      due: '2026-11-15',
    })
  })

  it.each([
    ['2026 và hằng năm', '2026-01-01'],
    ['Năm 2026 và các năm tiếp theo', '2026-01-01'],
    ['Quý I/2026 và hằng quý', '2026-01-01'],
    ['Tháng 6/2026, định kỳ hằng năm', '2026-06-01'],
  ])('reads a first time that then repeats, "%s", as recurring from %s', (text, start) => {
    expect(parseDeadline(text, 2026)).toEqual({ kind: 'recurring', due: null, start })
  })

  it.each([
    ['Quý III/2026 (lùi sang Quý IV)', '2026-12-31'],
    ['Tháng 6/2026 (điều chỉnh sang tháng 11)', '2026-11-30'],
    ['Quý III/2026 (gia hạn đến 31/12/2026)', '2026-12-31'],
    // (an aside that names another document's year moves nothing)
    ['Quý II/2026 (theo Kế hoạch năm 2025)', '2026-06-30'],
  ])('reads a time moved by its aside, "%s", as due %s', (text, due) => {
    expect(parseDeadline(text, 2026)?.due).toBe(due)
  })

  it.each([
    ['Thường xuyên trong Quý IV/2026', '2026-10-01'],
    ['Thực hiện thường xuyên trong năm 2026', '2026-01-01'],
    ['Hằng tháng trong năm 2026', '2026-01-01'],
  ])('reads standing work within a period, "%s", as recurring from %s', (text, start) => {
    expect(parseDeadline(text, 2026)).toEqual({ kind: 'recurring', due: null, start })
  })

  it.each([
    ['Hoàn thành trong Quý II/2026; duy trì thường xuyên', '2026-06-30'],
    ['Xong trước 30/9/2026 và duy trì hằng năm', '2026-09-30'],
  ])(
    'reads a time said to finish the work, "%s", as its deadline, the upkeep after it aside',
    (text, due) => {
      expect(parseDeadline(text, 2026)?.due).toBe(due)
    },
  )

  it.each([
    ['Tháng 9-10/2025', 'period', '2025-10-31'],
    ['tháng 9 đến tháng 10 năm 2025', 'period', '2025-10-31'],
    ['Trước 31/12', 'date', '2025-12-31'],
    ['Sau năm 2025', 'recurring', null],
    ['Kịp thời', 'recurring', null],
    ['Trong nhiệm kỳ', 'recurring', null],
    ['Trong thời gian thực hiện Nghị quyết', 'recurring', null],
  ])('reads "%s" as %s due %s', (text, kind, due) => {
    expect(parseDeadline(text, 2025)).toMatchObject({ kind, due })
  })

  it('reads months out of order or past twelve as not understood', () => {
    expect(parseDeadline('Tháng 10-9/2025', 2025)!.kind).toBe('invalid')
    expect(parseDeadline('Tháng 13-14/2025', 2025)!.kind).toBe('invalid')
  })

  it('keeps the due date a recurring task names after its recurrence', () => {
    expect(parseDeadline('Hằng năm, trước 15/12/2026', 2026)).toMatchObject({
      kind: 'date',
      due: '2026-12-15',
    })
    expect(parseDeadline('Năm 2026 và năm 2027', 2026)).toMatchObject({ due: '2027-12-31' })
  })

  it('returns null for an empty cell', () => {
    expect(parseDeadline('  ', 2026)).toBeNull()
  })
})

describe('parseDeadlineRange', () => {
  it('reads start/end month columns "Tháng 1" | "Tháng 12" with the plan year', () => {
    expect(parseDeadlineRange('Tháng 1', 'Tháng 12', 2026)).toEqual({
      deadline: { kind: 'range', due: '2026-12-31', start: '2026-01-01' },
      start: '2026-01-01',
      startInvalid: false,
    })
  })

  it('gives a deadline before its start for "Tháng 9" | "Tháng 3"', () => {
    const { deadline } = parseDeadlineRange('Tháng 9', 'Tháng 3', 2026)
    expect(deadline).toEqual({ kind: 'range', due: '2026-03-31', start: '2026-09-01' })
  })
})

describe('parseDeadline on the deadlines of the phrasebook sample', () => {
  const years = new Map(phrasebook.sources.map((s) => [s.id, s.year]))
  const dated = phrasebook.deadlines
    .map((d) => ({ text: d.text, due: expectDue(d), year: years.get(d.source) ?? null }))
    .filter((d) => d.due !== undefined)

  it('gives every sample deadline the due date its note gives', () => {
    const wrong = dated.filter((d) => (parseDeadline(d.text, d.year)?.due ?? null) !== d.due)
    expect(dated.length).toBeGreaterThan(40)
    expect(wrong).toEqual([])
  })

  it.each([
    ['Quí IV-2025', 2025, '2025-12-31'],
    ['08/2026', 2026, '2026-08-31'],
    ['trước ngày 20.7.2020', 2020, '2020-07-20'],
    ['Giai đoạn 2026 - 2030', 2026, '2030-12-31'],
    ['Trước năm 2030', 2026, '2029-12-31'],
    ['Xin gia hạn hoàn thành trước ngày 20/7/2026', 2026, '2026-07-20'],
    ['Quý II/2026, từ 01/7/2026, cuối năm 2026', 2026, '2026-12-31'],
    ['Năm 2026 và hằng năm đến 2030', 2026, '2026-12-31'],
    ['Triển khai Quyết định số 13/2026/QĐ-UBND trong Quý IV/2026', 2026, '2026-12-31'],
    ['Quý IV/2026Sở Nội vụ', 2026, '2026-12-31'],
  ])('reads "%s" as due %s', (text, year, due) => {
    expect(parseDeadline(text, year)?.due).toBe(due)
  })

  it.each(['0,5 ngày', 'Bước 7: Ký kết hợp đồng  (5 - 10 ngày)', 'Triển khai từ năm 2026'])(
    'gives "%s" no due date (a duration or a start)',
    (text) => {
      expect(parseDeadline(text, 2026)?.due).toBeNull()
    },
  )

  it('reads one cell "Quý I/2026 - Quý III/2026" as a range', () => {
    expect(parseDeadline('Quý I/2026 - Quý III/2026', 2026)).toEqual({
      kind: 'range',
      due: '2026-09-30',
      start: '2026-01-01',
    })
  })
})

// Deadlines counted from the plan's issue date (14/07/2026, a Tuesday), and from other events.
const issued = '2026-07-14'
const relativePhrases: [string, string, string | null][] = [
  // Calendar days start the day after (BLDS 2015, Điều 147): day 100 is 22/10/2026, a Thursday.
  ['100 ngày kể từ ngày ban hành Kế hoạch', 'relative', '2026-10-22'],
  ['Trong vòng 30 ngày kể từ ngày Kế hoạch được ban hành', 'relative', '2026-08-13'],
  ['trong thời hạn 15 ngày kể từ ngày ký ban hành Quyết định này', 'relative', '2026-07-29'],
  ['mười lăm ngày kể từ ngày ban hành Quyết định', 'relative', '2026-07-29'],
  ['30 (ba mươi) ngày kể từ ngày ban hành Kế hoạch', 'relative', '2026-08-13'],
  // A period ending on a weekend or holiday ends on the next working day (Điều 148): 12/9 is a Saturday.
  ['60 ngày kể từ ngày ban hành Kế hoạch', 'relative', '2026-09-14'],
  // A day counted in a plan of so many days, and its first days: so many days from the plan's issue.
  ['Ngày thứ 60 kể từ ngày ban hành', 'relative', '2026-09-14'],
  ['Trong 30 ngày đầu kể từ ngày ban hành', 'relative', '2026-08-13'],
  ['Ngày thứ 30', 'relative', null],
  ['30 ngày đầu', 'relative', null],
  // Working days skip weekends and holidays.
  ['05 ngày làm việc sau khi Kế hoạch được ký ban hành', 'relative', '2026-07-21'],
  ['Chậm nhất 10 ngày làm việc kể từ ngày UBND tỉnh ban hành Kế hoạch', 'relative', '2026-07-28'],
  ['trong vòng 3 tháng kể từ ngày ký', 'relative', '2026-10-14'],
  // A date written in the anchor is the start, whatever the table's issue date.
  ['60 ngày kể từ ngày ban hành Kế hoạch số 45/KH-UBND ngày 01/6/2026', 'relative', '2026-07-31'],
  ['30 ngày kể từ ngày 01/7/2026', 'relative', '2026-07-31'],
  ['Trong vòng 30 ngày', 'relative', null],
  ['Từ ngày ban hành Kế hoạch trở đi', 'recurring', null],
  ['30 ngày kể từ ngày Luật có hiệu lực', 'event', null],
  ['Trong thời hạn 15 ngày, sau khi Thủ tướng Chính phủ ban hành kế hoạch', 'event', null],
  ['Tuỳ thuộc vào thời điểm Luật NSNN sửa đổi', 'event', null],
  ['Kỳ họp thứ nhất Quốc hội khóa XVI', 'event', null],
  // A relative deadline beside an explicit one: the latest is due.
  ['30 ngày kể từ ngày ban hành Kế hoạch; báo cáo trước 31/12/2026', 'date', '2026-12-31'],
]

describe('parseDeadline on deadlines counted from an event', () => {
  it.each(relativePhrases)('reads "%s" as %s due %s', (text, kind, due) => {
    expect(parseDeadline(text, 2026, issued)).toMatchObject({ kind, due })
  })

  it('starts a relative deadline on the issue date', () => {
    expect(parseDeadline('100 ngày kể từ ngày ban hành Kế hoạch', 2026, issued)).toEqual({
      kind: 'relative',
      due: '2026-10-22',
      start: '2026-07-14',
    })
    expect(parseDeadline('Từ ngày ban hành Kế hoạch trở đi', 2026, issued)).toEqual({
      kind: 'recurring',
      due: null,
      start: '2026-07-14',
    })
  })

  it('keeps a relative deadline without due date when the issue date is unknown, and no error', () => {
    expect(parseDeadline('100 ngày kể từ ngày ban hành Kế hoạch', 2026)).toEqual({
      kind: 'relative',
      due: null,
    })
  })
})

// A phrase is read whole or reported with the part not understood: never widened.
const partialPhrases: [string, string | null, string | undefined][] = [
  ['Quý II năm 2026', '2026-06-30', undefined],
  ['Quý II/năm 2026', '2026-06-30', undefined],
  ['Quý II, năm 2026', '2026-06-30', undefined],
  ['Quý 2 của năm 2026', '2026-06-30', undefined],
  ['quý II - năm 2026', '2026-06-30', undefined],
  ['Tháng 12, 2026', '2026-12-31', undefined],
  ['ngày 15 tháng 3 năm 2026', '2026-03-15', undefined],
  ['Chậm nhất ngày 15/3', '2026-03-15', undefined],
  ['Quý V/2026', null, 'Quý V'],
  ['Quý 0/2026', null, 'Quý 0'],
  ['Tháng 13/2026', null, 'Tháng 13'],
  ['Tháng 0 năm 2026', null, 'Tháng 0'],
  ['13/2026', null, '13/2026'],
  ['31/02/2026', null, '31/02/2026'],
  // (a numbered week of a month is read whole: its seven days, never the month)
  ['Tuần 3 tháng 7/2026', '2026-07-21', undefined],
  // A week whose days are written beside it is placed by them.
  ['Tuần 2 (từ 08/9 đến 13/9/2026)', '2026-09-13', undefined],
  // A word joined to a year by a slash is no part of a time read: never the whole year.
  ['HK1/2026', null, 'hk1/2026'],
  ['Đợt A/2026', null, 'a/2026'],
  // Months counted from the year's start, abbreviated or joined by a slash.
  ['6T/2026', '2026-06-30', undefined],
  // The start, middle or end of a quarter is its month, never the whole quarter.
  ['Đầu quý IV/2026', '2026-10-31', undefined],
  ['Giữa quý III/2026', '2026-08-31', undefined],
  ['9 tháng/2026', '2026-09-30', undefined],
]

describe('parseDeadline never widens a phrase it only partly reads', () => {
  it.each(partialPhrases)('reads "%s" as due %s (unread part %s)', (text, due, unread) => {
    const deadline = parseDeadline(text, 2026)!
    expect(deadline.due).toBe(due)
    expect(deadline.unread).toBe(unread)
    expect(deadline.kind === 'invalid').toBe(due === null)
  })
})

// Ways plans commonly write several periods, abbreviations, parts of a year and standing work: each
// must be read whole (never widened to the year) or reported with the part not understood.
const compoundPhrases: [string, string, string | null][] = [
  // Monthly work finished by a time in a clause of its own; a quarter after a word placing a time in it.
  ['Hàng tháng; hoàn tất cuối Q4', 'period', '2026-12-31'],
  ['Trong Q2', 'period', '2026-06-30'],
  ['Tháng 10 hằng năm', 'recurring', null],
  // Upkeep after the work is no deadline of it.
  ['Tiếp nhận quý IV/2026; xây dựng 2027 - 2028; duy trì đến 2030', 'range', '2028-12-31'],
  ['Quý II, III/2026', 'period', '2026-09-30'],
  ['Quý II-III/2026', 'period', '2026-09-30'],
  ['Quý I và Quý II/2026', 'period', '2026-06-30'],
  ['quý I, II năm 2027', 'period', '2027-06-30'],
  ['Tháng 6 và 12/2026', 'period', '2026-12-31'],
  ['Tháng 6, tháng 9/2026', 'period', '2026-09-30'],
  ['9 tháng năm 2026', 'period', '2026-09-30'],
  ['Q3/2026', 'period', '2026-09-30'],
  ['Q.III/2026', 'period', '2026-09-30'],
  ['QIV/2026', 'period', '2026-12-31'],
  ['T12/2026', 'period', '2026-12-31'],
  ['Quí III/2026', 'period', '2026-09-30'],
  ['Đầu năm 2026', 'period', '2026-03-31'],
  ['Giữa năm 2026', 'period', '2026-06-30'],
  ['Cuối năm 2026', 'period', '2026-12-31'],
  ['Cả năm', 'period', '2026-12-31'],
  ['Hết năm', 'period', '2026-12-31'],
  ['Năm nay', 'period', '2026-12-31'],
  ['Từ năm 2026 - 2030', 'range', '2030-12-31'],
  ['Từ tháng 3 đến tháng 5/2026', 'period', '2026-05-31'],
  ['Trước ngày 10/6 và 10/12', 'date', '2026-12-10'],
  ['Trước ngày 10/6 và 10/12 hằng năm', 'recurring', null],
  ['Hằng năm (15/12)', 'recurring', null],
  ['Tháng 10 hằng năm', 'recurring', null],
  ['Hằng năm tháng 12', 'recurring', null],
  ['Năm tháng đầu năm 2026', 'period', '2026-05-31'],
  ['14/10', 'date', '2026-10-14'],
  ['Thứ Sáu (18/10)', 'date', '2026-10-18'],
  // (the weekday after the day)
  ['16/05 (Thứ Bảy)', 'date', '2026-05-16'],
  ['02/09 (T2)', 'date', '2026-09-02'],
  // (a list's dash before it, a remark in brackets after it)
  ['- 01/9', 'date', '2026-09-01'],
  ['14/7 (dự kiến)', 'date', '2026-07-14'],
  // (on an occasion's day: "Dịp 2/9")
  ['Dịp 2/9', 'date', '2026-09-02'],
  ['Sáng thứ Tư 16/10', 'date', '2026-10-16'],
  ['T. Hai 02/9', 'date', '2026-09-02'],
  ['30/9 - 04/10', 'date', '2026-10-04'],
  ['31/7; 30/7; 8/8', 'date', '2026-08-08'],
  ['Tuần 2 tháng 10', 'period', '2026-10-14'],
  ['Tuần thứ 3 của tháng 9/2026', 'period', '2026-09-21'],
  ['Thời hạn hoàn thành: Quý II/2026', 'period', '2026-06-30'],
  ['Thời gian: 02 ngày làm việc', 'relative', null],
  // a week, a term or a school year alone, an occasion that is no time: no date and no error
  ['Tuần 3', 'event', null],
  ['Học kỳ II', 'event', null],
  ['Trong năm học', 'event', null],
  ['Trước khai giảng năm học mới', 'event', null],
  ['Trước hạn', 'invalid', null],
  ['20/8 và 30/8', 'date', '2026-08-30'],
  ['Ngày 30/9 (3/4 số xã)', 'date', '2026-09-30'],
  ['Quý III/2026 (đạt 76/90 xã)', 'period', '2026-09-30'],
  ['Trước ngày 20 của tháng cuối quý', 'recurring', null],
  ['Năm 2026 và giai đoạn tiếp theo', 'recurring', null],
  ['Tiếp tục thực hiện', 'recurring', null],
  ['Quý V, VI/2026', 'invalid', null],
  ['II/2026', 'invalid', null],
  ['Giai đoạn 1: 2026-2027', 'range', '2027-12-31'],
  ['Tháng Sáu năm 2026', 'period', '2026-06-30'],
  ['Sáu tháng đầu năm 2026', 'period', '2026-06-30'],
  ['Quý Ba năm 2026', 'period', '2026-09-30'],
  ['Đến năm 2030, tầm nhìn đến năm 2045', 'period', '2030-12-31'],
  ['Đến năm 2030 và định hướng đến năm 2045', 'period', '2030-12-31'],
  ['Quý IV năm 2026 trở đi', 'recurring', null],
  ['Năm 2026 và duy trì các năm tiếp theo', 'recurring', null],
  ['Trong giai đoạn thực hiện Đề án', 'recurring', null],
  ['Khi Trung ương ban hành văn bản hướng dẫn', 'event', null],
  ['Triển khai ngay', 'event', null],
  ['60 ngày', 'relative', null],
  ['Sau 30 ngày', 'relative', null],
  ['Trước 15/01 năm sau', 'date', '2027-01-15'],
  ['Tháng 1 năm tiếp theo', 'period', '2027-01-31'],
  ['Hoàn thành trong 90 ngày', 'relative', null],
  ['Đồng thời với việc triển khai Đề án', 'event', null],
  ['Phù hợp với tiến độ của dự án', 'external', null],
  ['Đúng thời gian quy định', 'external', null],
]

describe('parseDeadline on compound and abbreviated periods', () => {
  it.each(compoundPhrases)('reads "%s" as %s due %s', (text, kind, due) => {
    const deadline = parseDeadline(text, 2026)!
    expect([deadline.kind, deadline.due]).toEqual([kind, due])
  })
})

describe('a quarter or a month before its year, however linked', () => {
  // Every way offices join a period to its year, with the words they put before it: read whole, never
  // widened to the whole year.
  const before = ['', 'Trong ', 'Trước ', 'Hoàn thành trong ', 'Chậm nhất ', 'Dự kiến ', '- ']
  const periods = [
    'Quý II',
    'quý 2',
    'QUÝ II',
    'Q2',
    'Q.II',
    'Tháng 6',
    'tháng 06',
    'T6',
    'Th6',
    'T06',
  ]
  const links = [
    '/',
    '-',
    '.',
    ' năm ',
    ' ',
    '/ ',
    ' /',
    ', năm ',
    ' - ',
    ' – ',
    '/năm ',
    ' của năm ',
  ]
  it('reads all of them as due at the end of June 2026', () => {
    const wrong: string[] = []
    for (const b of before)
      for (const p of periods)
        for (const l of links) {
          const text = `${b}${p}${l}2026`
          const d = parseDeadline(text, 2026)
          if (d?.due !== '2026-06-30') wrong.push(`${text}: ${JSON.stringify(d)}`)
        }
    expect(wrong).toEqual([])
  })
})

describe('a day before its month and year, however written', () => {
  const before = [
    '',
    'Trước ',
    'Trước ngày ',
    'Chậm nhất ngày ',
    'Hạn ',
    'Hoàn thành trước ngày ',
    'Đến ngày ',
    'Xong trước ',
    'Hạn chót ',
  ]
  const days = [
    '30/6/2026',
    '30-6-2026',
    '30.6.2026',
    '30/06/2026',
    '30 tháng 6 năm 2026',
    '30/6/26',
    '30 /6/ 2026',
    '30/6',
    '(30/6/2026)',
    '30 - 6 - 2026',
    '30 tháng 06 năm 2026',
    '30 tháng 6, 2026',
    '30/6 năm 2026',
  ]
  it('reads all of them as 30/06/2026', () => {
    const wrong: string[] = []
    for (const b of before)
      for (const d of days) {
        const got = parseDeadline(`${b}${d}`, 2026)
        if (got?.due !== '2026-06-30') wrong.push(`${b}${d}: ${JSON.stringify(got)}`)
      }
    expect(wrong).toEqual([])
  })
})

describe('recurring work, however introduced', () => {
  const verbs = ['', 'Thực hiện ', 'Triển khai ', 'Báo cáo ', '- ']
  const phrases = [
    'thường xuyên',
    'hằng năm',
    'hàng quý',
    'định kỳ hàng tháng',
    'thứ 5 hàng tuần',
    'ngày 25 hằng tháng',
    'trước ngày 20 tháng cuối quý',
    'theo định kỳ',
    'hằng năm (trước 15/12)',
    '02 lần/năm',
    '6 tháng/lần',
  ]
  it('reads all of them as recurring', () => {
    const wrong: string[] = []
    for (const v of verbs)
      for (const p of phrases) {
        const text = v ? `${v}${p}` : p.charAt(0).toUpperCase() + p.slice(1)
        if (parseDeadline(text, 2026)?.kind !== 'recurring') wrong.push(text)
      }
    expect(wrong).toEqual([])
  })
})

describe('parseDeadline on hostile cells', () => {
  it('reads long cells built to make its day patterns backtrack in bounded time', () => {
    const cells = [
      '1/1' + ' t1'.repeat(3000) + ' !',
      '1/1' + ' -'.repeat(5000) + 'x',
      '- '.repeat(5000) + '1/1 x',
      '1/1' + ' (cn)'.repeat(3000) + '!',
      '1/1 ' + '1h1'.repeat(3000) + '!',
      'ngày ' + '1 tháng 1 năm 2026 '.repeat(1000) + '!',
      'thu hai '.repeat(3000) + '1/1!',
    ]
    const started = performance.now()
    for (const cell of cells) parseDeadline(cell, 2026)
    expect(performance.now() - started).toBeLessThan(3_000)
  })
})
