import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  computeFilledCells,
  validateTable,
  type CellValue,
  type MergeArea,
} from '../../core/index.ts'
import { buildHeader, locateHeader } from '../../core/header.ts'
import { buildSampleTables, expectField, phrasebook } from '../../scripts/phrasebook.ts'
import { buildLegalTextTracker } from '../helpers/reading-cases.ts'

function readHeader(rows: CellValue[][], merges: MergeArea[] = [], r = 1) {
  const { values, covered } = computeFilledCells({
    sheet: 'S',
    top: 1,
    left: 1,
    cells: rows,
    merges,
  })
  return buildHeader(values, covered, r, 1, 1, {})
}

/** Finds the header of a sheet of rows as readTable does. */
function locate(rows: CellValue[][]) {
  const grid = { sheet: 'S', top: 1, left: 1, cells: rows, merges: [] }
  const { values, covered } = computeFilledCells(grid)
  return locateHeader(values, covered, 1, 1)
}

function fieldsOf(rows: CellValue[][], merges: MergeArea[] = []) {
  return readHeader(rows, merges).mapping.map((m) => [m.column, m.field])
}

const tables = phrasebook.sources.flatMap((s) => buildSampleTables(s.id))
const readings = tables.flatMap((t) => {
  const header = readHeader(t.rows, t.merges)
  return t.headers.map((h, i) => ({
    text: h.text,
    source: t.source,
    expected: expectField(h),
    got: header.mapping.find((m) => m.column === String.fromCharCode(65 + i))?.field ?? null,
  }))
})

describe('headers of the phrasebook sample, read in their own tables', () => {
  it('maps at least 95% of the headers of task and indicator tables to their field', () => {
    const fields = readings.filter((r) => r.expected !== null)
    const right = fields.filter((r) => r.got === r.expected)
    expect(fields.length).toBeGreaterThan(60)
    expect(right.length / fields.length).toBeGreaterThanOrEqual(0.95)
  })

  it('maps every trap column (funding, groups, people, reasons, durations) to none', () => {
    const traps = readings.filter((r) => r.expected === null)
    expect(traps.length).toBeGreaterThanOrEqual(30)
    expect(traps.filter((r) => r.got !== null)).toEqual([])
  })

  // One whole table per source: every column read as the sample says, or listed here.
  const known = new Set(['s20 Quý (1)', 's20 Năm (2)', 's30 Bước 1'])
  for (const source of new Set(tables.map((t) => t.source))) {
    it(`reads the table of source ${source} as the sample says`, () => {
      const wrong = readings
        .filter((r) => r.source === source && r.got !== r.expected)
        .map((r) => `${r.source} ${r.text}`)
      expect(wrong.filter((w) => !known.has(w))).toEqual([])
    })
  }
})

describe('a header merged down over an empty row', () => {
  it('is read at its top row, and the first data row stays data', () => {
    const cells: CellValue[][] = [
      ['target_id', 'task_name', 'department', 'deadline', 'status'],
      [null, null, null, null, null],
      ['T076', 'Thủ tục kết thúc dự án', 'KHĐT', 'Tháng 12/2026', 'Chưa bắt đầu'],
      ['T077', 'Phụ lục hợp đồng BT', 'KHĐT', 'Tháng 7/2026', 'Chưa bắt đầu'],
      ['T078', 'Thủ tục để thanh toán BT', 'KHĐT', 'Tháng 9/2026', 'Đang thực hiện'],
    ]
    const merges = [1, 2, 3, 4, 5].map((c) => ({ top: 1, left: c, bottom: 2, right: c }))
    const grid = { sheet: 'S', top: 1, left: 1, cells, merges }
    const { values, covered } = computeFilledCells(grid)
    const header = locateHeader(values, covered, 1, 1)!
    expect(header.row).toBe(1)
    const report = validateTable(grid, { asOf: '2026-08-01' })
    expect(report.tasks.map((t) => [t.row, t.deadline?.due])).toEqual([
      [3, '2026-12-31'],
      [4, '2026-07-31'],
      [5, '2026-09-30'],
    ])
  })
})

