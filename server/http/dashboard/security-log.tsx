import type { AgencyRecord, SecurityEvent, TokenRecord } from '../../store/index.ts'
import { parsePeriodInput } from '../../../core/index.ts'
import { readJson } from './api.ts'
import { formatTime } from './format.ts'
import { describeSecurityEvent } from './labels.ts'
import { useResource } from './state.ts'

type Names = { agencies: Map<string, string>; tokens: Map<string, string> }

/** Who acted: a person by e-mail, a program by its code's label and agency (never a bare id). */
function describeActor(actor: string | null, names: Names): string {
  if (!actor) return 'Không rõ (chưa đăng nhập)'
  if (actor === 'sheets-pull') return 'Máy chủ (lấy Google Sheet)'
  if (actor === 'agency:demo') return 'Dữ liệu mẫu'
  const [role, first = '', second = ''] = actor.split(':')
  if (first.includes('@')) return first
  const label = (id: string) => (names.tokens.has(id) ? ` “${names.tokens.get(id)}”` : '')
  // A request names an agency's code as "agency:<agency>:<code>", a stored report as "agency:<code>".
  if (role === 'agency' && !second) return `Mã truy cập${label(first)}`
  if (role === 'agency')
    return `Mã truy cập${label(second)} của ${names.agencies.get(first) ?? first}`
  return first === 'env' ? 'Mã quản trị (CCHC_ADMIN_TOKEN)' : `Mã quản trị${label(first)}`
}

/** What a token event concerns: the agency's name and the code's label, never its id alone. */
function describeDetail(event: string, detail: string | null, names: Names): string {
  if (!detail) return ''
  if (event === 'token.issued') {
    const [, owner = '', ...label] = detail.split(' ')
    const who = owner === 'admin' ? 'quản trị toàn tỉnh' : (names.agencies.get(owner) ?? owner)
    return `Cho ${who}${label.join(' ').trim() ? ` — “${label.join(' ').trim()}”` : ''}`
  }
  if (event === 'submission.stored' || event === 'quota.refused') {
    // "<agency> <period> v<version> <source>" or "<code> <agency> <period>".
    const words = detail.split(' ')
    const agency = words.find((w) => names.agencies.has(w))
    const period = words.map((w) => parsePeriodInput(w)).find((p) => p !== null)
    const version = words.find((w) => /^v\d+$/.test(w))
    return [
      agency ? names.agencies.get(agency) : null,
      period?.label,
      version ? `phiên bản ${version.slice(1)}` : null,
    ]
      .filter(Boolean)
      .join(', ')
  }
  if (event === 'token.revoked')
    return names.tokens.has(detail) ? `Mã “${names.tokens.get(detail)}”` : 'Một mã truy cập'
  return detail.replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, (id) => names.agencies.get(id) ?? id)
}

/** "Nhật ký an ninh": the latest sign-ins, failures, codes, accounts and downloads, in Vietnamese. */
export function SecurityLog() {
  const log = useResource('security-log', () =>
    Promise.all([
      readJson<{ events: (SecurityEvent & { detail?: string | null })[] }>(
        '/api/admin/security-log?limit=100',
      ),
      readJson<AgencyRecord[]>('/api/agencies'),
      readJson<{ tokens: TokenRecord[] }>('/api/tokens'),
    ]).then(([log, agencies, { tokens }]) => ({
      events: log.events,
      names: {
        agencies: new Map(agencies.map((a) => [a.id, a.name] as const)),
        tokens: new Map(tokens.map((t) => [t.id, t.label ?? ''] as const)),
      },
    })),
  )
  return (
    <section aria-labelledby="log-title">
      <h1 id="log-title">Nhật ký an ninh</h1>
      <p>100 sự kiện gần nhất: đăng nhập, mã truy cập, tài khoản, tải tệp và các lần bị từ chối.</p>
      {log.status === 'loading' && <p role="status">Đang tải nhật ký…</p>}
      {log.status === 'error' && <p role="alert">Không tải được nhật ký: {log.message}</p>}
      {log.status === 'ready' && (
        <div class="scroll" tabIndex={0} role="region" aria-label="Nhật ký an ninh">
          <table>
            <thead>
              <tr>
                <th scope="col">Thời gian</th>
                <th scope="col">Sự kiện</th>
                <th scope="col">Người thực hiện</th>
                <th scope="col">Chi tiết</th>
                <th scope="col">Địa chỉ IP</th>
              </tr>
            </thead>
            <tbody id="security-body">
              {log.data.events.length === 0 && (
                <tr>
                  <td colSpan={5}>Chưa có sự kiện nào.</td>
                </tr>
              )}
              {log.data.events.map((e) => {
                const names = log.data.names
                return (
                  <tr key={e.id} data-event={e.event}>
                    <td>{formatTime(e.time)}</td>
                    <td>{describeSecurityEvent(e.event)}</td>
                    <td>{describeActor(e.actor, names)}</td>
                    <td>{describeDetail(e.event, e.detail ?? null, names)}</td>
                    <td>{e.ip ?? ''}</td>
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
