import type { ErrorText } from './text.ts'

/** Every refusal of the Google Sheets adapter, in Vietnamese first with English. */
export const sheetsErrors = {
  'sheets/bad-target': {
    status: 400,
    vi: 'Không nhận ra bảng tính Google: hãy dán đường dẫn (https://docs.google.com/spreadsheets/d/…) hoặc mã bảng tính.',
    en: 'Not a Google spreadsheet: paste its link (https://docs.google.com/spreadsheets/d/…) or its id.',
  },
  'sheets/sheet-not-found': {
    status: 422,
    vi: 'Không tìm thấy trang tính được chỉ định trong bảng tính.',
    en: 'The requested sheet is not in the spreadsheet.',
  },
  'sheets/not-found': {
    status: 404,
    vi: 'Không mở được bảng tính: kiểm tra đường dẫn và quyền chia sẻ với tài khoản đang dùng.',
    en: 'The spreadsheet cannot be opened: check the link and that it is shared with the account in use.',
  },
  'sheets/permission': {
    status: 403,
    vi: 'Tài khoản đang dùng không có quyền sửa bảng tính này. Hãy nhờ chủ sở hữu chia sẻ quyền chỉnh sửa, hoặc chạy với --no-write.',
    en: 'The account in use may not edit this spreadsheet. Ask its owner for edit access, or run with --no-write.',
  },
  'sheets/protected': {
    status: 403,
    vi: 'Các ô cần ghi kết quả đang được bảo vệ (Dữ liệu → Trang tính và dải ô được bảo vệ). Hãy bỏ bảo vệ hoặc chạy với --no-write.',
    en: 'The cells the check writes are protected (Data → Protected sheets and ranges). Remove the protection or run with --no-write.',
  },
  'sheets/too-large': {
    status: 413,
    vi: 'Trang tính quá lớn để kiểm tra (tối đa 10.000 dòng và 300 cột có dữ liệu). Hãy tách bảng phụ lục sang một trang riêng.',
    en: 'The sheet is too large to check (at most 10,000 rows and 300 columns with data). Move the annex table to a sheet of its own.',
  },
  'sheets/not-annex': {
    status: 422,
    vi: 'Không tìm thấy bảng phụ lục CCHC trong trang tính (cần dòng tiêu đề có STT, Nội dung, Cơ quan chủ trì, Thời gian thực hiện). Không ghi gì vào bảng tính.',
    en: 'No CCHC annex table in the sheet (a header row with STT, content, lead agency and deadline is needed). Nothing was written.',
  },
  'sheets/no-credentials': {
    status: 503,
    vi: 'Chưa đăng nhập Google. Chạy "cchc sheets login", hoặc đặt GOOGLE_APPLICATION_CREDENTIALS (tài khoản dịch vụ) hay CCHC_GOOGLE_ACCESS_TOKEN.',
    en: 'Not signed in to Google. Run "cchc sheets login", or set GOOGLE_APPLICATION_CREDENTIALS (service account) or CCHC_GOOGLE_ACCESS_TOKEN.',
  },
  'sheets/auth': {
    status: 502,
    vi: 'Google từ chối thông tin đăng nhập (hết hạn hoặc bị thu hồi). Chạy lại "cchc sheets login".',
    en: 'Google refused the credentials (expired or revoked). Run "cchc sheets login" again.',
  },
  'sheets/quota': {
    status: 503,
    vi: 'Google Sheets đang giới hạn số yêu cầu và vẫn bận sau khi chờ khoảng một phút. Hãy thử lại sau ít phút.',
    en: 'Google Sheets kept limiting requests after about a minute of waiting. Try again in a few minutes.',
  },
  'sheets/network': {
    status: 502,
    vi: 'Không kết nối được tới Google Sheets. Kiểm tra mạng rồi thử lại.',
    en: 'Cannot reach Google Sheets. Check the network and try again.',
  },
  'sheets/login': {
    status: 401,
    vi: 'Đăng nhập Google không thành công.',
    en: 'Google sign-in failed.',
  },
} as const satisfies Record<string, ErrorText>
