import type { Bilingual } from '../core/index.ts'

/**
 * Every message the add-in shows for a failure, in Vietnamese with English after: Excel's own error
 * codes (Microsoft's "Error handling with the application-specific JavaScript APIs") and the
 * add-in's refusals, each saying what happened and what to do. "{sheet}" is the sheet concerned.
 */
export const addinErrorCodes = [
  'AccessDenied',
  'ApiNotFound',
  'GeneralException',
  'InactiveWorkbook',
  'InvalidArgument',
  'InvalidOperation',
  'InvalidOperationInCellEditMode',
  'ItemAlreadyExists',
  'ItemNotFound',
  'RangeExceedsLimit',
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'no-table',
  'own-sheet',
  'workbook-protected',
  'read-too-large',
  'not-excel',
  'unknown',
] as const
export type AddinErrorCode = (typeof addinErrorCodes)[number]

export const addinErrors: Record<AddinErrorCode, Bilingual> = {
  AccessDenied: {
    vi: 'Excel không cho ghi: tệp đang mở ở chế độ chỉ xem, hoặc trang tính vừa được khóa lại trong lúc kiểm tra. Hãy mở tệp ở chế độ chỉnh sửa rồi bấm "Kiểm tra" lại (trên trang được bảo vệ, bổ trợ tự ghi vào các ô được phép).',
    en: 'Excel refused the change: the file is read-only, or the sheet was protected during the check. Open it for editing and check again (on a protected sheet the add-in writes only where it is allowed).',
  },
  ApiNotFound: {
    vi: 'Phiên bản Excel này thiếu một chức năng bổ trợ cần dùng. Hãy cập nhật Excel, hoặc dùng Microsoft 365 / Excel trên web.',
    en: 'This version of Excel lacks a feature the add-in needs. Update Excel, or use Microsoft 365 / Excel on the web.',
  },
  GeneralException: {
    vi: 'Excel báo lỗi nội bộ (GeneralException) khi thực hiện yêu cầu. Trang tính chưa bị thay đổi ở bước này; hãy lưu tệp, thử lại, và nếu vẫn lỗi thì đóng rồi mở lại tệp.',
    en: 'Excel reported an internal error (GeneralException). Save the file and try again; if it persists, close and reopen the file.',
  },
  InactiveWorkbook: {
    vi: 'Đang mở nhiều sổ làm việc và sổ này không còn được chọn. Hãy bấm vào sổ cần kiểm tra rồi thử lại.',
    en: 'Several workbooks are open and this one lost focus. Click into the workbook to check, then try again.',
  },
  InvalidArgument: {
    vi: 'Excel không nhận một địa chỉ ô hoặc giá trị (có thể bảng vừa bị thay đổi). Hãy bấm "Kiểm tra" lại.',
    en: 'Excel refused a cell address or value (the table may have just changed). Run the check again.',
  },
  InvalidOperation: {
    vi: 'Excel không cho thực hiện thao tác này trên trang tính hiện tại. Hãy bấm "Kiểm tra" lại; nếu vẫn lỗi, hãy lưu tệp rồi mở lại.',
    en: 'Excel does not allow this operation on the sheet now. Check again; if it persists, save and reopen the file.',
  },
  InvalidOperationInCellEditMode: {
    vi: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa, rồi thử lại.',
    en: 'Excel is in cell-edit mode. Press Enter or Esc to leave the cell, then try again.',
  },
  ItemAlreadyExists: {
    vi: 'Đã có một trang tính trùng tên với trang bổ trợ cần tạo. Hãy bấm "Kiểm tra" lại.',
    en: 'A sheet with the name the add-in needs already exists. Run the check again.',
  },
  ItemNotFound: {
    vi: 'Không tìm thấy trang tính hoặc ô cần thao tác (có thể vừa bị xóa). Hãy bấm "Kiểm tra" lại.',
    en: 'A sheet or cell the add-in needed no longer exists (it may have been deleted). Run the check again.',
  },
  RangeExceedsLimit: {
    vi: 'Vùng dữ liệu quá lớn để Excel đọc một lần. Hãy xóa các dòng, cột trống thừa ở cuối trang tính rồi thử lại.',
    en: 'The range is too large for Excel to read at once. Delete unused rows and columns at the end of the sheet and try again.',
  },
  RequestPayloadSizeLimitExceeded: {
    vi: 'Dữ liệu gửi cho Excel vượt giới hạn 5 MB của Excel trên web. Hãy thử lại, hoặc kiểm tra bảng trên Excel cài trên máy; nếu trang đã được đánh dấu một phần, bấm "Xóa đánh dấu".',
    en: 'The data sent to Excel exceeded Excel on the web’s 5 MB limit. Try again or use desktop Excel; if the sheet was partly marked, clear the marks.',
  },
  ResponsePayloadSizeLimitExceeded: {
    vi: 'Bảng quá lớn để Excel trên web trả về trong một lần. Bảng chưa bị thay đổi; hãy thử lại, hoặc kiểm tra bảng trên Excel cài trên máy.',
    en: 'The table is too large for Excel on the web to return at once. Nothing was changed; try again or use desktop Excel.',
  },
  'no-table': {
    vi: 'Không tìm thấy bảng phụ lục (dòng tiêu đề có STT, Nội dung, Thời hạn…) trong trang tính “{sheet}”. Trang tính chưa bị thay đổi; hãy mở trang có bảng phụ lục rồi bấm "Kiểm tra".',
    en: 'No annex table (a header row with STT, content, deadline…) was found on the sheet “{sheet}”. Nothing was changed; open the sheet with the annex and check again.',
  },
  'own-sheet': {
    vi: '“{sheet}” là trang kết quả do bổ trợ tạo ra, không phải bảng phụ lục. Không có gì bị thay đổi; hãy mở trang “{annex}” rồi bấm "Kiểm tra".',
    en: '“{sheet}” is the add-in’s result sheet, not an annex. Nothing was changed; open “{annex}” and check again.',
  },
  'workbook-protected': {
    vi: 'Cấu trúc sổ làm việc đang được bảo vệ (Xem lại → Bảo vệ sổ làm việc), nên bổ trợ không thêm được trang “Kiểm tra” và trang ghi nhớ đánh dấu. Không có gì bị thay đổi; hãy bỏ bảo vệ cấu trúc rồi thử lại, hoặc kiểm tra bằng lệnh cchc validate.',
    en: 'The workbook structure is protected (Review → Protect Workbook), so the add-in cannot add its "Kiểm tra" and record sheets. Nothing was changed; unprotect the structure and try again, or use cchc validate.',
  },
  'read-too-large': {
    vi: 'Không đọc được bảng: một dòng quá lớn để Excel trên web trả về. Hãy kiểm tra bảng trên Excel cài trên máy.',
    en: 'The table cannot be read: a single row is too large for Excel on the web. Use desktop Excel.',
  },
  'not-excel': {
    vi: 'Bổ trợ CCHC chỉ chạy trong Excel (Microsoft 365, Excel 2021 trở lên, Excel trên web).',
    en: 'The CCHC add-in runs only in Excel (Microsoft 365, Excel 2021 or later, Excel on the web).',
  },
  unknown: {
    vi: 'Có lỗi khi làm việc với Excel. Trang tính có thể chưa được đánh dấu đầy đủ; hãy bấm "Xóa đánh dấu" rồi kiểm tra lại.',
    en: 'Something went wrong in Excel. The sheet may be partly marked; clear the marks and check again.',
  },
}

