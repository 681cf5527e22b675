import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { findTitleYear, validateTable } from '../../core/validate.ts'
import { formatColumnReading, type CellValue } from '../../core/index.ts'
import { readFixtureGrid, readTuningFixture } from '../helpers/fixture-grid.ts'
import { perturbations } from '../../scripts/eval/perturb.ts'
import { createGrid, createPlanGrid } from '../helpers/grid.ts'
import {
  buildLegalTextTracker,
  buildReadingCases,
  buildTrackerCase,
} from '../helpers/reading-cases.ts'
const asOf = '2026-09-14'
// A legal-document tracker's first columns and the steps of its workflow.
const workflowHeadings = [
  'STT',
  'Tên văn bản',
  'Cơ quan soạn thảo',
  'Thời hạn',
  'Đăng ký',
  'Góp ý',
  'Thẩm định',
]

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

  it('reads a directive tracker: the source document before the task is no evidence, a submission no completion', () => {
    const grid = createGrid([
      ['BẢNG THEO DÕI THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO NĂM 2017'],
      [
        'STT',
        'Số, ký hiệu văn bản',
        'Ngày văn bản',
        'Trích yếu nội dung chỉ đạo',
        'Đơn vị chủ trì',
        'Thời hạn hoàn thành',
        'Tình hình thực hiện',
      ],
      [
        1,
        '125/TB-VPCP',
        '15/3/2017',
        'Hoàn thiện dự thảo Nghị định về phát triển giáo dục mầm non',
        'Vụ Giáo dục Mầm non',
        '30/6/2017',
        'Đã trình Chính phủ tại Tờ trình số 456/TTr-BGDĐT ngày 25/6/2017',
      ],
      [
        2,
        '4521/VPCP-KGVX',
        '20/4/2017',
        'Báo cáo chương trình giáo dục phổ thông',
        'Vụ Giáo dục Trung học',
        'Tháng 9/2017',
        'Đang thực hiện',
      ],
      [
        3,
        'Kết luận 12-KL/TW',
        '01/02/2017',
        'Tổng kết 10 năm thực hiện Nghị quyết',
        'Văn phòng Bộ',
        'Trước 15/12/2017',
        'Hoàn thành',
      ],
    ])
    const report = validateTable(grid, { asOf: '2017-10-15' })
    expect(report.header?.columns).toEqual({
      stt: 'A',
      content: 'D',
      lead: 'E',
      deadline: 'F',
      progress: 'G',
    })
    expect(report.tasks.map((t) => t.status)).toEqual(['overdue', 'overdue', 'done-on-time'])
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([])
  })

  it('takes the date a done result names as its completion when no date column says', () => {
    const grid = createGrid([
      ['KẾ HOẠCH NĂM 2026'],
      ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn', 'Kết quả thực hiện'],
      [
        1,
        'Ban hành quy chế',
        'Sở Nội vụ',
        'Quý II/2026',
        'Đã ban hành Quyết định số 12/QĐ-UBND ngày 20/7/2026',
      ],
      [
        2,
        'Ban hành kế hoạch',
        'Sở Nội vụ',
        'Quý III/2026',
        'Đã ban hành Kế hoạch số 5/KH-UBND ngày 10/8/2026',
      ],
      [
        3,
        'Tổng kết',
        'Sở Nội vụ',
        'Quý IV/2026',
        'Đang xây dựng báo cáo theo Công văn ngày 01/9/2026',
      ],
    ])
    const report = validateTable(grid, { asOf: '2026-09-14' })
    expect(report.tasks.map((t) => [t.doneDate, t.status])).toEqual([
      ['2026-07-20', 'done-late'],
      ['2026-08-10', 'done-on-time'],
      [null, 'in-progress'],
    ])
  })

  it('reads a calendar that never names its year in the report date’s year, said once', () => {
    const grid = createGrid([
      ['Lịch báo cáo:'],
      ['Kỳ', 'Phạm vi', 'Hạn nộp dự kiến', 'Ghi chú'],
      ['Quý I', '01/01 → 31/03', 'Trước 10/4', null],
      ['6 tháng', '01/01 → 30/06', 'Trước 10/7', 'Lũy kế'],
      ['Năm', '01/01 → 31/12', 'Trước 15/01 năm sau', 'Lũy kế'],
    ])
    const report = validateTable(grid, { asOf: '2026-05-18' })
    expect(report.tasks.map((t) => [t.deadline?.due, t.status])).toEqual([
      ['2026-04-10', 'overdue'],
      ['2026-07-10', 'not-started'],
      ['2027-01-15', 'not-started'],
    ])
    const assumed = report.issues.filter((i) => i.code === 'report/year-assumed')
    expect(assumed.map((i) => [i.severity, i.row, i.message.vi])).toEqual([
      [
        'info',
        null,
        'Bảng không ghi năm kế hoạch: 3 thời hạn không ghi năm (như “Trước 10/4”) được tính theo năm 2026, năm của ngày báo cáo.',
      ],
    ])
    expect(report.issues.filter((i) => i.code === 'cell/invalid-deadline')).toEqual([])
  })

  it('reads start and end columns that never name their year in the report date’s year, said once', () => {
    const report = validateTable(
      createGrid([
        ['STT', 'Nội dung công việc', 'Bộ phận thực hiện', 'Bắt đầu', 'Kết thúc'],
        [1, 'Xây dựng quy chế làm việc', 'Phòng TCHC', 'Quý I', 'Quý II'],
        [2, 'Kiểm kê tài sản', 'Phòng KHTC', 'Tháng 11', 'Tháng 12'],
        [3, 'Cập nhật hồ sơ cán bộ', 'Phòng TCHC', 'Tháng 4', 'Tháng 5'],
      ]),
      { asOf: '2026-07-15' },
    )
    expect(report.tasks.map((t) => [t.deadline?.due, t.status])).toEqual([
      ['2026-06-30', 'overdue'],
      ['2026-12-31', 'not-started'],
      ['2026-05-31', 'overdue'],
    ])
    expect(report.issues.map((i) => [i.code, i.severity])).toEqual([
      ['report/year-assumed', 'info'],
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
      ['Mục', 'Làm gì', 'Ai lo', 'Chốt', 'Ra sao', 'Lúc nào'],
      ...data,
    ])
    expect(validateTable(unknown, { asOf }).issues.map((i) => i.code)).toEqual(['table/not-found'])
    // With "#" over the numbers the header is found, and the cells say the rest (the texts next to the
    // numbers are the tasks, three agencies name the agencies' column).
    // (three items in order make a list: two are too few to tell)
    const numbered = createGrid([
      title,
      ['#', 'Làm gì', 'Ai lo', 'Chốt', 'Ra sao', 'Lúc nào'],
      ...data,
      [3, 'Tuyên truyền CCHC', 'Sở Văn hoá', 'Quý IV/2026', 'Chưa thực hiện', null],
    ])
    const read = validateTable(numbered, { asOf })
    expect(read.header?.columns).toEqual({
      stt: 'A',
      content: 'B',
      lead: 'C',
      deadline: 'D',
      progress: 'E',
    })
    expect(read.issues.map((i) => [i.code, i.column])).toEqual([])
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

  it('reads a column under an empty header cell by its cells: guessed for a missing required field, or as the user names it', () => {
    const data: CellValue[][] = [
      [1, 'Rà soát thủ tục hành chính nội bộ', 'Sở Tư pháp', 'Quý III/2026', 'Đang thực hiện'],
      [2, 'Kiểm tra công tác cải cách hành chính', 'Sở Nội vụ', 'Quý II/2026', 'Đã hoàn thành'],
      [
        3,
        'Tuyên truyền cải cách hành chính',
        'Văn phòng UBND tỉnh',
        'Thường xuyên',
        'Đang thực hiện',
      ],
      [4, 'Khảo sát mức độ hài lòng', 'Sở Nội vụ', 'Tháng 10/2026', 'Chưa thực hiện'],
    ]
    const head = ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn', 'Tiến độ']
    const expected = validateTable(createGrid([['KẾ HOẠCH NĂM 2026'], head, ...data]), { asOf })
    head.forEach((_, c) => {
      const blanked = head.map((h, i) => (i === c ? '' : h))
      const read = validateTable(createGrid([['KẾ HOẠCH NĂM 2026'], blanked, ...data]), { asOf })
      const letter = 'ABCDE'[c]!
      if (c < 4) {
        // A required field: one question at the header, the rows read as before.
        expect(read.header?.columns).toEqual(expected.header?.columns)
        expect(read.issues.map((i) => [i.code, i.column])).toEqual([
          ['header/guessed-column', letter],
        ])
        expect(read.issues[0]!.message.vi).toContain(`cột ${letter} (không có tiêu đề)`)
        const reading = read.header!.mapping.find((m) => m.column === letter)!
        expect(formatColumnReading(reading)).toContain(`Cột ${letter} (không có tiêu đề) →`)
        expect(read.tasks).toEqual(expected.tasks)
      } else {
        // An optional one is left out unless the user names it.
        expect(read.header?.columns.progress).toBeUndefined()
        const named = validateTable(createGrid([['KẾ HOẠCH NĂM 2026'], blanked, ...data]), {
          asOf,
          columns: { progress: letter },
        })
        expect(named.tasks).toEqual(expected.tasks)
        expect(named.header?.mapping.find((m) => m.column === letter)).toMatchObject({
          header: '',
          field: 'progress',
          chosen: true,
        })
      }
    })
  })

  it('reads marks under "Tiến độ: Đúng hạn | Trễ hạn | Không giao hạn" as the timing, the result as how far', () => {
    const report = validateTable(
      createGrid(
        [
          ['BÁO CÁO tình hình thực hiện nhiệm vụ năm 2026'],
          ['TT', 'Nội dung', 'Đơn vị thực hiện', 'Kết quả thực hiện', 'Tiến độ', null, null],
          [null, null, null, null, 'Đúng hạn', 'Trễ hạn', 'Không giao hạn'],
          [
            1,
            'Kiện toàn Ban chỉ đạo',
            'Văn phòng',
            'Đã hoàn thành việc kiện toàn',
            'X',
            null,
            null,
          ],
          [
            2,
            'Ban hành quy chế làm việc',
            'Văn phòng',
            'Đã hoàn thành, ban hành quy chế',
            null,
            'X',
            null,
          ],
          [
            3,
            'Lãnh đạo đổi mới phương thức',
            'Văn phòng',
            'Cấp uỷ thường xuyên đổi mới phương thức lãnh đạo',
            null,
            null,
            'X',
          ],
        ],
        [
          { top: 2, left: 1, bottom: 3, right: 1 },
          { top: 2, left: 2, bottom: 3, right: 2 },
          { top: 2, left: 3, bottom: 3, right: 3 },
          { top: 2, left: 4, bottom: 3, right: 4 },
          { top: 2, left: 5, bottom: 2, right: 7 },
        ],
      ),
      { asOf: '2026-03-05' },
    )
    expect(report.header?.mapping.map((m) => [m.column, m.field])).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'executing'],
      ['D', 'achieved'],
      ['E', 'progress'],
      ['F', null],
      ['G', null],
    ])
    expect(report.tasks.map((t) => t.status)).toEqual(['done-on-time', 'done-late', 'in-progress'])
    expect(report.issues.filter((i) => i.code === 'cell/unclear-progress')).toEqual([])
  })

  it('reads times written per body under one time parent ("Thời gian trình" over "BTV | BCH") as one deadline, the latest', () => {
    const report = validateTable(
      createGrid(
        [
          ['CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026'],
          ['STT', 'Nội dung', 'Thời gian trình', null, 'Cơ quan chủ trì'],
          [null, null, 'BTV', 'BCH', null],
          [
            1,
            'Nghị quyết về phát triển công nghiệp',
            'Quý I/2026',
            'Quý II/2026',
            'Đảng uỷ UBND xã',
          ],
          [
            2,
            'Nghị quyết về cơ cấu lại nông nghiệp',
            'Quý III/2026',
            'Quý III/2026',
            'Đảng uỷ UBND xã',
          ],
        ],
        [
          { top: 2, left: 1, bottom: 3, right: 1 },
          { top: 2, left: 2, bottom: 3, right: 2 },
          { top: 2, left: 3, bottom: 2, right: 4 },
          { top: 2, left: 5, bottom: 3, right: 5 },
        ],
      ),
      { asOf: '2026-03-05' },
    )
    expect(report.header?.columns).toMatchObject({ deadline: 'C', lead: 'E' })
    expect(report.header?.columns.start).toBeUndefined()
    expect(report.tasks.map((t) => t.deadline?.due)).toEqual(['2026-06-30', '2026-09-30'])
  })

  it('reads a standing duty given no date as going on, whatever acts its account reports, unless it says finished', () => {
    const report = validateTable(
      createGrid([
        ['BÁO CÁO tình hình thực hiện nhiệm vụ năm 2026'],
        ['TT', 'Nội dung', 'Đơn vị thực hiện', 'Kết quả thực hiện'],
        [
          1,
          'Lãnh đạo tổ chức thực hiện Chỉ thị số 01',
          'Đảng uỷ xã',
          'Ban Thường vụ Đảng uỷ xã đã ban hành Chỉ thị số 02-CT/ĐU về đẩy mạnh công tác',
        ],
        [
          2,
          'Tăng cường kiểm tra việc sinh hoạt đảng',
          'Đảng uỷ xã',
          'Đã hoàn thành kiểm tra 12 chi bộ theo kế hoạch năm',
        ],
        [
          3,
          'Ban hành quy chế làm việc của Đảng uỷ',
          'Đảng uỷ xã',
          'Đảng uỷ đã ban hành Quy chế làm việc số 01-QC/ĐU',
        ],
      ]),
      { asOf: '2026-03-05' },
    )
    expect(report.tasks.map((t) => t.status)).toEqual([
      'in-progress',
      'done-on-time',
      'done-on-time',
    ])
    // Recurring work reported by what was done this time goes on.
    const recurring = validateTable(
      createGrid([
        ['BÁO CÁO 9 THÁNG NĂM 2026'],
        ['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện'],
        [1, 'Tuyên truyền cải cách hành chính', 'Sở Văn hoá', 'Thường xuyên', 'Đã đăng 45 tin bài'],
        [2, 'Cập nhật cơ sở dữ liệu', 'Sở Nội vụ', 'Hằng quý', 'Đã hoàn thành cập nhật quý III'],
        // (finished in short: "Đã HT")
        [3, 'Cập nhật danh mục TTHC', 'Sở Tư pháp', 'Hằng quý', 'Đã HT cập nhật quý III'],
      ]),
      { asOf: '2026-09-30' },
    )
    expect(recurring.tasks.map((t) => t.status)).toEqual([
      'ongoing',
      'done-on-time',
      'done-on-time',
    ])
  })

  it('reads a task given no time whose progress says it is a standing one as recurring work', () => {
    const report = validateTable(
      createGrid([
        ['unit', 'stt', 'noidung', 'tiendo'],
        ['Văn phòng Sở', '1', 'Tham mưu công tác xây dựng Đảng', 'Nhiệm vụ thường xuyên'],
        [
          'Văn phòng Sở',
          '2',
          'Theo dõi tình hình giá cả thị trường',
          'Thường xuyên báo cáo định kỳ tháng',
        ],
        [
          'Văn phòng Sở',
          '3',
          'Kế hoạch kiểm soát thủ tục hành chính năm 2026',
          'Sở đã ban hành Kế hoạch số 1086/KH-SCT ngày 25/02/2026',
        ],
        ['Văn phòng Sở', '4', 'Kế hoạch chuyển đổi vị trí việc làm năm 2026', 'Đang thực hiện'],
        [
          'Văn phòng Sở',
          '5',
          'Kế hoạch tuyên truyền cải cách hành chính năm 2026',
          'Sở đã ban hành kế hoạch số 1002/KH-SCT ngày 26/02/2026',
        ],
        ['Văn phòng Sở', '6', 'Kế hoạch ứng dụng công nghệ thông tin năm 2026', 'Đang thực hiện'],
      ]),
      { asOf: '2026-03-27' },
    )
    expect(report.header?.columns).toMatchObject({ lead: 'A', content: 'C', progress: 'D' })
    expect(report.tasks.map((t) => t.status)).toEqual([
      'ongoing',
      'ongoing',
      'done-on-time',
      'in-progress',
      'done-on-time',
      'in-progress',
    ])
    // (the task keeps no deadline of its own: only its status says it goes on)
    expect(report.tasks[0]!.deadline).toBeNull()
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

  it('reads an app’s export: a year on every row is the table’s year, a unit on every row is no lead, a start that says done is progress', () => {
    const head = [
      'plan_year',
      'unit_code',
      'task_name',
      'start_period',
      'end_period',
      'responsible_text',
      'collaborating_text',
      'sort_order',
    ]
    const tasks: [string, string, string, string, string | null][] = [
      ['Xây dựng quy chế làm việc', 'Quý I', 'Quý II', 'TCHC/ Lan, Minh', null],
      ['Theo dõi công tác phòng chống tham nhũng', 'Quý I', 'Quý IV', 'TCHC/ Hà', 'KHTC'],
      ['Kiểm kê tài sản cuối năm', 'Tháng 11', 'Tháng 12', 'KHTC/ Tuấn', null],
      ['Cập nhật hồ sơ cán bộ', 'Tháng 4', 'Tháng 5', 'TCHC/ Lan', null],
      ['Quy chế chi tiêu nội bộ', 'Đã thực hiện', 'Tháng 3', 'KHTC/ Tuấn, Hà', 'TCHC'],
    ]
    const rows: CellValue[][] = tasks.map(([task, start, end, who, with_], i) => [
      2026,
      'TCHC',
      task,
      start,
      end,
      who,
      with_,
      i,
    ])
    // (a total row below the tasks changes nothing)
    rows.push(['Tổng cộng', '5 nhiệm vụ', null, null, null, null, null, null])
    const report = validateTable(createGrid([head, ...rows]), { asOf: '2026-07-15' })
    expect(report.header!.mapping.map((m) => m.field)).toEqual([
      null,
      null,
      'content',
      'start',
      'end',
      'lead',
      'coop',
      'stt',
    ])
    expect(report.planYear).toBe(2026)
    expect(report.tasks.map((t) => [t.status, t.deadline?.due])).toEqual([
      ['overdue', '2026-06-30'],
      ['not-started', '2026-12-31'],
      ['not-started', '2026-12-31'],
      ['overdue', '2026-05-31'],
      ['done-on-time', '2026-03-31'],
    ])
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('reads a weekly calendar: a day written on its first row covers the rows of the day below it, a time in brackets opens a task', () => {
    const report = validateTable(
      createGrid([
        ['LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO SỞ'],
        ['Từ ngày 09/3/2026 đến ngày 13/3/2026'],
        ['STT', 'Ngày', 'Buổi', 'Nội dung công việc', 'Địa điểm', 'Chủ trì'],
        [1, 'Thứ 2\n09/3', 'Sáng', '(8h00) Giao ban đầu tuần', 'Phòng họp 1', 'Giám đốc'],
        [2, null, null, '(9h30) Làm việc với đoàn kiểm tra CCHC', 'Phòng họp 2', 'Phó Giám đốc'],
        [3, null, 'Chiều', 'Họp Hội đồng thi đua', 'Phòng họp 1', 'Giám đốc'],
        [4, 'Thứ 4\n11/3', 'Sáng', '(8h00) Kiểm tra công vụ tại xã', 'Xã Tân Lập', 'Phó Giám đốc'],
        [5, null, 'Chiều', '(14h00) Tiếp công dân định kỳ', 'Trụ sở', 'Giám đốc'],
        [
          'Ghi chú: Lịch có thể thay đổi; các phòng theo dõi lịch cập nhật trên Cổng thông tin điện tử.',
        ],
      ]),
      { asOf: '2026-03-10' },
    )
    expect(report.tasks.map((t) => [t.row, t.kind, t.deadline?.due, t.status])).toEqual([
      [4, 'task', '2026-03-09', 'overdue'],
      [5, 'task', '2026-03-09', 'overdue'],
      [6, 'task', '2026-03-09', 'overdue'],
      [7, 'task', '2026-03-11', 'not-started'],
      [8, 'task', '2026-03-11', 'not-started'],
    ])
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([])
    // Unnumbered, as most calendars are: each row is still a task, one opening with its hour too.
    const unnumbered = validateTable(
      createGrid([
        ['Ngày', 'Buổi', 'Nội dung công việc', 'Địa điểm', 'Chủ trì'],
        ['Thứ 2\n09/3/2026', 'Sáng', 'Giao ban đầu tuần', 'Phòng họp 1', 'Giám đốc'],
        [null, null, '(9h30) Làm việc với đoàn kiểm tra CCHC', 'Phòng họp 2', 'Phó Giám đốc'],
        ['Thứ 4\n11/3/2026', 'Chiều', '(14h00) Tiếp công dân định kỳ', 'Trụ sở', 'Giám đốc'],
      ]),
      { asOf: '2026-03-10' },
    )
    expect(unnumbered.tasks.map((t) => [t.row, t.kind, t.deadline?.due])).toEqual([
      [2, 'task', '2026-03-09'],
      [3, 'task', '2026-03-09'],
      [4, 'task', '2026-03-11'],
    ])
    // A day written with its weekday after it ("09/3 (Thứ Hai)") or after "Ngày", and a chairman
    // ("Đ/c Xuân CT") beside a day and a time: data rows, never the header.
    for (const [first, second] of <[string, string][]>[
      ['09/3 (Thứ Hai)', '11/3 (Thứ Tư)'],
      ['Ngày 9/3/2026', 'Ngày 11/3/2026'],
      ['Thứ Hai 09/03/2026', 'Thứ Tư 11/03/2026'],
    ]) {
      const written = validateTable(
        createGrid([
          ['LỊCH CÔNG TÁC TUẦN NĂM 2026'],
          ['Thứ ngày', 'Giờ', 'Nội dung', 'Chủ trì, tham gia', 'Địa điểm'],
          [first, '7:30', 'Giao ban đầu tuần', 'Đ/c Xuân CT', 'PH tầng 2'],
          [null, '9:45', 'Làm việc với đoàn kiểm tra CCHC', 'Đ/c Tú PCT', 'PH tầng 2'],
          [second, '14:00', 'Tiếp công dân định kỳ', 'Đ/c Xuân CT', 'Trụ sở'],
          [null, '16:00', 'Họp Ban chỉ đạo', 'Đ/c Xuân CT', 'PH tầng 6'],
        ]),
        { asOf: '2026-03-10' },
      )
      expect(written.header!.row).toBe(2)
      expect(written.tasks.map((t) => [t.row, t.deadline?.due])).toEqual([
        [3, '2026-03-09'],
        [4, '2026-03-09'],
        [5, '2026-03-11'],
        [6, '2026-03-11'],
      ])
    }
  })

  it('reads on past a note between tasks, and ends the table at a note below the last', () => {
    const rows: CellValue[][] = [
      ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn'],
      [1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'Quý II/2026'],
      ['Ghi chú: nhiệm vụ 1 thực hiện cùng kế hoạch kiểm soát thủ tục hành chính của tỉnh.'],
      [2, 'Số hóa hồ sơ', 'Văn phòng UBND tỉnh', 'Quý III/2026'],
      ['* Lưu ý: các đơn vị báo cáo kết quả trước ngày 15 của tháng cuối quý.'],
    ]
    const report = validateTable(createGrid([['KẾ HOẠCH NĂM 2026'], ...rows]), {
      asOf: '2026-05-01',
    })
    expect(
      report.tasks.filter((t) => t.kind === 'task').map((t) => [t.row, t.deadline?.due]),
    ).toEqual([
      [3, '2026-06-30'],
      [5, '2026-09-30'],
    ])
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('reads a calendar of two days by its "Ngày" column, not its "Thời gian" of mornings and afternoons', () => {
    const report = validateTable(
      createGrid([
        ['LỊCH CÔNG TÁC TUẦN'],
        ['Ngày', 'Thời gian', 'Nội dung công việc', 'Địa điểm', 'Chủ trì'],
        ['Thứ 2\n14/7', 'Sáng', '(8h30) Họp giao ban', 'Phòng họp 1', 'Giám đốc'],
        [null, null, '(10h) Làm việc với Sở Tài chính', 'Phòng họp 2', 'Phó Giám đốc'],
        [null, 'Chiều', '(14h) Kiểm tra công vụ', 'Xã Tân Lập', 'Phó Giám đốc'],
        ['Thứ 3\n15/7', 'Sáng', 'Tiếp công dân định kỳ', 'Trụ sở', 'Giám đốc'],
      ]),
      { asOf: '2025-07-14', year: 2025 },
    )
    expect(report.header!.mapping.map((m) => m.field).slice(0, 3)).toEqual([
      'deadline',
      null,
      'content',
    ])
    expect(report.tasks.map((t) => t.deadline?.due)).toEqual([
      '2025-07-14',
      '2025-07-14',
      '2025-07-14',
      '2025-07-15',
    ])
  })

  it('reads a two-row header however its times and agencies are split (parents × children)', () => {
    const times = [
      'Thời gian thực hiện',
      'Thời gian',
      'Tiến độ thực hiện',
      'Thời hạn',
      'Mốc thời gian',
    ]
    const ends: [string, string][] = [
      ['Bắt đầu', 'Kết thúc'],
      ['Bắt đầu', 'Hoàn thành'],
      ['Từ', 'Đến'],
      ['Từ tháng', 'Đến tháng'],
      ['Khởi công', 'Hoàn thành'],
    ]
    const agencies = ['Cơ quan thực hiện', 'Đơn vị thực hiện', 'Trách nhiệm thực hiện', 'Phân công']
    const roles: [string, string][] = [
      ['Chủ trì', 'Phối hợp'],
      ['Cơ quan chủ trì', 'Cơ quan phối hợp'],
    ]
    const wrong: string[] = []
    for (const time of times)
      for (const [from, to] of ends)
        for (const agency of agencies)
          for (const [lead, coop] of roles) {
            const cells: CellValue[][] = [
              ['KẾ HOẠCH NĂM 2026'],
              ['STT', 'Nội dung', agency, null, time, null],
              [null, null, lead, coop, from, to],
              [
                1,
                'Rà soát thủ tục hành chính',
                'Sở Tư pháp',
                'Sở Nội vụ',
                'Tháng 1/2026',
                'Tháng 6/2026',
              ],
              [
                2,
                'Số hóa hồ sơ',
                'Văn phòng UBND tỉnh',
                'Các sở, ngành',
                'Tháng 3/2026',
                'Tháng 12/2026',
              ],
              [3, 'Khảo sát SIPAS', 'Sở Nội vụ', 'UBND các xã', 'Quý II/2026', 'Quý IV/2026'],
            ]
            const merges = [
              { top: 2, left: 1, bottom: 3, right: 1 },
              { top: 2, left: 2, bottom: 3, right: 2 },
              { top: 2, left: 3, bottom: 2, right: 4 },
              { top: 2, left: 5, bottom: 2, right: 6 },
            ]
            const report = validateTable(
              { sheet: 'S', top: 1, left: 1, cells, merges },
              { asOf: '2026-09-30' },
            )
            const fields = report.header?.mapping.map((m) => m.field).join(',')
            const due = report.tasks.map((t) => t.deadline?.due).join(',')
            if (
              fields !== 'stt,content,lead,coop,start,end' ||
              due !== '2026-06-30,2026-12-31,2026-12-31'
            )
              wrong.push(
                `${time}: ${from} | ${to}; ${agency}: ${lead} | ${coop} → ${fields} ${due}`,
              )
          }
    expect(wrong).toEqual([])
  })

  it('does not fill a tracker’s blank deadlines from the row above: its days do not go forward', () => {
    const report = validateTable(
      createGrid([
        ['Nhiệm vụ', 'Đơn vị chủ trì', 'Hạn xử lý'],
        ['Báo cáo tổng kết', 'Sở Nội vụ', '20/6/2026'],
        ['Rà soát thủ tục', 'Sở Tư pháp', '15/3/2026'],
        ['Khảo sát mức độ hài lòng', 'Sở Nội vụ', null],
      ]),
      { asOf: '2026-04-01' },
    )
    expect(report.tasks.map((t) => t.deadline?.due ?? null)).toEqual([
      '2026-06-20',
      '2026-03-15',
      null,
    ])
  })

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

  it('reads a report whose results are written in words, without a progress column: status from the words, no error', () => {
    const grid = createGrid([
      ['KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH 9 THÁNG NĂM 2026'],
      ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Kết quả thực hiện'],
      [
        1,
        'Ban hành Kế hoạch rà soát VBQPPL',
        'Sở Tư pháp',
        'Quý I/2026',
        'Đã ban hành Kế hoạch số 15/KH-UBND ngày 20/01/2026',
      ],
      [2, 'Kiểm tra tại 05 địa phương', 'Sở Tư pháp', 'Quý IV/2026', 'Đã kiểm tra 3/5 địa phương'],
      [
        3,
        'Xây dựng đề án vị trí việc làm',
        'Sở Nội vụ',
        'Tháng 6/2026',
        'Đã trình UBND tỉnh tại Tờ trình số 88/TTr-SNV ngày 25/6/2026',
      ],
      [
        4,
        'Sắp xếp đơn vị sự nghiệp',
        'Sở Nội vụ',
        'Quý II/2026',
        'Hoàn thành (Quyết định số 901/QĐ-UBND ngày 30/7/2026)',
      ],
      [5, 'Tổng kết thi hành Luật', 'Sở Tư pháp', 'Tháng 11/2026', 'Chưa thực hiện'],
      [6, 'Số hóa hồ sơ TTHC', 'Sở Nội vụ', 'Quý IV/2026', 'Đạt 87%'],
    ])
    const report = validateTable(grid, { asOf })
    expect(report.header!.mapping.find((m) => m.column === 'E')?.field).toBe('achieved')
    expect(report.tasks.map((t) => [t.row, t.status])).toEqual([
      [3, 'done-on-time'],
      [4, 'in-progress'],
      // Submitted is a step before the result; the decision's date is when the work was done.
      [5, 'overdue'],
      [6, 'done-late'],
      [7, 'not-started'],
      // A figure where the table sets no target says how far the work went.
      [8, 'in-progress'],
    ])
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  // A tracker of legal texts to handle: a form of handling says what is to be done ("Ban hành văn bản
  // mới"), not how far it went; the words under the last heading say that.
  it.each([
    ['a result column that says how each task stands', 'Kết quả thực hiện', 'achieved'],
    ['a self-assessment written in words', 'Tự đánh giá', 'progress'],
  ])('reads %s, not a column of forms of handling, for the progress', (_, heading, field) => {
    const grid = createGrid(buildLegalTextTracker(heading))
    const report = validateTable(grid, { asOf: '2026-07-15' })
    const fields = Object.fromEntries(report.header!.mapping.map((m) => [m.column, m.field]))
    expect(fields).toMatchObject({ B: 'content', E: null, F: 'deadline', G: field })
    expect(report.tasks.map((t) => [t.row, t.status])).toEqual([
      [3, 'in-progress'],
      [4, 'not-started'],
      [5, 'overdue'],
      [6, 'not-started'],
    ])
  })

  it("reads a tracker's own state labels as the progress, before a log headed for it", () => {
    const grid = createGrid([
      ['DANH SÁCH NHIỆM VỤ'],
      [
        'TT',
        'Tên nhiệm vụ',
        'Đơn vị đầu mối',
        'Thời hạn HT',
        'Tình hình thực hiện',
        'Ý kiến chỉ đạo',
      ],
      [
        1,
        'Rà soát quy chế đào tạo từ xa',
        'Vụ GDĐH',
        '10/04/2026',
        'Anh/chị A chuyển nhiệm vụ cho anh/chị B',
        'Đã hoàn thành (quá hạn)',
      ],
      [
        2,
        'Khảo sát tình hình thực hiện Nghị quyết',
        'Vụ GDĐH',
        '15/04/2026',
        'Vụ GDĐH đang triển khai',
        'Đang thực hiện (quá hạn)',
      ],
      [
        3,
        'Xây dựng văn bản hướng dẫn công tác thanh tra',
        'Cục KTKĐ',
        '15/04/2026',
        'Đã ban hành ngày 25/3/2026.',
        'Đã hoàn thành (đúng hạn)',
      ],
      [
        4,
        'Soạn thảo Đề án tự chủ',
        'Vụ GDĐH',
        '31/05/2026',
        'Đã dự thảo đề cương, trình Bộ trưởng',
        'Đang thực hiện (trong hạn)',
      ],
      [
        5,
        'Đề xuất danh sách chuyên gia',
        'Vụ GDĐH',
        '30/06/2026',
        'Anh/chị A chuyển nhiệm vụ cho anh/chị C',
        'Đang thực hiện (trong hạn)',
      ],
    ])
    const report = validateTable(grid, { asOf: '2026-05-04' })
    const fields = Object.fromEntries(report.header!.mapping.map((m) => [m.column, m.field]))
    expect(fields).toMatchObject({ D: 'deadline', F: 'progress' })
    expect(report.tasks.map((t) => [t.row, t.status])).toEqual([
      [3, 'done-late'],
      [4, 'overdue'],
      [5, 'done-on-time'],
      [6, 'in-progress'],
      [7, 'in-progress'],
    ])
    // Under a header that calls them results, the labels are the progress still.
    grid.cells[1]![5] = 'Kết quả thực hiện'
    const results = validateTable(grid, { asOf: '2026-05-04' })
    expect(results.header!.mapping.find((m) => m.column === 'F')?.field).toBe('progress')
    expect(results.tasks.map((t) => t.status)).toEqual(report.tasks.map((t) => t.status))
  })

  it('reads a standing task from the result column of a tracker with no deadline column', () => {
    const grid = createGrid([
      ['NHIỆM VỤ TRỌNG TÂM NĂM 2026'],
      ['Đơn vị', 'STT', 'Nội dung', 'Kết quả thực hiện'],
      ['Văn phòng Sở', 1, 'Tham mưu công tác xây dựng Đảng', 'Nhiệm vụ thường xuyên'],
      [
        'Văn phòng Sở',
        2,
        'Xây dựng Kế hoạch CCHC năm 2026',
        'Đã ban hành Kế hoạch số 3397/KH-SCT ngày 24/12/2025',
      ],
      [
        'Văn phòng Sở',
        3,
        'Theo dõi chỉ tiêu phát triển ngành',
        'Thường xuyên báo cáo định kỳ tháng',
      ],
    ])
    const report = validateTable(grid, { asOf })
    expect(report.tasks.map((t) => [t.row, t.status])).toEqual([
      [3, 'ongoing'],
      [4, 'done-on-time'],
      [5, 'ongoing'],
    ])
  })

  it('reads a plan for several years: days of the next year and months of every year repeat', () => {
    const grid = createGrid([
      ['PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2026 - 2030'],
      ['STT', 'Nội dung', 'Thời gian hoàn thành', 'Chủ trì thực hiện'],
      ['I', 'CẢI CÁCH THỂ CHẾ', null, null],
      [1, 'Tổng hợp kết quả rà soát văn bản', 'Trước ngày 31/01 năm liền kề', 'Sở Tư pháp'],
      [
        2,
        'Ban hành kế hoạch kiểm tra',
        'Ban hành kế hoạch trong tháng 01 hằng năm và tổ chức thực hiện',
        'Sở Nội vụ',
      ],
      [3, 'Số hóa hồ sơ', 'Năm 2027', 'Sở Khoa học và Công nghệ'],
      // A section with its own deadline and nothing numbered under it is a task of its own.
      ['II', 'Tổng kết giai đoạn', 'Quý IV/2030', 'Sở Nội vụ'],
    ])
    const report = validateTable(grid, { asOf: '2026-06-14' })
    expect(
      report.tasks.filter((t) => t.kind === 'task').map((t) => [t.row, t.deadline?.kind, t.status]),
    ).toEqual([
      [4, 'recurring', 'ongoing'],
      [5, 'recurring', 'ongoing'],
      [6, 'period', 'not-started'],
      [7, 'period', 'not-started'],
    ])
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('reads periods side by side whose cells write their own times as one deadline, the latest due', () => {
    const grid = createGrid(
      [
        ['KẾ HOẠCH HỌC TẬP NĂM 2026'],
        ['STT', 'Nội dung công việc', 'Các đợt trong năm 2026', null, null],
        [null, null, 'Đợt 1', 'Đợt 2', 'Đợt 3'],
        ['I', 'Báo cáo tiến độ', null, null, null],
        [1, 'Nộp báo cáo tiến độ cho Bộ môn', 'Trước ngày 25/3/2026', null, 'Trước ngày 30/9/2026'],
        [2, 'Tổ chức báo cáo tại Bộ môn', null, 'Tháng 6/2026', 'Tháng 11/2026'],
      ],
      [
        { top: 2, left: 3, bottom: 2, right: 5 },
        { top: 4, left: 2, bottom: 4, right: 5 },
      ],
    )
    const report = validateTable(grid, { asOf: '2026-10-15' })
    expect(report.header!.mapping.find((m) => m.column === 'D')?.reason.vi).toBe(
      'một kỳ của thời hạn (cột C): ô ghi thời hạn',
    )
    expect(
      report.tasks.filter((t) => t.kind === 'task').map((t) => [t.row, t.deadline?.due, t.status]),
    ).toEqual([
      [5, '2026-09-30', 'overdue'],
      [6, '2026-11-30', 'not-started'],
    ])
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual([
      'header/missing-column',
    ])
  })

  it('reads a deadline per batch under periods that name their years, each day in its period’s year', () => {
    const grid = createGrid(
      [
        ['Kế hoạch giao, thực hiện, đánh giá luận văn thạc sĩ năm học 2025 - 2026'],
        ['TT.', 'Công việc', 'Thực hiện', 'Hạn thực hiện', null, null],
        [null, null, null, 'Đợt II/2025', 'Đợt III/2025', 'Đợt I/2026'],
        ['1', 'Đăng ký đề tài luận văn', 'Học viên', '14/7', '06/10', '06/3'],
        ['2', 'Tổ chức xét duyệt đề tài', 'Khoa', '04/8', '03/11', '30/3'],
        ['3', 'Xét tốt nghiệp thạc sĩ', 'Phòng Đào tạo', '22/9', '25/12', '29/5'],
      ],
      [
        { top: 2, left: 1, bottom: 3, right: 1 },
        { top: 2, left: 2, bottom: 3, right: 2 },
        { top: 2, left: 3, bottom: 3, right: 3 },
        { top: 2, left: 4, bottom: 2, right: 6 },
      ],
    )
    const report = validateTable(grid, { asOf: '2026-04-01' })
    expect(report.tasks.map((t) => [t.row, t.deadline?.due, t.status])).toEqual([
      [4, '2026-03-06', 'overdue'],
      [5, '2026-03-30', 'overdue'],
      [6, '2026-05-29', 'not-started'],
    ])
  })

  it('reads rows whose cells are merged down (one receiver for the whole year) as rows, not headings', () => {
    const months = [
      '16/01',
      '13/02',
      '12/3',
      '16/4',
      '14/5',
      '18/6',
      '16/7',
      '13/8',
      '17/9',
      '15/10',
      '12/11',
      '17/12',
    ]
    const grid = createGrid(
      [
        ['Lịch tiếp công dân của Bí thư Tỉnh ủy năm 2024'],
        ['STT', 'Ngày tiếp', 'Ngày trong tuần', 'Người tiếp', 'Ghi chú'],
        ...months.map((day, i) => [
          String(i + 1).padStart(2, '0'),
          `${day}/2024`,
          i === 0 ? 'Thứ Ba, tuần thứ 3 hằng tháng' : null,
          i === 0 ? 'Bí thư Tỉnh ủy' : null,
          null,
        ]),
      ],
      [
        { top: 3, left: 3, bottom: 14, right: 3 },
        { top: 3, left: 4, bottom: 14, right: 4 },
      ],
    )
    const report = validateTable(grid, { asOf: '2024-07-01' })
    expect(report.header?.columns).toMatchObject({ stt: 'A', deadline: 'B' })
    expect(report.tasks.map((t) => t.deadline?.due)).toHaveLength(12)
    expect(report.tasks[11]!.deadline?.due).toBe('2024-12-17')
  })

  it('reads figures under a period already past, beside the targets, as what was achieved then', () => {
    const grid = createGrid([
      ['CHỈ TIÊU PHÁT TRIỂN CÔNG NGHIỆP'],
      ['TT', 'Chỉ tiêu', 'ĐVT', 'GĐ 2026-2030', 'Quý I/2026', 'Mục tiêu 2026', 'Cơ quan phối hợp'],
      [1, 'Tốc độ tăng chỉ số sản xuất công nghiệp', '%', '>12', '9,5', '13', 'Thống kê tỉnh'],
      [
        2,
        'Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP',
        '%',
        '13,8',
        '12,26',
        '11,8',
        'Thống kê tỉnh',
      ],
      [
        3,
        'Giá trị tăng thêm của ngành chế biến, chế tạo',
        'triệu USD',
        '685',
        '102',
        '415',
        'Thống kê tỉnh',
      ],
      [4, 'Số cụm công nghiệp đi vào hoạt động', 'cụm', '20', '2', '6', 'Sở Công Thương'],
    ])
    const report = validateTable(grid, { asOf: '2026-04-15' })
    expect(report.header?.columns).toMatchObject({ achieved: 'E', expected: 'F' })
    // (a phase still running is no result: its figures are aims)
    expect(report.header?.columns.achieved).not.toBe('D')
  })

  it('reads figures under a document’s name, before the results, as the targets it set', () => {
    const grid = createGrid([
      ['ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU NHIỆM KỲ 2020 - 2025'],
      [
        'STT',
        'Mục tiêu, chỉ tiêu',
        'Nghị quyết Đại hội của Đảng bộ tỉnh',
        'Kết quả thực hiện',
        'Đánh giá',
      ],
      ['1', 'Tốc độ tăng trưởng kinh tế (GRDP) bình quân', '8%/năm', '7,35%/năm', 'Không đạt'],
      ['2', 'Tỷ lệ xã đạt chuẩn nông thôn mới', 'Trên 90%', '92%', 'Vượt mục tiêu'],
      [
        '3',
        'Giá trị sản xuất nông, lâm nghiệp, thủy sản tăng bình quân',
        '3,5%/năm',
        '3,8%/năm',
        'Vượt mục tiêu',
      ],
      ['4', 'Tỷ lệ đô thị hóa', '40%', '42%', 'Đạt'],
      ['5', 'Tỷ lệ che phủ rừng', '53%', '53,2%', 'Đạt'],
    ])
    const report = validateTable(grid, { asOf: '2025-09-15' })
    expect(report.header?.columns).toMatchObject({ content: 'B', expected: 'C', achieved: 'D' })
  })

  it('reads a meeting’s programme: times of day fall on the day its title names', () => {
    const grid = createGrid([
      ['CHƯƠNG TRÌNH HỘI NGHỊ'],
      ['Thời gian: 14h00, ngày 22/01/2026 (Chiều thứ Năm)'],
      ['Thời gian', 'Nội dung', 'Chủ trì'],
      ['14h00 -14h05', 'Ổn định tổ chức, giới thiệu đại biểu', 'Sở Nội vụ'],
      ['14h05 - 14h30', 'Báo cáo kết quả cải cách hành chính năm 2025', 'Sở Nội vụ'],
      ['14h30 - 15h20', '- Tham luận của các sở, ngành', 'Sở Tư pháp'],
    ])
    const report = validateTable(grid, { asOf: '2026-01-20' })
    expect(report.header!.mapping.find((m) => m.column === 'A')?.field).toBe('deadline')
    expect(report.tasks.map((t) => [t.row, t.deadline?.due, t.status])).toEqual([
      [4, '2026-01-22', 'not-started'],
      [5, '2026-01-22', 'not-started'],
      [6, '2026-01-22', 'not-started'],
    ])
    expect(report.issues.filter((i) => i.code.startsWith('cell/'))).toEqual([])
    // Under a heading that names no field ("Giờ"), the times of day say as much.
    grid.cells[2]![0] = 'Giờ'
    const unnamed = validateTable(grid, { asOf: '2026-01-20' })
    expect(unnamed.header!.mapping.find((m) => m.column === 'A')?.field).toBe('deadline')
    expect(unnamed.tasks.map((t) => t.deadline?.due)).toEqual(Array(3).fill('2026-01-22'))
    // An item with no time of its own and no one named to chair it is on the meeting's day, led by its
    // chair: no required cell.
    const closing = createGrid([
      ['CHƯƠNG TRÌNH HỘI NGHỊ'],
      ['Thời gian: 14h00, ngày 22/01/2026 (Chiều thứ Năm)'],
      ['STT', 'Nội dung', 'Thời gian', 'Người thực hiện'],
      [1, 'Ổn định tổ chức, giới thiệu đại biểu', '14h00 - 14h05', 'Sở Nội vụ'],
      [2, 'Báo cáo kết quả cải cách hành chính năm 2025', '14h05 - 14h30', 'Sở Nội vụ'],
      [3, 'Kết luận Hội nghị', '14h30 - 15h00', 'Phó Chủ tịch UBND tỉnh'],
      [4, 'Bế mạc Hội nghị', null, null],
    ])
    const closed = validateTable(closing, { asOf: '2026-01-20' })
    expect(closed.tasks.at(-1)).toMatchObject({ row: 7, deadline: { due: '2026-01-22' } })
    expect(closed.issues.filter((i) => i.code === 'cell/required')).toEqual([])
    // (outside a programme both stay required)
    const plan = createGrid([
      ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn'],
      [1, 'Rà soát thủ tục hành chính', 'Sở Nội vụ', 'Quý II/2026'],
      [2, 'Tập huấn nghiệp vụ', 'Sở Tư pháp', 'Quý III/2026'],
      [3, 'Bế mạc', null, null],
    ])
    const required = validateTable(plan, { asOf: '2026-01-20' }).issues.filter(
      (i) => i.code === 'cell/required',
    )
    expect(required.map((i) => [i.row, i.field])).toEqual([
      [4, 'lead'],
      [4, 'deadline'],
    ])
  })

  it('reads a programme’s column of times of day as its deadline, and a session merged across it as a heading', () => {
    const grid = createGrid(
      [
        ['KẾ HOẠCH Tổ chức sinh hoạt công dân đầu năm học 2026 - 2027'],
        ['NGÀY 1: THỨ HAI, NGÀY 24/8/2026'],
        ['Thời gian', 'Hình thức', 'Nội dung', 'Đơn vị/ cá nhân phụ trách'],
        ['Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường dưới sân cờ', null, null, null],
        [
          '7h00 - 7h15',
          'Tập trung toàn trường',
          'Ổn định tổ chức, giới thiệu chương trình',
          'Ban Giám hiệu',
        ],
        [
          '7h15 - 7h45',
          'Tập trung toàn trường',
          'Khai mạc và phổ biến nội quy trường học',
          'Phó Hiệu trưởng',
        ],
        [
          '7h45 - 8h15',
          'Tập trung toàn trường',
          'Chuyên đề 1: Giáo dục truyền thống nhà trường',
          'Ban Giám hiệu',
        ],
        [
          '8h15 - 9h00',
          'Sinh hoạt lớp',
          'Giáo viên chủ nhiệm làm quen với học sinh',
          'GVCN các lớp',
        ],
      ],
      [{ top: 4, left: 1, bottom: 4, right: 4 }],
    )
    const report = validateTable(grid, { asOf: '2026-08-20' })
    expect(report.header?.columns).toMatchObject({ deadline: 'A', content: 'C' })
    expect(report.header!.mapping[0]!.reason.vi).toContain('ô trong cột: 4/4 là thời hạn')
    expect(
      report.tasks.filter((t) => t.kind === 'task').map((t) => [t.row, t.deadline?.due]),
    ).toEqual([
      [5, '2026-08-24'],
      [6, '2026-08-24'],
      [7, '2026-08-24'],
      [8, '2026-08-24'],
    ])
    // (the programme numbers nothing: STT is the one header-level error)
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual([
      'header/missing-column',
    ])
    // Under headings that name nothing, it is found by its times of day, past the session merged
    // across the row.
    grid.cells[2] = ['Giờ', 'Hình thức', 'Diễn biến', 'Người lo']
    const unnamed = validateTable(grid, { asOf: '2026-08-20' })
    expect(unnamed.header!.row).toBe(3)
    expect(unnamed.tasks.filter((t) => t.kind === 'task').map((t) => t.deadline?.due)).toEqual(
      Array(4).fill('2026-08-24'),
    )
  })

  it('ends the table at another table’s own header, saying once that the second table is not checked', () => {
    const grid = createGrid([
      ['PHỤ LỤC I. NHIỆM VỤ CCHC NĂM 2026'],
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
      [1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'Quý III/2026'],
      [2, 'Kiểm tra công tác CCHC', 'Sở Nội vụ', 'Quý IV/2026'],
      // (the same header repeated at a page break is skipped, not a second table)
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
      [3, 'Khảo sát sự hài lòng', 'Sở Nội vụ', 'Quý IV/2026'],
      ['PHỤ LỤC II. CHỈ TIÊU CCHC NĂM 2026'],
      ['STT', 'Chỉ tiêu', 'Chỉ tiêu cần đạt', 'Cơ quan chủ trì', 'Thời gian'],
      [1, 'Tỷ lệ hồ sơ trực tuyến', 'Từ 80% trở lên', 'Sở Nội vụ', 'Năm 2026'],
      [2, 'Tỷ lệ số hoá', '100%', 'Các sở, ngành', 'Năm 2026'],
    ])
    const report = validateTable(grid, { asOf: '2026-07-15' })
    expect(report.tasks.filter((t) => t.kind === 'task').map((t) => t.row)).toEqual([3, 4, 6])
    expect(report.issues.map((i) => [i.code, i.row])).toEqual([['table/second-table', 8]])
    expect(report.issues[0]!.message.vi).toContain('STT | Chỉ tiêu | Chỉ tiêu cần đạt')
  })

  it('judges a table of results against targets with no progress column: a target met is done, one missed is not', () => {
    const report = validateTable(
      createGrid([
        ['KẾT QUẢ THỰC HIỆN CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2026'],
        ['STT', 'Chỉ tiêu', 'Chỉ tiêu giao', 'Cơ quan chủ trì', 'Thời hạn', 'Kết quả thực hiện'],
        [
          1,
          'Tỷ lệ hồ sơ trực tuyến toàn trình',
          'Từ 80% trở lên',
          'Sở Khoa học và Công nghệ',
          'Quý III/2026',
          'Đạt 85%',
        ],
        [2, 'Mức độ hài lòng', 'Ít nhất 90%', 'Sở Nội vụ', 'Quý III/2026', '87%'],
        [3, 'Tỷ lệ hồ sơ trễ hạn', 'Dưới 1%', 'Các sở, ngành', 'Năm 2026', '0,5%'],
        [4, 'Cơ quan có kế hoạch CCHC', '100%', 'Các sở, ngành', 'Quý I/2026', '45/45'],
      ]),
      { asOf: '2026-10-15' },
    )
    expect(report.tasks.map((t) => [t.targetMet, t.status])).toEqual([
      [true, 'done-on-time'],
      [false, 'overdue'],
      [true, 'done-on-time'],
      [true, 'done-on-time'],
    ])
  })

  it('finds a calendar whose headings name no field by the days under them, the days being its deadlines', () => {
    const report = validateTable(
      createGrid([
        ['LỊCH TIẾP CÔNG DÂN NĂM 2025'],
        ['Tháng', 'Ngày tiếp công dân', 'Lãnh đạo tiếp', 'Ghi chú'],
        ['Tháng 1', '15/01/2025 (thứ Tư)', 'Giám đốc Sở', null],
        ['Tháng 2', '14/02/2025 (thứ Sáu)', 'Phó Giám đốc Sở', null],
        ['Tháng 3', '14/3/2025 (thứ Sáu)', 'Giám đốc Sở', null],
      ]),
      { asOf: '2025-02-15' },
    )
    expect(report.header!.mapping.find((m) => m.column === 'B')!.field).toBe('deadline')
    expect(report.tasks.map((t) => [t.deadline?.due, t.status])).toEqual([
      ['2025-01-15', 'overdue'],
      ['2025-02-14', 'overdue'],
      ['2025-03-14', 'not-started'],
    ])
  })

  it('finds a week’s calendar whose days are written once over their events, by the days under its headings', () => {
    const report = validateTable(
      createGrid([
        ['Lịch công tác của thường trực UBND tỉnh'],
        ['Từ ngày 14/07/2025 đến ngày 20/07/2025'],
        ['Ngày', 'Thời gian', 'Sự kiện', 'Địa điểm', 'Thường trực UBND tỉnh; Thường vụ Đảng ủy'],
        [
          'Thứ 2\n14/7',
          'Sáng',
          '(8h30) Hội nghị Thường trực\nTỉnh ủy',
          'P. họp TV',
          'Chủ tịch,\nCác Phó Chủ tịch liên quan',
        ],
        [
          null,
          null,
          '(8h) Dự Họp Chi bộ phòng Kinh tế - Tài chính Sơ kết hoạt động Chi bộ 6 tháng đầu năm, nhiệm vụ trọng tâm 6 tháng cuối năm 2025',
          'P. họp 5 tầng 2',
          'PCTTT Nguyễn Văn Thi',
        ],
        [
          null,
          null,
          '(10h) Họp nghe báo cáo tiến độ thực hiện các dự án đầu tư xây dựng đang triển khai thực hiện tại Nhà khách Văn phòng Tỉnh ủy Thanh Hóa (tại Cơ sở 2 - Trung tâm Hội nghị 25B)',
          'P. họp 5 tầng 2',
          'PCTTT Nguyễn Văn Thi',
        ],
        [
          null,
          null,
          'Dự Đại hội Đại biểu Đảng bộ Ban Chỉ huy Bộ đội Biên phòng tỉnh Thanh Hóa lần thứ I, nhiệm kỳ 2025 - 2030',
          'Trụ sở BĐBP tỉnh',
          'PCT Mai Xuân Liêm',
        ],
        [
          null,
          'Chiều',
          '(13h30) Hội nghị Ban Thường vụ Tỉnh ủy',
          'P. họp TV',
          'Chủ tịch,\nCác Phó Chủ tịch liên quan',
        ],
        [
          null,
          null,
          '(16h30) Giao ban Chủ tịch, các Phó Chủ tịch UBND tỉnh',
          'P. họp 1 tầng 3',
          'Chủ tịch,\nCác Phó Chủ tịch',
        ],
        [
          'Thứ 3\n15/7',
          'Sáng',
          'Chủ tịch UBND tỉnh tiếp công dân định kỳ tháng 7/2025',
          'Trụ sở TCD',
          'CT Đỗ Minh Tuấn',
        ],
      ]),
      { asOf: '2025-07-15' },
    )
    expect(report.header!.row).toBe(3)
    expect(report.header!.mapping.find((m) => m.column === 'A')!.field).toBe('deadline')
    expect(report.header!.mapping.find((m) => m.column === 'C')!.field).toBe('content')
  })

  it('finds a list whose headings name too little by the numbers under them, one issue for what is missing', () => {
    const report = validateTable(
      createGrid([
        ['DANH MỤC NGHỊ ĐỊNH CẦN SỬA ĐỔI'],
        ['STT', 'Các nghị định cần sửa đổi, bổ sung', 'Điều, khoản cần sửa đổi', 'Giao cho'],
        [
          '1.',
          'Nghị định số 151/2024/NĐ-CP quy định chi tiết Luật Đất đai',
          'Điều 20, Điều 21',
          'Bộ Công an',
        ],
        ['2.', 'Nghị định số 70/2024/NĐ-CP về quản lý vũ khí', 'Điều 13, Điều 20', 'Bộ Công an'],
        ['3.', 'Nghị định số 69/2024/NĐ-CP về định danh điện tử', 'Khoản 2 Điều 10', 'Bộ Công an'],
      ]),
      { asOf: '2026-06-30' },
    )
    expect(report.header!.row).toBe(2)
    expect(report.header!.mapping.find((m) => m.column === 'B')!.field).toBe('content')
    expect(report.tasks.map((t) => [t.row, t.status])).toEqual([
      [3, 'not-started'],
      [4, 'not-started'],
      [5, 'not-started'],
    ])
    // What the header lacks is said at the header, never on every row.
    expect(report.issues.filter((i) => i.severity === 'error').every((i) => i.row === 2)).toBe(true)
  })

  it('finds such a list past a group heading, under headings as long as a ministry writes them', () => {
    const report = validateTable(
      createGrid([
        ['PHỤ LỤC II'],
        [
          'Số',
          'Các luật, nghị định, quyết định của Thủ tướng Chính phủ cần sửa đổi để phù hợp với mô hình mới',
          'Điều, khoản, điểm cần sửa đổi, bổ sung, bãi bỏ để phù hợp với mô hình chính quyền hai cấp',
          'Bộ giao',
        ],
        ['I', 'NGHỊ ĐỊNH', null, null],
        ['1.', 'Nghị định số 288/2025/NĐ-CP', 'Khoản 2 Điều 7', 'Bộ Quốc phòng'],
        ['2.', 'Nghị định số 211/2025/NĐ-CP', 'Khoản 4, khoản 5 Điều 6', 'Bộ Quốc phòng'],
        ['3.', 'Nghị định số 113/2025/NĐ-CP', 'Khoản 5 Điều 32', 'Bộ Nội vụ'],
      ]),
      { asOf: '2026-06-30' },
    )
    expect(report.header!.row).toBe(2)
    expect(report.tasks.map((t) => t.row)).toEqual(expect.arrayContaining([4, 5, 6]))
  })

  it('finds a list by items numbered in levels, numbering again after a section, a number merged over its rows', () => {
    const report = validateTable(
      {
        sheet: 'S',
        top: 1,
        left: 1,
        cells: [
          ['Mục', 'Diễn giải', 'Nơi làm', 'Dạng'],
          ['I', 'CHÍNH SÁCH', null, null],
          ['1', 'Rà soát cơ chế thử nghiệm có kiểm soát', 'Bộ Tài chính', 'Báo cáo'],
          ['1.1', 'Nghiên cứu, rà soát quy định về thuế', 'Bộ Tài chính', 'Báo cáo'],
          [null, 'Báo cáo kết quả rà soát', 'Bộ Tài chính', 'Báo cáo'],
          ['1.2', 'Xây dựng đề xuất sửa đổi', 'Bộ Khoa học và Công nghệ', 'Nghị định'],
          ['II', 'THỂ CHẾ', null, null],
          ['1', 'Ban hành quy chế phối hợp', 'Bộ Tư pháp', 'Quyết định'],
        ],
        merges: [{ top: 4, left: 1, bottom: 5, right: 1 }],
      },
      { asOf: '2026-06-30' },
    )
    expect(report.header!.row).toBe(1)
    expect(report.header!.mapping.find((m) => m.column === 'B')!.field).toBe('content')
  })

  it('finds a list by its tasks’ codes in order under one prefix (A1, A2, A3)', () => {
    const report = validateTable(
      createGrid([
        ['Mục', 'Diễn giải', 'Nơi làm', 'Dạng'],
        ['A1', 'Cổng dịch vụ công quốc gia', 'Bộ Công an', 'Nền tảng'],
        ['A2', 'Nền tảng định danh VNeID', 'Bộ Công an', 'Nền tảng'],
        ['A3', 'Trục liên thông văn bản quốc gia', 'Văn phòng Chính phủ', 'Hệ thống'],
      ]),
      { asOf: '2026-06-30' },
    )
    expect(report.header!.row).toBe(1)
    // (codes under two prefixes, "A1, B1, C1", number nothing in order)
    const mixed = validateTable(
      createGrid([
        ['Mục', 'Diễn giải', 'Nơi làm', 'Dạng'],
        ['A1', 'Cổng dịch vụ công quốc gia', 'Bộ Công an', 'Nền tảng'],
        ['B2', 'Nền tảng định danh VNeID', 'Bộ Công an', 'Nền tảng'],
        ['C3', 'Trục liên thông văn bản quốc gia', 'Văn phòng Chính phủ', 'Hệ thống'],
      ]),
      { asOf: '2026-06-30' },
    )
    expect(mixed.header).toBeNull()
  })

  it('looks for a header by the cells in time linear in the sheet, however wide (no header anywhere)', () => {
    // As wide as Excel goes, every cell the same number: each column starts a numbering that breaks.
    const width = 16_384
    const cells: CellValue[][] = [Array.from({ length: width }, (_, c) => `Cột ${c}`)]
    for (let r = 0; r < 40; r++) cells.push(Array.from({ length: width }, () => '1'))
    const started = performance.now()
    const report = validateTable({ sheet: 'S', top: 1, left: 1, cells, merges: [] }, { asOf })
    expect(report.issues[0]!.code).toBe('table/not-found')
    expect(performance.now() - started).toBeLessThan(15_000)
  })

  it('reads a reporting regime: the day a report is received is when it is due, and comes round every period', () => {
    const report = validateTable(
      createGrid([
        ['CHẾ ĐỘ BÁO CÁO THỐNG KÊ'],
        ['Ký hiệu biểu', 'Tên biểu', 'Kỳ báo cáo', 'Ngày nhận báo cáo', 'Đơn vị gửi'],
        ['001.N/BCC', 'Giá trị sản xuất theo ngành kinh tế', 'Năm', '15/9 năm sau', 'Cục Thống kê'],
        ['002.N/BCC', 'Chi phí trung gian theo ngành', 'Năm', '15/9 năm sau', 'Cục Thống kê'],
        ['003.T/BCC', 'Chỉ số sản xuất công nghiệp', 'Tháng', 'Ngày 12 tháng sau', 'Cục Thống kê'],
        ['004.N/BCC', 'Thu ngân sách nhà nước', 'Năm', '15/10 năm sau', 'Sở Tài chính'],
      ]),
      { asOf: '2026-05-01' },
    )
    expect(report.header!.mapping.find((m) => m.column === 'D')!.field).toBe('deadline')
    expect(report.tasks.map((t) => [t.deadline?.kind, t.status])).toEqual([
      ['recurring', 'ongoing'],
      ['recurring', 'ongoing'],
      ['recurring', 'ongoing'],
      ['recurring', 'ongoing'],
    ])
    // (in a plan of a named year, "Trước 15/01 năm sau" is one day of the next year)
    const plan = validateTable(
      createGrid([
        ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'],
        ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn'],
        [1, 'Báo cáo kết quả CCHC năm', 'Sở Nội vụ', 'Trước 15/01 năm sau'],
      ]),
      { asOf: '2026-05-01' },
    )
    expect(plan.tasks[0]!.deadline?.due).toBe('2027-01-15')
  })

  it('reads a day or month without a year in the school year the title names', () => {
    const read = (issued: string) =>
      validateTable(
        createGrid([
          ['THÔNG BÁO KẾ HOẠCH HỌC KỲ 2 NĂM HỌC 2025-2026'],
          ['STT', 'Nội dung', 'Đơn vị thực hiện', 'Thời gian'],
          [1, 'Đăng ký học phần', 'Phòng Đào tạo', '25/12 đến 04/01'],
          [2, 'Nộp đề cương luận văn', 'Khoa Sau đại học', 'Trước 06/3'],
          [3, 'Tổng kết năm học', 'Phòng Đào tạo', 'Tháng 7'],
          [4, 'Bảo vệ luận văn', 'Khoa Sau đại học', 'Từ 10/11 đến 12/12'],
          [5, 'Tính khối lượng vượt giờ', 'Phòng Tài chính', 'Trước 15/8'],
        ]),
        { asOf: '2026-02-10', issued },
      ).tasks.map((t) => t.deadline?.due)
    // (from September in the first year, up to July in the second; August nearer the plan's date)
    expect(read('2025-12-01')).toEqual([
      '2026-01-04',
      '2026-03-06',
      '2026-07-31',
      '2025-12-12',
      '2025-08-15',
    ])
    expect(read('2026-07-20')[4]).toBe('2026-08-15')
  })

  it('skips a narrow table’s header repeated at a page break, and a two-row header’s top row repeated', () => {
    // (a table of two columns repeats two header cells: no deadline "Hạn" to misread)
    const narrow = validateTable(
      createGrid([
        ['MỐC HẠN ĐANG CHẠY'],
        ['Hạn', 'Nội dung'],
        ['04/7/2026', 'Các cơ quan phản hồi ý kiến hồ sơ cụm công nghiệp'],
        ['10/7/2026', 'Hoàn thiện hồ sơ điều chỉnh trình UBND tỉnh'],
        ['Hạn', 'Nội dung'],
        ['30/7/2026', 'Trình hồ sơ thành lập các cụm công nghiệp đã hình thành'],
      ]),
      { asOf: '2026-07-02' },
    )
    expect(narrow.tasks.map((t) => [t.row, t.deadline?.due])).toEqual([
      [3, '2026-07-04'],
      [4, '2026-07-10'],
      [6, '2026-07-30'],
    ])
    expect(narrow.issues.filter((i) => i.code.startsWith('cell/'))).toEqual([])
    // (the page repeats "Thời gian" alone, the parent of "Bắt đầu | Kết thúc")
    const twoRows = validateTable(
      createGrid(
        [
          ['STT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian', null],
          [null, null, null, 'Bắt đầu', 'Kết thúc'],
          [1, 'Thông báo kết quả rèn luyện', 'Phòng Công tác sinh viên', '05/9/2026', '14/10/2026'],
          ['STT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian', null],
          [2, 'Họp lớp đánh giá kết quả', 'Khoa Kinh tế', '17/10/2026', '22/10/2026'],
        ],
        [
          { top: 1, left: 1, bottom: 2, right: 1 },
          { top: 1, left: 2, bottom: 2, right: 2 },
          { top: 1, left: 3, bottom: 2, right: 3 },
          { top: 1, left: 4, bottom: 1, right: 5 },
        ],
      ),
      { asOf: '2026-09-01' },
    )
    expect(twoRows.tasks.map((t) => [t.row, t.deadline?.due])).toEqual([
      [3, '2026-10-14'],
      [5, '2026-10-22'],
    ])
    expect(twoRows.issues.filter((i) => i.code.startsWith('cell/'))).toEqual([])
  })

  it('ends the table at the document’s closing block: recipients and signatures are no tasks', () => {
    const grid = createGrid([
      ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'],
      ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'],
      [1, 'Rà soát TTHC nội bộ', 'Sở Tư pháp', 'Sở Nội vụ', 'Quý III/2026'],
      [2, 'Kiểm tra CCHC', 'Sở Nội vụ', 'Các sở', 'Quý II/2026'],
      [],
      ['Nơi nhận:', null, null, null, 'KT. CHỦ TỊCH'],
      ['- Như trên;', null, null, null, 'PHÓ CHỦ TỊCH'],
      ['- Lưu: VT, NC.'],
      [null, null, null, null, 'Nguyễn Văn An'],
    ])
    const report = validateTable(grid, { asOf: '2026-07-15' })
    expect(report.tasks.map((t) => t.row)).toEqual([3, 4])
    expect(report.issues).toEqual([])
    // The columns are read from the table's cells alone, not the signatures below it.
    expect(report.header!.mapping.map((m) => [m.column, m.reason.vi])).toContainEqual([
      'E',
      'theo tiêu đề; ô trong cột: 2/2 là thời hạn',
    ])
    // A task done by a person named by title ("Hiệu trưởng") is a task, not the signature.
    const school = validateTable(
      createGrid([
        ['KẾ HOẠCH CÔNG TÁC THÁNG 9 NĂM 2026'],
        ['Thời gian', 'Nội dung công việc', 'Người thực hiện', 'Ghi chú'],
        ['Tuần 1', 'Khai giảng năm học mới', 'Ban giám hiệu', null],
        ['Tuần 4', 'Tổng kết công tác tháng 9', 'Hiệu trưởng', null],
      ]),
      { asOf: '2026-09-20' },
    )
    expect(school.tasks.map((t) => t.row)).toEqual([3, 4])
  })

  it('reads a total (“Tổng cộng”, “Cộng mục I”) as no task, wherever it stands, and a task that starts alike as a task', () => {
    const grid = createGrid([
      ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'],
      ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Số văn bản'],
      ['TỔNG CỘNG', null, null, null, 7],
      ['I', 'Cải cách thể chế'],
      [1, 'Rà soát TTHC nội bộ', 'Sở Tư pháp', 'Quý III/2026', 3],
      [2, 'Tổng kết công tác CCHC năm 2026', 'Sở Nội vụ', 'Quý IV/2026', 4],
      ['Cộng mục I', '2 nhiệm vụ', null, null, 7],
      ['II', 'Cải cách TTHC'],
      [3, 'Tổng số hồ sơ trực tuyến toàn trình đạt 80%', 'Sở KH&CN', 'Quý IV/2026', 0],
      ['Tổng số: 3 nhiệm vụ', null, null, null, 7],
    ])
    const report = validateTable(grid, { asOf: '2026-07-15' })
    expect(report.tasks.map((t) => [t.row, t.kind])).toEqual([
      [4, 'section'],
      [5, 'task'],
      [6, 'task'],
      [8, 'section'],
      [9, 'task'],
    ])
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('reads a quarterly report whose result column carries its period and a notes column answers "Không có"', () => {
    const rows: CellValue[][] = [
      ['BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'],
      [
        'Số TT',
        'Nội dung công việc',
        'Cơ quan chủ trì',
        'Tiến độ thực hiện',
        'Kết quả thực hiện Quý III/2026',
        'Ngày xong',
        'Nguyên nhân',
      ],
    ]
    const results = ['Đã hoàn thành', '50%', 'Chưa thực hiện', 'Đạt 60%', 'Đang dự thảo']
    for (let i = 0; i < 10; i++)
      rows.push([
        i + 1,
        `Nhiệm vụ cải cách hành chính số ${i + 1} của kế hoạch`,
        'Sở Nội vụ',
        i % 2 ? 'Quý IV/2026' : 'Trong năm 2026',
        results[i % 5]!,
        i % 5 === 0 ? { date: '2026-08-15' } : null,
        i % 3 ? null : 'Không có',
      ])
    const report = validateTable(createGrid(rows), { asOf: '2026-09-30' })
    expect(report.header!.mapping.map((m) => [m.column, m.field])).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'lead'],
      ['D', 'deadline'],
      ['E', 'achieved'],
      ['F', 'doneDate'],
      ['G', 'note'],
    ])
    // The table sets no target: a percentage says how far the work went.
    expect(report.tasks.slice(0, 5).map((t) => t.status)).toEqual([
      'done-on-time',
      'in-progress',
      'not-started',
      'in-progress',
      'in-progress',
    ])
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('reads a planned time beside another time: the planned one is the deadline, the other when the work was done', () => {
    const grid = createGrid([
      [
        'STT',
        'Tên gọi văn bản',
        'Cơ quan soạn thảo',
        'Ngày dự kiến trình ban hành',
        'Thời gian xử lý',
      ],
      [
        1,
        'Quyết định sửa đổi đơn giá bồi thường',
        'Sở Nông nghiệp và Môi trường',
        'Tháng 01/2026',
        'Tháng 01/2026',
      ],
      [
        2,
        'Quyết định về bồi thường, tái định cư',
        'Sở Nông nghiệp và Môi trường',
        'Tháng 01/2026',
        'Tháng 02/2026',
      ],
      [3, 'Quyết định về mật độ chăn nuôi', 'Sở Nông nghiệp và Môi trường', null, 'Tháng 02/2026'],
      [
        4,
        'Quy chế quản lý công trình ghi công liệt sĩ',
        'Sở Nội vụ',
        'Tháng 12/2025',
        'Tháng 02/2026',
      ],
    ])
    const report = validateTable(grid, { asOf: '2026-02-25' })
    const fields = Object.fromEntries(report.header!.mapping.map((m) => [m.column, m.field]))
    expect(fields).toMatchObject({ D: 'deadline', E: 'doneDate' })
    expect(report.tasks.map((t) => t.status)).toEqual([
      'done-on-time',
      'done-late',
      'done-on-time',
      'done-late',
    ])
  })

  it('reads how far each task went from the documents of a workflow’s steps, without a progress column', () => {
    const grid = createGrid([
      [
        'STT',
        'Tên văn bản',
        'Cơ quan soạn thảo',
        'Thời hạn',
        'Văn bản đăng ký xây dựng',
        'Gửi lấy ý kiến góp ý',
        'Gửi Sở Tư pháp thẩm định',
        'Trình UBND tỉnh',
        'Số, ngày ban hành văn bản',
      ],
      [
        1,
        'Quyết định quy định giá dịch vụ',
        'Sở Tài chính',
        'Quý II/2026',
        'Công văn số 12/STC ngày 05/01/2026',
        'Công văn số 40/STC ngày 20/01/2026',
        null,
        null,
        null,
      ],
      [
        2,
        'Quyết định về quản lý chợ',
        'Sở Công Thương',
        'Quý III/2026',
        null,
        null,
        null,
        null,
        null,
      ],
      [
        3,
        'Quyết định bãi bỏ quy chế cũ',
        'Sở Nội vụ',
        'Quý I/2026',
        'Công văn số 7/SNV ngày 02/01/2026',
        null,
        'Công văn số 88/SNV ngày 03/02/2026',
        'Tờ trình số 9/TTr-SNV ngày 10/02/2026',
        'Quyết định số 15/2026/QĐ-UBND ngày 20/02/2026',
      ],
      [
        4,
        'Quyết định về phí thư viện',
        'Sở Văn hóa, Thể thao và Du lịch',
        'Quý II/2026',
        'Công văn số 3/SVHTTDL ngày 08/01/2026',
        null,
        null,
        null,
        null,
      ],
    ])
    const report = validateTable(grid, { asOf: '2026-02-25' })
    expect(report.tasks.map((t) => [t.status, t.doneDate])).toEqual([
      ['in-progress', null],
      ['not-started', null],
      // Done when the result is recorded; the issued decision's date is when.
      ['done-on-time', '2026-02-20'],
      ['in-progress', null],
    ])
    const byColumn = Object.fromEntries(report.header!.mapping.map((m) => [m.column, m]))
    expect(byColumn.E!.field).toBe('progress')
    expect(byColumn.E!.reason.vi).toBe('tiến độ đọc qua các bước (cột E–I): ô ghi văn bản của bước')
    expect(byColumn.I!.reason.vi).toBe('một bước của tiến độ (cột E): ô ghi văn bản của bước')
    // The product's reading of a workflow is no claim of the agency's: no "done without a date".
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([])
  })

  it('reads a plan whose schedule is headed for progress ("Tiến độ") over times alone as a plan: its "Kết quả thực hiện" is the product', () => {
    const fixture = readTuningFixture('bvhttdl-cv6225-2025-nhiem-vu-cds')
    const grid = readFixtureGrid(fixture)
    expect(grid.cells[0]![6]).toBe('Thời hạn hoàn thành')
    grid.cells[0]![6] = 'Tiến độ'
    const report = validateTable(grid, { asOf: fixture.truth.asOf })
    expect(report.header!.columns).toMatchObject({ product: 'F', deadline: 'G' })
    expect(report.tasks.map((t) => t.status)).toEqual(
      Object.values(fixture.truth.rows).map((r) => r.status),
    )
  })

  it('lets cells that plainly contradict the header words void them: agencies under "Thời hạn HT", times under "Đơn vị phối hợp"', () => {
    // An export whose columns slid against their header: no deadline was exported at all.
    const units = ['• Văn Phòng Bộ', '• Vụ Pháp chế \n• Thanh tra', '• Cục Công nghệ thông tin']
    const states = [
      'Chưa hoàn thành (quá hạn)',
      'Đã hoàn thành (đúng hạn)',
      'Chưa hoàn thành (trong hạn)',
    ]
    const rows: CellValue[][] = [
      ['STT', 'Tên nhiệm vụ', 'Đơn vị đầu mối', 'Trạng thái', 'Thời hạn HT'],
    ]
    for (let i = 1; i <= 12; i++)
      rows.push([
        i,
        `Nhiệm vụ số ${i} về chuyển đổi số`,
        units[i % 3]!,
        states[i % 3]!,
        units[(i + 1) % 3]!,
      ])
    const report = validateTable(createGrid(rows), { asOf: '2017-04-07' })
    const mapping = Object.fromEntries(report.header!.mapping.map((m) => [m.column, m.field]))
    expect(mapping.E).not.toBe('deadline')
    // One issue at the header for the deadline nobody exported, none on the rows.
    expect(report.issues.filter((i) => i.code === 'cell/invalid-deadline')).toEqual([])
    expect(report.issues.filter((i) => i.code === 'header/missing-column')).toHaveLength(1)
    expect(report.tasks.map((t) => t.status).slice(0, 3)).toEqual([
      'done-on-time',
      'in-progress',
      'overdue',
    ])
    // (and the other way round: times under a word for who cooperates)
    const times = createGrid([
      ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Đơn vị phối hợp', 'Ghi chú'],
      ...['Quý I/2026', 'Quý II/2026', 'Tháng 9/2026', 'Quý IV/2026', 'Trong năm 2026'].map(
        (t, i) => [i + 1, `Nhiệm vụ số ${i + 1}`, 'Sở Nội vụ', t, null],
      ),
    ])
    const timed = validateTable(times, { asOf: '2026-05-01' })
    expect(timed.header!.columns).toMatchObject({ deadline: 'D' })
    expect(timed.tasks.map((t) => t.deadline?.due)).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
      '2026-12-31',
    ])
  })

  it('reads a group column merged down as the groups, not the tasks, and a lettered title merged across the row as a heading', () => {
    const m = (top: number, left: number, bottom: number, right: number) => ({
      top,
      left,
      bottom,
      right,
    })
    const grid = createGrid(
      [
        ['TT', 'Nhóm hoạt động', 'Hoạt động', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian'],
        ['a)', 'Nhóm hoạt động nhằm hạn chế mất rừng', null, null, null, null],
        [
          '-',
          'Tiếp tục rà soát quy hoạch',
          '+ Rà soát, điều chỉnh quy hoạch',
          'Bộ Tài nguyên và Môi trường',
          'Bộ Tài chính',
          '2017 - 2020',
        ],
        [
          null,
          null,
          '+ Hỗ trợ lập quy hoạch, kế hoạch',
          'Ủy ban nhân dân tỉnh',
          'Bộ Tài chính',
          '2017 - 2020',
        ],
        [
          null,
          null,
          '+ Quản lý chặt chẽ việc chuyển mục đích',
          'Bộ Tài nguyên và Môi trường',
          'Bộ Công an',
          '2017 - 2020',
        ],
        [
          '-',
          'Nâng cao năng lực',
          '+ Tập huấn cán bộ quản lý',
          'Bộ Tài nguyên và Môi trường',
          'Bộ Nội vụ',
          '2018 - 2019',
        ],
        [
          null,
          null,
          '+ Xây dựng tài liệu hướng dẫn',
          'Bộ Tài nguyên và Môi trường',
          'Bộ Nội vụ',
          '2019',
        ],
      ],
      [m(2, 2, 2, 6), m(3, 1, 5, 1), m(3, 2, 5, 2), m(6, 1, 7, 1), m(6, 2, 7, 2)],
    )
    const report = validateTable(grid, { asOf: '2017-09-30' })
    expect(report.header!.columns).toMatchObject({ content: 'C', lead: 'D', deadline: 'F' })
    expect(report.tasks.filter((t) => t.kind === 'task').map((t) => t.row)).toEqual([3, 4, 5, 6, 7])
    expect(report.issues.filter((i) => i.row === 2 && i.severity === 'error')).toEqual([])
  })

  it('reads a column whose cells name the lead by its role ("Chủ trì: …; phối hợp: …") as the lead, whatever word heads it', () => {
    const fixture = readTuningFixture('ttg-qd893-2026-nhan-luc-nang-luong-nguyen-tu')
    const joined = perturbations
      .find((p) => p.name === 'the lead and the cooperating agencies in one cell')!
      .apply(fixture)!
    const grid = readFixtureGrid(joined)
    expect(grid.cells[fixture.truth.headerRow - 1]).toContain('Cơ quan thực hiện')
    const report = validateTable(grid, { asOf: joined.truth.asOf })
    expect(report.header!.mapping.find((m) => m.header === 'Cơ quan thực hiện')?.field).toBe('lead')
  })

  it('reads a plan sent out with its progress column still empty as a plan, and a workflow beside an empty progress column', () => {
    const fixture = readTuningFixture('bvhttdl-cv6225-2025-nhiem-vu-cds')
    const grid = readFixtureGrid(fixture)
    // (the column each unit fills in, added at the right and left empty)
    grid.cells.forEach((row, r) => row.push(r === 0 ? 'Tiến độ thực hiện' : null))
    const report = validateTable(grid, { asOf: fixture.truth.asOf })
    // "Kết quả thực hiện" holds what each task is to produce: no achievement, no task done.
    expect(report.header!.columns).toMatchObject({ product: 'F', deadline: 'G', progress: 'H' })
    expect(report.tasks.map((t) => t.status)).toEqual(
      Object.values(fixture.truth.rows).map((r) => r.status),
    )
    const steps = createGrid([
      [...workflowHeadings, 'Tiến độ'],
      [
        1,
        'Quyết định về giá',
        'Sở Tài chính',
        'Quý II/2026',
        'Công văn số 1/STC',
        null,
        null,
        null,
      ],
      [2, 'Quyết định về chợ', 'Sở Công Thương', 'Quý III/2026', null, null, null, null],
      [
        3,
        'Quyết định về phí',
        'Sở Nội vụ',
        'Quý I/2026',
        'Công văn số 4/SNV',
        'Công văn số 5/SNV',
        'Công văn số 6/SNV',
        null,
      ],
    ])
    const read = validateTable(steps, { asOf: '2026-02-25' })
    expect(read.header!.columns.progress).toBe('E')
    expect(read.tasks.map((t) => t.status)).toEqual(['in-progress', 'not-started', 'in-progress'])
  })

  it('reads a task whose steps were not written but whose completion date was as done', () => {
    const step = (n: number) => `Công văn số ${n}/STC ngày 0${n}/01/2026`
    const grid = createGrid([
      [...workflowHeadings, 'Trình', 'Ngày hoàn thành'],
      [1, 'Quyết định về giá', 'Sở Tài chính', 'Quý II/2026', step(1), step(2), null, null, null],
      [2, 'Quyết định về chợ', 'Sở Công Thương', 'Quý III/2026', step(3), null, null, null, null],
      [
        3,
        'Quyết định về phí',
        'Sở Nội vụ',
        'Quý I/2026',
        step(4),
        step(5),
        step(6),
        step(7),
        '20/02/2026',
      ],
      // (its steps left blank, its completion date written)
      [4, 'Quyết định bãi bỏ', 'Sở Tư pháp', 'Quý I/2026', null, null, null, null, '10/02/2026'],
    ])
    const report = validateTable(grid, { asOf: '2026-02-25' })
    expect(report.header!.columns.progress).toBe('E')
    expect(report.tasks.map((t) => [t.status, t.doneDate])).toEqual([
      ['in-progress', null],
      ['in-progress', null],
      ['done-on-time', '2026-02-20'],
      ['done-on-time', '2026-02-10'],
    ])
  })

  it('takes no workflow from a column filled on every row (where the tasks came from) or from two steps', () => {
    const grid = createGrid([
      [
        'STT',
        'Nội dung',
        'Đơn vị chủ trì',
        'Thời hạn',
        'Văn bản giao',
        'Gửi thẩm định',
        'Trình UBND tỉnh',
      ],
      [
        1,
        'Rà soát quy chế',
        'Sở Nội vụ',
        'Quý II/2026',
        'Công văn số 1/UBND ngày 02/01/2026',
        'Công văn số 5/SNV ngày 10/02/2026',
        null,
      ],
      [
        2,
        'Rà soát thủ tục',
        'Sở Tư pháp',
        'Quý II/2026',
        'Công văn số 2/UBND ngày 03/01/2026',
        null,
        null,
      ],
    ])
    const report = validateTable(grid, { asOf: '2026-02-25' })
    expect(report.header!.mapping.some((m) => m.field === 'progress')).toBe(false)
    expect(report.tasks.map((t) => t.status)).toEqual(['not-started', 'not-started'])
  })

  it('reads the task right after the numbering, not a later column taken by weak words or by its cells alone', () => {
    const report = (header: string[], rows: (string | number)[][]) =>
      validateTable(createGrid([header, ...rows]), { asOf: '2026-06-30' })
    const solutions = report(
      [
        'TT',
        'Cụm công nghiệp (vị trí, diện tích)',
        'Tiến độ hiện tại',
        'Giải pháp, kiến nghị',
        'Cơ quan phụ trách',
        'Thời hạn',
      ],
      [
        [
          1,
          'CCN Châu Quế, xã Châu Quế, diện tích 75 ha',
          'Đang tổng hợp ý kiến các sở',
          'Đề nghị các sở sớm có ý kiến để hoàn thiện hồ sơ',
          'Sở Công Thương',
          'Quý III/2026',
        ],
        [
          2,
          'CCN Yên Hợp 2, xã Xuân Ái, diện tích 75 ha',
          'Đang thẩm định hồ sơ thành lập',
          'Đề nghị nhà đầu tư bổ sung hồ sơ đất đai',
          'Sở Công Thương',
          'Quý IV/2026',
        ],
        [
          3,
          'CCN Mông Sơn, xã Bảo Ái, diện tích 50 ha',
          'Đã nộp hồ sơ đề nghị thành lập',
          'Đề nghị UBND xã niêm yết công khai hồ sơ',
          'UBND xã Bảo Ái',
          'Quý IV/2026',
        ],
      ],
    )
    expect(solutions.header!.columns.content).toBe('B')
    const forms = report(
      ['STT', 'Văn bản', 'Cơ quan', 'Hình thức xử lý', 'Thời hạn', 'Tình trạng'],
      [
        [
          1,
          'Nghị quyết số 04/2024/NQ-HĐND quy định mức hỗ trợ trên địa bàn tỉnh',
          'Công an tỉnh',
          'Ban hành văn bản mới; bãi bỏ nghị quyết này',
          'Tháng 11/2026',
          'Đang thực hiện',
        ],
        [
          2,
          'Quyết định số 07/2014/QĐ-UBND về quản lý cư trú trên địa bàn tỉnh',
          'Công an tỉnh',
          'Ban hành văn bản mới và bãi bỏ quyết định này',
          'Quý IV/2026',
          'Chưa triển khai',
        ],
        [
          3,
          'Quyết định số 20/2016/QĐ-UBND về phòng cháy chữa cháy trên địa bàn tỉnh',
          'Sở Xây dựng',
          'Sửa đổi, bổ sung một số điều',
          'Tháng 6/2026',
          'Đang thực hiện',
        ],
      ],
    )
    expect(forms.header!.columns.content).toBe('B')
  })

  it('reads months under a completion header as the completion, beside the deadline', () => {
    const grid = createGrid([
      ['STT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Thời hạn', 'Ngày hoàn thành'],
      [1, 'Ban hành quy chế phối hợp', 'Sở Nội vụ', 'Tháng 01/2026', 'Tháng 01/2026'],
      [
        2,
        'Sửa đổi quy định bồi thường',
        'Sở Nông nghiệp và Môi trường',
        'Tháng 01/2026',
        'Tháng 02/2026',
      ],
      [
        3,
        'Bãi bỏ quyết định về mật độ chăn nuôi',
        'Sở Nông nghiệp và Môi trường',
        'Tháng 3/2026',
        null,
      ],
    ])
    const report = validateTable(grid, { asOf: '2026-02-25' })
    expect(report.header!.columns).toMatchObject({ deadline: 'D', doneDate: 'E' })
    expect(report.tasks.map((t) => t.status)).toEqual(['done-on-time', 'done-late', 'not-started'])
  })

  it('reads an office’s own status of each task against its deadline as the progress, before a log', () => {
    const grid = createGrid([
      ['DANH SÁCH NHIỆM VỤ'],
      ['TT', 'Tên nhiệm vụ', 'Đơn vị đầu mối', 'Thời hạn HT', 'Tình hình thực hiện', 'Trạng thái'],
      [
        1,
        'Sửa đổi quy định tiêu chuẩn chức danh giáo sư',
        'Cục NGCB',
        'None',
        'Đã hoàn thành',
        'Đã hoàn thành (đúng hạn)',
      ],
      [
        2,
        'Báo cáo kế hoạch năm học mới',
        'Cục CSVC',
        '01/05/2017',
        'Anh/chị Nguyễn Văn A đã chuyển nhiệm vụ.',
        'Đang thực hiện (quá hạn)',
      ],
      [
        3,
        'Trả lời chất vấn đại biểu Quốc hội',
        'Vụ CTHSSV',
        '14/04/2017',
        'Vụ trình Thứ trưởng ngày 14/4/2017\n- Đã hoàn thành',
        'Đã hoàn thành (quá hạn)',
      ],
      [
        4,
        'Rà soát quy chế tuyển sinh',
        'Vụ GDĐH',
        'None',
        'Anh/chị Trần Thị B chuyển nhiệm vụ cho anh/chị Lê C',
        'Đang thực hiện (trong hạn)',
      ],
    ])
    const report = validateTable(grid, { asOf: '2017-05-08' })
    expect(report.header!.columns).toMatchObject({ progress: 'F' })
    expect(report.header!.columns.status).toBeUndefined()
    expect(report.tasks.map((t) => [t.status, t.deadline?.due ?? null])).toEqual([
      ['done-on-time', null],
      ['overdue', '2017-05-01'],
      ['done-late', '2017-04-14'],
      ['in-progress', null],
    ])
  })

  it('reads dates that lost their format under a time header, and checkboxes as progress', () => {
    const report = validateTable(
      createGrid([
        ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Hạn hoàn thành', 'Hoàn thành', 'Giá trị'],
        [1, 'Rà soát quy chế', 'Sở Nội vụ', 46022, true, 45000],
        [2, 'Báo cáo quý II', 'Sở Tư pháp', 46203, false, 52000],
        [3, 'Tập huấn CCHC', 'Sở Nội vụ', 46295, 'FALSE', 38000],
      ]),
      { asOf: '2026-06-30' },
    )
    expect(report.header!.columns).toMatchObject({ deadline: 'D', progress: 'E' })
    // Numbers under a header that names no time stay numbers.
    expect(report.header!.columns.doneDate).toBeUndefined()
    expect(report.tasks.map((t) => [t.deadline?.due, t.status])).toEqual([
      ['2025-12-31', 'done-on-time'],
      ['2026-06-30', 'not-started'],
      ['2026-09-30', 'not-started'],
    ])
    expect(report.issues).toEqual([])
  })

  it('reads a verdict on the timing beside a completion date as done ("Đúng hạn", "Chậm")', () => {
    const report = validateTable(
      createGrid([
        [
          'TT',
          'Nội dung nhiệm vụ',
          'Đơn vị chủ trì',
          'Thời hạn theo kế hoạch',
          'Thời gian hoàn thành thực tế',
          'Đánh giá',
        ],
        [1, 'Tham mưu quy chế phối hợp', 'Sở Công Thương', '30/06/2026', '25/06/2026', 'Đúng hạn'],
        [
          2,
          'Xây dựng đề án thương mại điện tử',
          'Sở Công Thương',
          '31/07/2026',
          '15/08/2026',
          'Chậm',
        ],
        [3, 'Rà soát quy hoạch mạng lưới chợ', 'Sở Công Thương', '31/08/2026', null, 'Chậm'],
      ]),
      { asOf: '2026-09-30' },
    )
    expect(report.tasks.map((t) => t.status)).toEqual(['done-on-time', 'done-late', 'overdue'])
    // Ahead of the schedule or behind it, under "Tiến độ": the pace of finished work.
    const paced = validateTable(
      createGrid([
        ['STT', 'Nội dung công việc', 'Nhận', 'Thời hạn', 'Hoàn thành', 'Tiến độ'],
        [1, 'Dự toán kinh phí bổ sung', '29/12/2025', '08/01/2026', '08/01/2026', 'Đúng tiến độ'],
        [2, 'Báo cáo NQ57 năm 2025', '19/11/2025', '20/01/2026', '19/01/2026', 'Vượt tiến độ'],
        [3, 'Rà soát chỉ tiêu KHCN', '05/02/2026', '10/02/2026', '26/02/2026', 'Trễ tiến độ'],
      ]),
      { asOf: '2026-03-30' },
    )
    expect(paced.tasks.map((t) => t.status)).toEqual(['done-on-time', 'done-on-time', 'done-late'])
  })

  it('counts an account of work done that cannot be placed as in progress, a word or two as not started', () => {
    const report = validateTable(
      createGrid([
        ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn', 'Tình hình thực hiện'],
        [1, 'Kiểm tra chợ lấn chiếm', 'Phòng QLĐT', '30/9/2026', 'Kiểm tra thực tế nắm báo cáo'],
        [2, 'Rà soát quy chế', 'Phòng Nội vụ', '30/9/2026', 'Tốt'],
        [3, 'Tổng hợp báo cáo', 'Phòng Nội vụ', '30/9/2026', 'Đã hoàn thành'],
      ]),
      { asOf: '2026-08-14' },
    )
    expect(report.tasks.map((t) => t.status)).toEqual([
      'in-progress',
      'not-started',
      'done-on-time',
    ])
    expect(
      report.issues.filter((i) => i.code === 'cell/unclear-progress').map((i) => i.message.vi),
    ).toEqual([
      'Chưa xác định được tiến độ từ “Kiểm tra thực tế nắm báo cáo”; nhiệm vụ được tính là đang thực hiện (ô ghi việc đã làm).',
      'Chưa xác định được tiến độ từ “Tốt”; nhiệm vụ được tính là chưa thực hiện.',
    ])
  })

  it('reads a mark or a verdict where the completion date goes as done, without its day', () => {
    const report = validateTable(
      createGrid([
        ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Hạn hoàn thành', 'Ngày hoàn thành'],
        [1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', '31/3/2026', '05/3/2026'],
        [2, 'Số hóa hồ sơ', 'Sở Nội vụ', '31/3/2026', 'x'],
        [3, 'Khảo sát SIPAS', 'Sở Nội vụ', '31/3/2026', 'Đúng hạn'],
        [4, 'Kiểm tra công tác CCHC', 'Sở Nội vụ', '31/3/2026', 'Trễ hạn'],
        [5, 'Tuyên truyền CCHC', 'Sở Nội vụ', '31/3/2026', null],
      ]),
      { asOf: '2026-09-30' },
    )
    expect(report.tasks.map((t) => t.status)).toEqual([
      'done-on-time',
      'done-on-time',
      'done-on-time',
      'done-late',
      'overdue',
    ])
    // (so beside a progress that says it was done)
    const said = validateTable(
      createGrid([
        ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Hạn hoàn thành', 'Tiến độ', 'Ngày hoàn thành'],
        [1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', '31/3/2026', 'Đã hoàn thành', '05/3/2026'],
        [2, 'Kiểm tra công tác CCHC', 'Sở Nội vụ', '31/3/2026', 'Đã hoàn thành', 'Trễ hạn'],
        [3, 'Khảo sát SIPAS', 'Sở Nội vụ', '31/3/2026', 'Đã hoàn thành', 'Đúng hạn'],
      ]),
      { asOf: '2026-09-30' },
    )
    expect(said.tasks.map((t) => t.status)).toEqual(['done-on-time', 'done-late', 'done-on-time'])
  })

  it('takes the unit a heading names for the lead of the rows under it that name none', () => {
    const grid = createGrid([
      ['BẢNG CẬP NHẬT CÔNG VĂN CHỈ ĐẠO CHƯA HOÀN THÀNH NĂM 2014'],
      [
        'STT',
        'Nội dung được giao',
        'Cơ quan chủ công thực hiện',
        'TG hoàn thành',
        'Kết quả thực hiện',
      ],
      ['PHÒNG NỘI VỤ', null, null, null, null],
      [
        1,
        'Đóng góp dự thảo Luật tổ chức chính quyền địa phương',
        'Phòng Nội vụ',
        '05/8/2014',
        'Chưa đề xuất',
      ],
      ['UBND PHƯỜNG 7', null, null, null, null],
      [1, 'Uốn nắn việc tách quỹ chuyên dùng', null, '30/8/2014', 'Chưa thực hiện'],
      ['NHIỆM VỤ KHÁC', null, null, null, null],
      [1, 'Rà soát quy chế làm việc', null, '30/8/2014', 'Chưa thực hiện'],
    ])
    const report = validateTable(grid, { asOf: '2014-08-14' })
    expect(report.tasks.map((t) => t.kind)).toEqual([
      'heading',
      'task',
      'heading',
      'task',
      'heading',
      'task',
    ])
    // Under a unit's heading the lead is that unit; under any other heading it is still wanted.
    expect(report.issues.filter((i) => i.code === 'cell/required').map((i) => i.row)).toEqual([8])
    // With the province's registry the unit owns those rows.
    const registry = {
      province: 'Thử',
      year: 2014,
      agencies: [
        { id: 'pnv', name: 'Phòng Nội vụ', kind: 'other' as const },
        { id: 'p7', name: 'UBND phường 7', kind: 'xa' as const },
      ],
      groups: [],
      renames: [],
    }
    const owned = validateTable(grid, { asOf: '2014-08-14', registry })
    expect(owned.tasks.filter((t) => t.kind === 'task').map((t) => t.agencies)).toEqual([
      ['pnv'],
      ['p7'],
      [],
    ])
  })

  it('reads "Trong tháng" and "Tuần 3" within the month a monthly plan is for', () => {
    const grid = createGrid([
      ['KẾ HOẠCH CÔNG TÁC THÁNG 10/2026 CỦA PHÒNG CẢI CÁCH HÀNH CHÍNH'],
      ['TT', 'Nội dung công việc', 'Đơn vị/cá nhân thực hiện', 'Thời gian hoàn thành'],
      [1, 'Tham mưu báo cáo CCHC quý III', 'Đ/c Hùng', 'Ngày 15/10'],
      [2, 'Kiểm tra CCHC tại 3 sở', 'Tổ kiểm tra', 'Tuần 3'],
      [3, 'Cập nhật Chỉ số CCHC', 'Đ/c Mai', 'Trong tháng'],
    ])
    const report = validateTable(grid, { asOf: '2026-10-10' })
    expect(report.tasks.map((t) => t.deadline?.due)).toEqual([
      '2026-10-15',
      '2026-10-21',
      '2026-10-31',
    ])
    expect(report.issues).toEqual([])
    // Without a month named, "Trong tháng" has no date and no error.
    const yearly = validateTable(createGrid([['KẾ HOẠCH NĂM 2026'], ...grid.cells.slice(1)]), {
      asOf: '2026-10-10',
    })
    expect(yearly.tasks[2]!.deadline).toMatchObject({ kind: 'event', due: null })
  })

  it('reads a completion rate per task as its progress ("Tỷ lệ hoàn thành (%)": 100, 60, 0)', () => {
    const grid = createGrid([
      ['THEO DÕI TIẾN ĐỘ NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026'],
      ['STT', 'Tên nhiệm vụ', 'Đơn vị thực hiện', 'Hạn hoàn thành', 'Tỷ lệ hoàn thành (%)'],
      [1, 'Nâng cấp Cổng dịch vụ công', 'Văn phòng UBND tỉnh', '31/5/2026', 100],
      [2, 'Chữ ký số cho cấp xã', 'Sở Khoa học và Công nghệ', '30/9/2026', 60],
      [3, 'Kho dữ liệu dùng chung', 'Sở Khoa học và Công nghệ', '30/4/2026', 45],
      [4, 'Đào tạo kỹ năng số', 'Sở Nội vụ', '30/11/2026', 0],
    ])
    const report = validateTable(grid, { asOf: '2026-06-30' })
    expect(report.header!.mapping.find((m) => m.column === 'E')?.field).toBe('progress')
    expect(report.tasks.map((t) => t.status)).toEqual([
      'done-on-time',
      'in-progress',
      'overdue',
      'not-started',
    ])
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

describe('validateTable: deadlines counted from the plan’s issue date', () => {
  const title = [
    ['KẾ HOẠCH 100 NGÀY CAO ĐIỂM CẢI CÁCH HÀNH CHÍNH'],
    ['(Kèm theo Kế hoạch số 45/KH-UBND ngày 14/7/2026 của UBND thành phố)'],
  ]
  const header = ['STT', 'Nội dung, nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành']
  const phrase = '100 ngày kể từ ngày ban hành Kế hoạch'

  it('takes the issue date and the plan year from the title and counts 100 days from it on every row', () => {
    const grid = createGrid([
      ...title,
      header,
      [1, 'Rà soát TTHC', 'Sở Tư pháp', phrase],
      [2, 'Số hóa hồ sơ', 'Sở Khoa học và Công nghệ', phrase],
      [3, 'Tuyên truyền', 'Sở Văn hóa, Thể thao và Du lịch', `${phrase} (theo quy định)`],
    ])
    const report = validateTable(grid, { asOf: '2026-09-14' })
    expect(report).toMatchObject({ planYear: 2026, issued: '2026-07-14', errorCount: 0 })
    expect(report.tasks.map((t) => t.deadline)).toEqual([
      { kind: 'relative', due: '2026-10-22', start: '2026-07-14' },
      { kind: 'relative', due: '2026-10-22', start: '2026-07-14' },
      { kind: 'relative', due: '2026-10-22', start: '2026-07-14' },
    ])
    expect(report.issues).toEqual([])
  })

  it('prefers the issue date given by the user, and notes once when none is known', () => {
    const rows = [
      header,
      [1, 'Rà soát TTHC', 'Sở Tư pháp', phrase],
      [2, 'Số hóa', 'Sở Nội vụ', phrase],
    ]
    const given = validateTable(createGrid([['KẾ HOẠCH NĂM 2026'], ...rows]), {
      asOf: '2026-09-14',
      issued: '2026-08-01',
    })
    expect(given.tasks.map((t) => t.deadline?.due)).toEqual(['2026-11-09', '2026-11-09'])
    const unknown = validateTable(createGrid([['KẾ HOẠCH NĂM 2026'], ...rows]), {
      asOf: '2026-09-14',
    })
    expect(unknown).toMatchObject({ issued: null, errorCount: 0 })
    expect(unknown.tasks.map((t) => [t.deadline, t.status])).toEqual([
      [{ kind: 'relative', due: null }, 'not-started'],
      [{ kind: 'relative', due: null }, 'not-started'],
    ])
    expect(unknown.issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['report/issued-unknown', 'info', null],
    ])
    expect(unknown.issues[0]!.message.vi).toBe(
      '2 nhiệm vụ có thời hạn tính từ ngày ban hành Kế hoạch (như “100 ngày kể từ ngày ban hành Kế hoạch”), nhưng chưa biết ngày ban hành: chưa tính được hạn.',
    )
  })

  it('takes the issue date from the template metadata when the title has none', () => {
    const grid = createGrid([['KẾ HOẠCH NĂM 2026'], header, [1, 'Rà soát', 'Sở Tư pháp', phrase]])
    const report = validateTable(grid, { asOf: '2026-09-14', meta: { issued: '2026-07-14' } })
    expect(report.tasks[0]!.deadline?.due).toBe('2026-10-22')
  })

  it('reads the plan year from "THÁNG 02/2026" in the title', () => {
    const grid = createGrid([
      ['NHIỆM VỤ THÁNG 02/2026'],
      header,
      [1, 'Rà soát', 'Sở Tư pháp', 'Quý I'],
    ])
    const report = validateTable(grid, { asOf: '2026-09-14' })
    expect(report.planYear).toBe(2026)
    expect(report.tasks[0]!.deadline?.due).toBe('2026-03-31')
  })
})

describe('validateTable: groups and their items', () => {
  const header = [
    'STT',
    'Nội dung, nhiệm vụ',
    'Sản phẩm',
    'Cơ quan chủ trì',
    'Thời gian hoàn thành',
    'Tình hình thực hiện',
  ]
  const grid = createGrid([
    ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'],
    header,
    [1, 'Rà soát TTHC', 'Báo cáo', 'Sở Tư pháp', 'Quý II/2026', null],
    [null, 'a) Lĩnh vực đất đai', null, 'Sở Nông nghiệp và Môi trường', null, 'Đã hoàn thành'],
    [null, 'b) Lĩnh vực xây dựng', null, 'Sở Xây dựng', 'Quý IV/2026', 'Đang thực hiện'],
    [2, 'Số hóa hồ sơ', 'Kho dữ liệu', 'Sở Nội vụ', 'Quý IV/2026', null],
    ['2.1', 'Số hóa hồ sơ cấp tỉnh', null, 'Sở Nội vụ', null, 'Đã hoàn thành'],
    ['2.2', 'Số hóa hồ sơ cấp xã', null, 'UBND các xã', null, 'Hoàn thành'],
  ])
  const report = validateTable(grid, { asOf: '2026-09-14' })

  it('gives an item without a deadline its group’s, marked inherited, and an item with one its own', () => {
    expect(report.tasks.map((t) => [t.row, t.kind, t.stt, t.deadline, t.status])).toEqual([
      [3, 'group', '1', { kind: 'period', due: '2026-06-30', start: '2026-04-01' }, 'in-progress'],
      [
        4,
        'task',
        '1.a',
        { kind: 'period', due: '2026-06-30', start: '2026-04-01', inherited: true },
        'done-on-time',
      ],
      [5, 'task', '1.b', { kind: 'period', due: '2026-12-31', start: '2026-10-01' }, 'in-progress'],
      [6, 'group', '2', { kind: 'period', due: '2026-12-31', start: '2026-10-01' }, 'done-on-time'],
      [
        7,
        'task',
        '2.1',
        { kind: 'period', due: '2026-12-31', start: '2026-10-01', inherited: true },
        'done-on-time',
      ],
      [
        8,
        'task',
        '2.2',
        { kind: 'period', due: '2026-12-31', start: '2026-10-01', inherited: true },
        'done-on-time',
      ],
    ])
    expect(report.errorCount).toBe(0)
    expect(report.warningCount).toBe(0)
  })

  it('says on each inherited row where its deadline comes from (the marked copy’s note and "Kiểm tra")', () => {
    const inherited = report.issues.filter((i) => i.code === 'row/deadline-inherited')
    expect(inherited.map((i) => [i.row, i.column, i.severity])).toEqual([
      [4, 'E', 'info'],
      [7, 'E', 'info'],
      [8, 'E', 'info'],
    ])
    expect(inherited[0]!.message).toEqual({
      vi: 'Không ghi thời hạn riêng: lấy thời hạn của nhóm 1 “Quý II/2026” (hạn 30/06/2026).',
      en: 'No deadline of its own: takes that of group 1, “Quý II/2026” (due 30/06/2026).',
    })
  })

  it('makes a group overdue when one of its items is', () => {
    const late = validateTable(grid, { asOf: '2027-01-14' })
    expect(late.tasks.filter((t) => t.kind === 'group').map((t) => [t.stt, t.status])).toEqual([
      ['1', 'overdue'],
      ['2', 'done-on-time'],
    ])
    expect(late.summary.tasks).toBe(4)
  })
})
