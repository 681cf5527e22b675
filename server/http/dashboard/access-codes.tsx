import { useRef, useState } from 'preact/hooks'
import type { AgencyRecord, TokenRecord } from '../../store/index.ts'
import { copyText, readJson, requestApi, sendJson } from './api.ts'
import { AgencySelect } from './agency-select.tsx'
import { formatTime } from './format.ts'
import { showNotice, useResource, user } from './state.ts'

type Issued = { id: string; token: string; label: string; expiresAt: string; agency: string }

const lifetimes = [
  { days: 30, label: '30 ngày' },
  { days: 90, label: '90 ngày (khuyến nghị)' },
  { days: 180, label: '6 tháng' },
  { days: 365, label: '1 năm (tối đa)' },
]

/** A new code, shown once, with a copy button and where to paste it. */
function CodeOnce({ issued }: { issued: Issued }) {
  const field = useRef<HTMLInputElement>(null)
  return (
    <div id="code-once" class="secret" role="status">
      <p>
        Mã truy cập “{issued.label}” của {issued.agency} (hết hạn {formatTime(issued.expiresAt)}).
        Mã chỉ hiện một lần và không được lưu lại: hãy sao chép ngay và dán vào mục “Cài đặt” của
        Bảng CCHC (bổ trợ Excel hoặc Google Trang tính), ô “Mã truy cập của cơ quan”.
      </p>
      <label>
        Mã truy cập
        <input id="code-value" ref={field} readOnly value={issued.token} size={40} />
      </label>{' '}
      <button
        type="button"
        id="copy-code"
        onClick={() =>
          void copyText(issued.token, field.current ?? undefined).then(() =>
            showNotice('Đã sao chép mã truy cập.'),
          )
        }
      >
        Sao chép mã
      </button>
    </div>
  )
}

function describeState(t: TokenRecord, now: number): string {
  if (t.revokedAt) return `Đã thu hồi ${formatTime(t.revokedAt)}`
  if (t.expiresAt && Date.parse(t.expiresAt) < now) return 'Hết hạn'
  return 'Đang dùng'
}

/**
 * "Mã truy cập": the codes the add-ins send reports with. Sở Nội vụ issues, lists and revokes any
 * agency's; an agency's own account issues and revokes its own. A code is shown once.
 */
export function AccessCodes() {
  const u = user.value!
  const own = u.role === 'agency' && u.agency && typeof u.agency === 'object' ? u.agency : null
  const [version, setVersion] = useState(0)
  const [agency, setAgency] = useState('')
  const [label, setLabel] = useState('')
  const [days, setDays] = useState(90)
  const [issued, setIssued] = useState<Issued | null>(null)
  const data = useResource(`codes|${version}`, () =>
    Promise.all([
      readJson<{ tokens: TokenRecord[] }>('/api/tokens'),
      own ? Promise.resolve([own as AgencyRecord]) : readJson<AgencyRecord[]>('/api/agencies'),
    ]),
  )
  const names = new Map(data.status === 'ready' ? data.data[1].map((a) => [a.id, a.name]) : [])
  const issue = (e: Event) => {
    e.preventDefault()
    setIssued(null)
    const name = own?.name ?? names.get(agency) ?? agency
    const body = { label: label.trim() || `Bảng CCHC — ${name}`, expiresInDays: days }
    sendJson<Omit<Issued, 'agency'>>('/api/tokens', own ? body : { ...body, agency })
      .then((r) => {
        setIssued({ ...r, agency: name })
        setLabel('')
        setVersion(version + 1)
        showNotice(`Đã cấp mã truy cập cho ${name}.`)
      })
      .catch((error: Error) => showNotice(`Không cấp được mã: ${error.message}`, 'error'))
  }
  const revoke = (t: TokenRecord, name: string) => {
    const question = `Thu hồi mã “${t.label ?? ''}” của ${name}? Bảng CCHC đang dùng mã này sẽ không gửi được báo cáo nữa.`
    if (!window.confirm(question)) return
    requestApi(`/api/tokens/${encodeURIComponent(t.id)}`, { method: 'DELETE' })
      .then(() => {
        setVersion(version + 1)
        showNotice(`Đã thu hồi mã “${t.label ?? ''}” của ${name}.`)
      })
      .catch((error: Error) => showNotice(`Không thu hồi được: ${error.message}`, 'error'))
  }
  const now = Date.now()
  return (
    <section id="codes" aria-labelledby="codes-title">
      <h1 id="codes-title">Mã truy cập {own ? `của ${own.name}` : 'của các cơ quan'}</h1>
      <p>
        Bảng CCHC trong Excel và Google Trang tính gửi báo cáo bằng mã truy cập của cơ quan. Cấp một
        mã cho mỗi máy hoặc người gửi, đặt tên dễ nhận ra, và thu hồi khi không dùng nữa.
      </p>
      <form id="code-form" class="row" onSubmit={issue}>
        {!own && (
          <AgencySelect id="code-agency" label="Cơ quan" value={agency} onChange={setAgency} />
        )}
        <label>
          Tên gọi của mã
          <input
            id="code-label"
            value={label}
            maxLength={100}
            size={28}
            placeholder="Ví dụ: Máy văn thư — Excel"
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
        </label>
        <label>
          Thời hạn
          <select
            id="code-days"
            value={days}
            onChange={(e) => setDays(Number(e.currentTarget.value))}
          >
            {lifetimes.map((l) => (
              <option key={l.days} value={l.days}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary">
          Cấp mã mới
        </button>
      </form>
      {issued && <CodeOnce issued={issued} />}
      {data.status === 'loading' && <p role="status">Đang tải danh sách mã…</p>}
      {data.status === 'error' && <p role="alert">Không tải được danh sách mã: {data.message}</p>}
      {data.status === 'ready' && (
        <div class="scroll" tabIndex={0} role="region" aria-label="Các mã truy cập đã cấp">
          <table>
            <thead>
              <tr>
                <th scope="col">Tên gọi</th>
                <th scope="col">Cơ quan</th>
                <th scope="col">Cấp lúc</th>
                <th scope="col">Hết hạn</th>
                <th scope="col">Dùng lần cuối</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody id="token-body">
              {data.data[0].tokens.length === 0 && (
                <tr>
                  <td colSpan={7}>Chưa cấp mã truy cập nào.</td>
                </tr>
              )}
              {data.data[0].tokens.map((t) => {
                const name = t.agencyId
                  ? (names.get(t.agencyId) ?? t.agencyId)
                  : 'Quản trị (toàn tỉnh)'
                const live = !t.revokedAt
                return (
                  <tr key={t.id} data-token={t.id}>
                    <td>{t.label ?? '(không tên)'}</td>
                    <td>{name}</td>
                    <td>{formatTime(t.createdAt)}</td>
                    <td>{t.expiresAt ? formatTime(t.expiresAt) : 'Không hết hạn'}</td>
                    <td>{t.lastUsedAt ? formatTime(t.lastUsedAt) : 'Chưa dùng'}</td>
                    <td>{describeState(t, now)}</td>
                    <td>
                      {live && (
                        <button type="button" class="revoke" onClick={() => revoke(t, name)}>
                          Thu hồi
                        </button>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
