import { describe, expect, it } from 'vitest'
import {
  issueCatalogue,
  issueCodes,
  validateTable,
  type AgencyRegistry,
  type Issue,
  type ScoringProfile,
} from '../../core/index.ts'
import { createGrid, createPlanGrid } from '../helpers/grid.ts'

const asOf = '2026-09-14'
const registry: AgencyRegistry = {
  province: 'Test',
  year: 2026,
  agencies: [
    { id: 'snv', name: 'Sở Nội vụ', kind: 'so' },
    { id: 'stp', name: 'Sở Tư pháp', kind: 'so' },
    { id: 'vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'so' },
  ],
  groups: [
    { name: 'Các sở, ban, ngành', kinds: ['so'] },
    { name: 'UBND cấp xã', kinds: ['xa'] },
  ],
  renames: [{ from: 'Sở Thông tin và Truyền thông', to: 'snv', date: '2025-03-01' }],
}
const profile: ScoringProfile = {
  name: 'Thử',
  year: 2026,
  provisional: true,
  items: {
    '1': { maxPoints: 2, method: 'self', rule: 'binary' },
    '2': { maxPoints: 1, method: 'survey', rule: 'binary' },
  },
}

const ok = ['Sở Nội vụ', 'Sở Tư pháp', 'Trong năm 2026']
function issuesOf(
  data: (string | number | null)[][],
  extra: Partial<Parameters<typeof validateTable>[1]> = {},
): Issue[] {
  return validateTable(createPlanGrid(data), { asOf, registry, ...extra }).issues
}
function find(issues: Issue[], code: string) {
  return issues
    .filter((i) => i.code === code)
    .map(({ code: c, severity, row, column }) => ({ code: c, severity, row, column }))
}

describe('issue codes', () => {
  it('has a Vietnamese and English message and hint for every code', () => {
    for (const code of issueCodes) {
      const entry = issueCatalogue[code]
      for (const text of [entry.message({}), entry.hint({})]) {
        expect(text.vi.length).toBeGreaterThan(5)
        expect(text.en.length).toBeGreaterThan(5)
      }
    }
  })

  it('table/not-found: a sheet without an annex header', () => {
    const report = validateTable(createGrid([['Báo cáo'], ['Số liệu', 12]]), { asOf })
    expect(report.issues).toEqual([
      expect.objectContaining({ code: 'table/not-found', severity: 'error', row: null }),
    ])
    expect(report.valid).toBe(false)
  })

  it('header/missing-column: no deadline column', () => {
    const report = validateTable(
      createGrid([
        ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Ghi chú'],
        [1, 'Việc A', 'Sở Nội vụ', ''],
      ]),
      { asOf },
    )
    expect(find(report.issues, 'header/missing-column')).toEqual([
      { code: 'header/missing-column', severity: 'error', row: 1, column: null },
    ])
  })

  it('header/duplicate-column: two "Cơ quan chủ trì" columns', () => {
    const report = validateTable(
      createGrid([
        ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn', 'Đơn vị chủ trì'],
        [1, 'Việc A', 'Sở Nội vụ', 'Năm 2026', 'Sở Tư pháp'],
      ]),
      { asOf },
    )
    expect(find(report.issues, 'header/duplicate-column')).toEqual([
      { code: 'header/duplicate-column', severity: 'warning', row: 1, column: 'E' },
    ])
    const twin = report.issues.find((i) => i.code === 'header/duplicate-column')!
    expect(twin.message.vi).toContain('dùng cột C')
  })

  it('header/duplicate-column: a code column of numbers is no second STT', () => {
    const report = validateTable(
      createGrid([
        ['TT', 'Dự án', 'Mã Dự án (Tabmis)', 'Chủ đầu tư', 'Thời gian thực hiện'],
        [1, 'Đường A', '8172870', 'Sở Nội vụ', '2025-2026'],
        [2, 'Đường B', '8133114', 'Sở Tư pháp', '2024-2027'],
        [3, 'Trường C', '8132633', 'Sở Nội vụ', '2025-2026'],
        [4, 'Trụ sở D', '7956688', 'Sở Tư pháp', '2023-2026'],
        [5, 'Cầu E', '8172871', 'Sở Nội vụ', '2025-2027'],
        [6, 'Kè F', '8100412', 'Sở Tư pháp', '2026-2027'],
      ]),
      { asOf },
    )
    expect(report.header?.columns.stt).toBe('A')
    expect(find(report.issues, 'header/duplicate-column')).toEqual([])
  })

  it('row/stt-duplicate and row/stt-sequence', () => {
    const issues = issuesOf([
      [1, 'A', ...ok],
      [1, 'B', ...ok],
      [3, 'C', ...ok],
      [5, 'D', ...ok],
    ])
    expect(find(issues, 'row/stt-duplicate')).toEqual([
      { code: 'row/stt-duplicate', severity: 'error', row: 5, column: 'A' },
    ])
    expect(find(issues, 'row/stt-sequence')).toEqual([
      { code: 'row/stt-sequence', severity: 'warning', row: 6, column: 'A' },
      { code: 'row/stt-sequence', severity: 'warning', row: 7, column: 'A' },
    ])
  })

  it('row/continuation: a page break split a task', () => {
    const issues = issuesOf([
      [1, 'Trong năm 2026 tổ chức', ...ok],
      [null, 'các cuộc đối thoại', null, null, null],
    ])
    expect(find(issues, 'row/continuation')).toEqual([
      { code: 'row/continuation', severity: 'warning', row: 5, column: 'B' },
    ])
  })

  it('row/shifted-cells: the deadline sits in the cooperating-agency column', () => {
    const issues = issuesOf([
      [12, 'Báo cáo Kế hoạch biên chế', 'Sở Nội vụ', 'Trong năm 2026', null],
    ])
    expect(find(issues, 'row/shifted-cells')).toEqual([
      { code: 'row/shifted-cells', severity: 'warning', row: 4, column: 'D' },
    ])
    expect(find(issues, 'cell/required')).toEqual([])
  })

  it('row/shifted-cells: not for a sentence that only mentions a year', () => {
    const issues = issuesOf([
      [
        12,
        'Báo cáo Kế hoạch biên chế',
        'Sở Nội vụ',
        'Nguồn chỉ nêu số liệu chung, không tách KH 2025 và KH 2026',
        null,
      ],
    ])
    expect(find(issues, 'row/shifted-cells')).toEqual([])
  })

  it('cell/required: a task without lead agency or deadline', () => {
    const issues = issuesOf([[1, 'Việc A', null, 'Sở Tư pháp', null]])
    expect(find(issues, 'cell/required')).toEqual([
      { code: 'cell/required', severity: 'error', row: 4, column: 'C' },
      { code: 'cell/required', severity: 'error', row: 4, column: 'E' },
    ])
  })

  it("cell/required: a sub-item takes its group's lead agency, a sub-item of a group without one does not", () => {
    const issues = issuesOf([
      [1, 'Nhóm việc A', 'Sở Nội vụ', null, null],
      ['1.1', 'Việc A1', null, null, 'Quý III/2026'],
      ['1.2', 'Việc A2', null, null, 'Quý IV/2026'],
      [2, 'Nhóm việc B', null, null, null],
      ['2.1', 'Việc B1', null, null, 'Quý IV/2026'],
    ])
    expect(find(issues, 'cell/required')).toEqual([
      { code: 'cell/required', severity: 'error', row: 8, column: 'C' },
    ])
  })

  it('a time column that says the work is done names no time: no invalid deadline, the task done', () => {
    const report = validateTable(
      createPlanGrid([[1, 'Nền tảng VNeID', 'Sở Nội vụ', 'Sở Tư pháp', 'Đã vận hành']]),
      { asOf, registry },
    )
    expect(report.issues.filter((i) => i.row === 4)).toEqual([])
    expect(report.tasks.find((t) => t.row === 4)!.status).toBe('done-on-time')
  })

  it('cell/invalid-date: not for a month or a state written where the completion date goes', () => {
    const report = validateTable(
      createPlanGrid([
        [1, 'Việc A', 'Sở Nội vụ', null, 'Quý III/2026', 'Đã hoàn thành', 'Tháng 8/2026'],
        [2, 'Việc B', 'Sở Nội vụ', null, 'Quý IV/2026', null, 'Đang thực hiện'],
        [3, 'Việc C', 'Sở Nội vụ', null, 'Quý IV/2026', 'Đã hoàn thành', 'hôm qua'],
        // (a verdict on the timing where the date goes says how the finished work went)
        [4, 'Việc D', 'Sở Nội vụ', null, 'Quý III/2026', 'Đã hoàn thành', 'Đúng hạn'],
      ]),
      { asOf, registry },
    )
    expect(find(report.issues, 'cell/invalid-date')).toEqual([
      { code: 'cell/invalid-date', severity: 'error', row: 6, column: 'G' },
    ])
    expect(report.tasks.map((t) => [t.doneDate, t.status])).toEqual([
      ['2026-08-01', 'done-on-time'],
      [null, 'in-progress'],
      [null, 'done-on-time'],
      [null, 'done-on-time'],
    ])
  })

  it('cell/html-markup with its fix', () => {
    const issues = issuesOf([[1, '<p>Trong năm 2026, tổ chức 02 cuộc đối thoại</p>&nbsp;', ...ok]])
    expect(issues.find((i) => i.code === 'cell/html-markup')).toMatchObject({
      severity: 'warning',
      row: 4,
      column: 'B',
      fix: 'Trong năm 2026, tổ chức 02 cuộc đối thoại',
    })
  })

  it('cell/legacy-encoding: TCVN3 "Së Néi vô" and VNI, fixed to Unicode', () => {
    const issues = issuesOf([[1, 'Việc A', 'Së Néi vô', 'Sôû Tö phaùp', 'Trong năm 2026']])
    expect(
      issues
        .filter((i) => i.code === 'cell/legacy-encoding')
        .map((i) => [i.column, i.severity, i.fix]),
    ).toEqual([
      ['C', 'error', 'Sở Nội vụ'],
      ['D', 'error', 'Sở Tư pháp'],
    ])
    expect(find(issues, 'cell/unknown-agency')).toEqual([])
  })

  it('cell/unnormalized-text: combining marks', () => {
    const issues = issuesOf([
      [1, 'Việc A', 'Sở Nội vụ'.normalize('NFD'), 'Sở Tư pháp', 'Trong năm 2026'],
    ])
    expect(issues.find((i) => i.code === 'cell/unnormalized-text')).toMatchObject({
      row: 4,
      column: 'C',
      fix: 'Sở Nội vụ',
    })
  })

  it('cell/unknown-agency with the nearest name as hint; groups, renames and names with "và" are known', () => {
    const issues = issuesOf([
      [1, 'A', 'Sở Nộ vụ', 'Sở Văn hóa, Thể thao và Du lịch; UBND cấp xã', 'Năm 2026'],
      [2, 'B', 'Sở Thông tin và Truyền thông', 'Các sở, ban, ngành và Sở Tư pháp', 'Năm 2026'],
    ])
    const unknown = issues.filter((i) => i.code === 'cell/unknown-agency')
    expect(unknown).toHaveLength(1)
    expect(unknown[0]).toMatchObject({ row: 4, column: 'C', severity: 'warning' })
    expect(unknown[0]!.hint.vi).toContain('Sở Nội vụ')
  })

  it('cell/invalid-deadline: "Tháng 13/2026"', () => {
    const issues = issuesOf([[1, 'Việc A', 'Sở Nội vụ', null, 'Tháng 13/2026']])
    expect(find(issues, 'cell/invalid-deadline')).toEqual([
      { code: 'cell/invalid-deadline', severity: 'error', row: 4, column: 'E' },
    ])
  })

  it('cell/invalid-date and cell/completion-in-future', () => {
    const issues = issuesOf([
      [1, 'A', ...ok, 'Đã hoàn thành', '31/02/2026', null, 'BC 1'],
      [2, 'B', ...ok, 'Đã hoàn thành', '20/10/2026', null, 'BC 2'],
    ])
    expect(find(issues, 'cell/invalid-date')).toEqual([
      { code: 'cell/invalid-date', severity: 'error', row: 4, column: 'G' },
    ])
    expect(find(issues, 'cell/completion-in-future')).toEqual([
      { code: 'cell/completion-in-future', severity: 'error', row: 5, column: 'G' },
    ])
  })

  it('row/deadline-before-start with start/end columns', () => {
    const report = validateTable(
      createGrid(
        [
          ['STT', 'Nhiệm vụ', 'Đơn vị thực hiện', 'Thời gian thực hiện', null],
          [null, null, null, 'Bắt đầu', 'Hoàn thành'],
          ['Hoạt động 1.1', 'Khảo sát', 'Sở Nội vụ', 'Tháng 9', 'Tháng 3'],
        ],
        [
          { top: 1, left: 4, bottom: 1, right: 5 },
          { top: 1, left: 1, bottom: 2, right: 1 },
          { top: 1, left: 2, bottom: 2, right: 2 },
          { top: 1, left: 3, bottom: 2, right: 3 },
        ],
      ),
      { asOf, year: 2026 },
    )
    expect(find(report.issues, 'row/deadline-before-start')).toEqual([
      { code: 'row/deadline-before-start', severity: 'error', row: 3, column: 'E' },
    ])
  })

  it('cell/invalid-progress, cell/unclear-progress, row/done-without-date, row/done-without-evidence', () => {
    const issues = issuesOf([
      [1, 'A', ...ok, '150%'],
      [2, 'B', ...ok, 'Đã hoàn thành'],
      [3, 'C', ...ok, 'Tốt'],
    ])
    expect(find(issues, 'cell/invalid-progress')).toEqual([
      { code: 'cell/invalid-progress', severity: 'error', row: 4, column: 'F' },
    ])
    expect(find(issues, 'cell/unclear-progress')).toEqual([
      { code: 'cell/unclear-progress', severity: 'warning', row: 6, column: 'F' },
    ])
    expect(find(issues, 'row/done-without-date')).toEqual([
      { code: 'row/done-without-date', severity: 'warning', row: 5, column: 'F' },
    ])
    expect(find(issues, 'row/done-without-evidence')).toEqual([
      { code: 'row/done-without-evidence', severity: 'warning', row: 5, column: 'F' },
    ])
  })

  it('cell/invalid-achieved (a scored row only) and report/target-not-judged (once, otherwise)', () => {
    const rows = [
      [1, 'Đạt 100% hồ sơ', ...ok, 'Đang thực hiện', null, 'khá tốt'],
      [2, 'Đạt 100% hồ sơ', ...ok, 'Đang thực hiện', null, 'Đang lấy ý kiến các đơn vị'],
      [3, 'Đạt 100% hồ sơ', ...ok, 'Đã hoàn thành', '01/03/2026', 'CV 694 ngày 16/3/2026'],
    ]
    const scored = issuesOf(rows, { profile })
    expect(find(scored, 'cell/invalid-achieved')).toEqual([
      { code: 'cell/invalid-achieved', severity: 'warning', row: 4, column: 'H' },
    ])
    expect(find(scored, 'report/target-not-judged')).toEqual([
      { code: 'report/target-not-judged', severity: 'info', row: null, column: null },
    ])
    const unscored = issuesOf(rows)
    expect(find(unscored, 'cell/invalid-achieved')).toEqual([])
    expect(unscored.find((i) => i.code === 'report/target-not-judged')?.message.vi).toBe(
      '3 nhiệm vụ có chỉ tiêu bằng số nhưng kết quả ghi bằng lời: chưa đánh giá được đạt hay không đạt chỉ tiêu.',
    )
  })

  it('row/score-exceeds-max and report/provisional-profile', () => {
    const issues = issuesOf(
      [[1, 'Đạt 100% hồ sơ', ...ok, 'Đã hoàn thành', '01/03/2026', '100%', 'BC', 3]],
      { profile },
    )
    expect(find(issues, 'row/score-exceeds-max')).toEqual([
      { code: 'row/score-exceeds-max', severity: 'error', row: 4, column: 'J' },
    ])
    expect(find(issues, 'report/provisional-profile')).toEqual([
      { code: 'report/provisional-profile', severity: 'info', row: null, column: null },
    ])
  })

  it('a clean table has no errors or warnings', () => {
    const report = validateTable(
      createPlanGrid([
        [1, 'Việc A', ...ok, 'Đã hoàn thành', '01/03/2026', null, 'QĐ 12/QĐ-UBND ngày 01/03/2026'],
      ]),
      { asOf, registry },
    )
    expect(report.issues).toEqual([])
    expect(report.valid).toBe(true)
  })
})
