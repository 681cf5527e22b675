// What the dashboard says that is not an issue message: the security log's events and the network's
// failures, in Vietnamese (the page's users are Vietnamese staff).

/** The security log's events, as an officer reads them. */
export const securityEventLabels: Record<string, string> = {
  'login.ok': 'Đăng nhập thành công',
  'login.failed': 'Đăng nhập sai',
  'login.rate-limited': 'Tạm khóa đăng nhập do sai nhiều lần',
  'token.failed': 'Mã truy cập sai',
  'token.rate-limited': 'Tạm chặn do mã truy cập sai nhiều lần',
  'token.issued': 'Cấp mã truy cập',
  'token.revoked': 'Thu hồi mã truy cập',
  'user.created': 'Tạo tài khoản',
  'user.disabled': 'Khóa tài khoản',
  'user.enabled': 'Mở khóa tài khoản',
  'user.password-reset': 'Đặt lại mật khẩu',
  'user.password-changed': 'Đổi mật khẩu',
  'user.password-change-failed': 'Đổi mật khẩu không thành công (sai mật khẩu hiện tại)',
  'download.original': 'Tải tệp gốc của báo cáo',
  'download.consolidated': 'Tải sổ tổng hợp',
  'quota.refused': 'Từ chối do vượt hạn mức nộp',
  'submission.stored': 'Nhận báo cáo',
}

/** An event's name; an event this page does not know keeps its code, marked as such. */
export function describeSecurityEvent(event: string): string {
  return securityEventLabels[event] ?? `Sự kiện khác (${event})`
}

/** The network failed before the server answered (offline, server down, blocked). */
export const networkFailure =
  'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại; nếu vẫn lỗi, báo cho bộ phận CNTT.'

/** A server answer without the service's own message (a proxy in between, a crash). */
export function describeHttpFailure(status: number): string {
  if (status === 502 || status === 503 || status === 504)
    return `Máy chủ tạm thời không trả lời (mã lỗi ${status}). Hãy thử lại sau ít phút.`
  if (status >= 500) return `Máy chủ gặp lỗi (mã lỗi ${status}); thao tác chưa được thực hiện.`
  if (status === 404) return 'Không tìm thấy dữ liệu được yêu cầu (mã lỗi 404).'
  return `Máy chủ từ chối yêu cầu (mã lỗi ${status}).`
}
