import { describe, expect, it } from 'vitest'
import { issueLimits, reportLimits, validateTable } from '../../core/index.ts'
import { createGrid, createPlanGrid } from '../helpers/grid.ts'
import { readParSipasGrid, readPlanAppendixGrid } from '../../scripts/seeds.ts'

const asOf = '2026-09-14'

describe('validateTable on the seed tables as they are', () => {
  it('reads the PAR/SIPAS appendix: header on row 4, 82 criteria, page-break continuations and HTML reported', () => {
    const report = validateTable(readParSipasGrid(), { asOf })
    expect(report.planYear).toBe(2026)
    expect(report.header).toMatchObject({
      row: 4,
      columns: { stt: 'A', criterion: 'B', content: 'C', executing: 'D', lead: 'E', deadline: 'F' },
    })
    expect(report.summary.tasks).toBe(82)
    expect(report.errorCount).toBe(0)
    const codes = new Set(report.issues.map((i) => i.code))
    expect([...codes].sort()).toEqual(['cell/html-markup', 'row/continuation'])
    expect(report.tasks.find((t) => t.stt === '1.2')).toMatchObject({
      kind: 'task',
      deadline: { kind: 'external', due: null },
      status: 'not-started',
    })
    expect(report.tasks.filter((t) => t.kind === 'section').map((t) => t.stt)).toEqual(['I', 'II'])
    // SIPAS restarts numbering at 1 under section II without a duplicate.
    expect(
      report.tasks.filter((t) => t.section === 'II' && t.kind === 'task').map((t) => t.stt),
    ).toEqual(['1', '2', '3', '4', '5'])
  })

  it('reads the plan appendix: heading row, 1.1–2.5 without parents, flat tasks 3–49, shifted deadlines', () => {
    const report = validateTable(readPlanAppendixGrid(), { asOf })
    expect(report.planYear).toBe(2026)
    expect(report.tasks[0]).toMatchObject({ kind: 'heading', stt: null })
    expect(report.summary.tasks).toBe(59)
    expect(report.issues.map((i) => i.code)).toEqual(Array(5).fill('row/shifted-cells'))
    expect(report.tasks.find((t) => t.stt === '1.1')).toMatchObject({
      deadline: { due: '2025-12-31' },
      status: 'overdue',
    })
    expect(report.tasks.find((t) => t.stt === '1.2')).toMatchObject({ status: 'ongoing' })
    expect(report.tasks.find((t) => t.stt === '39')).toMatchObject({
      deadline: { kind: 'date', due: '2027-01-31' },
    })
  })
})

