import type { ErrorText } from './text.ts'

/** A workbook that cannot be read: what to do about it, and the HTTP status its upload is answered with. */
export const workbookErrors = {
  'workbook/not-xlsx': {
    status: 415,
    vi: 'Tệp không phải là bảng tính Excel (.xlsx).',
    en: 'The file is not an Excel workbook (.xlsx).',
  },
  'workbook/legacy-xls': {
    status: 415,
    vi: 'Tệp là bảng tính Excel cũ (.xls). Hãy mở bằng Excel và chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx), rồi gửi lại.',
    en: 'The file is a legacy Excel workbook (.xls). Open it in Excel, Save As → Excel Workbook (.xlsx), and send it again.',
  },
  'workbook/ods': {
    status: 415,
    vi: 'Tệp là bảng tính OpenDocument (.ods). Hãy lưu lại dưới dạng .xlsx (Tệp → Lưu thành → Excel 2007-365), rồi gửi lại.',
    en: 'The file is an OpenDocument spreadsheet (.ods). Save it as .xlsx (File → Save As → Excel 2007-365) and send it again.',
  },
  'workbook/xlsb': {
    status: 415,
    vi: 'Tệp là sổ làm việc nhị phân Excel (.xlsb). Hãy mở bằng Excel và chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx), rồi gửi lại.',
    en: 'The file is an Excel binary workbook (.xlsb). Open it in Excel, Save As → Excel Workbook (.xlsx), and send it again.',
  },
  'workbook/encrypted': {
    status: 415,
    vi: 'Tệp được đặt mật khẩu. Hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu → xóa mật khẩu), lưu lại rồi gửi.',
    en: 'The file is password-protected. Remove the password (File → Info → Protect Workbook → Encrypt with Password → clear it), save, and send it again.',
  },
  'workbook/corrupt': {
    status: 422,
    vi: 'Tệp .xlsx bị hỏng hoặc không đầy đủ, không đọc được.',
    en: 'The .xlsx file is damaged or incomplete and cannot be read.',
  },
  'workbook/unsafe': {
    status: 422,
    vi: 'Tệp có cấu trúc không an toàn (tệp nén bất thường hoặc XML có khai báo DTD) nên bị từ chối.',
    en: 'The file has an unsafe structure (an abnormal archive or XML with a DTD) and was refused.',
  },
  'workbook/too-large': {
    status: 413,
    vi: 'Tệp hoặc trang tính quá lớn để kiểm tra.',
    en: 'The file or sheet is too large to check.',
  },
  'workbook/too-complex': {
    status: 422,
    vi: 'Tệp cần quá nhiều bộ nhớ hoặc thời gian để kiểm tra nên bị từ chối; không có gì được lưu. Hãy xóa các ô, vùng gộp hoặc hình ảnh thừa rồi gửi lại.',
    en: 'The file needs too much memory or time to check and was refused; nothing was stored. Remove stray cells, merges or images and send it again.',
  },
  'workbook/sheet-not-found': {
    status: 422,
    vi: 'Không tìm thấy trang tính được chỉ định.',
    en: 'The requested sheet was not found.',
  },
} as const satisfies Record<string, ErrorText>
