import type { Bilingual } from '../core/index.ts'
import type { WorkbookErrorCode } from './xlsx/errors.ts'

/** Every refusal the HTTP API gives, with its status and Vietnamese (and English) text. */
export const httpErrors = {
  'auth/missing': {
    status: 401,
    vi: 'Thiếu mã truy cập (Authorization: Bearer …).',
    en: 'Missing access token (Authorization: Bearer …).',
  },
  'auth/invalid': {
    status: 401,
    vi: 'Mã truy cập không đúng hoặc đã bị thu hồi.',
    en: 'The access token is wrong or revoked.',
  },
  'auth/forbidden': {
    status: 403,
    vi: 'Mã truy cập này không có quyền với dữ liệu được yêu cầu.',
    en: 'This token may not access the requested data.',
  },
  'request/invalid-period': {
    status: 400,
    vi: 'Kỳ báo cáo không hợp lệ (ví dụ: 2026-Q3, 2026-H1, 2026, 2026-07).',
    en: 'Invalid reporting period (e.g. 2026-Q3, 2026-H1, 2026, 2026-07).',
  },
  'request/missing-file': {
    status: 400,
    vi: 'Thiếu tệp báo cáo (trường "file").',
    en: 'The report file (field "file") is missing.',
  },
  'request/invalid-body': {
    status: 400,
    vi: 'Nội dung gửi lên không đúng định dạng.',
    en: 'The request body is malformed.',
  },
  'request/unsupported-type': {
    status: 415,
    vi: 'Chỉ nhận tệp .xlsx (multipart/form-data) hoặc bảng JSON từ add-in.',
    en: 'Only .xlsx files (multipart/form-data) or the add-in JSON table are accepted.',
  },
  'request/too-large': { status: 413, vi: 'Tệp gửi lên quá lớn.', en: 'The upload is too large.' },
  'request/timeout': {
    status: 503,
    vi: 'Máy chủ xử lý quá lâu; hãy thử lại sau.',
    en: 'The server took too long; try again later.',
  },
  'request/busy': {
    status: 503,
    vi: 'Máy chủ đang bận kiểm tra nhiều tệp; hãy gửi lại sau ít phút. Chưa có gì được lưu.',
    en: 'The server is busy checking many files; send again in a few minutes. Nothing was stored.',
  },
  'agency/unknown': {
    status: 404,
    vi: 'Không có cơ quan với mã này.',
    en: 'No agency has this id.',
  },
  'agency/exists': {
    status: 409,
    vi: 'Mã cơ quan đã tồn tại.',
    en: 'The agency id is already taken.',
  },
  'agency/required': {
    status: 400,
    vi: 'Quản trị viên nộp thay cần chỉ rõ cơ quan (trường "agency").',
    en: 'An admin submitting on behalf of an agency must name it (field "agency").',
  },
  'token/unknown': {
    status: 404,
    vi: 'Không có mã truy cập đang hiệu lực với định danh này.',
    en: 'No live token has this id.',
  },
  'submission/unknown': {
    status: 404,
    vi: 'Không có bản nộp với mã này.',
    en: 'No submission has this id.',
  },
  'sheets/invalid-url': {
    status: 400,
    vi: 'Đường dẫn Google Sheet không hợp lệ (https://docs.google.com/spreadsheets/d/…).',
    en: 'Not a Google Sheets link (https://docs.google.com/spreadsheets/d/…).',
  },
  'sheets/not-configured': {
    status: 503,
    vi: 'Máy chủ chưa có tài khoản dịch vụ Google (GOOGLE_APPLICATION_CREDENTIALS) để lấy bảng tính.',
    en: 'The service has no Google service account (GOOGLE_APPLICATION_CREDENTIALS) to pull sheets with.',
  },
  'sheets/pull-running': {
    status: 409,
    vi: 'Đang lấy dữ liệu từ Google Sheets; hãy chờ lần lấy này xong.',
    en: 'A Google Sheets pull is already running; wait for it to finish.',
  },
  'not-found': { status: 404, vi: 'Không tìm thấy địa chỉ này.', en: 'Not found.' },
  internal: {
    status: 500,
    vi: 'Lỗi máy chủ; thao tác chưa được thực hiện.',
    en: 'Server error; nothing was changed.',
  },
} as const satisfies Record<string, Bilingual & { status: number }>

export type HttpErrorCode = keyof typeof httpErrors | `workbook/${WorkbookErrorCode}`

/** A refusal: answered as `{ error: { code, message, en } }` with its status. */
export class ApiError extends Error {
  readonly code: HttpErrorCode
  readonly status: number
  readonly text: Bilingual
  readonly detail: string | undefined

  constructor(code: keyof typeof httpErrors, detail?: string) {
    const e = httpErrors[code]
    super(e.en)
    this.code = code
    this.detail = detail
    this.status = e.status
    this.text = detail
      ? { vi: `${e.vi} ${detail}`, en: `${e.en} ${detail}` }
      : { vi: e.vi, en: e.en }
  }
}