describe('validateTable on tables it has never seen', () => {
  it('finds a two-row header with merged "Thời gian thực hiện" over "Bắt đầu | Hoàn thành", a numbering row and "Nhiệm vụ N / Hoạt động N.M"', () => {
    const grid = createGrid(
      [
        ['ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ'],
        ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
        [],
        [
          'Số TT',
          'Tên nhiệm vụ',
          'Đơn vị thực hiện',
          'Đơn vị phối hợp',
          'Thời gian thực hiện',
          null,
          'Tiến độ thực hiện',
          'Ngày hoàn thành thực tế',
        ],
        [null, null, null, null, 'Bắt đầu', 'Kết thúc', null, null],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
        ['Nhiệm vụ 1', 'Rà soát thủ tục hành chính', null, null, null, null, null, null],
        [
          'Hoạt động 1.1',
          'Ban hành kế hoạch rà soát',
          'Văn phòng UBND tỉnh',
          null,
          'Tháng 1',
          'Tháng 3',
          'Đã hoàn thành',
          { date: '2025-04-10' },
        ],
        [
          'Hoạt động 1.2',
          'Tổ chức rà soát',
          'Các sở, ban, ngành',
          null,
          'Tháng 4',
          'Tháng 6',
          '50%',
          null,
        ],
        [
          'Hoạt động 1.3',
          'Báo cáo kết quả',
          'Văn phòng UBND tỉnh',
          null,
          'Tháng 7',
          'Tháng 12',
          null,
          null,
        ],
      ],
      [
        { top: 4, left: 5, bottom: 4, right: 6 },
        ...[1, 2, 3, 4, 7, 8].map((c) => ({ top: 4, left: c, bottom: 5, right: c })),
      ],
    )
    const report = validateTable(grid, { asOf: '2025-09-14' })
    expect(report.planYear).toBe(2025)
    expect(report.header).toMatchObject({
      row: 4,
      dataStart: 7,
      columns: {
        stt: 'A',
        content: 'B',
        executing: 'C',
        coop: 'D',
        start: 'E',
        end: 'F',
        progress: 'G',
        doneDate: 'H',
      },
    })
    expect(
      report.tasks.map((t) => [t.row, t.kind, t.stt, t.deadline?.due ?? null, t.status]),
    ).toEqual([
      // The group is overdue because one of its activities is.
      [7, 'group', '1', null, 'overdue'],
      [8, 'task', '1.1', '2025-03-31', 'done-late'],
      [9, 'task', '1.2', '2025-06-30', 'overdue'],
      [10, 'task', '1.3', '2025-12-31', 'not-started'],
    ])
    expect(report.issues).toEqual([])
  })

  it('reads a project list "STT | Tên đề án/dự án | Cơ quan chủ trì | Thời gian" with "2021-2025"', () => {
    const grid = createGrid([
      ['DANH MỤC ĐỀ ÁN, DỰ ÁN'],
      ['STT', 'Tên đề án/dự án', 'Cơ quan chủ trì', 'Thời gian'],
      [1, 'Đề án chuyển đổi số', 'Sở Khoa học và Công nghệ', '2021-2025'],
      [2, 'Đề án 06', 'Công an tỉnh', '2026 - 2030'],
    ])
    const report = validateTable(grid, { asOf: '2026-03-14' })
    expect(report.tasks.map((t) => [t.deadline, t.status])).toEqual([
      [{ kind: 'range', due: '2025-12-31', start: '2021-01-01' }, 'overdue'],
      [{ kind: 'range', due: '2030-12-31', start: '2026-01-01' }, 'not-started'],
    ])
  })

  it('reads a legacy-encoded, copy-pasted table and reports each bad cell on its row', () => {
    const grid = createGrid([
      ['PHỤ LỤC NHIỆM VỤ NĂM 2024'],
      [
        'TT',
        'Nội dung thực hiện',
        'Chủ trì',
        'Phối hợp',
        'Thời hạn hoàn thành',
        'Mức độ hoàn thành',
      ],
      ['I', 'CẢI CÁCH THỂ CHẾ', null, null, null, null],
      [
        '1',
        'Rµ so¸t v¨n b¶n QPPL',
        'Së T­ ph¸p',
        'C¸c së, ban, ngµnh',
        'Quý IV',
        'Đang triển khai',
      ],
      [
        '2',
        '<ul><li>Kiểm tra văn bản</li></ul>',
        'Sở Tư pháp',
        'UBND cấp xã',
        'Quý II',
        'Chưa triển khai',
      ],
      ['3', 'Đối thoại', 'Sở Tư pháp', null, 'Thường xuyên', '100%'],
    ])
    const report = validateTable(grid, { asOf: '2024-09-14' })
    expect(report.planYear).toBe(2024)
    expect(report.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['cell/legacy-encoding', 4, 'B'],
      ['cell/legacy-encoding', 4, 'C'],
      ['cell/legacy-encoding', 4, 'D'],
      ['cell/html-markup', 5, 'B'],
    ])
    expect(report.issues[0]!.fix).toBe('Rà soát văn bản QPPL')
    expect(report.tasks.filter((t) => t.kind === 'task').map((t) => t.status)).toEqual([
      'in-progress',
      'overdue',
      'done-on-time',
    ])
  })

  it('computes proportional and binary scores, survey items null, and group totals', () => {
    const grid = createGrid([
      ['PHỤ LỤC NĂM 2026'],
      [
        'STT',
        'Tiêu chí',
        'Nội dung',
        'Cơ quan thực hiện',
        'Thời gian thực hiện',
        'Tình hình thực hiện',
        'Kết quả đạt được',
      ],
      ['1', 'Công tác chỉ đạo', null, null, null, null, null],
      [
        '1.1',
        'Kiểm tra',
        'Kiểm tra ít nhất là 30% số cơ quan',
        'Sở Nội vụ',
        'Trong năm 2026',
        'Đang thực hiện',
        '15%',
      ],
      [
        '1.2',
        'Đối thoại',
        'Tổ chức 02 cuộc đối thoại',
        'Sở Nội vụ',
        'Trong năm 2026',
        'Đã hoàn thành',
        '2',
      ],
      [
        '1.3',
        'Hài lòng (đánh giá qua điều tra XHH)',
        'Đạt từ 98% trở lên',
        'Sở Nội vụ',
        'Trong năm 2026',
        'Đang thực hiện',
        '99%',
      ],
    ])
    const report = validateTable(grid, {
      asOf,
      profile: {
        name: 'p',
        year: 2026,
        provisional: false,
        items: {
          '1.1': { maxPoints: 2, method: 'self', rule: 'proportional' },
          '1.2': { maxPoints: 1, method: 'self', rule: 'binary' },
          '1.3': { maxPoints: 1, method: 'survey', rule: 'binary' },
        },
      },
    })
    expect(report.tasks.map((t) => [t.stt, t.targetMet, t.score, t.maxScore])).toEqual([
      ['1', null, 2, 3],
      ['1.1', false, 1, 2],
      ['1.2', true, 1, 1],
      ['1.3', true, null, 1],
    ])
    expect(report.summary).toMatchObject({ score: 2, maxScore: 3 })
  })
})