/** What "Sửa tự động" could not write because the cells are locked: shown as a list to copy. */
export const lockedFixesText: Bilingual = {
  vi: 'Các ô sau thuộc cột kế hoạch đã bị khóa (trang tính được bảo vệ), nên bổ trợ không tự sửa được. Hãy chép nội dung đã sửa vào đúng ô (hoặc nhờ đơn vị gửi biểu mẫu sửa), rồi kiểm tra lại:',
  en: 'These cells are in locked plan columns of a protected sheet, so the add-in cannot fix them. Copy the corrected text into each cell (or ask the template’s sender), then check again:',
}

/** Fixes left alone because the cell changed since the check (a hand correction, a moved row). */
export const staleFixesText: Bilingual = {
  vi: 'Các ô sau đã thay đổi kể từ lần kiểm tra (sửa tay, chèn/xóa dòng), nên bổ trợ không ghi đè. Hãy bấm "Kiểm tra" lại để xem các vấn đề còn lại:',
  en: 'These cells changed since the check (edited by hand, rows inserted or deleted), so the add-in left them alone. Check again to see what is left:',
}

/** What the pane says about the host's missing features. */
export const hostLimitsText: Bilingual = {
  vi: 'Excel này chưa có chức năng ghi chú ô cho bổ trợ (ExcelApi 1.18: có trên Microsoft 365 và Excel trên web, không có trên Office 2021/2024). Vấn đề được tô màu và liệt kê ở trang “Kiểm tra”; ghi chú của đơn vị được giữ nguyên.',
  en: 'This Excel has no notes API for add-ins (ExcelApi 1.18: Microsoft 365 and Excel on the web, not Office 2021/2024). Problems are shown by fills and the "Kiểm tra" sheet; your own notes are kept.',
}
