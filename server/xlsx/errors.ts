import type { Bilingual } from '../../core/index.ts'

export const workbookErrorCodes = [
  'not-xlsx',
  'legacy-xls',
  'ods',
  'xlsb',
  'encrypted',
  'corrupt',
  'unsafe',
  'too-large',
  'too-complex',
  'sheet-not-found',
] as const
export type WorkbookErrorCode = (typeof workbookErrorCodes)[number]

const texts: Record<WorkbookErrorCode, Bilingual> = {
  'not-xlsx': {
    vi: 'Tệp không phải là bảng tính Excel (.xlsx).',
    en: 'The file is not an Excel workbook (.xlsx).',
  },
  'legacy-xls': {
    vi: 'Tệp là bảng tính Excel cũ (.xls). Hãy mở bằng Excel và chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx), rồi gửi lại.',
    en: 'The file is a legacy Excel workbook (.xls). Open it in Excel, Save As → Excel Workbook (.xlsx), and send it again.',
  },
  ods: {
    vi: 'Tệp là bảng tính OpenDocument (.ods). Hãy lưu lại dưới dạng .xlsx (Tệp → Lưu thành → Excel 2007-365), rồi gửi lại.',
    en: 'The file is an OpenDocument spreadsheet (.ods). Save it as .xlsx (File → Save As → Excel 2007-365) and send it again.',
  },
  xlsb: {
    vi: 'Tệp là sổ làm việc nhị phân Excel (.xlsb). Hãy mở bằng Excel và chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx), rồi gửi lại.',
    en: 'The file is an Excel binary workbook (.xlsb). Open it in Excel, Save As → Excel Workbook (.xlsx), and send it again.',
  },
  encrypted: {
    vi: 'Tệp được đặt mật khẩu. Hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu → xóa mật khẩu), lưu lại rồi gửi.',
    en: 'The file is password-protected. Remove the password (File → Info → Protect Workbook → Encrypt with Password → clear it), save, and send it again.',
  },
  corrupt: {
    vi: 'Tệp .xlsx bị hỏng hoặc không đầy đủ, không đọc được.',
    en: 'The .xlsx file is damaged or incomplete and cannot be read.',
  },
  unsafe: {
    vi: 'Tệp có cấu trúc không an toàn (tệp nén bất thường hoặc XML có khai báo DTD) nên bị từ chối.',
    en: 'The file has an unsafe structure (an abnormal archive or XML with a DTD) and was refused.',
  },
  'too-large': {
    vi: 'Tệp hoặc trang tính quá lớn để kiểm tra.',
    en: 'The file or sheet is too large to check.',
  },
  'too-complex': {
    vi: 'Tệp cần quá nhiều bộ nhớ hoặc thời gian để kiểm tra nên bị từ chối; không có gì được lưu. Hãy xóa các ô, vùng gộp hoặc hình ảnh thừa rồi gửi lại.',
    en: 'The file needs too much memory or time to check and was refused; nothing was stored. Remove stray cells, merges or images and send it again.',
  },
  'sheet-not-found': {
    vi: 'Không tìm thấy trang tính được chỉ định.',
    en: 'The requested sheet was not found.',
  },
}

/** A workbook that cannot be read: a clear Vietnamese (and English) message, never a stack trace. */
export class WorkbookError extends Error {
  readonly code: WorkbookErrorCode
  readonly text: Bilingual
  readonly detail: string | undefined

  constructor(code: WorkbookErrorCode, detail?: string) {
    const text = texts[code]
    super(detail ? `${text.en} (${detail})` : text.en)
    this.name = 'WorkbookError'
    this.code = code
    this.detail = detail
    this.text = detail ? { vi: `${text.vi} (${detail})`, en: `${text.en} (${detail})` } : text
  }
}
