import type { ErrorText } from './text.ts'

/** Every refusal of the HTTP API, with its status and Vietnamese (and English) text. */
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
  'auth/rate-limited': {
    status: 429,
    vi: 'Quá nhiều lần đăng nhập hoặc mã truy cập sai; hãy thử lại sau ít phút.',
    en: 'Too many failed sign-ins or wrong tokens; try again in a few minutes.',
  },
  'auth/login-failed': {
    status: 401,
    vi: 'Email hoặc mật khẩu không đúng.',
    en: 'Wrong email or password.',
  },
  'auth/session-expired': {
    status: 401,
    vi: 'Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.',
    en: 'The session has expired; sign in again.',
  },
  'auth/csrf': {
    status: 403,
    vi: 'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); hãy tải lại trang.',
    en: 'Missing or wrong anti-forgery token (X-CSRF-Token); reload the page.',
  },
  'quota/versions': {
    status: 429,
    vi: 'Cơ quan đã nộp quá nhiều phiên bản cho kỳ này trong một giờ; hãy thử lại sau. Chưa có gì được lưu.',
    en: 'The agency has sent too many versions for this period within an hour; try again later. Nothing was stored.',
  },
  'quota/bytes': {
    status: 413,
    vi: 'Dung lượng lưu trữ dành cho cơ quan trong kỳ này đã hết; hãy liên hệ Sở Nội vụ. Chưa có gì được lưu.',
    en: 'The storage allowed for the agency in this period is used up; contact the Department of Home Affairs. Nothing was stored.',
  },
  'quota/hourly-bytes': {
    status: 429,
    vi: 'Cơ quan đã gửi quá nhiều dữ liệu trong một giờ; hãy thử lại sau. Chưa có gì được lưu.',
    en: 'The agency has sent too much data within an hour; try again later. Nothing was stored.',
  },
  'quota/parses': {
    status: 429,
    vi: 'Cơ quan đang có tệp chờ kiểm tra; hãy đợi kết quả rồi gửi tiếp. Chưa có gì được lưu.',
    en: 'The agency already has files being checked; wait for their results before sending more. Nothing was stored.',
  },
  'request/period-out-of-range': {
    status: 400,
    vi: 'Chỉ nhận báo cáo cho các kỳ của năm nay, năm trước hoặc năm sau; kỳ khác do Sở Nội vụ nộp thay.',
    en: 'Reports are accepted for periods of this year, last year or next year only; other periods are filed by the Department of Home Affairs.',
  },
  'request/invalid-period': {
    status: 400,
    vi: 'Kỳ báo cáo không hợp lệ (ví dụ: Quý III/2026, Q3/2026, 2026-Q3, 6 tháng đầu năm 2026, Năm 2026, Tháng 7/2026).',
    en: 'Invalid reporting period (e.g. Quý III/2026, Q3/2026, 2026-Q3, 6 tháng đầu năm 2026, Năm 2026, Tháng 7/2026).',
  },
  'request/missing-file': {
    status: 400,
    vi: 'Thiếu tệp báo cáo (trường "file").',
    en: 'The report file (field "file") is missing.',
  },
  'request/invalid-deadline': {
    status: 400,
    vi: 'Thời hạn mới phải là một ngày sau hôm nay, dạng YYYY-MM-DD (ví dụ: 2026-09-30).',
    en: 'The new deadline must be a day after today, as YYYY-MM-DD (e.g. 2026-09-30).',
  },
  'reminder/nothing': {
    status: 409,
    vi: 'Cơ quan này đã gửi báo cáo đúng hạn, không có nhiệm vụ quá hạn và không còn lỗi: không có nội dung cần đôn đốc.',
    en: 'This agency reported on time, with no overdue task and no error: there is nothing to remind it of.',
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
  'book/busy': {
    status: 503,
    vi: 'Máy chủ đang lập sổ tổng hợp cho các yêu cầu trước; hãy tải lại sau ít phút.',
    en: 'The server is building consolidated workbooks for earlier requests; download again in a few minutes.',
  },
  'store/busy': {
    status: 503,
    vi: 'Cơ sở dữ liệu đang bị một tiến trình khác khóa (sao lưu, lệnh quản trị); hãy thử lại sau ít giây. Chưa có gì được lưu.',
    en: 'The database is locked by another process (a backup, an admin command); try again in a few seconds. Nothing was stored.',
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
  'user/invalid-email': {
    status: 400,
    vi: 'Địa chỉ email không hợp lệ (ví dụ: can-bo@sonoivu.daklak.gov.vn).',
    en: 'Not a valid email address (e.g. can-bo@sonoivu.daklak.gov.vn).',
  },
  'user/invalid-role': {
    status: 400,
    vi: 'Vai trò phải là "admin" (Sở Nội vụ) hoặc "agency" (đơn vị).',
    en: 'The role must be "admin" (Department of Home Affairs) or "agency" (a reporting unit).',
  },
  'user/unknown-agency': {
    status: 422,
    vi: 'Tài khoản đơn vị cần một cơ quan có trong danh sách đơn vị báo cáo.',
    en: 'An agency account needs an agency from the registry.',
  },
  'user/exists': {
    status: 409,
    vi: 'Email này đã có tài khoản.',
    en: 'This email already has an account.',
  },
  'user/unknown': {
    status: 404,
    vi: 'Không có tài khoản với email này.',
    en: 'No account has this email.',
  },
  'user/self-disable': {
    status: 409,
    vi: 'Không thể tự khóa tài khoản đang dùng; hãy nhờ một quản trị viên khác.',
    en: 'You cannot lock your own account; ask another administrator.',
  },
  'user/last-admin': {
    status: 409,
    vi: 'Đây là tài khoản quản trị cuối cùng đang dùng; hãy tạo hoặc mở khóa một tài khoản quản trị khác trước khi khóa tài khoản này.',
    en: 'This is the last active administrator account; create or unlock another administrator before locking it.',
  },
  'user/wrong-password': {
    status: 403,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  'user/weak-password': {
    status: 400,
    vi: 'Mật khẩu mới chưa đủ mạnh.',
    en: 'The new password is not strong enough.',
  },
  'user/no-account': {
    status: 403,
    vi: 'Chỉ người đăng nhập bằng tài khoản mới đổi được mật khẩu (mã API không có mật khẩu).',
    en: 'Only people signed in with an account can change a password (API tokens have none).',
  },
  'submission/unknown': {
    status: 404,
    vi: 'Không có bản nộp với mã này.',
    en: 'No submission has this id.',
  },
  'review/reason-required': {
    status: 400,
    vi: 'Khi trả lại báo cáo, hãy ghi lý do (từ 3 đến 500 ký tự) để cơ quan biết cần sửa gì.',
    en: 'A returned report needs a reason (3 to 500 characters) so that the agency knows what to fix.',
  },
  'review/superseded': {
    status: 409,
    vi: 'Cơ quan đã gửi phiên bản mới hơn; hãy xem xét phiên bản mới nhất.',
    en: 'The agency has sent a newer version; review the latest one.',
  },
  'sheets/invalid-url': {
    status: 400,
    vi: 'Đường dẫn Google Sheet không hợp lệ (https://docs.google.com/spreadsheets/d/…).',
    en: 'Not a Google Sheets link (https://docs.google.com/spreadsheets/d/…).',
  },
  'sheets/taken': {
    status: 409,
    vi: 'Bảng tính Google này đã được đăng ký cho một cơ quan khác; mỗi bảng tính chỉ thuộc một cơ quan.',
    en: 'This Google spreadsheet is registered to another agency; a spreadsheet belongs to one agency only.',
  },
  'sheets/no-request': {
    status: 404,
    vi: 'Cơ quan này không có đề nghị thay đổi Google Sheet nào đang chờ duyệt.',
    en: 'This agency has no Google Sheet change waiting for approval.',
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
} as const satisfies Record<string, ErrorText>
