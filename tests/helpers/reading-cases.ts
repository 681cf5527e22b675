import type { CellValue, Grid, IsoDate, TaskStatus } from '../../core/index.ts'
import { createGrid } from './grid.ts'

/**
 * Tables built as issue 18 describes the real ones that were read wrong (those stay outside the
 * repository): the wording is real, the rows are made here so that every expected value is known.
 */
export type ReadingCase = {
  name: string
  grid: Grid
  asOf: IsoDate
  /** The field each column letter holds (null: a column the product does not use). */
  columns: Record<string, string | null>
  /** The status and due date every task row must get, by sheet row. */
  expected: Map<number, { status: TaskStatus; due: IsoDate | null }>
}

const tasks = [
  'Tham mưu xây dựng Kế hoạch cải cách hành chính năm 2026 của Sở',
  'Rà soát, cập nhật quy trình nội bộ giải quyết thủ tục hành chính',
  'Tổng hợp báo cáo công tác cải cách hành chính quý I',
  'Chuẩn bị nội dung họp giao ban của lãnh đạo Sở',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực',
  'Góp ý dự thảo Quyết định ban hành Quy chế làm việc của UBND tỉnh',
  'Tổ chức kiểm tra công tác văn thư, lưu trữ tại các phòng chuyên môn',
  'Theo dõi, đôn đốc việc thực hiện nhiệm vụ được UBND tỉnh giao',
  'Xây dựng báo cáo sơ kết 6 tháng đầu năm về chuyển đổi số',
  'Cập nhật dữ liệu lên Hệ thống thông tin báo cáo của tỉnh',
  'Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp',
  'Thẩm định hồ sơ đề nghị công nhận sáng kiến cấp cơ sở',
]

// Deadlines as the tracker wrote them: periods, a weekday, and real dates shown as m/yyyy.
const deadlines: [CellValue, IsoDate | null, 'recurring' | 'due'][] = [
  ['Quý I/2026', '2026-03-31', 'due'],
  ['Tháng 4', '2026-04-30', 'due'],
  ['Thứ 5 hàng tuần', null, 'recurring'],
  [{ date: '2026-05-01' }, '2026-05-01', 'due'],
  ['Quý II/2026', '2026-06-30', 'due'],
  ['Tháng 8', '2026-08-31', 'due'],
  ['Trong năm 2026', '2026-12-31', 'due'],
]

/**
 * An office's task tracker: tasks received through the year ("Ngày nhận"), the deadline in a
 * column headed with a progress word, the date each was finished in a column headed with a usual
 * deadline phrase (filled only on finished rows, never after the report date, right after "Ngày
 * nhận"), and the results.
 */
export function buildTrackerCase(): ReadingCase {
  const asOf = '2026-06-30'
  const header = [
    'STT',
    'Nội dung công việc',
    'Người thực hiện',
    'Ngày nhận',
    'Thời gian hoàn thành',
    'Tiến độ thực hiện',
    'Kết quả',
  ]
  const rows: CellValue[][] = [['THEO DÕI NHIỆM VỤ NĂM 2026'], header]
  const expected = new Map<number, { status: TaskStatus; due: IsoDate | null }>()
  for (let i = 0; i < 36; i++) {
    const [deadline, due, kind] = deadlines[i % deadlines.length]!
    const received = `${String(1 + (i % 27)).padStart(2, '0')}/${String(1 + (i % 3)).padStart(2, '0')}/2026`
    // Every third task is still open; the others finished, some after their deadline.
    const open = i % 3 === 2
    const late = !open && i % 5 === 0 && due !== null
    const finished: IsoDate | null = open
      ? null
      : late
        ? '2026-06-15'
        : due && due < asOf
          ? due
          : '2026-06-20'
    const result = open
      ? i % 2
        ? 'Đang thực hiện'
        : 'Đang lấy ý kiến các đơn vị'
      : i % 4 === 0
        ? 'Đã hoàn thành'
        : `Đã ban hành văn bản số ${100 + i}/SNV-VP`
    rows.push([
      i + 1,
      tasks[i % tasks.length]!,
      ['Đ/c Hùng', 'Đ/c Lan', 'Phòng Tổ chức', 'Văn phòng Sở'][i % 4]!,
      received,
      finished ? { date: finished } : null,
      deadline,
      result,
    ])
    const status: TaskStatus = !open
      ? due !== null && finished! > due
        ? 'done-late'
        : 'done-on-time'
      : kind === 'recurring'
        ? 'ongoing'
        : due! < asOf
          ? 'overdue'
          : 'in-progress'
    expected.set(rows.length, { status, due })
  }
  return {
    name: 'tracker',
    grid: createGrid(rows),
    asOf,
    columns: { A: 'stt', B: 'content', C: 'executing', D: null, E: 'doneDate', F: 'deadline' },
    expected,
  }
}

const planTasks = [
  'Ban hành Kế hoạch triển khai Nghị quyết của Tỉnh ủy về chuyển đổi số',
  'Rà soát, đơn giản hóa thủ tục hành chính nội bộ giữa các cơ quan',
  'Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho công chức cấp xã',
  'Xây dựng cơ sở dữ liệu chuyên ngành và kết nối với nền tảng của tỉnh',
  'Kiểm tra việc thực hiện nhiệm vụ cải cách hành chính tại các đơn vị',
  'Đánh giá mức độ hài lòng của người dân đối với dịch vụ hành chính công',
  'Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính',
  'Sắp xếp, kiện toàn tổ chức bộ máy các đơn vị sự nghiệp công lập',
]

