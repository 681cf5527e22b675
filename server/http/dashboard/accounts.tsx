import { useRef, useState } from 'preact/hooks'
import type { AgencyRecord } from '../../store/index.ts'
import { copyText, readJson, sendJson } from './api.ts'
import { AgencySelect } from './agency-select.tsx'
import { formatTime } from './format.ts'
import { showNotice, useResource, type Resource } from './state.ts'

type Account = {
  email: string
  role: 'admin' | 'agency'
  agencyId: string | null
  createdAt: string
  disabledAt: string | null
}

/** A generated password, shown once with what the administrator must do with it. */
function PasswordOnce({
  email,
  password,
  created,
}: {
  email: string
  password: string
  created: boolean
}) {
  const field = useRef<HTMLInputElement>(null)
  return (
    <div id="account-password" class="secret">
      <p id="account-password-text">
        {created ? 'Đã tạo tài khoản' : 'Đã đặt mật khẩu mới cho'} {email}. Mật khẩu dưới đây chỉ
        hiện một lần và không được lưu lại: hãy sao chép và chuyển cho người dùng qua kênh an toàn
        (điện thoại, gặp trực tiếp).
        {created ? '' : ' Các phiên đăng nhập cũ của tài khoản đã kết thúc.'}
      </p>
      <label>
        Mật khẩu
        <input id="account-password-value" ref={field} readOnly value={password} size={28} />
      </label>{' '}
      <button
        type="button"
        id="copy-account-password"
        onClick={() =>
          void copyText(password, field.current ?? undefined).then(() =>
            showNotice('Đã sao chép mật khẩu.'),
          )
        }
      >
        Sao chép mật khẩu
      </button>
    </div>
  )
}

function AccountRows(props: {
  accounts: Resource<{ users: Account[] }>
  names: Map<string, string>
  self: string
  onChanged: (shown?: { email: string; password: string }) => void
}) {
  const { accounts, names, self, onChanged } = props
  if (accounts.status !== 'ready')
    return (
      <tr>
        <td colSpan={6}>
          {accounts.status === 'loading' ? 'Đang tải…' : `Không tải được: ${accounts.message}`}
        </td>
      </tr>
    )
  const act = (question: string, email: string, action: string, done: string) => {
    if (!window.confirm(question)) return
    sendJson<{ password?: string }>(`/api/admin/users/${encodeURIComponent(email)}/${action}`, {})
      .then((r) => {
        showNotice(done)
        onChanged(r.password ? { email, password: r.password } : undefined)
      })
      .catch((e: Error) => showNotice(`Không thực hiện được: ${e.message}`, 'error'))
  }
  return (
    <>
      {accounts.data.users.map((a) => {
        return (
          <tr key={a.email} data-email={a.email}>
            <td>{a.email}</td>
            <td>{a.role === 'admin' ? 'Quản trị' : 'Đơn vị'}</td>
            <td>{a.agencyId ? (names.get(a.agencyId) ?? a.agencyId) : ''}</td>
            <td>{formatTime(a.createdAt)}</td>
            <td
              class={a.disabledAt ? 'state locked' : 'state'}
              title={a.disabledAt ? `Khóa lúc ${formatTime(a.disabledAt)}` : undefined}
            >
              {a.disabledAt ? 'Đã khóa' : 'Đang dùng'}
            </td>
            <td>
              {a.email.toLowerCase() === self ? (
                'Tài khoản của bạn'
              ) : (
                <>
                  <button
                    type="button"
                    class="reset"
                    onClick={() =>
                      act(
                        `Đặt mật khẩu mới cho ${a.email}? Mật khẩu cũ sẽ không dùng được nữa.`,
                        a.email,
                        'password',
                        `Đã đặt lại mật khẩu cho ${a.email}.`,
                      )
                    }
                  >
                    Đặt lại mật khẩu
                  </button>{' '}
                  <button
                    type="button"
                    class="lock"
                    onClick={() =>
                      act(
                        a.disabledAt
                          ? `Mở khóa tài khoản ${a.email}?`
                          : `Khóa tài khoản ${a.email}? Người dùng sẽ bị đăng xuất và không đăng nhập được nữa.`,
                        a.email,
                        a.disabledAt ? 'enable' : 'disable',
                        `Đã ${a.disabledAt ? 'mở khóa' : 'khóa'} tài khoản ${a.email}.`,
                      )
                    }
                  >
                    {a.disabledAt ? 'Mở khóa' : 'Khóa'}
                  </button>
                </>
              )}
            </td>
          </tr>
        )
      })}
    </>
  )
}

/** "Tài khoản": the people who sign in, added, reset, locked and unlocked (administrators only). */
export function Accounts({ self = '' }: { self?: string }) {
  const [version, setVersion] = useState(0)
  const [shown, setShown] = useState<{ email: string; password: string; created: boolean } | null>(
    null,
  )
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<'agency' | 'admin'>('agency')
  const [agency, setAgency] = useState('')
  const agencies = useResource('agencies', () => readJson<AgencyRecord[]>('/api/agencies'))
  const accounts = useResource(`accounts|${version}`, () =>
    readJson<{ users: Account[] }>('/api/admin/users'),
  )
  const names = new Map(
    agencies.status === 'ready' ? agencies.data.map((a) => [a.id, a.name] as const) : [],
  )
  const submit = (e: Event) => {
    e.preventDefault()
    setShown(null)
    sendJson<{ user: Account; password: string }>('/api/admin/users', {
      email: email.trim(),
      role,
      agency: role === 'agency' ? agency : null,
    })
      .then((created) => {
        setShown({ email: created.user.email, password: created.password, created: true })
        showNotice(`Đã tạo tài khoản ${created.user.email}.`)
        setEmail('')
        setVersion(version + 1)
      })
      .catch((error: Error) => showNotice(`Không tạo được tài khoản: ${error.message}`, 'error'))
  }
  return (
    <section id="accounts" aria-labelledby="accounts-title">
      <h1 id="accounts-title">Tài khoản</h1>
      <form id="account-form" class="row" onSubmit={submit}>
        <label>
          Email
          <input
            id="account-email"
            type="email"
            required
            size={32}
            placeholder="can-bo@sonoivu.daklak.gov.vn"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label>
          Vai trò
          <select
            id="account-role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as 'agency' | 'admin')}
          >
            <option value="agency">Đơn vị</option>
            <option value="admin">Quản trị (Sở Nội vụ)</option>
          </select>
        </label>
        {role === 'agency' && (
          <AgencySelect id="account-agency" label="Cơ quan" value={agency} onChange={setAgency} />
        )}
        <button type="submit" class="primary">
          Thêm tài khoản
        </button>
      </form>
      {shown && <PasswordOnce {...shown} />}
      <div class="scroll" tabIndex={0} role="region" aria-label="Danh sách tài khoản">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Cơ quan</th>
              <th scope="col">Tạo lúc</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody id="account-body">
            <AccountRows
              accounts={accounts}
              names={names}
              self={self.toLowerCase()}
              onChanged={(reset) => {
                setShown(reset ? { ...reset, created: false } : null)
                setVersion(version + 1)
              }}
            />
          </tbody>
        </table>
      </div>
    </section>
  )
}
