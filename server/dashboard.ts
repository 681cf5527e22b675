import { statusLabels, taskStatuses } from '../core/index.ts'

const statusColumns = taskStatuses.map((s) => ({ id: s, label: statusLabels[s].vi }))

const style = `
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:0;color:#1f2937;background:#f5f7fa}
header{background:#1e3a8a;color:#fff;padding:12px 20px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header h1{font-size:18px;margin:0 auto 0 0}
main{padding:16px 20px;display:grid;gap:16px}
section{background:#fff;border:1px solid #d8dee8;border-radius:6px;padding:12px 16px}
h2{font-size:16px;margin:0 0 8px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e5e7eb;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef2f8;position:sticky;top:0}
td.n{text-align:right}
.tiles{display:flex;gap:12px;flex-wrap:wrap}
.tile{background:#eef2f8;border-radius:6px;padding:8px 12px;min-width:120px}
.tile b{display:block;font-size:22px}
.missing{color:#b91c1c}.late{color:#b45309}
.bar{height:14px;background:#16a34a;border-radius:3px}
.barrow{display:grid;grid-template-columns:260px 1fr 60px;gap:8px;align-items:center;font-size:12px;margin:2px 0}
.status-overdue{background:#ffc7ce}.status-done-on-time{background:#c6efce}.status-done-late{background:#ffe4b5}
textarea{width:100%;min-height:90px;font:inherit;font-size:13px}
#message{padding:8px 12px;border-radius:6px;display:none}
#message.error{display:block;background:#fee2e2;color:#991b1b}
#message.ok{display:block;background:#dcfce7;color:#166534}
button,input,select{font:inherit}
.warning{font-size:12px;color:#92400e;background:#fef3c7;padding:6px 8px;border-radius:4px}
`