/**
 * A ministry's action programme whose task column is headed with many words around "nhiệm vụ"
 * (long, and naming the documents the tasks come from); every row has its task.
 */
export function buildLongTaskHeaderCase(): ReadingCase {
  const asOf = '2026-09-14'
  const header = [
    'TT',
    'Nội dung công việc, nhiệm vụ cụ thể cần triển khai thực hiện (căn cứ các Nghị quyết, Kết luận, Chỉ thị của Trung ương và nhiệm vụ được giao tại các văn bản chỉ đạo của cấp trên)',
    'Đơn vị chủ trì',
    'Đơn vị phối hợp',
    'Thời hạn',
  ]
  const rows: CellValue[][] = [['CHƯƠNG TRÌNH HÀNH ĐỘNG NĂM 2026'], header]
  const expected = new Map<number, { status: TaskStatus; due: IsoDate | null }>()
  const periods: [string, IsoDate][] = [
    ['Quý I/2026', '2026-03-31'],
    ['Quý IV/2026', '2026-12-31'],
    ['Tháng 6/2026', '2026-06-30'],
    ['Trong năm 2026', '2026-12-31'],
  ]
  for (let i = 0; i < 40; i++) {
    const [deadline, due] = periods[i % periods.length]!
    rows.push([
      i + 1,
      `${planTasks[i % planTasks.length]!} (đợt ${1 + Math.floor(i / planTasks.length)})`,
      ['Vụ Tổ chức cán bộ', 'Văn phòng Bộ', 'Cục Chuyển đổi số', 'Vụ Pháp chế'][i % 4]!,
      'Các đơn vị thuộc Bộ',
      deadline,
    ])
    expected.set(rows.length, { status: due < asOf ? 'overdue' : 'not-started', due })
  }
  return {
    name: 'long task header',
    grid: createGrid(rows),
    asOf,
    columns: { A: 'stt', B: 'content', C: 'lead', D: 'coop', E: 'deadline' },
    expected,
  }
}

/** Every reading case. */
export function buildReadingCases(): ReadingCase[] {
  return [buildTrackerCase(), buildLongTaskHeaderCase()]
}

/**
 * A provincial department's tracker of legal texts to handle (Đắk Lắk, 2026): a form of handling per
 * text ("Ban hành văn bản mới"), the deadline the province set, and `lastHeading` over what each text's
 * handling has come to ("Đang thực hiện\nĐang lấy ý kiến …").
 */
export function buildLegalTextTracker(lastHeading: string): CellValue[][] {
  const acts = 'Văn bản chịu tác động của việc sắp xếp bộ máy theo Báo cáo số'
  const texts: [string, string, string, string, string, string][] = [
    [
      'Nghị quyết số 04/2024/NQ-HĐND ngày 20/6/2024 của HĐND tỉnh Đắk Lắk',
      'HĐND tỉnh',
      'Nghị quyết',
      'Ban hành văn bản mới; bãi bỏ nghị quyết này',
      'Tháng 11/2026\nQuý IV/ 2026',
      'Đang thực hiện\nĐang lấy ý kiến góp ý tờ trình đăng ký xây dựng Nghị quyết',
    ],
    [
      'Quyết định số 07/2014/QĐ-UBND ngày 01/4/2014 của UBND tỉnh Đắk Lắk',
      'UBND tỉnh',
      'Quyết định',
      'Ban hành văn bản mới và bãi bỏ quyết định này',
      'Tháng 11/2026\nQuý IV/2026',
      'Chưa triển khai\nChưa triển khai',
    ],
    [
      'Quyết định số 20/2016/QĐ-UBND ngày 17/5/2016 của UBND tỉnh Đắk Lắk',
      'UBND tỉnh',
      'Quyết định',
      'Ban hành văn bản mới; bãi bỏ quyết định này',
      'Tháng 6/2026\nTháng 6/2026',
      'Đang thực hiện\nĐã lấy ý kiến góp ý đối với Dự thảo mới',
    ],
    [
      'Quyết định số 32/2019/QĐ-UBND ngày 30/12/2019 của UBND tỉnh Đắk Lắk',
      'UBND tỉnh',
      'Quyết định',
      'Ban hành văn bản mới và bãi bỏ quyết định này',
      'Tháng 9/2026\nQuý III/2026',
      'Chưa triển khai\nChưa triển khai',
    ],
  ]
  return [
    [],
    [
      'STT',
      'Văn bản',
      'Cơ quan',
      'Lĩnh vực',
      'Hình thức xử lý',
      'Thời hạn UBND',
      lastHeading,
      'Ghi chú',
    ],
    ...texts.map(([text, body, kind, form, due, state], i) => [
      i + 1,
      text,
      `Công an tỉnh\n${body}`,
      `An ninh, trật tự\n${kind} Đắk Lắk`,
      form,
      due,
      state,
      i < 3 ? acts : 'Đề nghị Công an tỉnh tiếp tục theo dõi tiến độ ban hành Nghị định sửa',
    ]),
  ]
}
