import { describe, expect, it } from 'vitest'
import { createIssue, readTable, validateTable, type CellValue } from '../../core/index.ts'
import type { TableRow } from '../../core/table.ts'
import { createGrid } from '../helpers/grid.ts'
import { readParSipasGrid, readPlanAppendixGrid } from '../../scripts/seeds.ts'

const header = ['STT', 'Nội dung, nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện']
const title = ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026']

/** A table with the title on row 1, the header on row 2 and the given rows from row 3. */
function read(rows: CellValue[][]) {
  const table = readTable(createGrid([title, header, ...rows]))
  if (!table) throw new Error('no table')
  return table
}
function outline(rows: TableRow[]) {
  return rows.map((r) => [r.row, r.kind, r.stt, r.level, r.section])
}
const task = (stt: CellValue, content: string): CellValue[] => [
  stt,
  content,
  'Sở Nội vụ',
  'Quý IV/2026',
]

describe('readTable', () => {
  it('finds no table in a sheet without an annex header', () => {
    expect(readTable(createGrid([['Báo cáo số liệu'], ['Số liệu', 12]]))).toBeNull()
  })

  it('reads a task row into cells with their text and column letters', () => {
    const table = read([[1, 'Rà soát, công bố TTHC', 'Sở Tư pháp', 'Quý IV/2026']])
    expect(table.titleText).toBe('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026')
    expect(table.rows).toEqual([
      {
        row: 3,
        kind: 'task',
        stt: '1',
        level: 1,
        section: null,
        cells: {
          stt: { value: 1, text: '1', column: 'A' },
          content: { value: 'Rà soát, công bố TTHC', text: 'Rà soát, công bố TTHC', column: 'B' },
          lead: { value: 'Sở Tư pháp', text: 'Sở Tư pháp', column: 'C' },
          deadline: { value: 'Quý IV/2026', text: 'Quý IV/2026', column: 'D' },
        },
      },
    ])
    expect(table.issues).toEqual([])
  })

  it('works out sections, groups, tasks and their levels', () => {
    const table = read([
      ['I', 'CHỈ SỐ PAR INDEX', null, null],
      task(1, 'Công tác chỉ đạo, điều hành CCHC'),
      task('1.1', 'Thực hiện kế hoạch CCHC'),
      task('1.2', 'Thực hiện chế độ báo cáo CCHC'),
      task(2, 'Cải cách thể chế'),
      ['II', 'CHỈ SỐ SIPAS', null, null],
      task(1, 'Khảo sát sự hài lòng'),
    ])
    expect(outline(table.rows)).toEqual([
      [3, 'section', 'I', 0, 'I'],
      [4, 'group', '1', 1, 'I'],
      [5, 'task', '1.1', 2, 'I'],
      [6, 'task', '1.2', 2, 'I'],
      [7, 'task', '2', 1, 'I'],
      [8, 'section', 'II', 0, 'II'],
      [9, 'task', '1', 1, 'II'],
    ])
    expect(table.issues).toEqual([])
  })

  it('reads capitals closed by a bracket over tasks of their own as lettered items, a capital over a title as a part', () => {
    const table = read([
      ['A.', 'NHIỆM VỤ CHUNG', null, null],
      [1, 'TỔ CHỨC TUYÊN TRUYỀN, PHỔ BIẾN NGHỊ ĐỊNH', null, null],
      task('A)', 'TỔ CHỨC HỘI NGHỊ PHỔ BIẾN NGHỊ ĐỊNH'),
      task('B)', 'TỔ CHỨC CÁC HỘI THẢO CHUYÊN ĐỀ'),
      task(2, 'RÀ SOÁT VĂN BẢN'),
    ])
    expect(outline(table.rows)).toEqual([
      [3, 'heading', 'A', 0, null],
      [4, 'group', '1', 1, null],
      [5, 'task', '1.a', 2, null],
      [6, 'task', '1.b', 2, null],
      [7, 'task', '2', 1, null],
    ])
  })

  it('reads a table typed all in small letters by its cells, not by its case', () => {
    const rows = (lower: boolean): CellValue[][] =>
      [
        ['Cơ quan', 'Nhiệm vụ', 'Mốc'],
        [
          'Sở Công Thương',
          'Tham mưu UBND tỉnh làm việc với chủ đầu tư hạ tầng',
          'Trước 15/10/2026',
        ],
        ['Sở Công Thương', 'Đôn đốc các xã hoàn thành hồ sơ thành lập cụm', 'Trước 15/11/2026'],
        ['Sở Tài chính', 'Bố trí vốn cho các cụm công nghiệp', 'Quý IV/2026'],
        ['Sở Xây dựng', 'Thẩm định quy hoạch chi tiết các cụm', 'Quý IV/2026'],
      ].map((r, i) => (lower && i > 0 ? r.map((c) => c.toLocaleLowerCase('vi')) : r))
    for (const lower of [false, true]) {
      const table = readTable(createGrid([title, ...rows(lower)]))!
      expect(table.rows.map((r) => r.kind)).toEqual(['task', 'task', 'task', 'task'])
    }
  })

  it('reads a letter after its item’s number ("1a", "1.b") as a lettered item of that item', () => {
    for (const [a, b] of [
      ['1a', '1b'],
      ['1.a', '1.b'],
    ] as const) {
      const table = read([
        task(1, 'Tuyên truyền CCHC'),
        task(a, 'Trên Cổng TTĐT'),
        task(b, 'Trên báo chí'),
        task(2, 'Kiểm tra'),
      ])
      expect(outline(table.rows)).toEqual([
        [3, 'group', '1', 1, null],
        [4, 'task', '1.a', 2, null],
        [5, 'task', '1.b', 2, null],
        [6, 'task', '2', 1, null],
      ])
    }
  })

  it('puts bullet rows one level below the group above them', () => {
    const table = read([
      task(1, 'Tuyên truyền CCHC'),
      task('1.1', 'Trên Cổng TTĐT'),
      task('-', 'Tin bài'),
    ])
    expect(outline(table.rows)).toEqual([
      [3, 'group', '1', 1, null],
      [4, 'task', '1.1', 2, null],
      [5, 'task', '-', 2, null],
    ])
  })

  it('keeps a row without number that reads as a title as a heading', () => {
    const table = read([
      ['Nhiệm vụ trọng tâm năm 2026', null, null, null],
      task(1, 'Kiểm tra CCHC'),
    ])
    expect(outline(table.rows)).toEqual([
      [3, 'heading', null, 0, null],
      [4, 'task', '1', 1, null],
    ])
  })

  it('skips empty rows and headers repeated at page breaks', () => {
    const table = read([
      task(1, 'Kiểm tra CCHC'),
      [null, null, null, null],
      header,
      task(2, 'Tuyên truyền'),
    ])
    expect(outline(table.rows)).toEqual([
      [3, 'task', '1', 1, null],
      [6, 'task', '2', 1, null],
    ])
    expect(table.issues).toEqual([])
  })

  it('folds a row split by a page break into the row above and reports it', () => {
    const table = read([
      [1, 'Trong năm 2026, tổ chức 02 cuộc đối thoại', 'Các cơ quan, đơn', 'Quý IV/2026'],
      [null, 'giữa Lãnh đạo tỉnh với người dân', 'vị, địa phương', null],
    ])
    expect(table.rows).toHaveLength(1)
    expect(table.rows[0]!.cells.content!.text).toBe(
      'Trong năm 2026, tổ chức 02 cuộc đối thoại giữa Lãnh đạo tỉnh với người dân',
    )
    expect(table.rows[0]!.cells.lead!.text).toBe('Các cơ quan, đơn vị, địa phương')
    expect(table.issues).toEqual([
      createIssue('row/continuation', {
        row: 4,
        column: 'B',
        value: 'giữa Lãnh đạo tỉnh với người dân',
      }),
    ])
  })

  it('drops a word the page break repeated when joining', () => {
    const table = read([
      [1, 'Các cơ quan, đơn vị', 'Sở Nội vụ', 'Quý IV/2026'],
      [null, 'vị, địa phương thực hiện', null, null],
    ])
    expect(table.rows[0]!.cells.content!.text).toBe('Các cơ quan, đơn vị, địa phương thực hiện')
  })

  it('reads rows under an STT cell merged down as one item, without reporting them', () => {
    const grid = createGrid(
      [title, header, task(1, 'Sáng kiến CCHC'), [null, 'Tổ chức các cuộc thi', null, null]],
      [{ top: 3, left: 1, bottom: 4, right: 1 }],
    )
    const table = readTable(grid)!
    expect(outline(table.rows)).toEqual([[3, 'task', '1', 1, null]])
    expect(table.rows[0]!.cells.content!.text).toBe('Sáng kiến CCHC Tổ chức các cuộc thi')
    expect(table.issues).toEqual([])
  })

  it('reads a row under a merged STT with a deadline of its own as a second deliverable of the item', () => {
    const grid = createGrid(
      [
        title,
        header,
        [1, 'Thể chế hóa các chủ trương', 'Bộ Tài chính', 'Tháng 5/2026'],
        [null, null, 'Bộ Tài chính', 'Tháng 11/2026'],
        [2, 'Xây dựng hạ tầng', 'Trung tâm Chuyển đổi số', 'Quý IV/2026'],
        [null, 'Xây dựng hạ tầng dự phòng', 'Trung tâm Chuyển đổi số', null],
      ],
      [
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 2, bottom: 4, right: 2 },
        { top: 5, left: 1, bottom: 6, right: 1 },
        { top: 5, left: 4, bottom: 6, right: 4 },
      ],
    )
    const table = readTable(grid)!
    expect(outline(table.rows)).toEqual([
      [3, 'task', '1', 1, null],
      [4, 'task', '1', 1, null],
      [5, 'task', '2', 1, null],
      [6, 'task', '2', 1, null],
    ])
    expect(table.rows.map((r) => [r.cells.content?.text, r.cells.deadline?.text])).toEqual([
      ['Thể chế hóa các chủ trương', 'Tháng 5/2026'],
      ['Thể chế hóa các chủ trương', 'Tháng 11/2026'],
      ['Xây dựng hạ tầng', 'Quý IV/2026'],
      ['Xây dựng hạ tầng dự phòng', 'Quý IV/2026'],
    ])
    expect(table.issues).toEqual([])
  })

  it('reads a row whose agency and day are merged down from the row above as a task of its own where it has a cell of its own beside its task', () => {
    const grid = createGrid(
      [
        ['Thứ ngày', 'Giờ', 'Nội dung', 'Chủ trì, tham gia', 'Địa điểm'],
        ['Thứ Tư 04/9/2019', '7:30', 'Hội nghị sơ kết Chỉ thị số 40', 'Đ/c Nga PCT', 'Thành ủy'],
        [null, '7:30', 'Hội nghị sơ kết công tác tiêm phòng', 'Đ/c Xuân CT', 'Hội trường'],
        [null, '8:00', 'Thanh tra tỉnh làm việc với UBND thành phố', null, 'Phòng họp 2'],
        // (a page break continues the split text alone)
        [null, null, 'Thành phố và các phường', null, null],
      ],
      [
        { top: 2, left: 1, bottom: 5, right: 1 },
        { top: 3, left: 4, bottom: 5, right: 4 },
      ],
    )
    const table = readTable(grid)!
    expect(table.rows.map((r) => [r.row, r.kind, r.cells.content?.text])).toEqual([
      [2, 'task', 'Hội nghị sơ kết Chỉ thị số 40'],
      [3, 'task', 'Hội nghị sơ kết công tác tiêm phòng'],
      [4, 'task', 'Thanh tra tỉnh làm việc với UBND thành phố Thành phố và các phường'],
    ])
    // Under an item merged down, a product of its own with its own agency is a second deliverable,
    // though its time is merged with the first's.
    const plan = readTable(
      createGrid(
        [
          title,
          ['STT', 'Nội dung', 'Sản phẩm', 'Thời gian', 'Cơ quan chủ trì'],
          [3, 'Tuyên truyền CCHC', 'Kế hoạch của tỉnh', 'Tháng 01/2026', 'Sở Nội vụ'],
          [null, null, 'Kế hoạch của các cơ quan', null, 'Các cơ quan, đơn vị'],
        ],
        [
          { top: 3, left: 1, bottom: 4, right: 1 },
          { top: 3, left: 2, bottom: 4, right: 2 },
          { top: 3, left: 4, bottom: 4, right: 4 },
        ],
      ),
    )!
    expect(plan.rows.map((r) => [r.row, r.kind, r.cells.product?.text])).toEqual([
      [3, 'task', 'Kế hoạch của tỉnh'],
      [4, 'task', 'Kế hoạch của các cơ quan'],
    ])
  })

  it('reads a section over its title merged across the row as a heading, and a section with a time of its own between such headings as a task', () => {
    const wide = (r: number) => ({ top: r, left: 1, bottom: r, right: 4 })
    const table = readTable(
      createGrid(
        [
          title,
          header,
          ['I. LUẬT'],
          task('1.', 'Sửa đổi Luật Luật sư'),
          ['II', 'Rà soát văn bản quy phạm pháp luật', 'Sở Tư pháp', 'Trước 15/8/2026'],
          ['III. NGHỊ ĐỊNH'],
          task('1.', 'Sửa đổi Nghị định 84/2019/NĐ-CP'),
        ],
        [wide(3), wide(6)],
      ),
    )!
    expect(table.rows.map((r) => [r.row, r.kind])).toEqual([
      [3, 'heading'],
      [4, 'task'],
      [5, 'task'],
      [6, 'heading'],
      [7, 'task'],
    ])
    expect(table.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  it('reports a repeated number with the number expected next', () => {
    const table = read([task(1, 'A'), task(1, 'B'), task(2, 'C')])
    expect(table.issues).toEqual([
      createIssue(
        'row/stt-duplicate',
        { row: 4, column: 'A', field: 'stt', value: '1' },
        { found: '1', expected: '2' },
      ),
    ])
  })

  it('reports a gap in the numbering of sub-items and of sections', () => {
    const table = read([
      ['I', 'CHỈ SỐ PAR INDEX', null, null],
      task('1.1', 'A'),
      task('1.3', 'B'),
      ['III', 'CHỈ SỐ SIPAS', null, null],
    ])
    expect(table.issues).toEqual([
      createIssue(
        'row/stt-sequence',
        { row: 5, column: 'A', field: 'stt', value: '1.3' },
        { found: '1.3', expected: '1.2' },
      ),
      createIssue(
        'row/stt-sequence',
        { row: 6, column: 'A', field: 'stt', value: 'III' },
        { found: 'III', expected: 'II' },
      ),
    ])
  })

  it('counts a parent the table leaves out (1.1 with no row 1) as present', () => {
    const table = read([task('1.1', 'A'), task('1.2', 'B'), task('2.1', 'C')])
    expect(table.issues).toEqual([])
  })

  it('repairs 1.10 that Excel stored as the number 1.1', () => {
    const rows = [task(1, 'Cải cách tài chính công')]
    for (let i = 1; i <= 9; i++) rows.push(task(`1.${i}`, `Nhiệm vụ ${i}`))
    rows.push(task(1.1, 'Nhiệm vụ 10'))
    const table = read(rows)
    expect(table.rows.at(-1)).toMatchObject({ row: 13, kind: 'task', stt: '1.10', level: 2 })
    expect(table.issues).toEqual([])
  })

  it('keeps the number 1.1 as 1.1 when it is the first sub-item', () => {
    const table = read([task(1, 'Cải cách tài chính công'), task(1.1, 'Nhiệm vụ 1')])
    expect(outline(table.rows)).toEqual([
      [3, 'group', '1', 1, null],
      [4, 'task', '1.1', 2, null],
    ])
  })

  it('reports HTML, TCVN3 and combining marks in a cell with the cleaned text as the fix', () => {
    const decomposed = 'Rà soát quy trình nội bộ'.normalize('NFD')
    const table = read([
      [1, '<p>Tổ chức đối thoại</p>', 'Së Néi vô', 'Quý IV/2026'],
      [2, decomposed, 'Sở Nội vụ', 'Năm 2026'],
    ])
    expect(table.issues).toEqual([
      createIssue(
        'cell/html-markup',
        { row: 3, column: 'B', field: 'content', value: '<p>Tổ chức đối thoại</p>' },
        {},
        'Tổ chức đối thoại',
      ),
      createIssue(
        'cell/legacy-encoding',
        { row: 3, column: 'C', field: 'lead', value: 'Së Néi vô' },
        { found: 'TCVN3', expected: 'Sở Nội vụ' },
        'Sở Nội vụ',
      ),
      createIssue(
        'cell/unnormalized-text',
        { row: 4, column: 'B', field: 'content', value: decomposed },
        {},
        'Rà soát quy trình nội bộ',
      ),
    ])
    expect(table.rows.map((r) => [r.cells.content!.text, r.cells.lead!.text])).toEqual([
      ['Tổ chức đối thoại', 'Sở Nội vụ'],
      ['Rà soát quy trình nội bộ', 'Sở Nội vụ'],
    ])
  })

  it('reports a merged cell’s HTML once, at its top-left cell', () => {
    const grid = createGrid(
      [
        title,
        header,
        [1, 'Kiểm tra', '<p>Sở Nội vụ</p>', 'Quý IV/2026'],
        [2, 'Tuyên truyền', null, 'Năm 2026'],
      ],
      [{ top: 3, left: 3, bottom: 4, right: 3 }],
    )
    const table = readTable(grid)!
    expect(table.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['cell/html-markup', 3, 'C'],
    ])
    expect(table.rows.map((r) => r.cells.lead!.text)).toEqual(['Sở Nội vụ', 'Sở Nội vụ'])
  })
})

describe('readTable: groups and their items', () => {
  const groupRow = (stt: CellValue, content: string): CellValue[] => [
    stt,
    content,
    'Sở Nội vụ',
    '100 ngày kể từ ngày ban hành Kế hoạch',
  ]

  it('reads a numbered row with its own deadline followed by "a) b) c)" rows as a group with items, without continuation warnings', () => {
    const table = read([
      groupRow(1, 'Rà soát thủ tục hành chính'),
      [null, 'a) Rà soát TTHC lĩnh vực đất đai', null, null],
      [null, 'b) Rà soát TTHC lĩnh vực xây dựng', 'Sở Xây dựng', 'Quý IV/2026'],
      [null, 'c) Tổng hợp, báo cáo', null, null],
      groupRow(2, 'Số hóa hồ sơ'),
    ])
    expect(outline(table.rows)).toEqual([
      [3, 'group', '1', 1, null],
      [4, 'task', '1.a', 2, null],
      [5, 'task', '1.b', 2, null],
      [6, 'task', '1.c', 2, null],
      [7, 'task', '2', 1, null],
    ])
    expect(table.issues).toEqual([])
  })

  it('reads letters in the STT column ("a)", "b)") as items of the numbered row above', () => {
    const table = read([
      groupRow(1, 'Rà soát thủ tục hành chính'),
      ['a)', 'Lĩnh vực đất đai', null, null],
      ['b)', 'Lĩnh vực xây dựng', null, null],
      groupRow(2, 'Số hóa hồ sơ'),
    ])
    expect(outline(table.rows)).toEqual([
      [3, 'group', '1', 1, null],
      [4, 'task', '1.a', 2, null],
      [5, 'task', '1.b', 2, null],
      [6, 'task', '2', 1, null],
    ])
    expect(table.issues).toEqual([])
  })

  it('still joins the text of a row split by a page break, and a list that continues one written in the row above', () => {
    const table = read([
      [1, 'Nhiệm vụ gồm: a) Rà soát TTHC; b) Số hóa', 'Sở Nội vụ', 'Quý IV/2026'],
      [null, 'c) Báo cáo kết quả', null, null],
      [2, 'Kiểm tra CCHC', 'Sở Nội vụ', 'Quý IV/2026'],
      [null, 'tại các xã', null, null],
    ])
    expect(outline(table.rows)).toEqual([
      [3, 'task', '1', 1, null],
      [5, 'task', '2', 1, null],
    ])
    expect(table.issues.map((i) => [i.code, i.row])).toEqual([
      ['row/continuation', 4],
      ['row/continuation', 6],
    ])
  })

  it('reads "-" bullets as items of a numbered row that has numbered siblings, and of no lone row', () => {
    const siblings = read([
      task(1, 'Tuyên truyền CCHC'),
      task('-', 'Tin bài'),
      task('-', 'Pano, áp phích'),
      task(2, 'Kiểm tra CCHC'),
    ])
    expect(outline(siblings.rows)).toEqual([
      [3, 'group', '1', 1, null],
      [4, 'task', '-', 2, null],
      [5, 'task', '-', 2, null],
      [6, 'task', '2', 1, null],
    ])
    const lone = read([task(1, 'Tuyên truyền CCHC'), task('-', 'Tin bài')])
    expect(outline(lone.rows)).toEqual([
      [3, 'task', '1', 1, null],
      [4, 'task', '-', 1, null],
    ])
  })
})

describe('readTable on the seed plans', () => {
  it('reads the PAR/SIPAS appendix: header on row 4, two sections, page-break headers skipped', () => {
    const table = readTable(readParSipasGrid())!
    expect(table.header).toMatchObject({
      row: 4,
      dataStart: 5,
      columns: { stt: 1, criterion: 2, content: 3, executing: 4, lead: 5, deadline: 6 },
    })
    expect(table.rows.filter((r) => r.kind === 'section').map((r) => [r.row, r.stt])).toEqual([
      [5, 'I'],
      [expect.any(Number), 'II'],
    ])
    expect(table.rows.filter((r) => r.stt === 'STT')).toEqual([])
    expect(outline(table.rows.slice(0, 4))).toEqual([
      [5, 'section', 'I', 0, 'I'],
      [6, 'group', '1', 1, 'I'],
      [7, 'task', '1.1', 2, 'I'],
      [8, 'task', '1.2', 2, 'I'],
    ])
    expect(table.issues.filter((i) => i.code.startsWith('row/stt'))).toEqual([])
  })

  it('joins task 1.6 of the PAR/SIPAS appendix across its page break', () => {
    const table = readTable(readParSipasGrid())!
    const row = table.rows.find((r) => r.stt === '1.6')!
    expect(row.cells.executing!.text).toBe('Các cơ quan, đơn vị, địa phương')
    expect(row.cells.content!.text).toContain('được Trung ương cho phép thí điểm')
    expect(table.issues).toContainEqual(
      expect.objectContaining({ code: 'row/continuation', row: 15, column: 'C' }),
    )
    expect(table.issues).toContainEqual(
      expect.objectContaining({
        code: 'cell/html-markup',
        row: 15,
        column: 'D',
        fix: 'vị, địa phương',
      }),
    )
  })

  it('reads the plan appendix without a numbering issue', () => {
    const table = readTable(readPlanAppendixGrid())!
    expect(table.rows.filter((r) => r.kind === 'task').length).toBeGreaterThan(40)
    expect(table.issues).toEqual([])
  })

  it('reads a capital-letter part (A, B) as a heading, the numbering running on under it', () => {
    const table = read([
      ['A', 'NGUỒN TRUNG ƯƠNG', null, null],
      task(1, 'Xây dựng mạng WAN'),
      ['B.', 'NGUỒN ĐỊA PHƯƠNG', null, null],
      task(2, 'Số hóa tài liệu lưu trữ'),
    ])
    expect(outline(table.rows)).toEqual([
      [3, 'heading', 'A', 0, null],
      [4, 'task', '1', 1, null],
      [5, 'heading', 'B', 0, null],
      [6, 'task', '2', 1, null],
    ])
    expect(table.issues).toEqual([])
  })

  it('reads a group title merged across the row as its words only, not its agency or deadline', () => {
    const table = readTable(
      createGrid(
        [title, header, ['1.', 'Rà soát, hoàn thiện thể chế'], task('1.1', 'Rà soát quy định')],
        [{ top: 3, left: 2, bottom: 3, right: 4 }],
      ),
    )!
    expect(table.rows[0]!.cells).toEqual({
      stt: { value: '1.', text: '1.', column: 'A' },
      content: {
        value: 'Rà soát, hoàn thiện thể chế',
        text: 'Rà soát, hoàn thiện thể chế',
        column: 'B',
      },
    })
  })

  it('reads unnumbered rows with their own agency and deadline under a heading as tasks', () => {
    const table = read([
      ['I. Văn bản thuộc thẩm quyền của Quốc hội', null, null, null],
      [null, 'Luật sửa đổi Luật Tổ chức Quốc hội', 'Ủy ban Thường vụ Quốc hội', 'Tháng 02/2025'],
      [null, 'Nghị quyết sửa đổi Nghị quyết 1206', 'Ủy ban Thường vụ Quốc hội', 'Tháng 5/2025'],
      // Lower-case text without a deadline of its own still continues the row above.
      [null, 'và các văn bản hướng dẫn', null, null],
    ])
    expect(outline(table.rows)).toEqual([
      [3, 'heading', null, 0, null],
      [4, 'task', null, 1, null],
      [5, 'task', null, 1, null],
    ])
    expect(table.rows[2]!.cells.content!.text).toBe(
      'Nghị quyết sửa đổi Nghị quyết 1206 và các văn bản hướng dẫn',
    )
  })

  it('reads the unnumbered rows of a report, each with its own result, as tasks', () => {
    const report = validateTable(
      createGrid([
        ['BÁO CÁO tình hình thực hiện các nhiệm vụ năm 2026'],
        ['TT', 'Nội dung chỉ đạo', 'Kết quả thực hiện', 'Tiến độ'],
        [null, 'Khẩn trương kiện toàn cấp uỷ các cấp', 'Đã kiện toàn cấp uỷ', 'Hoàn thành'],
        // (no progress given: the result written out says the work went on)
        [
          null,
          'Lãnh đạo đổi mới phương thức lãnh đạo',
          'Cấp uỷ thường xuyên đổi mới phương thức lãnh đạo, lề lối làm việc',
          null,
        ],
        // (a result split by a page break goes on in lower case: no task of its own)
        [null, 'và nâng cao năng lực của cấp uỷ', 'chú trọng nâng cao chất lượng', null],
        [null, 'Rà soát quy chế làm việc của cấp uỷ', 'Đang rà soát', null],
      ]),
      { asOf: '2026-03-05' },
    )
    expect(report.tasks.map((t) => [t.row, t.kind, t.status])).toEqual([
      [3, 'task', 'done-on-time'],
      [4, 'task', 'in-progress'],
      [6, 'task', 'in-progress'],
    ])
  })

  describe('a deadline marked across period columns', () => {
    const parent = (name: string, periods: string[], rows: CellValue[][]) =>
      readTable(
        createGrid(
          [
            title,
            [
              'STT',
              'Nội dung, nhiệm vụ',
              'Cơ quan chủ trì',
              name,
              ...periods.slice(1).map(() => null),
            ],
            [null, null, null, ...periods],
            ...rows,
          ],
          [
            { top: 2, left: 4, bottom: 2, right: 3 + periods.length },
            ...[1, 2, 3].map((c) => ({ top: 2, left: c, bottom: 3, right: c })),
          ],
        ),
      )!

    it('reads "x" under Quý I … Quý IV as the periods from the first mark to the last', () => {
      const table = parent(
        'Thời gian thực hiện',
        ['Quý I', 'Quý II', 'Quý III', 'Quý IV'],
        [
          [1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'x', 'x', null, null],
          [2, 'Kiểm tra công tác CCHC', 'Sở Nội vụ', null, null, null, 'X'],
          [3, 'Tuyên truyền CCHC', 'Sở Nội vụ', null, 'Tháng 5/2026', null, null],
        ],
      )
      expect(table.header.series).toEqual([
        {
          field: 'deadline',
          kind: 'periods',
          columns: [4, 5, 6, 7],
          labels: ['Quý I', 'Quý II', 'Quý III', 'Quý IV'],
        },
      ])
      expect(table.rows.map((r) => r.cells.deadline)).toEqual([
        { value: 'Quý I - Quý II', text: 'Quý I - Quý II', column: 'E' },
        { value: 'Quý IV', text: 'Quý IV', column: 'G' },
        // A cell that says its time is read as it says.
        { value: 'Tháng 5/2026', text: 'Tháng 5/2026', column: 'E' },
      ])
      expect(table.header.mapping[5]!.reason.vi).toBe('một kỳ của thời hạn (cột D): ô đánh dấu x')
    })

    it('reads years under "Tiến độ" the same way', () => {
      const table = parent(
        'Tiến độ',
        ['2026', '2027', '2028'],
        [[1, 'Số hóa hồ sơ', 'Sở Nội vụ', null, '✓', '✓']],
      )
      expect(table.rows[0]!.cells.deadline!.text).toBe('2027 - 2028')
    })

    it('reads spans of years marked under a phase ("Giai đoạn thực hiện") the same way', () => {
      const table = parent(
        'Giai đoạn thực hiện',
        ['2023-2025', '2026-2030'],
        [
          [1, 'Dự án lưới điện 500 kV mạch 3', 'Bộ Công Thương', 'x', null],
          [2, 'Dự án điện gió ngoài khơi', 'Bộ Công Thương', null, 'x'],
        ],
      )
      expect(table.rows.map((r) => r.cells.deadline!.text)).toEqual(['2023-2025', '2026-2030'])
    })

    it('leaves figures per year under a parent that is no time alone', () => {
      const table = parent(
        'Chỉ tiêu',
        ['2026', '2027'],
        [[1, 'Tỷ lệ hồ sơ trực tuyến', 'Sở Nội vụ', '80%', '90%']],
      )
      expect(table.header.series).toBeUndefined()
    })

    it('reads the state marked under "Hoàn thành | Đang thực hiện | Chưa thực hiện" as the progress', () => {
      const table = parent(
        'Tiến độ thực hiện',
        ['Hoàn thành (x)', 'Đang thực hiện (x)', 'Chưa thực hiện (x)'],
        [
          [1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'x', null, null],
          [2, 'Kiểm tra công tác CCHC', 'Sở Nội vụ', null, 'x', null],
          [3, 'Tuyên truyền CCHC', 'Sở Nội vụ', null, null, 'x'],
        ],
      )
      expect(table.header.series?.map((s) => [s.field, s.kind, s.columns])).toEqual([
        ['progress', 'states', [4, 5, 6]],
      ])
      expect(table.rows.map((r) => r.cells.progress?.text)).toEqual([
        'Hoàn thành',
        'Đang thực hiện',
        'Chưa thực hiện',
      ])
      expect(table.header.mapping[4]!.reason.vi).toBe(
        'một trạng thái của tiến độ (cột D): ô đánh dấu x',
      )
    })

    it('reads states marked with "√" (or "☑") as marks, and a run of figures as figures', () => {
      const marked = (mark: string | number) =>
        parent(
          'Kết quả thực hiện',
          ['Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện'],
          [
            [1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', mark, null, null],
            [2, 'Kiểm tra công tác CCHC', 'Sở Nội vụ', null, mark, null],
            [3, 'Tuyên truyền CCHC', 'Sở Nội vụ', null, null, mark],
          ],
        )
      for (const mark of ['√', '☑'])
        expect(marked(mark).rows.map((r) => r.cells.progress?.text)).toEqual([
          'Đã hoàn thành',
          'Đang thực hiện',
          'Chưa thực hiện',
        ])
      const counts = parent(
        'Thời gian thực hiện',
        ['Quý I', 'Quý II', 'Quý III'],
        [
          [1, 'Báo cáo định kỳ', 'Sở Tư pháp', 1, 2, 1],
          [2, 'Kiểm tra', 'Sở Nội vụ', 3, 1, 4],
        ],
      )
      expect(counts.header.series).toBeUndefined()
    })

    it('reads progress reported period by period as the latest period says it, never as deadline marks', () => {
      const table = parent(
        'Tiến độ thực hiện',
        ['Quý I', 'Quý II', 'Quý III'],
        [
          [1, 'Số hóa hồ sơ', 'Sở Nội vụ', 'Đã xây dựng đề cương', 'Đang lấy ý kiến', null],
          [2, 'Rà soát thủ tục', 'Sở Tư pháp', 'Đang rà soát', 'Đã hoàn thành', 'Đã hoàn thành'],
        ],
      )
      expect(table.header.series?.map((s) => [s.field, s.kind, s.columns])).toEqual([
        ['progress', 'reports', [4, 5, 6]],
      ])
      expect(table.rows.map((r) => [r.cells.progress?.text, r.cells.progress?.column])).toEqual([
        ['Đang lấy ý kiến', 'E'],
        ['Đã hoàn thành', 'F'],
      ])
      expect(table.header.mapping[5]!.reason.vi).toBe(
        'một kỳ báo cáo tiến độ (cột D): kỳ sau cùng có ghi là tiến độ',
      )
      // Under a parent that asks for no progress, figures per period stay what they are.
      const figures = parent(
        'Chỉ tiêu',
        ['Quý I', 'Quý II'],
        [[1, 'Tỷ lệ hồ sơ trực tuyến', 'Sở Nội vụ', '80%', '90%']],
      )
      expect(figures.header.series).toBeUndefined()
    })
  })

  it('reads a plan’s column of documents as its products, not evidence', () => {
    const table = readTable(
      createGrid([
        title,
        ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn', 'Văn bản'],
        [1, 'Ban hành quy chế', 'Sở Nội vụ', 'Tháng 02/2026', 'Quyết định số 12/QĐ-UBND'],
        [2, 'Ban hành kế hoạch', 'Sở Nội vụ', 'Tháng 5/2026', 'Kế hoạch số 30/KH-UBND'],
        [3, 'Tổng kết', 'Sở Tư pháp', 'Tháng 6/2026', 'Báo cáo số 45/BC-UBND'],
      ]),
    )!
    expect(table.header.columns).toMatchObject({ content: 2, lead: 3, deadline: 4, product: 5 })
  })
})

describe('numbering as plans write it', () => {
  const head = ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành']
  const read = (rows: CellValue[][]) => {
    const report = validateTable(createGrid([['KẾ HOẠCH NĂM 2026'], head, ...rows]), {
      asOf: '2026-09-14',
    })
    return {
      issues: report.issues.filter((i) => i.severity !== 'info').map((i) => [i.code, i.row]),
      rows: report.tasks.map((t) => [t.row, t.kind, t.stt]),
    }
  }

  it('reads a list that starts over at 1, 2 … (its groups named in a column) as a new run, a lone 1 as a repeat', () => {
    const rows = (stts: number[]) =>
      stts.map((n, i) => [n, `Nhiệm vụ ${i + 1}`, 'Sở Nội vụ', 'Quý IV/2026'] as CellValue[])
    expect(read(rows([1, 2, 1, 2, 3])).issues).toEqual([])
    expect(read(rows([1, 2, 3, 1, 5])).issues).toEqual([
      ['row/stt-duplicate', 6],
      ['row/stt-sequence', 7],
    ])
  })

  it('counts again from 1 under an unnumbered heading or a part', () => {
    expect(
      read([
        ['Lĩnh vực cải cách thể chế'],
        [1, 'Việc A', 'Sở Tư pháp', 'Quý I/2026'],
        [2, 'Việc B', 'Sở Tư pháp', 'Quý II/2026'],
        ['B', 'NHIỆM VỤ CỤ THỂ'],
        [1, 'Việc C', 'Sở Nội vụ', 'Quý III/2026'],
      ]).issues,
    ).toEqual([])
    // Without a heading between them, a repeated number is still one.
    expect(
      read([
        [1, 'Việc A', 'Sở Tư pháp', 'Quý I/2026'],
        [1, 'Việc C', 'Sở Nội vụ', 'Quý III/2026'],
      ]).issues,
    ).toEqual([['row/stt-duplicate', 4]])
  })

  it('reads an unnumbered row over numbering that starts again at 1 as the title of the run, whatever it holds', () => {
    // (the group's period "2031-2035" is its own, not a second deadline of the task above)
    expect(
      read([
        [1, 'Thủy điện Long Tạo', 'Sở Công Thương', '2021-2024'],
        [2, 'Thủy điện Sông Lô 6', 'Sở Công Thương', '2025-2030'],
        [null, 'Công suất tăng thêm 2031-2035', null, '2031-2035'],
        [1, 'Thủy điện Sơn La mở rộng', 'Sở Công Thương', '2031-2035'],
        [2, 'Thủy điện Lai Châu mở rộng', 'Sở Công Thương', '2031-2035'],
      ]),
    ).toEqual({
      issues: [],
      rows: [
        [3, 'task', '1'],
        [4, 'task', '2'],
        [5, 'heading', null],
        [6, 'task', '1'],
        [7, 'task', '2'],
      ],
    })
  })

  it('joins a row that repeats the number above over the rest of its text (a page break)', () => {
    expect(
      read([
        [1, 'Việc A', 'Sở Tư pháp', 'Quý I/2026'],
        [2, 'Việc B rất dài bị ngắt', 'Sở Tư pháp', 'Quý II/2026'],
        [2, '(tiếp) phần còn lại của việc B', null, null],
        [3, 'Việc C', 'Sở Tư pháp', 'Quý II/2026'],
      ]),
    ).toEqual({
      issues: [['row/continuation', 5]],
      rows: [
        [3, 'task', '1'],
        [4, 'task', '2'],
        [6, 'task', '3'],
      ],
    })
  })

  it('reads small letters alone as the items of the numbered row above', () => {
    expect(
      read([
        [1, 'Nhóm A', 'Sở Tư pháp', 'Quý I/2026'],
        ['a', 'Việc a', 'Sở Tư pháp', 'Quý I/2026'],
        ['b', 'Việc b', 'Sở Tư pháp', 'Quý I/2026'],
      ]).rows,
    ).toEqual([
      [3, 'group', '1'],
      [4, 'task', '1.a'],
      [5, 'task', '1.b'],
    ])
  })
})

describe('headers and headings found with little to go on', () => {
  it('finds a list headed by its numbering and one more field, the rest read from the cells', () => {
    const table = readTable(
      createGrid([
        ['DANH MỤC VĂN BẢN ĐƯỢC ĐỀ XUẤT SỬA ĐỔI, BỔ SUNG'],
        [
          'STT',
          'CÁC NGHỊ ĐỊNH CẦN SỬA ĐỔI',
          'ĐIỀU, KHOẢN CẦN SỬA ĐỔI',
          'CƠ QUAN CHỦ TRÌ SOẠN THẢO',
        ],
        [
          '1.',
          'Nghị định số 151/2024/NĐ-CP về quản lý, sử dụng tài sản',
          'Điều 20, Điều 21',
          'Bộ Công an',
        ],
        [
          '2.',
          'Nghị định số 70/2024/NĐ-CP quy định chi tiết Luật Căn cước',
          'Điều 13',
          'Bộ Công an',
        ],
        [
          '3.',
          'Nghị định số 69/2024/NĐ-CP quy định về định danh điện tử',
          'Khoản 2 Điều 10',
          'Bộ Công an',
        ],
      ]),
    )!
    expect(table.header.mapping.map((m) => [m.column, m.field])).toEqual([
      ['A', 'stt'],
      ['B', 'content'],
      ['C', null],
      ['D', 'lead'],
    ])
  })

  it('reads a section’s part "II.1" over a title alone as a heading', () => {
    const { rows } = read([
      ['II', 'Nhiệm vụ thực hiện theo lộ trình đến năm 2030'],
      ['II.1', 'Hoàn thiện thể chế, chính sách'],
      [1, 'Rà soát văn bản', 'Sở Tư pháp', '2026 - 2030'],
    ])
    expect(rows.map((r) => [r.row, r.kind])).toEqual([
      [3, 'section'],
      [4, 'heading'],
      [5, 'task'],
    ])
  })
})

describe('text as it reads', () => {
  it('reads a table typed decomposed or pasted with odd spaces as the same table, and says so once per cell of ours', () => {
    const head = ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ thực hiện']
    const rows: CellValue[][] = [
      [1, 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'Quý II/2026', 'Đang thực hiện'],
      [2, 'Số hóa hồ sơ', 'Văn phòng UBND tỉnh', 'Tháng 12/2026', 'Đã hoàn thành'],
      [3, 'Khảo sát SIPAS', 'Sở Nội vụ', 'Thường xuyên', 'Chưa thực hiện'],
      [4, 'Công bố chỉ số CCHC', 'Sở Nội vụ', 'Trước ngày 05 của tháng liền kề', null],
      [5, 'Công bố danh mục văn bản', 'Sở Tư pháp', 'Trước ngày 31/01 năm liền kề', null],
    ]
    const odd = (v: CellValue) =>
      typeof v === 'string' ? `\u00a0${v.normalize('NFD').replace(/ /g, '\u00a0')}\u200b` : v
    const check = (cells: CellValue[][]) =>
      validateTable(createGrid([['KẾ HOẠCH NĂM 2026'], ...cells]), { asOf: '2026-09-14' })
    const plain = check([head, ...rows])
    const typed = check([head.map(odd), ...rows.map((r) => r.map(odd))])
    const reading = (r: typeof plain) =>
      r.tasks.map((t) => [t.row, t.status, t.deadline?.kind, t.deadline?.due])
    expect(reading(typed)).toEqual(reading(plain))
    expect(reading(plain)).toEqual([
      [3, 'overdue', 'period', '2026-06-30'],
      [4, 'done-on-time', 'period', '2026-12-31'],
      [5, 'ongoing', 'recurring', null],
      [6, 'ongoing', 'recurring', null],
      [7, 'not-started', 'date', '2027-01-31'],
    ])
    expect(typed.header?.mapping.map((m) => m.field)).toEqual(
      plain.header?.mapping.map((m) => m.field),
    )
    expect(typed.issues.filter((i) => i.severity === 'error')).toEqual([])
    // The decomposed text of a cell we check is still said, with its fix.
    expect(typed.issues.some((i) => i.code === 'cell/unnormalized-text' && i.row === 3)).toBe(true)
    // The fix precomposes the text and keeps the line breaks the cell was typed with, though the
    // reading joins a wrapped sentence.
    const wrapped = validateTable(
      createGrid([
        ['KẾ HOẠCH NĂM 2026'],
        head,
        [1, 'Rà soát thủ tục', 'Sở Tư pháp', 'Quý II/2026', 'Đã trình\nđề án'.normalize('NFD')],
      ]),
      { asOf: '2026-05-14' },
    )
    expect(wrapped.issues.find((i) => i.code === 'cell/unnormalized-text')?.fix).toBe(
      'Đã trình\nđề án',
    )
  })
})

describe('unnumbered tasks typed in any case', () => {
  it('reads a row with its own task as a task, whatever the case of its agency or progress', () => {
    const report = validateTable(
      createGrid([
        ['KẾ HOẠCH CÔNG TÁC NĂM 2026'],
        ['Nội dung', 'Bộ phận thực hiện', 'Tiến độ', 'Thời hạn'],
        ['Rà soát quy chế làm việc', 'phòng TCHC', 'đã hoàn thành', null],
        ['Cập nhật hồ sơ cán bộ', 'phòng TCHC', 'đang thực hiện', null],
        ['Kiểm kê tài sản', 'phòng KHTC', 'chưa thực hiện', null],
      ]),
      { asOf: '2026-09-14' },
    )
    expect(report.tasks.map((t) => [t.row, t.kind, t.status])).toEqual([
      [3, 'task', 'done-on-time'],
      [4, 'task', 'in-progress'],
      [5, 'task', 'not-started'],
    ])
  })
})
