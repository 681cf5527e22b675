import type { Bilingual } from '../../core/index.ts'

/** Every refusal of the Google Sheets adapter, in Vietnamese first with English. */
export const sheetsErrors = {
  'bad-target': {
    vi: 'Không nhận ra bảng tính Google: hãy dán đường dẫn (https://docs.google.com/spreadsheets/d/…) hoặc mã bảng tính.',
    en: 'Not a Google spreadsheet: paste its link (https://docs.google.com/spreadsheets/d/…) or its id.',
  },
  'sheet-not-found': {
    vi: 'Không tìm thấy trang tính được chỉ định trong bảng tính.',
    en: 'The requested sheet is not in the spreadsheet.',
  },
  'not-found': {
    vi: 'Không mở được bảng tính: kiểm tra đường dẫn và quyền chia sẻ với tài khoản đang dùng.',
    en: 'The spreadsheet cannot be opened: check the link and that it is shared with the account in use.',
  },
  permission: {
    vi: 'Tài khoản đang dùng không có quyền sửa bảng tính này. Hãy nhờ chủ sở hữu chia sẻ quyền chỉnh sửa, hoặc chạy với --no-write.',
    en: 'The account in use may not edit this spreadsheet. Ask its owner for edit access, or run with --no-write.',
  },
  protected: {
    vi: 'Các ô cần ghi kết quả đang được bảo vệ (Dữ liệu → Trang tính và dải ô được bảo vệ). Hãy bỏ bảo vệ hoặc chạy với --no-write.',
    en: 'The cells the check writes are protected (Data → Protected sheets and ranges). Remove the protection or run with --no-write.',
  },
  'too-large': {
    vi: 'Trang tính quá lớn để kiểm tra (tối đa 10.000 dòng và 300 cột có dữ liệu). Hãy tách bảng phụ lục sang một trang riêng.',
    en: 'The sheet is too large to check (at most 10,000 rows and 300 columns with data). Move the annex table to a sheet of its own.',
  },
  'not-annex': {
    vi: 'Không tìm thấy bảng phụ lục CCHC trong trang tính (cần dòng tiêu đề có STT, Nội dung, Cơ quan chủ trì, Thời gian thực hiện). Không ghi gì vào bảng tính.',
    en: 'No CCHC annex table in the sheet (a header row with STT, content, lead agency and deadline is needed). Nothing was written.',
  },
  'no-credentials': {
    vi: 'Chưa đăng nhập Google. Chạy "cchc sheets login", hoặc đặt GOOGLE_APPLICATION_CREDENTIALS (tài khoản dịch vụ) hay CCHC_GOOGLE_ACCESS_TOKEN.',
    en: 'Not signed in to Google. Run "cchc sheets login", or set GOOGLE_APPLICATION_CREDENTIALS (service account) or CCHC_GOOGLE_ACCESS_TOKEN.',
  },
  auth: {
    vi: 'Google từ chối thông tin đăng nhập (hết hạn hoặc bị thu hồi). Chạy lại "cchc sheets login".',
    en: 'Google refused the credentials (expired or revoked). Run "cchc sheets login" again.',
  },
  quota: {
    vi: 'Google Sheets đang giới hạn số yêu cầu và vẫn bận sau khi chờ khoảng một phút. Hãy thử lại sau ít phút.',
    en: 'Google Sheets kept limiting requests after about a minute of waiting. Try again in a few minutes.',
  },
  network: {
    vi: 'Không kết nối được tới Google Sheets. Kiểm tra mạng rồi thử lại.',
    en: 'Cannot reach Google Sheets. Check the network and try again.',
  },
  login: {
    vi: 'Đăng nhập Google không thành công.',
    en: 'Google sign-in failed.',
  },
} as const satisfies Record<string, Bilingual>

export type SheetsErrorCode = keyof typeof sheetsErrors

/** A failure the user must act on, with its kind text; never shown with a stack trace. */
export class SheetsError extends Error {
  readonly code: SheetsErrorCode
  readonly text: Bilingual
  constructor(code: SheetsErrorCode, detail?: string) {
    const text = sheetsErrors[code]
    super(`${text.vi}${detail ? ` (${detail})` : ''}`)
    this.name = 'SheetsError'
    this.code = code
    this.text = detail
      ? { vi: `${text.vi} (${detail})`, en: `${text.en} (${detail})` }
      : { vi: text.vi, en: text.en }
  }
}

/** The HTTP status of a failed Google API call (gaxios puts it on the error), or null. */
export function readErrorStatus(error: unknown): number | null {
  const e = error as { status?: unknown; response?: { status?: unknown }; code?: unknown }
  const status = e?.status ?? e?.response?.status ?? e?.code
  return typeof status === 'number' ? status : null
}

/** Turns a failed Google API call into the user's kind message. */
export function convertApiError(error: unknown): Error {
  if (error instanceof SheetsError) return error
  const status = readErrorStatus(error)
  if (status === 401) return new SheetsError('auth')
  if (status === 403) return new SheetsError('permission')
  if (status === 404) return new SheetsError('not-found')
  if (status === 429) return new SheetsError('quota')
  if (status === null) return new SheetsError('network', (error as Error)?.message?.slice(0, 120))
  return error instanceof Error ? error : new Error(String(error))
}
