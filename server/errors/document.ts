import type { ErrorText } from './text.ts'

/** A plan document (Word, web page) that cannot be read: what to do about it, and the HTTP status. */
export const documentErrors = {
  'document/not-supported': {
    status: 415,
    vi: 'Chỉ đọc được phụ lục kế hoạch dạng Word (.docx), Excel (.xlsx) hoặc trang web (.html).',
    en: 'Only plan appendices in Word (.docx), Excel (.xlsx) or web page (.html) form can be read.',
  },
  'document/legacy-doc': {
    status: 415,
    vi: 'Tệp là văn bản Word cũ (.doc). Hãy mở bằng Word và chọn Lưu thành (Save As) → Tài liệu Word (.docx), rồi tải lên lại.',
    en: 'The file is a legacy Word document (.doc). Open it in Word, Save As → Word Document (.docx), and upload it again.',
  },
  'document/encrypted': {
    status: 415,
    vi: 'Tệp được đặt mật khẩu. Hãy gỡ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu → xóa mật khẩu), lưu lại rồi tải lên.',
    en: 'The file is password-protected. Remove the password (File → Info → Protect Document → Encrypt with Password → clear it), save, and upload it again.',
  },
  'document/corrupt': {
    status: 422,
    vi: 'Tệp Word bị hỏng hoặc không đầy đủ, không đọc được.',
    en: 'The Word file is damaged or incomplete and cannot be read.',
  },
  'document/unsafe': {
    status: 422,
    vi: 'Tệp có cấu trúc không an toàn (tệp nén bất thường hoặc XML có khai báo DTD) nên bị từ chối.',
    en: 'The file has an unsafe structure (an abnormal archive or XML with a DTD) and was refused.',
  },
  'document/too-large': {
    status: 413,
    vi: 'Tệp quá lớn để đọc phụ lục.',
    en: 'The file is too large to read the appendix from.',
  },
  'document/too-complex': {
    status: 422,
    vi: 'Bảng trong tệp có quá nhiều ô, cột hoặc bảng lồng nhau để đọc; hãy tách phụ lục ra tệp riêng rồi tải lên lại.',
    en: 'The tables in the file have too many cells, columns or nested tables to read; put the appendix in a file of its own and upload it again.',
  },
  'document/no-table': {
    status: 422,
    vi: 'Không tìm thấy bảng phụ lục (có cột STT, Nội dung, Cơ quan chủ trì, Thời gian thực hiện) trong tệp.',
    en: 'No appendix table (with STT, Content, Lead agency and Deadline columns) was found in the file.',
  },
} as const satisfies Record<string, ErrorText>