describe('the size of a report', () => {
  it('repeats a long cell clipped: 500 characters of value, 200 in the message, 2,000 of task text', () => {
    const long = `Rà soát, cập nhật danh mục thủ tục hành chính ${'và công khai '.repeat(3000)}`
    const report = validateTable(createPlanGrid([[1, long, 'Sở Nội vụ', '', long, long]]), {
      asOf: '2026-09-14',
    })
    const deadline = report.issues.find((i) => i.code === 'cell/invalid-deadline')!
    expect(deadline.value).toHaveLength(issueLimits.valueChars)
    expect(deadline.value!.endsWith('…')).toBe(true)
    expect(deadline.message.vi.length).toBeLessThan(issueLimits.quoteChars + 200)
    expect(report.tasks[0]!.content).toHaveLength(reportLimits.taskTextChars)
    expect(report.tasks[0]!.content.startsWith('Rà soát, cập nhật')).toBe(true)
  })

  it('stays within a few megabytes when a 30,000-character text fills 2,000 rows', () => {
    const long = `<p>${'Nhiệm vụ cải cách thủ tục hành chính '.repeat(800)}</p>`.slice(0, 30_000)
    const rows = Array.from({ length: 2000 }, (_, i) => [i + 1, long, 'Sở Nội vụ', 'Quý IV/2026'])
    const report = validateTable(createPlanGrid(rows), { asOf: '2026-09-14' })
    expect(report.tasks).toHaveLength(2000)
    expect(report.issues.filter((i) => i.code === 'cell/html-markup')).toHaveLength(2000)
    // Unbounded, this report was 900 MB of JSON.
    expect(JSON.stringify(report).length).toBeLessThan(10_000_000)
    // Corrected texts are kept whole while the budget lasts, never cut: a cut one would damage the cell.
    const fixes = report.issues.flatMap((i) => (i.fix === undefined ? [] : [i.fix]))
    expect(fixes.length).toBeGreaterThan(0)
    expect(fixes.length).toBeLessThan(2000)
    expect(new Set(fixes.map((f) => f.length)).size).toBe(1)
  })

  it('leaves an ordinary report as it was', () => {
    const report = validateTable(readParSipasGrid(), { asOf: '2026-09-14' })
    expect(report.issues.every((i) => (i.value ?? '').length <= issueLimits.valueChars)).toBe(true)
    expect(report.tasks.some((t) => t.content.length > 100)).toBe(true)
    expect(report.tasks.every((t) => !t.content.endsWith('…'))).toBe(true)
  })
})
