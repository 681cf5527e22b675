import {
  q,
  type Bilingual,
  type CatalogueEntry,
  type IssueCode,
  type Severity,
} from './issue-codes.ts'
import { deadlineMessages } from './messages-deadline.ts'
import { planMessages } from './messages-plan.ts'
import { readingMessages } from './messages-reading.ts'

/** Every issue code with its severity, Vietnamese and English message and hint. */
export const issueCatalogue: Record<IssueCode, CatalogueEntry> = {
  ...readingMessages,
  ...deadlineMessages,
  ...planMessages,
  'table/not-found': {
    severity: 'error',
    message: () => ({
      vi: 'Không tìm thấy bảng phụ lục CCHC trong trang tính.',
      en: 'No CCHC annex table was found in the sheet.',
    }),
    hint: () => ({
      vi: 'Bảng cần có dòng tiêu đề với các cột STT, Nội dung (hoặc Tiêu chí), Cơ quan chủ trì (hoặc Cơ quan thực hiện) và Thời gian thực hiện.',
      en: 'The table needs a header row with STT, Content (or Criterion), Lead (or Executing) agency and Deadline columns.',
    }),
  },
  'table/second-table': {
    severity: 'warning',
    message: (p) => ({
      vi: `Từ dòng này là một bảng khác, với tiêu đề riêng (${q(p.found)}): bảng đó không được kiểm tra cùng bảng phía trên.`,
      en: `A second table starts at this row, with its own header (${q(p.found)}): it is not checked with the table above.`,
    }),
    hint: () => ({
      vi: 'Đặt mỗi bảng vào một trang tính riêng để kiểm tra từng bảng.',
      en: 'Put each table on a sheet of its own to check it.',
    }),
  },
  'header/duplicate-column': {
    severity: 'warning',
    message: (p) => ({
      vi: `Cột ${q(p.field)} xuất hiện nhiều lần; dùng ${p.column ? `cột ${p.column}` : 'một cột'}, bỏ qua cột này.`,
      en: `Column ${q(p.field)} appears more than once; ${p.column ? `column ${p.column}` : 'one column'} is used and this one is left out.`,
    }),
    hint: () => ({
      vi: 'Xóa hoặc đổi tên cột trùng.',
      en: 'Delete or rename the duplicate column.',
    }),
  },
  'row/stt-duplicate': {
    severity: 'error',
    message: (p) => ({
      vi: `Số thứ tự ${q(p.found)} bị trùng với một dòng phía trên.`,
      en: `Number ${q(p.found)} repeats a row above.`,
    }),
    hint: (p) => ({
      vi: p.expected
        ? `Số thứ tự tiếp theo nên là ${q(p.expected)}.`
        : 'Đánh lại số thứ tự cho đúng.',
      en: p.expected ? `The next number should be ${q(p.expected)}.` : 'Renumber the rows.',
    }),
  },
  'row/stt-sequence': {
    severity: 'warning',
    message: (p) => ({
      vi: `Số thứ tự ${q(p.found)} không liền mạch: mong đợi ${q(p.expected)}.`,
      en: `Number ${q(p.found)} breaks the sequence: ${q(p.expected)} expected.`,
    }),
    hint: () => ({
      vi: 'Kiểm tra xem có dòng bị thiếu hoặc đánh số nhầm.',
      en: 'Check for a missing row or a numbering mistake.',
    }),
  },
  'row/continuation': {
    severity: 'warning',
    message: () => ({
      vi: 'Dòng không có số thứ tự, chỉ là phần tiếp theo của dòng phía trên (bị tách khi ngắt trang).',
      en: 'Row without a number that only continues the row above (split at a page break).',
    }),
    hint: () => ({
      vi: 'Gộp nội dung dòng này vào dòng phía trên rồi xóa dòng này.',
      en: 'Merge this row’s text into the row above and delete this row.',
    }),
  },
  'row/shifted-cells': {
    severity: 'warning',
    message: (p) => ({
      vi: `Ô này chứa thời hạn ${q(p.found)} trong khi cột Thời gian thực hiện để trống: các ô có thể bị lệch cột.`,
      en: `This cell holds the deadline ${q(p.found)} while the deadline column is empty: cells may be shifted.`,
    }),
    hint: () => ({
      vi: 'Chuyển giá trị sang đúng cột (thường do thiếu một ô Cơ quan phối hợp).',
      en: 'Move the value to the right column (usually a missing cooperating-agency cell).',
    }),
  },
  'cell/required': {
    severity: 'error',
    message: (p) => ({
      vi: `Ô ${q(p.field)} không được để trống.`,
      en: `${q(p.field)} must not be empty.`,
    }),
    hint: (p) => ({
      vi: `Nhập ${q(p.field)} cho nhiệm vụ này.`,
      en: `Enter the ${q(p.field)} for this task.`,
    }),
  },
  'cell/html-markup': {
    severity: 'warning',
    message: () => ({
      vi: 'Ô chứa mã HTML còn sót khi sao chép (ví dụ <p>, <ul>, &nbsp;).',
      en: 'The cell contains HTML left over from copy-paste (e.g. <p>, <ul>, &nbsp;).',
    }),
    hint: () => ({
      vi: 'Dùng “Sửa tự động” để xóa các thẻ HTML.',
      en: 'Use “Auto-fix” to remove the HTML tags.',
    }),
  },
  'cell/legacy-encoding': {
    severity: 'error',
    message: (p) => ({
      vi: `Ô được gõ bằng bảng mã cũ ${p.found ?? ''} (không phải Unicode): ${q(p.expected)}.`,
      en: `The cell is typed in the legacy ${p.found ?? ''} encoding (not Unicode): ${q(p.expected)}.`,
    }),
    hint: () => ({
      vi: 'Dùng “Sửa tự động” để chuyển sang Unicode, hoặc gõ lại bằng bảng mã Unicode.',
      en: 'Use “Auto-fix” to convert it to Unicode, or retype it in Unicode.',
    }),
  },
  'cell/unnormalized-text': {
    severity: 'warning',
    message: () => ({
      vi: 'Chữ tiếng Việt trong ô dùng dấu tổ hợp (Unicode chưa chuẩn hóa NFC), có thể không tìm kiếm được.',
      en: 'The Vietnamese text uses combining marks (not NFC-normalized Unicode) and may not match searches.',
    }),
    hint: () => ({
      vi: 'Dùng “Sửa tự động” để chuẩn hóa sang Unicode dựng sẵn.',
      en: 'Use “Auto-fix” to normalize it to precomposed Unicode.',
    }),
  },
  'cell/unknown-agency': {
    severity: 'warning',
    message: (p) => ({
      vi: `Không nhận ra cơ quan ${q(p.found)}.`,
      en: `Agency ${q(p.found)} is not known.`,
    }),
    hint: (p) => ({
      vi: p.suggestion
        ? `Có phải là ${q(p.suggestion)}?`
        : 'Kiểm tra tên cơ quan theo danh mục của tỉnh.',
      en: p.suggestion
        ? `Did you mean ${q(p.suggestion)}?`
        : 'Check the name against the province’s agency list.',
    }),
  },
  'cell/invalid-date': {
    severity: 'error',
    message: (p) => ({
      vi: `Ngày ${q(p.found)} không hợp lệ.`,
      en: `The date ${q(p.found)} is not valid.`,
    }),
    hint: () => ({
      vi: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/09/2026.',
      en: 'Enter the date as day/month/year, e.g. 15/09/2026.',
    }),
  },
  'row/deadline-before-start': {
    severity: 'error',
    message: (p) => ({
      vi: `Thời hạn hoàn thành (${p.due ?? ''}) trước thời gian bắt đầu (${p.start ?? ''}).`,
      en: `The deadline (${p.due ?? ''}) is before the start (${p.start ?? ''}).`,
    }),
    hint: () => ({
      vi: 'Kiểm tra lại cột Bắt đầu và Hoàn thành.',
      en: 'Check the start and end columns.',
    }),
  },
  'row/done-without-date': {
    severity: 'warning',
    message: () => ({
      vi: 'Nhiệm vụ đã hoàn thành nhưng chưa ghi ngày hoàn thành.',
      en: 'The task is done but has no completion date.',
    }),
    hint: () => ({
      vi: 'Nhập ngày hoàn thành để xác định đúng hạn hay quá hạn.',
      en: 'Enter the completion date so that on-time or late can be decided.',
    }),
  },
  'row/done-without-evidence': {
    severity: 'warning',
    message: () => ({
      vi: 'Nhiệm vụ đã hoàn thành nhưng chưa có tài liệu kiểm chứng.',
      en: 'The task is done but has no supporting document.',
    }),
    hint: () => ({
      vi: 'Ghi số, ký hiệu văn bản hoặc đường dẫn tài liệu kiểm chứng.',
      en: 'Enter the document number or a link to the evidence.',
    }),
  },
  'row/evidence-unverifiable': {
    severity: 'warning',
    message: (p) => {
      const why = {
        'no-number': { vi: 'không có số, ký hiệu văn bản', en: 'has no document number' },
        'no-date': { vi: 'không ghi ngày ban hành', en: 'has no date' },
        'outside-period': {
          vi: `ghi ngày ${p.date ?? ''}, trước năm kế hoạch`,
          en: `is dated ${p.date ?? ''}, before the plan year`,
        },
        'after-report': {
          vi: `ghi ngày ${p.date ?? ''}, sau ngày báo cáo ${p.due ?? ''}`,
          en: `is dated ${p.date ?? ''}, after the report date ${p.due ?? ''}`,
        },
      }[p.reason ?? 'no-number']
      return {
        vi: `Tài liệu kiểm chứng ${q(p.found)} ${why.vi}: không đối chiếu được.`,
        en: `The evidence ${q(p.found)} ${why.en}: it cannot be verified.`,
      }
    },
    hint: () => ({
      vi: 'Ghi văn bản kiểm chứng đủ số, ký hiệu, ngày và cơ quan ban hành, ví dụ “Báo cáo số 12/BC-UBND ngày 15/3/2026 của UBND tỉnh”, ban hành trong kỳ và không sau ngày báo cáo.',
      en: 'Cite the document with its number, symbol, date and issuing body, e.g. “Báo cáo số 12/BC-UBND ngày 15/3/2026 của UBND tỉnh”, issued in the period and not after the report date.',
    }),
  },
  'cell/completion-in-future': {
    severity: 'error',
    message: (p) => ({
      vi: `Ngày hoàn thành ${p.date ?? ''} sau ngày báo cáo ${p.due ?? ''}.`,
      en: `Completion date ${p.date ?? ''} is after the report date ${p.due ?? ''}.`,
    }),
    hint: () => ({
      vi: 'Ngày hoàn thành không thể sau ngày chốt số liệu báo cáo.',
      en: 'A task cannot be completed after the report’s cut-off date.',
    }),
  },
  'cell/invalid-achieved': {
    severity: 'warning',
    message: (p) => ({
      vi: `Kết quả đạt được ${q(p.found)} không đọc được thành số liệu.`,
      en: `Achieved value ${q(p.found)} cannot be read as a figure.`,
    }),
    hint: (p) => ({
      vi: `Ghi theo dạng “100%”, “95,5%”, “28/30”, “02 cuộc” hoặc “0”${p.expected ? `; chỉ tiêu: ${p.expected}` : ''}.`,
      en: `Write it as “100%”, “95,5%”, “28/30”, “02 cuộc” or “0”${p.expected ? `; target: ${p.expected}` : ''}.`,
    }),
  },
  'row/score-exceeds-max': {
    severity: 'error',
    message: (p) => ({
      vi: `Điểm tự chấm ${p.found ?? ''} vượt điểm tối đa ${p.max ?? ''}.`,
      en: `Self-assessed score ${p.found ?? ''} exceeds the maximum ${p.max ?? ''}.`,
    }),
    hint: () => ({
      vi: 'Điểm tự chấm không được lớn hơn điểm tối đa của tiêu chí.',
      en: 'The self-assessed score cannot exceed the criterion’s maximum.',
    }),
  },
  'report/provisional-profile': {
    severity: 'info',
    message: (p) => ({
      vi: `Điểm được tính theo thang điểm tạm thời ${q(p.profile)}, không phải thang điểm chính thức.`,
      en: `Scores use the provisional profile ${q(p.profile)}, not the official point table.`,
    }),
    hint: () => ({
      vi: 'Sở Nội vụ thay thang điểm này bằng thang điểm chính thức khi được ban hành.',
      en: 'Sở Nội vụ replaces this profile with the official point table once issued.',
    }),
  },
  'report/target-not-judged': {
    severity: 'info',
    message: (p) => ({
      vi: `${p.count ?? 0} nhiệm vụ có chỉ tiêu bằng số nhưng kết quả ghi bằng lời: chưa đánh giá được đạt hay không đạt chỉ tiêu.`,
      en: `${p.count ?? 0} tasks have a numeric target but a result in words: whether the target was met is not judged.`,
    }),
    hint: () => ({
      vi: 'Muốn đánh giá chỉ tiêu, ghi thêm kết quả bằng số (“95%”, “28/30”, “02 cuộc”) bên cạnh phần mô tả.',
      en: 'To judge the target, add the result as a figure (“95%”, “28/30”, “02 cuộc”) beside the description.',
    }),
  },
}