describe('header understanding by meaning', () => {
  it('never reads dates present on rows not done yet as completion dates', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Nội dung', 'Đơn vị chủ trì', 'Ngày', 'Tình trạng'],
      [1, 'Rà soát quy chế làm việc', 'Sở Nội vụ', { date: '2026-03-02' }, 'Đang thực hiện'],
      [2, 'Kiểm tra công tác văn thư', 'Sở Nội vụ', { date: '2026-04-10' }, 'Chưa thực hiện'],
      [3, 'Báo cáo công tác quý I', 'Sở Nội vụ', { date: '2026-03-20' }, 'Đã hoàn thành'],
      [4, 'Cập nhật dữ liệu cán bộ', 'Sở Nội vụ', { date: '2026-05-05' }, 'Đang thực hiện'],
    ]
    expect(fieldsOf(rows)).not.toContainEqual(['D', 'doneDate'])
  })

  it('takes of several numberings the one that never repeats, and never reads a numbering as a score', () => {
    const rows: CellValue[][] = [
      [],
      ['STT chung', 'Tổ công tác', 'STT trong Tổ', 'Tên dự án', 'Tiến độ giải ngân', 'Chủ đầu tư'],
      [
        '4',
        'Tổ 2',
        '1',
        'Đường giao thông từ Quốc lộ 26',
        '28,875/88,525 tỷ, đạt 32,62%',
        'Ban QLDA tỉnh',
      ],
      ['5', 'Tổ 2', '2', 'Cải tạo nâng cấp tỉnh lộ 1', '0,5/1,127 tỷ, đạt 44,42%', 'Ban QLDA tỉnh'],
      ['6', 'Tổ 3', '1', 'Kè chống sạt lở bờ sông', '0/30 tỷ, đạt 0,00%', 'Ban QLDA tỉnh'],
      ['7', 'Tổ 3', '2', 'Bố trí ổn định dân di cư', '1,01/30 tỷ, đạt 3,37%', 'UBND xã Ea Tu'],
    ]
    const mapping = readHeader(rows).mapping.map((m) => [m.column, m.field])
    expect(mapping).toContainEqual(['A', 'stt'])
    expect(mapping).toContainEqual(['C', null])
    expect(mapping).toContainEqual(['D', 'content'])
    expect(mapping).toContainEqual(['E', 'progress'])
    // ("TT chung" is a numbering word too, if a weaker one, beside "STT theo bộ, ngành" numbered again
    // in each section)
    const decree: CellValue[][] = [
      [],
      ['TT chung', 'STT theo bộ, ngành', 'Tên biểu', 'Kỳ báo cáo'],
      ['1', '1', 'Xuất cảnh, nhập cảnh tuyến cửa khẩu', 'Tháng, năm'],
      ['2', '2', 'Xuất cảnh, nhập cảnh tuyến đường biển', 'Tháng, năm'],
      ['3', '1', 'Xuất cảnh, nhập cảnh Việt Nam', 'Tháng, năm'],
      ['4', '2', 'Tai nạn giao thông', 'Tháng, 6 tháng, năm'],
      ['5', '3', 'Tình hình cháy, nổ', 'Tháng, 6 tháng, năm'],
    ]
    expect(
      readHeader(decree)
        .mapping.map((m) => [m.column, m.field])
        .slice(0, 2),
    ).toEqual([
      ['A', 'stt'],
      ['B', null],
    ])
  })

  it('finds a header of two fields over a filled table: indicators, their milestones, who answers', () => {
    const rows: CellValue[][] = [
      ['Chỉ tiêu trọng tâm'],
      ['Chỉ tiêu', 'Mốc', 'Đầu mối'],
      ['PAR Index', '2026 tăng tối thiểu 03 bậc; 2030 nhóm 20 tỉnh đứng đầu', 'Trương Ngọc Tuấn'],
      ['SIPAS', 'Duy trì 98%; 2030 nhóm 15 tỉnh đứng đầu', 'Trương Ngọc Tuấn'],
      ['Hồ sơ trực tuyến', '2026 đạt 80%; 2030 đạt 100%', 'Bùi Thanh Toàn'],
    ]
    expect(locate(rows)?.row).toBe(2)
  })

  it('finds a header of short headings that only lean to their fields, and reads it by its cells', () => {
    const rows: CellValue[][] = [
      ['C. DANH MỤC VĂN BẢN QUY PHẠM PHÁP LUẬT CẦN SỬA ĐỔI, BỔ SUNG'],
      ['TT', 'Văn bản', 'Điều, khoản, điểm cần sửa đổi', 'Cơ quan'],
      [
        '1.',
        'Nghị định số 84/2019/NĐ-CP quy định về quản lý phân bón',
        'khoản 2 Điều 16',
        'Bộ Nông nghiệp và Môi trường',
      ],
      [
        '2.',
        'Nghị định số 79/2023/NĐ-CP về quyền đối với giống cây trồng',
        'khoản 3 Điều 6',
        'Bộ Nông nghiệp và Môi trường',
      ],
      [
        '3.',
        'Nghị định số 103/2020/NĐ-CP về chứng nhận gạo thơm',
        'Điều 7, Điều 8',
        'Bộ Khoa học và Công nghệ',
      ],
    ]
    const header = locate(rows)
    expect(header?.row).toBe(2)
    expect(header?.mapping.map((m) => m.field)).toEqual(['stt', 'content', null, 'lead'])
    // Short words over too few rows stay no header.
    expect(locate(rows.slice(0, 4))).toBeNull()
  })

  it('reads a column of marks headed with a plain word for finished ("Đã xong", "Done") as the progress', () => {
    for (const head of ['Đã xong', 'Xong?', 'Done', 'Completed']) {
      const rows: CellValue[][] = [
        ['Kế hoạch năm 2026'],
        ['STT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Thời hạn', head],
        [1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'Tháng 3/2026', 'x'],
        [2, 'Số hóa hồ sơ', 'Văn phòng UBND tỉnh', 'Tháng 5/2026', null],
        [3, 'Khảo sát SIPAS', 'Sở Nội vụ', 'Quý IV/2026', null],
        [4, 'Kiểm tra công tác CCHC', 'Sở Nội vụ', 'Tháng 6/2026', 'x'],
      ]
      expect(fieldsOf(rows)[4]).toEqual(['E', 'progress'])
    }
  })

  it('reads "Thực hiện" alone as who carries the work out, as "Chủ trì" names who leads it', () => {
    const rows: CellValue[][] = [
      ['Kế hoạch thực hiện luận văn thạc sĩ đợt 3 năm học 2025 - 2026'],
      ['TT', 'Nội dung', 'Thực hiện', 'Bắt đầu', 'Kết thúc'],
      ['1.1', 'Đăng ký thực hiện', 'HV đăng ký thực hiện luận văn', '15/01/2026', '20/01/2026'],
      [
        '1.2',
        'Duyệt đơn',
        'Khoa duyệt đơn của học viên và trình ký đề xuất',
        '26/01/2026',
        '31/01/2026',
      ],
      [
        '1.3',
        'Đóng học phí',
        'HV thực hiện đóng học phí theo thông báo',
        '16/03/2026',
        '27/03/2026',
      ],
    ]
    expect(fieldsOf(rows)).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'executing'],
      ['D', 'start'],
      ['E', 'end'],
    ])
  })

  it('reads "Tiến độ" over sentences that each name a time as the deadline, "Tình hình thực hiện" as the progress', () => {
    const sheet = (head: string): CellValue[][] => [
      ['STT', 'Tên văn bản', 'Cơ quan soạn thảo', head],
      ...[1, 2, 3, 4].map((n) => [
        n,
        `Luật sửa đổi, bổ sung một số điều của Luật số ${n}`,
        'Bộ Tư pháp',
        `Trình Ủy ban Thường vụ Quốc hội cho ý kiến trước ngày ${n}/3/2026`,
      ]),
    ]
    expect(readHeader(sheet('Tiến độ'), [], 0).mapping[3]).toMatchObject({
      field: 'deadline',
      reason: { vi: 'ô trong cột: 4/4 là thời hạn' },
    })
    expect(readHeader(sheet('Tình hình thực hiện'), [], 0).mapping[3]).toMatchObject({
      field: 'progress',
    })
  })

  it('finds a table of two columns, its time first, over three rows filled as wide', () => {
    const rows: CellValue[][] = [
      ['III. MỐC HẠN ĐANG CHẠY'],
      ['Hạn', 'Nội dung'],
      ['04/7/2026', 'Các cơ quan phản hồi ý kiến hồ sơ cụm công nghiệp'],
      ['10/7/2026', 'Hoàn thiện hồ sơ điều chỉnh cụm công nghiệp trình UBND tỉnh'],
      ['20/7/2026', 'Báo cáo nội bộ gửi Sở Tài chính'],
    ]
    expect(locate(rows)?.mapping.map((m) => m.field)).toEqual(['deadline', 'content'])
    expect(locate(rows.slice(0, 4))).toBeNull()
    // (a group's heading may stand between them)
    const grouped = [...rows.slice(0, 2), ['CỤM CÔNG NGHIỆP'], ...rows.slice(2)]
    expect(locate(grouped)?.mapping.map((m) => m.field)).toEqual(['deadline', 'content'])
    // (and blank rows between the tasks, as pasted tables have them)
    const spaced = rows.flatMap((row, i) => (i >= 2 ? [row, []] : [row]))
    expect(locate(spaced)?.mapping.map((m) => m.field)).toEqual(['deadline', 'content'])
  })

  it('finds a header of two fields over a group heading and its filled rows', () => {
    const rows: CellValue[][] = [
      ['B. Kết luận của Chủ tịch UBND tỉnh'],
      ['Cơ quan', 'Nhiệm vụ', 'Mốc'],
      [null, 'NHIỆM VỤ TRỌNG TÂM', null],
      ['Sở Công Thương', 'Tham mưu UBND tỉnh làm việc với chủ đầu tư', 'trước 15/10/2026'],
      ['Sở Tài chính', 'Bố trí vốn cho các cụm công nghiệp', 'Quý IV/2026'],
    ]
    expect(locate(rows)?.row).toBe(2)
    // Headings over nothing filled are no header of two fields.
    expect(locate([['Cơ quan', 'Nhiệm vụ', 'Mốc'], ['Tổng hợp'], ['Lưu ý']])).toBeNull()
  })

  it('reads the columns past a header repeated at a page break as if it were not there', () => {
    const head = ['TT', 'Tên văn bản', 'Cơ quan soạn thảo', 'Tiến độ', 'Hồ sơ']
    const task = (n: number) => [
      n,
      `Luật sửa đổi, bổ sung một số điều của Luật số ${n}`,
      'Bộ Tư pháp',
      `Trình Ủy ban Thường vụ Quốc hội cho ý kiến trước ngày ${n}/3/2026`,
      'Tờ trình, dự thảo',
    ]
    const rows: CellValue[][] = [head, ...[1, 2, 3, 4, 5].map(task)]
    const repeated = [
      ...rows.slice(0, 3),
      head,
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
      ...rows.slice(3),
    ]
    const read = (sheet: CellValue[][]) =>
      readHeader(sheet, [], 0).mapping.map((m) => [m.field, m.reason.vi])
    expect(read(repeated)).toEqual(read(rows))
    expect(read(repeated)[0]).toEqual(['stt', 'theo tiêu đề; ô trong cột: 5/5 là số thứ tự'])
  })

  it('takes one answer on few rows under a weak word for no progress', () => {
    const rows: CellValue[][] = [
      ['Bước', 'Đơn vị thực hiện', 'Nội dung công việc', 'Dịch vụ công trực tuyến mức độ'],
      ['Bước 1', 'Bộ phận một cửa', 'Tiếp nhận hồ sơ, số hóa hồ sơ', 'Một phần'],
      ['Bước 2', 'Lãnh đạo phòng', 'Phân công chuyên viên xử lý hồ sơ', null],
      ['Bước 3', 'Chuyên viên', 'Thẩm tra, xử lý hồ sơ, dự thảo kết quả', null],
      ['Bước 4', 'Lãnh đạo Sở', 'Ký phê duyệt kết quả', null],
      ['Bước 1', 'Bộ phận một cửa', 'Tiếp nhận hồ sơ của nhà trường', 'Một phần'],
      ['Bước 2', 'Lãnh đạo phòng', 'Phân công chuyên viên thẩm định', null],
    ]
    expect(readHeader(rows, [], 0).mapping[3]).toMatchObject({ field: null })
  })

  it('takes the column next to the numbering for the rows when no header names them, and reads the rest around it', () => {
    const rows: CellValue[][] = [
      [],
      ['TT', 'Chỉ tiêu', 'Đơn vị', 'Kết quả', 'Cơ quan chủ trì theo dõi'],
      ['1', 'Tỷ lệ dịch vụ công trực tuyến toàn trình', '%', 'Đạt 80%', 'Sở Nội vụ'],
      ['2', 'Mức độ hài lòng của người dân', '%', 'Trên 95%', 'Sở Nội vụ'],
      ['3', 'Xếp hạng Chỉ số cải cách hành chính', 'Thứ bậc', 'Nhóm đầu', 'Sở Nội vụ'],
      ['4', 'Số thủ tục được cắt giảm', 'Thủ tục', '20', 'Sở Tư pháp'],
      ['5', 'Tỷ lệ hồ sơ số hóa', '%', '100%', 'Sở Nội vụ'],
    ]
    const header = readHeader(rows)
    expect(header.mapping.map((m) => [m.column, m.field])).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', null],
      ['D', 'expected'],
      ['E', 'lead'],
    ])
    // Said guessed, once, at the header.
    expect(header.mapping[1]).toMatchObject({ guessed: true })
  })

  it('reads a plan’s result column as what the task should produce', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Kết quả thực hiện', 'Thời hạn hoàn thành'],
      [
        '1',
        'Xây dựng mô hình du lịch thông minh',
        'Cục Du lịch',
        'Mô hình du lịch thông minh được triển khai',
        'Tháng 12/2025',
      ],
      [
        '2',
        'Xây dựng bộ quy tắc ứng xử trên môi trường số',
        'Cục Phát thanh',
        'Bộ quy tắc ứng xử được ban hành',
        'Tháng 12/2025',
      ],
      [
        '3',
        'Rà soát, tái cấu trúc quy trình nội bộ',
        'Văn phòng Bộ',
        'Quy trình nội bộ được tái cấu trúc',
        'Tháng 12/2025',
      ],
    ]
    expect(fieldsOf(rows)).toContainEqual(['D', 'product'])
  })

  it('reads a tracker kept in an English template, its dates typed month first', () => {
    const rows: CellValue[][] = [
      [],
      [
        '#',
        'TASK TITLE',
        'TASK OWNER',
        'START DATE',
        'DUE DATE',
        'DURATION (Days)',
        '% COMPLETE',
        'NOTES',
      ],
      [
        '1.1',
        'Sửa đổi Luật Tổ chức Chính phủ',
        'Bộ Nội vụ',
        '2/1/2025',
        '2/28/2025',
        27,
        null,
        null,
      ],
      ['1.2', 'Sửa đổi Luật KH&CN', 'Bộ KH&CN', '3/1/2025', '6/30/2025', 121, null, null],
    ]
    expect(fieldsOf(rows)).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'lead'],
      ['D', 'start'],
      ['E', 'deadline'],
      ['F', null],
      ['G', 'progress'],
      ['H', 'note'],
    ])
  })

  it('reads compound, abbreviated and capitalised headers', () => {
    expect(
      fieldsOf([
        [],
        [
          'Stt',
          'NHIỆM VỤ VÀ GIẢI PHÁP',
          'ĐV chủ trì',
          'Cơ quan thực hiện/phối hợp',
          'KQ, sản phẩm',
          // A line break only wraps the words.
          'Ghi\nchú',
        ],
      ]),
    ).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'lead'],
      ['D', 'executing'],
      ['E', 'product'],
      ['F', 'note'],
    ])
  })

  it('reads a header by what it names, not the period it reports on, and a time by the act it closes', () => {
    expect(
      fieldsOf([
        [],
        [
          'STT',
          'Nội dung công việc',
          'Đơn vị phụ trách',
          'Cơ quan cùng thực hiện',
          'Thời điểm trình',
          'Tình hình thực hiện 9 tháng đầu năm 2026',
          'Ngày đã hoàn thành',
        ],
        [1, 'Trình ban hành quy chế', 'Sở Nội vụ', 'Sở Tư pháp', 'Tháng 6/2026', 'Đã trình', null],
      ]),
    ).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'lead'],
      ['D', 'coop'],
      ['E', 'deadline'],
      ['F', 'progress'],
      ['G', 'doneDate'],
    ])
    // The period qualifies a progress column; a planned day is the deadline; the year a text was
    // issued is no deadline.
    expect(
      fieldsOf([
        [],
        [
          'TT',
          'Tên văn bản',
          'Cơ quan soạn thảo',
          'Ngày dự kiến trình ban hành',
          'Trạng thái 05/10/2026',
          'Số, trích yếu, ngày, tháng, năm ban hành',
        ],
        [
          1,
          'Quyết định quy định giá',
          'Sở Tài chính',
          { date: '2026-11-30' },
          'Đã gửi Sở Tư pháp thẩm định',
          null,
        ],
      ]),
    ).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'lead'],
      ['D', 'deadline'],
      ['E', 'progress'],
      ['F', null],
    ])
  })

  it('reads who handles a matter in a tracker ("Người xử lý", "Chuyên viên thụ lý") as who carries it out', () => {
    expect(
      fieldsOf([
        [],
        ['STT', 'Nội dung công việc', 'Người xử lý', 'Hạn xử lý', 'Kết quả xử lý'],
        [1, 'Dự thảo văn bản trả lời kiến nghị', 'Nguyễn Văn An', '20/10/2026', 'Đã xử lý'],
      ]),
    ).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'executing'],
      ['D', 'deadline'],
      ['E', 'progress'],
    ])
    // A column of people's names headed "Cán bộ" alone is who carries the tasks out.
    expect(
      fieldsOf([
        [],
        ['STT', 'Cán bộ', 'Nhiệm vụ cụ thể', 'Hạn hoàn thành', 'Trạng thái'],
        [
          1,
          'Phạm Văn Mạnh\nChánh Văn phòng',
          'Chuẩn bị nội dung tập huấn',
          '15/7/2026',
          'Đúng hạn',
        ],
        [2, 'Nguyễn Thị Hoa', 'Lập dự toán ngân sách 2027', '20/7/2026', 'Quá hạn'],
        [3, 'Đ/c Trần Văn Nam', 'Rà soát phân công nhiệm vụ', '25/7/2026', 'Trước hạn'],
      ]),
    ).toEqual([
      ['A', 'stt'],
      ['B', 'executing'],
      ['C', 'content'],
      ['D', 'deadline'],
      ['E', 'progress'],
    ])
  })

  it('reads a "Trạng thái" column the office filled with its own account as progress, not our status', () => {
    const fields = Object.fromEntries(fieldsOf(buildLegalTextTracker('Trạng thái')))
    expect(fields).toMatchObject({ C: 'lead', E: null, F: 'deadline', G: 'progress', H: 'note' })
  })

  it('reads numbers that start again at 1 under each heading as the numbering, whatever the header says', () => {
    const rows: CellValue[][] = [
      [],
      ['Mục', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
    ]
    for (const [section, count] of [
      ['I', 4],
      ['II', 5],
      ['III', 3],
    ] as const) {
      rows.push([section, `Lĩnh vực ${section}`, null, null])
      for (let n = 1; n <= count; n++)
        rows.push([
          n,
          `Nhiệm vụ ${section}.${n} về cải cách thủ tục hành chính`,
          'Sở Nội vụ',
          'Quý IV/2026',
        ])
    }
    expect(Object.fromEntries(fieldsOf(rows))).toMatchObject({ A: 'stt', B: 'content' })
  })

  // An office's month of tasks, each with its officer, role, deadline, days left, day done and verdict.
  const officeTasks: CellValue[][] = [
    [
      1,
      'Phạm Văn Mạnh\nChánh Văn phòng',
      'Tham mưu chuẩn bị nội dung tập huấn công tác đảng\nSản phẩm: Bài  giảng tập huấn',
      'Chủ trì',
      '15/7/2026',
      'Đã hoàn thành',
      '14/7/2026',
      'Trước hạn',
      'Không',
    ],
    [
      2,
      'Phạm Văn Mạnh\nChánh Văn phòng',
      'Chỉ đạo, đôn đốc hoàn thiện báo cáo và hồ sơ làm việc với đoàn giám sát của UBKT tỉnh ủy theo theo Kế hoạch số 40- KH/UBKTTU ngày 22/6/2026 về việc lãnh đạo, chỉ đạo tổ chức thực hiện công tác tài chính, ngân sách; giải ngân vốn đầu tư công; thực hiện các chương trình mục tiêu quốc gia tại các xã, phường',
      'Chủ trì',
      '20/7/2026',
      'Quá 12 ngày',
      '—',
      'Quá hạn',
      'Không',
    ],
    [
      3,
      'Phạm Văn Mạnh\nChánh Văn phòng',
      'Phối hợp đón tiếp và làm việc với đoàn khảo sát Ban VHXH của Quốc hội\nSản phẩm: Phối hợp tổ chức và đón tiếp',
      'Phối hợp',
      '7/7/2026',
      'Đã hoàn thành',
      '7/7/2026',
      'Đúng hạn',
      'Không',
    ],
    [
      4,
      'Phạm Văn Mạnh\nChánh Văn phòng',
      'Tham mưu văn bản hướng dẫn các chi bộ thôn bàn giao các nội dung công việc, tài sản, kinh phí sau sáp nhập thôn.\nSản phẩm: Công văn số 757 của Đảng ủy xã',
      'Chủ trì',
      '4/7/2026',
      'Đã hoàn thành',
      '3/7/2026',
      'Trước hạn',
      'Không',
    ],
    [
      5,
      'Phạm Văn Mạnh\nChánh Văn phòng',
      'Đôn đốc các cơ quan đơn vị cập nhật, báo cáo tiến độ giải phóng mặt bằng các quỹ đất năm 2026\nSản phẩm: Thường xuyên đôn đốc qua nhóm Zalo và điện thoại',
      'Phối hợp',
      '10/7/2026',
      'Đã hoàn thành',
      '9/7/2026',
      'Trước hạn',
      'Không',
    ],
    [
      6,
      'Phạm Văn Mạnh\nChánh Văn phòng',
      'Chỉ đạo lập dự toán ngân sách 2027',
      'Chủ trì',
      '15/7/2026',
      'Quá 17 ngày',
      '—',
      'Quá hạn',
      'Có',
    ],
    [
      7,
      'Phạm Văn Mạnh\nChánh Văn phòng',
      'Điều chỉnh, sửa đổi phân công nhiệm vụ VPĐU\nSản phẩm: Phân công nhiệm vụ',
      'Chủ trì',
      '15/7/2026',
      'Đã hoàn thành',
      '14/7/2026',
      'Trước hạn',
      'Có',
    ],
    [
      8,
      'Phạm Văn Mạnh\nChánh Văn phòng',
      'Phối hợp hỗ trợ Đại hội Hội Cựu công an nhân dân xã Mậu A\nSản phẩm: Phối hợp hỗ trợ công tác tổ chức, hậu cần',
      'Phối hợp',
      '4/7/2026',
      'Đã hoàn thành',
      '4/7/2026',
      'Đúng hạn',
      'Có',
    ],
  ]

  it('reads a column of dates whose header names nothing as the deadline beside the completion date', () => {
    const rows: CellValue[][] = [
      [],
      [
        'STT',
        'Cán bộ',
        'Nhiệm vụ cụ thể',
        'Vai trò',
        'Ngày cam kết',
        'Còn lại',
        'Ngày hoàn thành',
        'Trạng thái',
        'Phát sinh',
      ],
      ...officeTasks.slice(0, 6),
    ]
    expect(Object.fromEntries(fieldsOf(rows))).toMatchObject({ E: 'deadline', G: 'doneDate' })
  })
  it('reads a column that names each lead by its role as the lead, whatever its header', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Nội dung nhiệm vụ', 'Thời hạn', 'Giao'],
      [
        1,
        'Rà soát quy hoạch cụm công nghiệp',
        'Quý III/2026',
        'Chủ trì: Sở Công Thương.\nPhối hợp: Sở Tài chính, UBND các xã',
      ],
      [
        2,
        'Hoàn thiện hạ tầng kỹ thuật',
        'Quý IV/2026',
        'Chủ trì: Công ty LCIDI. Phối hợp: Sở Xây dựng',
      ],
      [
        3,
        'Thu hút nhà đầu tư thứ cấp',
        'Năm 2026',
        'Chủ trì: UBND xã Gia Phú.\nPhối hợp: Sở Công Thương',
      ],
    ]
    expect(Object.fromEntries(fieldsOf(rows))).toMatchObject({ D: 'lead' })
  })

  it('reads a column of agencies whose header names nothing as the lead beside the cooperating agencies', () => {
    const rows: CellValue[][] = [
      [],
      ['TT', 'Tên nhiệm vụ', 'Giao', 'Thời hạn HT', 'Đơn vị /Cá nhân phối hợp'],
      [1, 'Rà soát quy chế đào tạo từ xa', 'Vụ GDĐH', '10/04/2026', 'Vụ KHTC\nCục KTKĐ'],
      [2, 'Khảo sát tình hình thực hiện Nghị quyết', 'Vụ TCCB', '15/04/2026', null],
      [3, 'Xây dựng văn bản hướng dẫn công tác thanh tra', 'Cục KTKĐ', '15/04/2026', 'Vụ PC'],
      [4, 'Soạn thảo Đề án tự chủ', 'Vụ GDĐH', '31/05/2026', 'Vụ PC, Vụ KHTC'],
    ]
    expect(Object.fromEntries(fieldsOf(rows))).toMatchObject({ C: 'lead', E: 'coop' })
  })

  it('never takes a task row for the header, however many field words its cells say', () => {
    const rows: CellValue[][] = [
      // (an export whose headings name the sheet's columns, most of them)
      ['STT', 'Cán bộ', 'Cột C', 'Cột D', 'Cột E', 'Còn lại', 'Cột G', 'Cột H', 'Phát sinh'],
      ...officeTasks,
    ]
    expect(locate(rows)?.row).toBe(1)
  })
  it('reads the item column of a table scored row by row as its criteria, and "Tài liệu chứng minh" as evidence', () => {
    const fields = Object.fromEntries(
      fieldsOf([
        [],
        [
          'STT',
          'Nội dung và tiêu chí',
          'Điểm chuẩn',
          'Điểm tự chấm',
          'Nguồn tài liệu chứng minh hoặc giải trình',
        ],
        [
          1,
          'Thực hiện chế độ báo cáo định kỳ (hằng quý, 6 tháng, năm)',
          '10',
          null,
          'Báo cáo định kỳ của đơn vị',
        ],
        [
          2,
          'Đổi mới, sáng tạo trong triển khai nhiệm vụ',
          '10',
          null,
          'Quyết định công nhận sáng kiến',
        ],
        [
          3,
          'Thực hiện các nhiệm vụ, chỉ tiêu được Ban Chỉ đạo giao',
          '10',
          null,
          'Báo cáo kết quả của đơn vị',
        ],
        [
          4,
          'Ban hành văn bản chỉ đạo, hướng dẫn triển khai',
          '8',
          null,
          'Văn bản chỉ đạo của đơn vị',
        ],
      ]),
    )
    expect(fields).toMatchObject({ A: 'stt', B: 'criterion', D: 'selfScore', E: 'evidence' })
  })

  it('reads "Thời gian dự kiến hoàn thành" as the deadline and leaves funding and durations unmapped', () => {
    expect(
      fieldsOf([
        [],
        ['TT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian dự kiến hoàn thành', 'Nguồn kinh phí'],
        [1, 'Số hóa hồ sơ', 'Sở Nội vụ', 'Quý IV/2026', 'Ngân sách tỉnh'],
      ]),
    ).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'lead'],
      ['D', 'deadline'],
      ['E', null],
    ])
  })

  it('uses the data as evidence: durations are no deadline, targets under "Kết quả" in a plan are expected results', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Nội dung công việc', 'Trách nhiệm thực hiện', 'Thời gian', 'Kết quả'],
      [1, 'Tiếp nhận hồ sơ', 'Bộ phận một cửa', '0,5 ngày', '100%'],
      [2, 'Thẩm định hồ sơ', 'Phòng chuyên môn', '3 ngày', '≥ 95%'],
    ]
    expect(fieldsOf(rows)).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'executing'],
      ['D', null],
      ['E', 'expected'],
    ])
  })

  it('reads a roadmap ("Lộ trình thực hiện") by its cells: times are the deadline, class letters are not', () => {
    const head = ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Lộ trình thực hiện']
    const timed = [
      [1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'Quý III/2026'],
      [2, 'Số hóa hồ sơ', 'Sở Nội vụ', 'Năm 2026'],
      [3, 'Khảo sát sự hài lòng', 'Sở Nội vụ', '2026-2027'],
    ]
    expect(fieldsOf([[], head, ...timed]).at(-1)).toEqual(['D', 'deadline'])
    const lettered = timed.map((r, i) => [...r.slice(0, 3), i ? 'B' : 'A'])
    expect(fieldsOf([[], head, ...lettered]).at(-1)).toEqual(['D', null])
  })

  it('reads a store synced to a sheet: its codes as the numbering, never a column of zeros or of checkboxes', () => {
    const rows: CellValue[][] = [
      [
        'target_id',
        'project_name',
        'department',
        'target_name',
        'deadline',
        'status',
        'approved',
        'progress',
      ],
      [
        'T076',
        'KDC Phước Lý MR',
        'KHĐT',
        'Thủ tục kết thúc dự án',
        'Tháng 12/2026',
        'Chưa bắt đầu',
        'FALSE',
        0,
      ],
      [
        'T077',
        'Đường Lê Trọng Tấn',
        'KHĐT',
        'Phụ lục hợp đồng BT',
        'Tháng 7/2026',
        'Chưa bắt đầu',
        'FALSE',
        0,
      ],
      [
        'T078',
        'Đường Lê Trọng Tấn',
        'KHĐT',
        'Thủ tục thanh toán BT',
        'Tháng 9/2026',
        'Chưa bắt đầu',
        'FALSE',
        0,
      ],
      [
        'T079',
        'Khu TĐC Hòa Liên 5',
        'KHĐT',
        'Kế hoạch vốn 2026',
        'Quý IV/2026',
        'Chưa bắt đầu',
        'FALSE',
        0,
      ],
    ]
    const fields = Object.fromEntries(locate(rows)!.mapping.map((m) => [m.column, m.field]))
    expect(fields).toMatchObject({ A: 'stt', C: 'lead', E: 'deadline', F: 'progress' })
    expect(fields.G).not.toBe('lead')
    expect(fields.H).not.toBe('stt')
  })

  it('leaves a report’s rate column ("Tỷ lệ (%)" beside the result) out of the targets: figures cannot tell an aim from a result', () => {
    const rows: CellValue[][] = [
      [],
      [
        'STT',
        'Nội dung',
        'Đơn vị chủ trì',
        'Thời hạn',
        'Kết quả thực hiện',
        'Tỷ lệ (%)',
        'Đánh giá',
      ],
      [
        1,
        'Ban hành kế hoạch',
        'Sở Nội vụ',
        'Quý I/2026',
        'Đã ban hành Kế hoạch số 15/KH-SNV',
        100,
        'Hoàn thành',
      ],
      [
        2,
        'Kiểm tra 20 đơn vị',
        'Sở Nội vụ',
        'Quý III/2026',
        'Đã kiểm tra 12/20 đơn vị',
        60,
        'Chưa hoàn thành',
      ],
      [3, 'Tập huấn', 'Sở Tư pháp', 'Tháng 6/2026', 'Chưa tổ chức', 0, 'Chưa hoàn thành'],
      [4, 'Số hoá hồ sơ', 'Các sở, ngành', 'Năm 2026', 'Đạt 85%', 85, 'Đang thực hiện'],
      [
        5,
        'Đo lường sự hài lòng',
        'Sở Nội vụ',
        'Quý IV/2026',
        'Đang xây dựng phiếu',
        20,
        'Đang thực hiện',
      ],
      [
        6,
        'Rà soát quy chế',
        'Văn phòng',
        'Tháng 8/2026',
        'Đã ban hành Quyết định 99/QĐ-UBND',
        100,
        'Hoàn thành',
      ],
    ]
    const fields = Object.fromEntries(fieldsOf(rows))
    expect(fields).toMatchObject({ E: 'achieved', G: 'progress' })
    expect(fields.F).not.toBe('expected')
  })

  it('reads "Hoàn thành" beside a deadline as the completion date, though a column before them opens the time', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Nội dung công việc', 'Thời gian', 'Thời hạn', 'Hoàn thành', 'Tiến độ'],
      [1, 'Dự toán kinh phí bổ sung', '29/12/2025', '08/01/2026', '08/01/2026', 'Đúng tiến độ'],
      [2, 'Tiếp nhận đội hình hỗ trợ', '12/01/2026', '12/01/2026', '12/01/2026', 'Đúng tiến độ'],
      [3, 'Báo cáo thực hiện NQ57', '19/11/2025', '20/01/2026', '19/01/2026', 'Vượt tiến độ'],
      [
        4,
        'Cấu hình phần mềm quản lý văn bản',
        '01/01/2026',
        '20/01/2026',
        '20/01/2026',
        'Đúng tiến độ',
      ],
      [5, 'Mua sắm trang thiết bị', '01/01/2026', '25/02/2026', '24/02/2026', 'Vượt tiến độ'],
      [6, 'Rà soát chỉ tiêu năm 2025', '05/02/2026', '10/02/2026', '26/02/2026', 'Trễ tiến độ'],
    ]
    expect(fieldsOf(rows)).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'start'],
      ['D', 'deadline'],
      ['E', 'doneDate'],
      ['F', 'progress'],
    ])
  })

  it('reads a deadline merged down over the tasks that share it as there on their rows, not as dates of finished work only', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Nội dung công việc', 'Nhận', 'Thời hạn', 'Hoàn thành', 'Tiến độ'],
      [1, 'Dự toán kinh phí bổ sung', '29/12/2025', '08/01/2026', '08/01/2026', 'Đúng tiến độ'],
      [2, 'Tiếp nhận đội hình hỗ trợ', '12/01/2026', '20/01/2026', '12/01/2026', 'Vượt tiến độ'],
      [3, 'Báo cáo thực hiện NQ57', '19/11/2025', null, '19/01/2026', 'Vượt tiến độ'],
      [4, 'Cấu hình phần mềm', '01/01/2026', '25/02/2026', '24/02/2026', 'Vượt tiến độ'],
      [5, 'Mua sắm trang thiết bị', '01/01/2026', null, '24/02/2026', 'Vượt tiến độ'],
      [6, 'Rà soát chỉ tiêu năm 2025', '05/02/2026', '10/02/2026', '26/02/2026', 'Trễ tiến độ'],
    ]
    const merges = [
      { top: 4, left: 4, bottom: 5, right: 4 },
      { top: 6, left: 4, bottom: 7, right: 4 },
    ]
    expect(Object.fromEntries(fieldsOf(rows, merges))).toMatchObject({
      D: 'deadline',
      E: 'doneDate',
    })
  })

  it('reads an end with no start and no deadline beside it as the deadline', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian kết thúc'],
      [1, 'Rà soát TTHC', 'Sở Tư pháp', 'Quý III/2026'],
      [2, 'Kiểm tra CCHC', 'Sở Nội vụ', 'Tháng 10/2026'],
      [3, 'Tuyên truyền CCHC', 'Sở Văn hoá', 'Năm 2026'],
    ]
    expect(fieldsOf(rows)).toContainEqual(['D', 'deadline'])
  })

  it('reads the unit an act is done to ("Đơn vị được kiểm tra") as what the row is about, never as who does it', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Đơn vị được kiểm tra', 'Thời gian kiểm tra', 'Cơ quan chủ trì kiểm tra'],
      [1, 'Sở Tài chính', 'Tháng 5/2026', 'Sở Nội vụ'],
      [2, 'Sở Xây dựng', 'Tháng 6/2026', 'Sở Nội vụ'],
      [3, 'UBND xã Hòa Phú', 'Tháng 7/2026', 'Sở Nội vụ'],
      [4, 'UBND phường Tân An', 'Tháng 8/2026', 'Sở Nội vụ'],
      [5, 'Sở Y tế', 'Tháng 10/2026', 'Sở Nội vụ'],
    ]
    expect(fieldsOf(rows)).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'deadline'],
      ['D', 'lead'],
    ])
    // Without a column of who inspects, the units inspected are still not the doers.
    const alone = rows.map((r) => r.slice(0, 3))
    expect(Object.fromEntries(fieldsOf(alone)).B).not.toBe('lead')
    // An agency given the work is its doer.
    const given = [
      [],
      ['STT', 'Nội dung', 'Đơn vị được giao chủ trì', 'Thời hạn'],
      [1, 'Rà soát', 'Sở Tư pháp', 'Quý III/2026'],
    ]
    expect(Object.fromEntries(fieldsOf(given)).C).toBe('lead')
  })

  it('reads "Ngày hoàn thành" over month texts as the deadline, over dates in a progress report as the completion date', () => {
    const head = ['STT', 'Nội dung', 'Chủ trì', 'Ngày hoàn thành']
    expect(fieldsOf([[], head, [1, 'Việc A', 'Sở Nội vụ', 'Tháng 5/2026']]).at(-1)).toEqual([
      'D',
      'deadline',
    ])
    const report = [...head, 'Thời hạn', 'Tiến độ']
    expect(
      fieldsOf([[], report, [1, 'Việc A', 'Sở Nội vụ', '20/05/2026', 'Quý II/2026', 'Xong']]),
    ).toContainEqual(['D', 'doneDate'])
  })

  it('reads a two-row header as parent and child', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Nội dung', 'Chủ trì', 'Thời gian thực hiện', null],
      [null, null, null, 'Bắt đầu', 'Hoàn thành'],
    ]
    const merges = [
      { top: 2, left: 4, bottom: 2, right: 5 },
      ...[1, 2, 3].map((c) => ({ top: 2, left: c, bottom: 3, right: c })),
    ]
    const header = readHeader(rows, merges)
    expect(header.height).toBe(2)
    const fromHeader = { basis: 'words', reason: { vi: 'theo tiêu đề', en: 'from the header' } }
    expect(header.mapping.slice(3)).toEqual([
      {
        column: 'D',
        header: 'Thời gian thực hiện – Bắt đầu',
        field: 'start',
        confidence: 1,
        ...fromHeader,
      },
      {
        column: 'E',
        header: 'Thời gian thực hiện – Hoàn thành',
        field: 'end',
        confidence: 1,
        ...fromHeader,
      },
    ])
  })

  it('finds the header at its first place, not where a page break repeats it over a row of states', () => {
    const head = ['target_id', 'department', 'target_name', 'deadline', 'status']
    const task = (id: string, state: string): CellValue[] => [
      id,
      'HCNS',
      `Nhiệm vụ ${id} của phòng`,
      'Trong Quý IV',
      state,
    ]
    const rows: CellValue[][] = [
      head,
      task('T01', 'Đang thực hiện'),
      task('T02', 'Hoàn thành'),
      head,
      // ("Chưa bắt đầu" under the repeated header is a state, no "Bắt đầu" under a time)
      task('T03', 'Chưa bắt đầu'),
      task('T04', 'Chưa bắt đầu'),
    ]
    expect(locate(rows)!.row).toBe(1)
  })

  it('finds a two-row header by its top row where only its second row names every required field', () => {
    // "Đơn vị" names no role: the children under it do, and the headings beside them are merged down.
    const rows: CellValue[][] = [
      ['PHỤ LỤC NHIỆM VỤ GIAI ĐOẠN 2026-2030'],
      ['TT', 'NHIỆM VỤ CỤ THỂ', 'Đơn vị', null, 'THỜI HẠN THỰC HIỆN'],
      [null, null, 'CƠ QUAN CHỦ TRÌ', 'CƠ QUAN PHỐI HỢP', null],
      ['I', 'HOÀN THIỆN ĐỒNG BỘ THỂ CHẾ PHÁT TRIỂN'],
      [1, 'Hoàn thiện pháp luật về thương mại', 'Bộ Công Thương', 'Các bộ, ngành', '2026 - 2030'],
      [2, 'Hoàn thiện pháp luật về chuyển đổi số', 'Bộ KH&CN', 'Các bộ, ngành', '2026 - 2030'],
    ]
    const merges = [
      { top: 2, left: 3, bottom: 2, right: 4 },
      ...[1, 2, 5].map((c) => ({ top: 2, left: c, bottom: 3, right: c })),
    ]
    const { values, covered } = computeFilledCells({
      sheet: 'S',
      top: 1,
      left: 1,
      cells: rows,
      merges,
    })
    const header = locateHeader(values, covered, 1, 1)!
    expect(header.row).toBe(2)
    expect(header.mapping.map((m) => [m.column, m.field])).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'lead'],
      ['D', 'coop'],
      ['E', 'deadline'],
    ])
  })

  it('reads a header whose words go on in the row below, beside a parent over two children', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Nội dung', 'Cơ quan', null, 'Thời gian', 'Sản phẩm'],
      [null, null, 'Chủ trì', 'Phối hợp', 'hoàn thành', null],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
      [1, 'Rà soát TTHC', 'Sở Tư pháp', 'Sở Nội vụ', 'Quý III/2026', 'Báo cáo'],
      [2, 'Kiểm tra CCHC', 'Sở Nội vụ', 'Các sở', 'Quý II/2026', 'Thông báo'],
    ]
    const header = readHeader(rows)
    expect(header.mapping.map((m) => [m.column, m.field])).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'lead'],
      ['D', 'coop'],
      ['E', 'deadline'],
      ['F', 'product'],
    ])
    // The column-numbering row under it is no data row.
    expect(header.dataStart).toBe(5)
  })

  it('reads a two-row header written without merged cells (parent once, blanks beside it)', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Nội dung', 'Chủ trì', 'Thời gian thực hiện', null, 'Ghi chú'],
      [null, null, null, 'Từ tháng', 'Đến tháng', null],
      [1, 'Việc A', 'Sở Nội vụ', 'Tháng 1', 'Tháng 6', null],
    ]
    expect(fieldsOf(rows)).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', 'lead'],
      ['D', 'start'],
      ['E', 'end'],
      ['F', 'note'],
    ])
  })

  it('never reads a first data row as a child header', () => {
    const rows: CellValue[][] = [
      [],
      ['STT', 'Nội dung', 'Đơn vị thực hiện', 'Thời gian', null],
      ['Nhiệm vụ 1', 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'Quý II', 'Ghi chú thêm'],
    ]
    const header = readHeader(rows)
    expect(header.height).toBe(1)
    expect(header.dataStart).toBe(3)
  })

  it('finds the header under title rows and guesses a missing required field from the closest column, once', () => {
    const rows: CellValue[][] = [
      ['KẾ HOẠCH NĂM 2026'],
      ['STT', 'Nội dung', 'Chủ trì', 'Thời điểm ghi nhận', 'Ghi chú'],
      [1, 'Việc A', 'Sở Nội vụ', 'abc', null],
    ]
    const header = locate(rows)!
    expect(header.row).toBe(2)
    expect(header.columns).toEqual({ stt: 1, content: 2, lead: 3, deadline: 4, note: 5 })
    expect(header.mapping[3]).toMatchObject({ column: 'D', field: 'deadline', guessed: true })
    expect(header.issues.map((i) => [i.code, i.column, i.field])).toEqual([
      ['header/guessed-column', 'D', 'deadline'],
    ])
    const guessed = header.issues[0]!
    expect(guessed.message.vi).toBe(
      'Không cột nào chắc chắn là “Thời gian thực hiện”: tạm đọc cột D “Thời điểm ghi nhận” (đoán; theo tiêu đề).',
    )
    expect(guessed.hint.vi).toContain('cchc validate --columns deadline=<cột>')
  })

  it('guesses the task column among those only weakly named as unused when nothing else holds it', () => {
    const rows: CellValue[][] = [
      ['NĂM 2026'],
      ['Loại báo cáo', 'Hạn nộp', 'Nơi nộp', 'Trạng thái'],
      ['Báo cáo khoa học công nghệ', '10/4/2026', 'Sở KH&CN', 'Chưa nộp'],
      ['Báo cáo chỉ số DTI', '15/4/2026', 'Sở KH&CN', 'Chưa nộp'],
      ['Báo cáo chuyển đổi số', '10/7/2026', 'Sở KH&CN', 'Chưa đến hạn'],
    ]
    const header = readHeader(rows)
    expect(header.mapping[0]).toMatchObject({ column: 'A', field: 'content', guessed: true })
    // "Nơi nộp" (where to send) is plainly unused: never taken for the task.
    expect(header.mapping[2]!.field).not.toBe('content')
    expect(
      header.issues.filter((i) => i.code === 'header/guessed-column').map((i) => i.column),
    ).toContain('A')
    // Next to a numbering, the same column is where tables write their tasks: read, not guessed.
    const numbered = readHeader(rows.map((r, i) => (i === 0 ? r : [i === 1 ? 'STT' : i - 1, ...r])))
    expect(numbered.mapping[1]).toMatchObject({ column: 'B', field: 'content' })
    expect(numbered.mapping[1]!.guessed).toBeUndefined()
  })

  it('names the unmapped columns when no column comes near a missing field', () => {
    const rows: CellValue[][] = [[], ['STT', 'Nội dung', 'Chủ trì', 'Chốt']]
    const missing = readHeader(rows).issues.find((i) => i.code === 'header/missing-column')!
    expect(missing.message.en).toBe(
      'Required column “Thời gian thực hiện” is missing; the closest is column D “Chốt”.',
    )
  })
})

