import type { TokenRecord } from '../../store/tokens.ts'
import { $, appendCell, formatTime, readJson, requestApi } from './dom.ts'

type SecurityEvent = { time: string; event: string; actor: string | null; ip: string | null }

/** The administrator's part of the dashboard: API tokens (listed, revocable) and the security log. */
export async function loadAdmin(onMessage: (text: string, kind: 'ok' | 'error') => void) {
  $('admin').hidden = false
  const [{ tokens }, { events }] = await Promise.all([
    readJson<{ tokens: TokenRecord[] }>('/api/tokens'),
    readJson<{ events: SecurityEvent[] }>('/api/admin/security-log?limit=50'),
  ])
  const body = $('token-body')
  body.textContent = ''
  for (const t of tokens) {
    const tr = document.createElement('tr')
    tr.dataset.token = t.id
    appendCell(tr, t.label ?? '')
    appendCell(tr, t.agencyId ?? 'Quản trị')
    appendCell(tr, formatTime(t.createdAt))
    appendCell(tr, t.expiresAt ? formatTime(t.expiresAt) : 'Không hết hạn')
    appendCell(tr, t.lastUsedAt ? formatTime(t.lastUsedAt) : '')
    const action = appendCell(tr, t.revokedAt ? `Đã thu hồi ${formatTime(t.revokedAt)}` : '')
    if (!t.revokedAt) {
      const button = document.createElement('button')
      button.textContent = 'Thu hồi'
      button.addEventListener('click', () => {
        requestApi(`/api/tokens/${encodeURIComponent(t.id)}`, { method: 'DELETE' })
          .then(() => loadAdmin(onMessage))
          .then(() => onMessage(`Đã thu hồi mã “${t.label ?? t.id}”.`, 'ok'))
          .catch((e: Error) => onMessage(`Không thu hồi được: ${e.message}`, 'error'))
      })
      action.appendChild(button)
    }
    body.appendChild(tr)
  }
  const log = $('security-body')
  log.textContent = ''
  for (const e of events) {
    const tr = document.createElement('tr')
    tr.dataset.event = e.event
    appendCell(tr, formatTime(e.time))
    appendCell(tr, e.event)
    appendCell(tr, e.actor ?? '')
    appendCell(tr, e.ip ?? '')
    log.appendChild(tr)
  }
}
