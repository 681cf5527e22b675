import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { findTitleYear, validateTable } from '../../core/validate.ts'
import { createGrid, createPlanGrid } from '../helpers/grid.ts'
import { buildReadingCases, buildTrackerCase } from '../helpers/reading-cases.ts'
const asOf = '2026-09-14'

describe('findTitleYear', () => {
  it('reads the plan year from title rows, with or without diacritics', () => {
    expect(findTitleYear('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026')).toBe(2026)
    expect(findTitleYear('Ke hoach CCHC nam 2025 cua UBND tinh')).toBe(2025)
    expect(findTitleYear('PHỤ LỤC (Kèm theo Kế hoạch số 0156/KH-UBND)')).toBeNull()
  })
})

describe('validateTable', () => {
  it('reports table/not-found for a sheet without an annex table, with the plan year from the options', () => {
    const report = validateTable(createGrid([['Báo cáo'], ['Không có bảng']]), {
      asOf: '2026-09-14',
      year: 2026,
    })
    expect(report).toMatchObject({ header: null, planYear: 2026, valid: false, tasks: [] })
    expect(report.issues.map((i) => i.code)).toEqual(['table/not-found'])
  })

  it('takes the plan year from --year over the title, and computes statuses as of asOf', () => {
    const grid = createPlanGrid([
      [1, 'Ban hành kế hoạch', 'Sở Nội vụ', null, 'Quý I', 'Đã hoàn thành', '20/03/2025'],
      [2, 'Kiểm tra CCHC', 'Sở Nội vụ', null, 'Quý II', 'Đang thực hiện'],
    ])
    const report = validateTable(grid, { asOf: '2025-09-14', year: 2025 })
    expect(report.planYear).toBe(2025)
    expect(report.tasks.map((t) => [t.stt, t.deadline?.due, t.status])).toEqual([
      ['1', '2025-03-31', 'done-on-time'],
      ['2', '2025-06-30', 'overdue'],
    ])
  })

  it('marks a provisional profile with an info issue', () => {
    const grid = createPlanGrid([[1, 'Kiểm tra CCHC', 'Sở Nội vụ', null, 'Quý IV/2026']])
    const profile = {
      name: 'Thử',
      year: 2026,
      provisional: true,
      items: { '1': { maxPoints: 1, method: 'self' as const, rule: 'binary' as const } },
    }
    const report = validateTable(grid, { asOf: '2026-09-14', profile })
    expect(report.issues.map((i) => [i.code, i.severity])).toEqual([
      ['report/provisional-profile', 'info'],
    ])
    expect(report.profile).toEqual({ name: 'Thử', provisional: true })
  })
})

describe('validateTable on tables worded as other offices word them', () => {
  it('gives a clean task list whose "Kết quả thực hiện" holds narrative text no error', () => {
    const grid = createGrid([
      ['PHỤ LỤC III. KẾ HOẠCH ĐIỀU HÀNH TIẾN ĐỘ NĂM 2026'],
      ['STT', 'Tên dự án', 'Chủ đầu tư', 'Thời gian thực hiện', 'Kết quả thực hiện'],
      [1, 'Trụ sở UBND xã', 'Sở Xây dựng', '2025-2026', 'Đang lập báo cáo KTKT'],
      [2, 'Kè chống sạt lở', 'Sở Nông nghiệp và Môi trường', '2016-2025', 'Đã thẩm định'],
      [
        3,
        'Đường liên xã',
        'UBND xã Ea Tu',
        '2025-2026',
        'Hiện đơn vị có Tờ trình số 133-TTr/VPTU ngày 14/8/2026 gửi UBND tỉnh về việc xin dừng chủ trương đầu tư dự án',
      ],
    ])
    const report = validateTable(grid, { asOf: '2026-09-14' })
    expect(report.header?.columns).toEqual({
      stt: 'A',
      content: 'B',
      lead: 'C',
      deadline: 'D',
      achieved: 'E',
    })
    expect(report.issues).toEqual([])
    expect(report.tasks.map((t) => t.deadline)).toEqual([
      { kind: 'range', due: '2026-12-31', start: '2025-01-01' },
      { kind: 'range', due: '2025-12-31', start: '2016-01-01' },
      { kind: 'range', due: '2026-12-31', start: '2025-01-01' },
    ])
  })

  it('reads a progress report with emoji statuses, abbreviated headers and a narrative result with figures', () => {
    const grid = createGrid([
      ['BÁO CÁO TIẾN ĐỘ NĂM 2026'],
      ['TT', 'Nội dung NV', 'ĐV chủ trì', 'Hạn nộp', 'Trạng thái', 'Mức phấn đấu', 'KQ đạt được'],
      [
        1,
        'Kiểm tra CCHC',
        'Sở Nội vụ',
        'Quý II/2026',
        '✅ Hoàn thành',
        'Ít nhất 30%',
        'Đã kiểm tra 15/18 cơ quan',
      ],
      [2, 'Số hóa hồ sơ', 'Sở Nội vụ', '08/2026', '🟡 Đang thực hiện', '100%', 'Đang triển khai'],
      [3, 'Báo cáo năm', 'Văn phòng UBND tỉnh', 'Tháng 12/2026', '🔴 Chưa thực hiện', null, null],
    ])
    const report = validateTable(grid, { asOf: '2026-09-14' })
    expect(report.header?.columns).toMatchObject({
      stt: 'A',
      content: 'B',
      lead: 'C',
      deadline: 'D',
      progress: 'E',
      expected: 'F',
      achieved: 'G',
    })
    expect(report.tasks.map((t) => [t.status, t.targetMet])).toEqual([
      ['done-on-time', true],
      ['overdue', null],
      ['not-started', null],
    ])
    // A result in words under a numeric target is no error: one note for the table says it was not judged.
    expect(report.issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['report/target-not-judged', 'info', null],
    ])
  })

  it('validates a table with unknown headers exactly as a recognised header once the columns are chosen', () => {
    const data = [
      [1, 'Rà soát TTHC', 'Sở Tư pháp', 'Quý III/2026', 'Đã hoàn thành', '01/08/2026'],
      [2, 'Kiểm tra CCHC', 'Sở Nội vụ', 'Quý II/2026', 'Đang thực hiện', null],
    ]
    const title = ['KẾ HOẠCH NĂM 2026']
    const known = createGrid([
      title,
      ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn', 'Tiến độ', 'Ngày hoàn thành'],
      ...data,
    ])
    const unknown = createGrid([
      title,
      ['#', 'Việc', 'Ai lo', 'Chốt', 'Ra sao', 'Xong lúc'],
      ...data,
    ])
    expect(validateTable(unknown, { asOf }).issues.map((i) => i.code)).toEqual(['table/not-found'])
    const columns = {
      stt: 'A',
      content: 'B',
      lead: 'C',
      deadline: 'D',
      progress: 'E',
      doneDate: 'F',
    } as const
    const corrected = validateTable(unknown, { asOf, columns })
    const expected = validateTable(known, { asOf })
    expect(corrected.tasks).toEqual(expected.tasks)
    expect(corrected.issues).toEqual(expected.issues)
    expect(corrected.summary).toEqual(expected.summary)
    expect(corrected.header?.columns).toEqual(expected.header?.columns)
    expect(corrected.header?.mapping.map((m) => [m.column, m.field, m.chosen])).toContainEqual([
      'D',
      'deadline',
      true,
    ])
    // Remembered in the workbook (template metadata) it reads the same.
    const remembered = validateTable(unknown, {
      asOf,
      meta: { columns: 'stt=A,content=B,lead=C,deadline=D,progress=E,doneDate=F' },
    })
    expect(remembered.tasks).toEqual(expected.tasks)
  })

  it('unmaps a field with an empty choice and moves it with a letter', () => {
    const grid = createPlanGrid([[1, 'Việc A', 'Sở Nội vụ', 'Quý IV/2026', 'Quý III/2026']])
    const report = validateTable(grid, { asOf, columns: { coop: null, deadline: 'D' } })
    expect(report.header?.columns).toMatchObject({ deadline: 'D' })
    expect(report.header?.columns.coop).toBeUndefined()
    expect(report.tasks[0]?.deadline?.due).toBe('2026-12-31')
  })
})