// The page's script: plain DOM, text always set through textContent. It is served at
// /assets/dashboard.js (CSP script-src 'self'); the session cookie authenticates it, and the CSRF token
// lives only in memory: no secret is ever kept in the browser's storage.
const script = `
const statusColumns = ${JSON.stringify(statusColumns)};
const $ = (id) => { const el = document.getElementById(id); if (!el) throw new Error('Thiếu phần tử #' + id); return el; };
let csrf = '';
function show(text, kind) { const m = $('message'); m.textContent = text; m.className = kind; }
function cell(tr, text, cls) { const td = document.createElement('td'); td.textContent = text == null ? '' : String(text); if (cls) td.className = cls; tr.appendChild(td); return td; }
function formatTime(iso) { return iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : ''; }
function formatDate(iso) { if (!iso) return ''; const [y, m, d] = iso.split('-'); return d + '/' + m + '/' + y; }
async function api(path, init) {
  const res = await fetch(path, { ...(init || {}), credentials: 'same-origin', headers: { ...((init && init.headers) || {}), 'X-CSRF-Token': csrf } });
  if (res.status === 401) { location.href = '/login'; throw new Error('Phiên đăng nhập đã hết hạn.'); }
  if (!res.ok) { let msg = res.status + ''; try { const j = await res.json(); msg = j.error.message; } catch {} throw new Error(msg); }
  return res;
}
function period() { return $('period').value.trim(); }
let loads = 0;
async function load() {
  const mine = ++loads;
  let data;
  try { data = await (await api('/api/status?period=' + encodeURIComponent(period()))).json(); }
  catch (e) { if (mine === loads) show('Không tải được số liệu: ' + e.message, 'error'); return; }
  // A slower answer for an earlier period must not overwrite the one asked for last.
  if (mine !== loads) return;
  show('Đã tải số liệu ' + data.label + ' lúc ' + new Date().toLocaleTimeString('vi-VN'), 'ok');
  render(data);
}
function render(data) {
  $('period-label').textContent = data.label + ' — số liệu đến ' + formatDate(data.cutOff) + ', hạn nộp ' + formatDate(data.due);
  const submitted = data.agencies.filter((a) => a.submitted);
  const missing = data.agencies.filter((a) => !a.submitted);
  const tasks = submitted.reduce((n, a) => n + a.tasks, 0);
  const overdue = submitted.reduce((n, a) => n + a.byStatus.overdue, 0);
  $('tile-submitted').textContent = submitted.length + '/' + data.agencies.length;
  $('tile-tasks').textContent = tasks;
  $('tile-overdue').textContent = overdue;
  $('tile-late').textContent = submitted.filter((a) => a.late).length;
  const head = $('agency-head'); head.textContent = '';
  const hr = document.createElement('tr');
  for (const h of ['Cơ quan', 'Tình trạng', 'Phiên bản', 'Thời gian nộp', 'Số nhiệm vụ', ...statusColumns.map((s) => s.label), 'Lỗi', 'Cảnh báo', 'Điểm']) { const th = document.createElement('th'); th.textContent = h; hr.appendChild(th); }
  head.appendChild(hr);
  const body = $('agency-body'); body.textContent = '';
  for (const a of data.agencies) {
    const tr = document.createElement('tr'); tr.dataset.agency = a.id;
    cell(tr, a.name);
    cell(tr, a.submitted ? (a.late ? 'Đã nộp (muộn)' : 'Đã nộp') : 'Chưa nộp', a.submitted ? (a.late ? 'late' : '') : 'missing');
    cell(tr, a.version, 'n'); cell(tr, formatTime(a.submittedAt)); cell(tr, a.submitted ? a.tasks : '', 'n');
    for (const s of statusColumns) cell(tr, a.submitted ? a.byStatus[s.id] : '', 'n' + (s.id === 'overdue' && a.byStatus.overdue ? ' status-overdue' : ''));
    cell(tr, a.submitted ? a.errors : '', 'n'); cell(tr, a.submitted ? a.warnings : '', 'n');
    cell(tr, a.score == null ? '' : a.score + '/' + a.maxScore, 'n');
    body.appendChild(tr);
  }
  const chart = $('chart'); chart.textContent = '';
  for (const a of submitted) {
    const done = a.byStatus['done-on-time'] + a.byStatus['done-late'];
    const pct = a.tasks ? Math.round((done / a.tasks) * 1000) / 10 : 0;
    const row = document.createElement('div'); row.className = 'barrow';
    const name = document.createElement('span'); name.textContent = a.name;
    const track = document.createElement('div'); const bar = document.createElement('div'); bar.className = 'bar'; bar.style.width = pct + '%'; track.appendChild(bar);
    const value = document.createElement('span'); value.textContent = pct + '%';
    row.append(name, track, value); chart.appendChild(row);
  }
  if (!submitted.length) chart.textContent = 'Chưa có cơ quan nào nộp báo cáo kỳ này.';
  $('missing-list').textContent = missing.length ? missing.map((a) => a.name).join('; ') : 'Tất cả cơ quan đã nộp.';
  $('reminder').value = missing.length
    ? 'Kính gửi: ' + missing.map((a) => a.name).join('; ') + '.\\nSở Nội vụ chưa nhận được báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính ' + data.label + '. Đề nghị quý cơ quan hoàn thành và gửi báo cáo trước ngày ' + formatDate(data.due) + '.'
    : '';
  const ob = $('overdue-body'); ob.textContent = '';
  for (const t of data.overdue) {
    const tr = document.createElement('tr');
    cell(tr, t.agencyName); cell(tr, t.stt); cell(tr, t.content); cell(tr, t.deadlineText); cell(tr, formatDate(t.due)); cell(tr, t.progress);
    ob.appendChild(tr);
  }
  if (!data.overdue.length) { const tr = document.createElement('tr'); cell(tr, 'Không có nhiệm vụ quá hạn.').colSpan = 6; ob.appendChild(tr); }
  const select = $('upload-agency'); const chosen = select.value; select.textContent = '';
  for (const a of data.agencies) { const o = document.createElement('option'); o.value = a.id; o.textContent = a.name; select.appendChild(o); }
  if (chosen) select.value = chosen;
}
async function upload(event) {
  event.preventDefault();
  const file = $('upload-file').files[0];
  if (!file) { show('Chọn tệp .xlsx cần nộp.', 'error'); return; }
  const form = new FormData(); form.append('file', file); form.append('period', period()); form.append('agency', $('upload-agency').value);
  show('Đang gửi và kiểm tra ' + file.name + '…', 'ok');
  try {
    const r = await (await api('/api/submissions', { method: 'POST', body: form })).json();
    await load();
    show('Đã nhận báo cáo của ' + r.agency + ': phiên bản ' + r.version + ', ' + r.report.summary.tasks + ' nhiệm vụ, ' + r.report.errorCount + ' lỗi, ' + r.report.warningCount + ' cảnh báo.', 'ok');
  } catch (e) { show('Không nộp được: ' + e.message, 'error'); }
}
async function download() {
  try {
    const blob = await (await api('/api/consolidated.xlsx?period=' + encodeURIComponent(period()))).blob();
    const a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = 'tong-hop-cchc-' + period() + '.xlsx'; a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  } catch (e) { show('Không tải được sổ tổng hợp: ' + e.message, 'error'); }
}
async function start() {
  let session;
  try { session = await (await api('/api/session')).json(); } catch (e) { show('Không tải được phiên đăng nhập: ' + e.message, 'error'); return; }
  csrf = session.csrfToken || '';
  $('who').textContent = (session.user.email || session.user.role) + (session.user.agency ? ' — ' + session.user.agency.name : '');
  load();
}
$('logout').addEventListener('click', async () => { try { await api('/api/logout', { method: 'POST' }); } catch {} location.href = '/login'; });
$('period').addEventListener('change', load);
$('upload-form').addEventListener('submit', upload);
$('download').addEventListener('click', download);
$('copy-reminder').addEventListener('click', async () => { $('reminder').select(); try { await navigator.clipboard.writeText($('reminder').value); show('Đã sao chép nội dung nhắc nộp.', 'ok'); } catch { document.execCommand('copy'); } });
start();
`

