/** The sign-in page: markup only; its script is /assets/login.js (CSP script-src 'self'). */
export function renderLoginPage(): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>CCHC Annex — Đăng nhập</title><link rel="stylesheet" href="/assets/login.css"></head>
<body>
<main>
<h1>Tổng hợp báo cáo cải cách hành chính</h1>
<form id="login-form">
<label>Email <input id="email" type="email" autocomplete="username" required></label>
<label>Mật khẩu <input id="password" type="password" autocomplete="current-password" required></label>
<button>Đăng nhập</button>
<p id="message" role="alert"></p>
</form>
<p class="note">Cán bộ Sở Nội vụ và cơ quan đăng nhập bằng tài khoản được cấp (cchc user add). Phiên đăng nhập tự hết hạn khi không dùng.</p>
</main>
<script src="/assets/login.js" defer></script>
</body></html>`
}

/** The sign-in page's styles. */
export const loginStyles = `
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:0;background:#f5f7fa;color:#1f2937}
main{max-width:380px;margin:10vh auto;background:#fff;border:1px solid #d8dee8;border-radius:6px;padding:20px 24px}
h1{font-size:18px;color:#1e3a8a}
label{display:block;margin:10px 0}
input{display:block;width:100%;box-sizing:border-box;font:inherit;padding:6px}
button{font:inherit;padding:6px 16px;background:#1e3a8a;color:#fff;border:0;border-radius:4px}
#message{color:#991b1b;min-height:1.2em}
.note{font-size:12px;color:#6b7280}
`