describe('validateTable reading what the columns hold (issue 18)', () => {
  for (const c of buildReadingCases()) {
    it(`reads the ${c.name} case by its contents: every column, status and due date right, no issue`, () => {
      const report = validateTable(c.grid, { asOf: c.asOf })
      const fields = Object.fromEntries(report.header!.mapping.map((m) => [m.column, m.field]))
      expect(fields).toMatchObject(c.columns)
      const got = new Map(
        report.tasks.map((t) => [t.row, { status: t.status, due: t.deadline?.due ?? null }]),
      )
      expect(
        [...c.expected].filter(([row, want]) => !isDeepStrictEqual(got.get(row), want)),
      ).toEqual([])
      expect(report.issues).toEqual([])
    })
  }

  it('says why a column was read so: a progress header over deadlines, a deadline header over completion dates', () => {
    const report = validateTable(buildTrackerCase().grid, { asOf: '2026-06-30' })
    const byColumn = Object.fromEntries(report.header!.mapping.map((m) => [m.column, m]))
    expect(byColumn.F).toMatchObject({
      header: 'Tiến độ thực hiện',
      field: 'deadline',
      basis: 'contents',
      reason: { vi: 'ô trong cột: 36/36 là thời hạn', en: 'cells: 36/36 are deadlines' },
    })
    expect(byColumn.E).toMatchObject({
      header: 'Thời gian hoàn thành',
      field: 'doneDate',
      reason: {
        vi: 'ô trong cột: 24/24 là ngày, chỉ có ở việc đã xong, không sau ngày báo cáo',
        en: 'cells: 24/24 are dates, only on finished tasks, never after the report date',
      },
    })
  })

  it('lets the user’s choice win over the contents', () => {
    const report = validateTable(buildTrackerCase().grid, {
      asOf: '2026-06-30',
      columns: { deadline: 'E', doneDate: null },
    })
    expect(report.header!.mapping.find((m) => m.column === 'E')).toMatchObject({
      field: 'deadline',
      basis: 'choice',
      chosen: true,
    })
  })

  it('guesses a required column the words and cells cannot settle, says so once, and repeats nothing on the rows', () => {
    const grid = createGrid([
      ['KẾ HOẠCH NĂM 2026'],
      ['STT', 'Nội dung', 'Chủ trì', 'Chốt'],
      [1, 'Rà soát TTHC', 'Sở Tư pháp', 'Quý III/2026'],
      [2, 'Kiểm tra CCHC', 'Sở Nội vụ', null],
      [3, 'Số hóa hồ sơ', 'Sở Nội vụ', null],
      [4, 'Báo cáo năm', 'Sở Nội vụ', null],
      [5, 'Tập huấn', 'Sở Nội vụ', null],
    ])
    const report = validateTable(grid, { asOf })
    expect(report.issues.map((i) => [i.code, i.column, i.row])).toEqual([
      ['header/guessed-column', 'D', 2],
      ['header/unreadable-column', 'D', 2],
    ])
  })
})