/** The dashboard's script (served as /assets/dashboard.js). */
export function renderDashboardScript(): string {
  return script
}

/** The Sở Nội vụ dashboard: a page that reads the API with the signed-in user's session cookie. */
export function renderDashboardPage(currentPeriod: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>CCHC Annex — Bảng điều khiển Sở Nội vụ</title><style>${style}</style></head>
<body>
<header><h1>Tổng hợp báo cáo cải cách hành chính</h1>
<label>Kỳ báo cáo <input id="period" value="${currentPeriod}" size="8" title="2026-Q3, 2026-H1, 2026, 2026-07"></label>
<span id="who"></span> <button id="logout" type="button">Đăng xuất</button>
</header>
<main>
<div id="message" role="status"></div>
<section><h2 id="period-label">Kỳ báo cáo</h2>
<div class="tiles"><div class="tile">Đã nộp<b id="tile-submitted">–</b></div><div class="tile">Nhiệm vụ<b id="tile-tasks">–</b></div>
<div class="tile">Quá hạn<b id="tile-overdue">–</b></div><div class="tile">Nộp muộn<b id="tile-late">–</b></div></div>
<p><button id="download">Tải sổ tổng hợp (.xlsx)</button></p></section>
<section><h2>Tình hình theo cơ quan</h2><div style="overflow:auto;max-height:480px"><table><thead id="agency-head"></thead><tbody id="agency-body"></tbody></table></div></section>
<section><h2>Tỷ lệ hoàn thành theo cơ quan</h2><div id="chart"></div></section>
<section><h2>Cơ quan chưa nộp</h2><p id="missing-list"></p><textarea id="reminder" readonly></textarea><p><button id="copy-reminder">Sao chép nội dung nhắc nộp</button></p></section>
<section><h2>Nhiệm vụ quá hạn</h2><div style="overflow:auto;max-height:400px"><table><thead><tr><th>Cơ quan</th><th>STT</th><th>Nội dung</th><th>Thời hạn</th><th>Hạn</th><th>Tiến độ</th></tr></thead><tbody id="overdue-body"></tbody></table></div></section>
<section><h2>Nộp thay cho cơ quan</h2><form id="upload-form"><select id="upload-agency"></select> <input id="upload-file" type="file" accept=".xlsx"> <button>Nộp báo cáo</button></form>
<p class="warning" id="active-content-warning">Lưu ý: tệp gốc do cơ quan nộp được tải về nguyên trạng và có thể chứa nội dung hoạt động (công thức WEBSERVICE/DDE, liên kết). Chỉ mở trong Excel ở Chế độ xem được bảo vệ; không bật "Enable Content" với tệp không rõ nguồn gốc.</p></section>
</main>
<script src="/assets/dashboard.js" defer></script>
</body></html>`
}
