/**
 * The Sở Nội vụ dashboard's page: a shell only. The script (/dashboard/client.js, Preact) renders
 * everything from the session and the period (CSP script-src 'self': no inline script or style).
 */
export function renderDashboardPage(currentPeriod: string, province = ''): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>CCHC Annex — Bảng điều khiển Sở Nội vụ</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard/styles.css">
<script src="/dashboard/client.js" defer></script></head>
<body data-province="${escapeAttribute(province)}" data-period="${escapeAttribute(currentPeriod)}">
<div id="app"><p class="booting">Tổng hợp báo cáo cải cách hành chính — đang mở bảng điều khiển…</p></div>
<noscript><p>Bảng điều khiển cần bật JavaScript trong trình duyệt.</p></noscript>
</body></html>`
}

function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)
}
