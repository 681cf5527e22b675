import type { CrossCheck } from '../../consolidation/crosscheck.ts'
import type { PeriodStatus } from '../../consolidation/period-status.ts'
import type { Trends } from '../../consolidation/trends.ts'
import {
  compareVersions,
  loadAgencyPage,
  reminderQuery,
  renderAgencyReminder,
} from './agency-page.ts'
import { loadAccounts } from './accounts.ts'
import { loadAdmin } from './admin.ts'
import { describeUser, signOut, startSession } from './auth.ts'
import { $, copyText, downloadFile, readJson, requestApi, showMessage } from './dom.ts'
import { applyFilters, renderCrossChecks, renderOverview, renderProvinceTrend } from './overview.ts'
import { setUpPasswordChange } from './password.ts'

const period = () => $<HTMLInputElement>('period').value.trim()
let loads = 0

async function loadOverview(quiet = false): Promise<void> {
  const mine = ++loads
  let data: PeriodStatus
  try {
    data = await readJson<PeriodStatus>(`/api/status?period=${encodeURIComponent(period())}`)
  } catch (e) {
    if (mine === loads) showMessage(`Không tải được số liệu: ${(e as Error).message}`, 'error')
    return
  }
  // A slower answer for an earlier period must not overwrite the one asked for last.
  if (mine !== loads) return
  if (!quiet)
    showMessage(`Đã tải số liệu ${data.label} lúc ${new Date().toLocaleTimeString('vi-VN')}`, 'ok')
  renderOverview(data)
  const names = new Map(data.agencies.map((a) => [a.id, a.name]))
  const [trends, checks] = await Promise.all([
    readJson<Trends>(`/api/trends?year=${period().slice(0, 4)}`).catch(() => null),
    readJson<{ findings: CrossCheck[] }>(
      `/api/crosschecks?period=${encodeURIComponent(period())}`,
    ).catch(() => null),
  ])
  if (mine !== loads) return
  if (trends) renderProvinceTrend(trends)
  if (checks) renderCrossChecks(checks.findings, names)
}

/** Shows the page the address names: the overview (#/) or an agency (#/agency/ID). */
async function showRoute(): Promise<void> {
  const match = /^#\/agency\/(.+)$/.exec(location.hash)
  $('overview').hidden = Boolean(match)
  $('agency-page').hidden = !match
  if (!match) return loadOverview()
  try {
    await loadAgencyPage(decodeURIComponent(match[1]!), period())
    showMessage('Đã tải trang cơ quan.', 'ok')
  } catch (e) {
    showMessage(`Không mở được trang cơ quan: ${(e as Error).message}`, 'error')
  }
}

async function submitUpload(event: Event): Promise<void> {
  event.preventDefault()
  const file = $<HTMLInputElement>('upload-file').files?.[0]
  if (!file) return showMessage('Chọn tệp .xlsx cần nộp.', 'error')
  const form = new FormData()
  form.append('file', file)
  form.append('period', period())
  form.append('agency', $<HTMLSelectElement>('upload-agency').value)
  showMessage(`Đang gửi và kiểm tra ${file.name}…`, 'ok')
  try {
    const r = (await (
      await requestApi('/api/submissions', { method: 'POST', body: form })
    ).json()) as {
      agency: string
      version: number
      report: { summary: { tasks: number }; errorCount: number; warningCount: number }
    }
    showMessage(
      `Đã nhận báo cáo của ${r.agency}: phiên bản ${r.version}, ${r.report.summary.tasks} nhiệm vụ, ${r.report.errorCount} lỗi, ${r.report.warningCount} cảnh báo.`,
      'ok',
    )
    await loadOverview(true)
  } catch (e) {
    showMessage(`Không nộp được: ${(e as Error).message}`, 'error')
  }
}

function startDownload(path: string, name: string): void {
  downloadFile(path, name).catch((e: Error) => showMessage(`Không tải được: ${e.message}`, 'error'))
}

async function startDashboard(): Promise<void> {
  const user = await startSession()
  if (!user) return
  $('who').textContent = describeUser()
  $('logout').addEventListener('click', () => void signOut())
  setUpPasswordChange(showMessage)
  $('period').addEventListener('change', () => void showRoute())
  window.addEventListener('hashchange', () => void showRoute())
  $('upload-form').addEventListener('submit', (e) => void submitUpload(e))
  $('download').addEventListener('click', () =>
    startDownload(
      `/api/consolidated.xlsx?period=${encodeURIComponent(period())}`,
      `tong-hop-cchc-${period()}.xlsx`,
    ),
  )
  $('download-reminders').addEventListener('click', () =>
    startDownload(
      `/api/reminders.xlsx?period=${encodeURIComponent(period())}`,
      `don-doc-${period()}.xlsx`,
    ),
  )
  $('download-agency-reminder').addEventListener('click', () => {
    const id = /^#\/agency\/(.+)$/.exec(location.hash)?.[1]
    if (id)
      startDownload(
        `/api/agencies/${id}/reminder.docx?${reminderQuery(period())}`,
        `cong-van-don-doc-${decodeURIComponent(id)}-${period()}.docx`,
      )
  })
  $('reminder-deadline').addEventListener('change', () => {
    const id = /^#\/agency\/(.+)$/.exec(location.hash)?.[1]
    if (id) void renderAgencyReminder(decodeURIComponent(id), period())
  })
  for (const id of ['search', 'filter-kind', 'filter-state'])
    $(id).addEventListener('input', applyFilters)
  $('compare-form').addEventListener('submit', (e) => {
    e.preventDefault()
    void compareVersions()
  })
  $('compare-quarter').addEventListener('click', () => void compareVersions(period()))
  $('copy-reminder').addEventListener(
    'click',
    () => void copyText($<HTMLTextAreaElement>('reminder')),
  )
  $('copy-agency-reminder').addEventListener(
    'click',
    () => void copyText($<HTMLTextAreaElement>('agency-reminder')),
  )
  await showRoute()
  if (user.role === 'admin') {
    loadAdmin(showMessage).catch((e: Error) =>
      showMessage(`Không tải được phần quản trị: ${e.message}`, 'error'),
    )
    loadAccounts(user.email, showMessage).catch((e: Error) =>
      showMessage(`Không tải được danh sách tài khoản: ${e.message}`, 'error'),
    )
  }
}

void startDashboard()
