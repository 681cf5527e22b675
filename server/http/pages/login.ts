/** The sign-in page: markup only; its script is /assets/login.js (CSP script-src 'self'). */
export function renderLoginPage(): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>CCHC Annex — Đăng nhập</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/login.css"></head>
<body>
<main>
<h1>Tổng hợp báo cáo cải cách hành chính</h1>
<form id="login-form">
<label>Email <input id="email" type="email" autocomplete="username" required></label>
<label>Mật khẩu <input id="password" type="password" autocomplete="current-password" required></label>
<button>Đăng nhập</button>
<p id="message" role="alert"></p>
</form>
<p class="note">Cán bộ Sở Nội vụ và cán bộ các cơ quan đăng nhập bằng tài khoản do Sở Nội vụ cấp; chưa có tài khoản hoặc quên mật khẩu, hãy liên hệ Sở Nội vụ. Phiên đăng nhập tự kết thúc sau 30 phút không dùng.</p>
</main>
<script src="/assets/login.js" defer></script>
</body></html>`
}
