import type { Bilingual } from '../core/index.ts'

/**
 * Every message the add-in shows for a failure, in Vietnamese with English after: Excel's own error
 * codes and the add-in's refusals, each saying what happened and what to do.
 */
export const addinErrorCodes = [
  'AccessDenied',
  'ItemNotFound',
  'InvalidOperationInCellEditMode',
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'marks-moved',
  'read-too-large',
  'not-excel',
  'unknown',
] as const
export type AddinErrorCode = (typeof addinErrorCodes)[number]

export const addinErrors: Record<AddinErrorCode, Bilingual> = {
  AccessDenied: {
    vi: 'Excel không cho ghi vì trang tính đang được bảo vệ hoặc tệp chỉ cho xem. Hãy mở tệp ở chế độ chỉnh sửa; nếu là biểu mẫu có khóa, chỉ các cột được phép nhập mới sửa được.',
    en: 'Excel refused the change: the sheet is protected or the file is read-only. Open it for editing; on a locked template only the input columns can change.',
  },
  ItemNotFound: {
    vi: 'Không tìm thấy trang tính hoặc ô cần thao tác (có thể vừa bị xóa). Hãy bấm "Kiểm tra" lại.',
    en: 'A sheet or cell the add-in needed no longer exists (it may have been deleted). Run the check again.',
  },
  InvalidOperationInCellEditMode: {
    vi: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa, rồi thử lại.',
    en: 'Excel is in cell-edit mode. Press Enter or Esc to leave the cell, then try again.',
  },
  RequestPayloadSizeLimitExceeded: {
    vi: 'Dữ liệu gửi cho Excel vượt giới hạn 5 MB của Excel trên web. Bảng chưa bị thay đổi; hãy thử lại, hoặc kiểm tra bảng trên Excel cài trên máy.',
    en: 'The data sent to Excel exceeded Excel on the web’s 5 MB limit. Nothing was changed; try again or use desktop Excel.',
  },
  ResponsePayloadSizeLimitExceeded: {
    vi: 'Bảng quá lớn để Excel trên web trả về trong một lần. Bảng chưa bị thay đổi; hãy thử lại, hoặc kiểm tra bảng trên Excel cài trên máy.',
    en: 'The table is too large for Excel on the web to return at once. Nothing was changed; try again or use desktop Excel.',
  },
  'marks-moved': {
    vi: 'Không khôi phục được đánh dấu của lần kiểm tra trước: các dòng đã đánh dấu bị sửa STT/nội dung hoặc bị xóa. Trang tính chưa bị thay đổi. Hãy dùng Hoàn tác (Ctrl+Z) để trả lại các dòng, rồi bấm "Xóa đánh dấu".',
    en: 'The previous check’s marks cannot be restored: marked rows had their STT/content changed or were deleted. Nothing was changed. Undo (Ctrl+Z) the row changes, then clear the marks.',
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