/** Task statuses as JSON keys, with their Vietnamese and English labels. */
export const statusLabels = {
  'done-on-time': { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  'done-late': { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  ongoing: { vi: 'Thường xuyên', en: 'Ongoing' },
  'in-progress': { vi: 'Đang thực hiện', en: 'In progress' },
  'not-started': { vi: 'Chưa thực hiện', en: 'Not started' },
  unknown: { vi: 'Chưa xác định', en: 'Unknown' },
} as const satisfies Record<string, Bilingual>

/**
 * Short codes for statuses where a grid of many units must stay readable on paper (the consolidated
 * workbook's "Theo nhiệm vụ"), each with the legend printed beside it.
 */
export const statusCodes = {
  'done-on-time': { vi: 'HT', en: 'D' },
  'done-late': { vi: 'HTQ', en: 'DL' },
  overdue: { vi: 'QH', en: 'OD' },
  ongoing: { vi: 'TX', en: 'OG' },
  'in-progress': { vi: 'ĐTH', en: 'IP' },
  'not-started': { vi: 'CTH', en: 'NS' },
  unknown: { vi: 'CXĐ', en: '?' },
} as const satisfies Record<keyof typeof statusLabels, Bilingual>

export const severityLabels = {
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Thông tin', en: 'Info' },
} as const satisfies Record<Severity, Bilingual>
