import { useState } from 'preact/hooks'
import type { AgencySheet, SheetRequest } from '../../store/index.ts'
import { readJson, requestApi, sendJson } from './api.ts'
import { formatTime } from './format.ts'
import {
  describePullResult,
  describePullTime,
  SheetLinkView,
  SheetUrlInput,
} from './sheet-parts.tsx'
import { revision, showNotice, useResource } from './state.ts'

type SheetAnswer = {
  agency: string
  sheet: AgencySheet | null
  request: Omit<SheetRequest, 'agencyId'> | null
}

/**
 * An agency's Google Sheet on its own page: the registered sheet and its last pull, the change
 * waiting for Sở Nội vụ's approval ("Hủy yêu cầu"), and a form to ask for a change.
 */
export function AgencySheetSection({ id, name }: { id: string; name: string }) {
  const [version, setVersion] = useState(0)
  const [url, setUrl] = useState('')
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const path = `/api/agencies/${encodeURIComponent(id)}/sheet`
  const data = useResource(`sheet|${id}|${version}|${revision.value}`, () =>
    readJson<SheetAnswer>(path),
  )
  const ask = (e: Event) => {
    e.preventDefault()
    setFormError(null)
    setBusy(true)
    sendJson(path, { url: url.trim() }, 'PUT')
      .then(() => {
        setUrl('')
        setVersion(version + 1)
        showNotice('Đã gửi đề nghị đổi Google Sheet; bảng tính mới được dùng khi Sở Nội vụ duyệt.')
      })
      .catch((error: Error) => setFormError(`Không gửi được: ${error.message}`))
      .finally(() => setBusy(false))
  }
  const cancel = () => {
    if (!window.confirm('Hủy đề nghị đổi Google Sheet đang chờ Sở Nội vụ duyệt?')) return
    requestApi(`${path}/request`, { method: 'DELETE' })
      .then(() => {
        setVersion(version + 1)
        showNotice('Đã hủy đề nghị đổi Google Sheet.')
      })
      .catch((error: Error) => showNotice(`Không hủy được: ${error.message}`, 'error'))
  }
  return (
    <section id="agency-sheet" aria-labelledby="agency-sheet-title">
      <h2 id="agency-sheet-title">Google Sheet của cơ quan</h2>
      {data.status === 'loading' && <p role="status">Đang tải…</p>}
      {data.status === 'error' && (
        <p role="alert">Không tải được Google Sheet của cơ quan: {data.message}</p>
      )}
      {data.status === 'ready' && (
        <>
          {data.data.sheet ? (
            <dl id="agency-sheet-current" class="facts">
              <dt>Bảng tính đã đăng ký</dt>
              <dd>
                <SheetLinkView url={data.data.sheet.url} />
              </dd>
              <dt>Sở Nội vụ lấy dữ liệu lần cuối</dt>
              <dd>{describePullTime(data.data.sheet)}</dd>
              {data.data.sheet.pulledAt && (
                <>
                  <dt>Kết quả</dt>
                  <dd class={data.data.sheet.pullError ? 'pull-failed' : undefined}>
                    {describePullResult(data.data.sheet)}
                  </dd>
                </>
              )}
            </dl>
          ) : (
            <p id="agency-sheet-current" class="empty">
              {name} chưa đăng ký Google Sheet nào. Gửi đường dẫn bên dưới: Sở Nội vụ duyệt rồi lấy
              báo cáo từ bảng tính đó.
            </p>
          )}
          {data.data.request && (
            <div id="sheet-request" class="confirm">
              <p>
                {data.data.request.url ? (
                  <>
                    Đang chờ Sở Nội vụ duyệt: <SheetLinkView url={data.data.request.url} />, gửi lúc{' '}
                    {formatTime(data.data.request.requestedAt)}.
                  </>
                ) : (
                  `Đang chờ Sở Nội vụ duyệt: bỏ đăng ký bảng tính, gửi lúc ${formatTime(data.data.request.requestedAt)}.`
                )}
              </p>
              <button type="button" id="cancel-sheet-request" onClick={cancel}>
                Hủy yêu cầu
              </button>
            </div>
          )}
        </>
      )}
      <form id="agency-sheet-form" class="row" onSubmit={ask}>
        <SheetUrlInput
          id="agency-sheet-url"
          label="Đường dẫn Google Sheet mới"
          value={url}
          errorId="agency-sheet-error"
          onInput={setUrl}
        />
        <button type="submit" class="primary" disabled={busy}>
          Gửi đề nghị đổi
        </button>
      </form>
      <p class="hint">
        Chia sẻ bảng tính (quyền Xem) với tài khoản dịch vụ của Sở Nội vụ; đề nghị mới thay đề nghị
        đang chờ.
      </p>
      <p id="agency-sheet-error" role="alert">
        {formError ?? ''}
      </p>
    </section>
  )
}