type HoldoutTable = { columns: { text: string; field: string | null; values?: string[] }[] }
const holdout = JSON.parse(
  readFileSync(new URL('../fixtures/header-holdout.json', import.meta.url), 'utf8'),
) as { tables: HoldoutTable[]; tablesB: HoldoutTable[] }

/** The share of held-out columns read as their source says (fields and unused columns alike). */
function measureHoldout(tables: HoldoutTable[]): number {
  let right = 0
  let total = 0
  for (const t of tables) {
    const height = Math.max(0, ...t.columns.map((c) => c.values?.length ?? 0))
    const rows: CellValue[][] = [['BẢNG'], t.columns.map((c) => c.text)]
    for (let r = 0; r < height; r++) rows.push(t.columns.map((c) => c.values?.[r] ?? null))
    const header = readHeader(rows)
    t.columns.forEach((c, i) => {
      total++
      const got = header.mapping.find((m) => m.column === String.fromCharCode(65 + i))?.field
      if ((got ?? null) === c.field) right++
    })
  }
  return right / total
}

describe('headers never tuned on (tests/fixtures/header-holdout.json)', () => {
  // Measured before issue 18's rules: 0.868 (set A) and 0.808 (set B, gathered after them).
  it('reads at least 92% of the first held-out set', () => {
    expect(measureHoldout(holdout.tables)).toBeGreaterThanOrEqual(0.92)
  })

  it('reads at least 86% of the second held-out set', () => {
    expect(measureHoldout(holdout.tablesB)).toBeGreaterThanOrEqual(0.86)
  })
})
