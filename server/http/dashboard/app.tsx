import { useState } from 'preact/hooks'
import { AccessCodes } from './access-codes.tsx'
import { Accounts } from './accounts.tsx'
import { AgencyPage } from './agency-page.tsx'
import { describeUser, signOut } from './auth.ts'
import { Overview } from './overview.tsx'
import { PasswordForm } from './password.tsx'
import { PeriodPicker } from './period-picker.tsx'
import { PlanDraftPage } from './plan-draft.tsx'
import { Plans } from './plans-page.tsx'
import { SecurityLog } from './security-log.tsx'
import { SheetsPage } from './sheets-page.tsx'
import { formatRoute, notice, period, route, user, type Route } from './state.ts'

/** The page's navigation: Sở Nội vụ sees the province and its administration, an agency its own report. */
function listLinks(agencyId: string | null): { route: Route; label: string }[] {
  if (agencyId)
    return [
      { route: { page: 'agency', id: agencyId }, label: 'Báo cáo của cơ quan' },
      { route: { page: 'plans' }, label: 'Kế hoạch' },
      { route: { page: 'codes' }, label: 'Mã truy cập' },
    ]
  return [
    { route: { page: 'overview' }, label: 'Tổng hợp' },
    { route: { page: 'plans' }, label: 'Kế hoạch' },
    { route: { page: 'codes' }, label: 'Mã truy cập' },
    { route: { page: 'sheets' }, label: 'Google Sheets' },
    { route: { page: 'accounts' }, label: 'Tài khoản' },
    { route: { page: 'log' }, label: 'Nhật ký an ninh' },
  ]
}

function NoticeBar() {
  const n = notice.value
  if (!n) return null
  return (
    <div id="message" class={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
      <span>{n.text}</span>
      <button type="button" class="link" onClick={() => (notice.value = null)}>
        Đóng
      </button>
    </div>
  )
}

/** The page an address names, for who is signed in (an agency only ever sees its own). */
function Page({ agencyId, email }: { agencyId: string | null; email: string }) {
  const r = route.value
  const p = period.value
  if (r.page === 'codes') return <AccessCodes />
  if (r.page === 'plans') return <Plans own={agencyId} />
  if (r.page === 'plan-draft' && !agencyId) return <PlanDraftPage key={r.id} id={r.id} />
  if (agencyId) return <AgencyPage key={`${agencyId}|${p.id}`} id={agencyId} />
  if (r.page === 'agency') return <AgencyPage key={`${r.id}|${p.id}`} id={r.id} />
  if (r.page === 'accounts') return <Accounts self={email} />
  if (r.page === 'log') return <SecurityLog />
  if (r.page === 'sheets') return <SheetsPage />
  return <Overview />
}

/** The whole page: header (period, who, password, sign-out), navigation, notice and the page shown. */
export function App() {
  const u = user.value!
  const agencyId =
    u.role === 'agency' && u.agency && typeof u.agency === 'object' ? u.agency.id : null
  const [password, setPassword] = useState(false)
  const current = formatRoute(route.value)
  return (
    <>
      <header class="top">
        <p class="brand">
          <a href={agencyId ? formatRoute({ page: 'agency', id: agencyId }) : '#/'}>
            Tổng hợp báo cáo cải cách hành chính
          </a>
        </p>
        <PeriodPicker />
        <p class="who">
          <span id="who">{describeUser()}</span>{' '}
          <button type="button" id="change-password" onClick={() => setPassword(!password)}>
            Đổi mật khẩu
          </button>{' '}
          <button type="button" id="logout" onClick={() => void signOut()}>
            Đăng xuất
          </button>
        </p>
        <nav aria-label="Các trang">
          {listLinks(agencyId).map((l) => {
            const href = formatRoute(l.route)
            return (
              <a key={href} href={href} aria-current={href === current ? 'page' : undefined}>
                {l.label}
              </a>
            )
          })}
        </nav>
      </header>
      <main id="main">
        <NoticeBar />
        {password && <PasswordForm onClose={() => setPassword(false)} />}
        <Page agencyId={agencyId} email={u.email ?? ''} />
      </main>
    </>
  )
}
