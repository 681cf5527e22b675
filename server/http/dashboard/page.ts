/** The Sở Nội vụ dashboard's page: markup only; the script and styles are served from /dashboard/. */
export function renderDashboardPage(currentPeriod: string, province = ''): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>CCHC Annex — Bảng điều khiển Sở Nội vụ</title>
<link rel="stylesheet" href="/dashboard/styles.css">
<script src="/dashboard/client.js" defer></script></head>
<body data-province="${escapeAttribute(province)}">
<header><h1><a href="#/">Tổng hợp báo cáo cải cách hành chính</a></h1>
<label>Kỳ báo cáo <input id="period" value="${escapeAttribute(currentPeriod)}" size="8" title="2026-Q3, 2026-H1, 2026, 2026-07"></label>
<span id="who"></span> <button id="change-password" type="button">Đổi mật khẩu</button> <button id="logout" type="button">Đăng xuất</button>
</header>
<main>
<div id="message" role="status"></div>
<section id="password-section" hidden><h2>Đổi mật khẩu</h2>
<form id="password-form"><label>Mật khẩu hiện tại <input id="password-current" type="password" autocomplete="current-password" required></label>
<label>Mật khẩu mới (ít nhất 12 ký tự) <input id="password-new" type="password" autocomplete="new-password" minlength="12" required></label>
<label>Nhập lại mật khẩu mới <input id="password-repeat" type="password" autocomplete="new-password" required></label>
<button type="submit">Đổi mật khẩu</button></form>
<p>Sau khi đổi, mọi phiên đăng nhập của tài khoản kết thúc; hãy đăng nhập lại bằng mật khẩu mới.</p></section>
<div id="overview">
<section><h2 id="period-label">Kỳ báo cáo</h2>
<div class="tiles"><div class="tile">Đã nộp<b id="tile-submitted">–</b></div><div class="tile">Nhiệm vụ<b id="tile-tasks">–</b></div>
<div class="tile">Quá hạn<b id="tile-overdue">–</b></div><div class="tile">Nộp muộn<b id="tile-late">–</b></div>
<div class="tile">Kiểm chứng được<b id="tile-evidence">–</b></div></div>
<p><button id="download">Tải sổ tổng hợp (.xlsx)</button> <button id="download-reminders">Danh sách cần đôn đốc (.xlsx)</button></p></section>
<section><h2>Xu hướng toàn tỉnh theo quý</h2><div id="province-trend" class="trend"></div></section>
<section><h2>Tình hình theo cơ quan</h2>
<div class="filters"><input id="search" type="search" placeholder="Tìm cơ quan, xã, phường…" size="30">
<select id="filter-kind"><option value="">Tất cả cơ quan</option><option value="so">Sở, ban, ngành và đơn vị cấp tỉnh</option><option value="xa">Xã, phường</option></select>
<select id="filter-state"><option value="">Mọi tình trạng</option><option value="submitted">Đã nộp</option><option value="missing">Chưa nộp</option><option value="late">Nộp muộn</option><option value="errors">Có lỗi</option></select>
<span id="filter-count"></span></div>
<div class="scroll"><table><thead id="agency-head"></thead><tbody id="agency-body"></tbody></table></div></section>
<section><h2>Tỷ lệ hoàn thành theo cơ quan</h2><div id="chart"></div></section>
<section><h2>Đối chiếu giữa các cơ quan</h2><div class="scroll short"><table><thead><tr><th>Loại</th><th>STT</th><th>Nội dung</th><th>Cơ quan báo cáo</th><th>Chi tiết</th></tr></thead><tbody id="crosscheck-body"></tbody></table></div></section>
<section><h2>Cơ quan chưa nộp</h2><p id="missing-list"></p><textarea id="reminder" readonly></textarea><p><button id="copy-reminder">Sao chép nội dung nhắc nộp</button></p></section>
<section><h2>Nhiệm vụ quá hạn</h2><div class="scroll short"><table><thead><tr><th>Cơ quan</th><th>STT</th><th>Nội dung</th><th>Thời hạn</th><th>Hạn</th><th>Tiến độ</th></tr></thead><tbody id="overdue-body"></tbody></table></div></section>
<section id="admin" hidden><h2>Mã truy cập (API) và nhật ký an ninh</h2>
<div class="scroll short"><table><thead><tr><th>Nhãn</th><th>Cơ quan</th><th>Cấp lúc</th><th>Hết hạn</th><th>Dùng lần cuối</th><th></th></tr></thead><tbody id="token-body"></tbody></table></div>
<div class="scroll short"><table><thead><tr><th>Thời gian</th><th>Sự kiện</th><th>Người</th><th>IP</th></tr></thead><tbody id="security-body"></tbody></table></div></section>
<section id="accounts" hidden><h2>Tài khoản</h2>
<form id="account-form"><label>Email <input id="account-email" type="email" required size="32" placeholder="can-bo@sonoivu.daklak.gov.vn"></label>
<label>Vai trò <select id="account-role"><option value="agency">Đơn vị</option><option value="admin">Quản trị (Sở Nội vụ)</option></select></label>
<label id="account-agency-label">Cơ quan <select id="account-agency"></select></label> <button>Thêm tài khoản</button></form>
<div id="account-password" class="password" hidden><p id="account-password-text"></p><input id="account-password-value" readonly size="28"> <button type="button" id="copy-account-password">Sao chép mật khẩu</button></div>
<div class="scroll short"><table><thead><tr><th>Email</th><th>Vai trò</th><th>Cơ quan</th><th>Tạo lúc</th><th>Trạng thái</th><th></th></tr></thead><tbody id="account-body"></tbody></table></div></section>
<section><h2>Nộp thay cho cơ quan</h2><form id="upload-form"><select id="upload-agency"></select> <input id="upload-file" type="file" accept=".xlsx"> <button>Nộp báo cáo</button></form></section>
</div>
<div id="agency-page" hidden>
<section><p><a href="#/">← Tất cả cơ quan</a></p><h2 id="agency-title"></h2><p id="agency-summary"></p></section>
<section><h2>Xu hướng theo quý</h2><div id="agency-trend" class="trend"></div></section>
<section><h2>Các phiên bản đã nộp</h2><div class="scroll short"><table><thead><tr><th>Kỳ</th><th>Phiên bản</th><th>Thời gian nộp</th><th>Nguồn</th><th>Người gửi</th><th>Nhiệm vụ</th><th>Lỗi</th><th>Cảnh báo</th><th>Điểm</th><th></th></tr></thead><tbody id="version-body"></tbody></table></div></section>
<section><h2>So sánh hai phiên bản</h2>
<form id="compare-form"><label>Phiên bản trước <select id="compare-from"></select></label> <label>Phiên bản sau <select id="compare-to"></select></label> <button>So sánh</button> <button type="button" id="compare-quarter">So với quý trước</button></form>
<p id="diff-summary"></p>
<div class="scroll"><table class="diff"><thead><tr><th>STT</th><th>Nội dung</th><th>Mục</th><th id="diff-from-head">Phiên bản trước</th><th id="diff-to-head">Phiên bản sau</th></tr></thead><tbody id="diff-body"></tbody></table></div></section>
<section><h2 id="issues-title">Vấn đề của báo cáo</h2><p id="issues-status"></p><div class="scroll short"><table><thead><tr><th>Mức độ</th><th>Ô</th><th>Nội dung</th></tr></thead><tbody id="issues-body"></tbody></table></div></section>
<section><h2>Công văn đôn đốc</h2><p><label>Hạn mới <input type="date" id="reminder-deadline"></label></p><textarea id="agency-reminder" readonly></textarea><p><button id="copy-agency-reminder">Sao chép</button> <button id="download-agency-reminder">Tải công văn (.docx)</button></p></section>
</div>
</main>
</body></html>`
}

function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)
}
