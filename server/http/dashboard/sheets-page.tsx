import { useEffect, useState } from 'preact/hooks'
import { formatPeriod } from '../../../core/index.ts'
import type { PullState } from '../routes/sheets.ts'
import type { AgencyRecord, AgencySheet, SheetRequest } from '../../store/index.ts'
import { readJson, requestApi, sendJson } from './api.ts'
import { AgencySelect } from './agency-select.tsx'
import { formatTime } from './format.ts'
import {
  describePullResult,
  describePullTime,
  describeRequester,
  SheetLinkView,
  SheetUrlInput,
} from './sheet-parts.tsx'
import { period, revision, showNotice, useResource } from './state.ts'

type SheetsAnswer = { sheets: AgencySheet[]; requests: SheetRequest[]; pull: PullState | null }

/** How often the page asks for a running pull's progress. */
const pollMs = 1500

/** A pull's progress or outcome in a sentence, and the sheets that could not be read. */
function PullProgress({ pull, names }: { pull: PullState; names: Map<string, string> }) {
  const ok = pull.outcomes.filter((o) => o.ok).length
  const failed = pull.outcomes.filter((o) => !o.ok)
  return (
    <div id="pull-progress" role="status">
      {pull.finishedAt ? (
        <p>
          Lần lấy gần nhất ({formatPeriod(pull.period)}) xong lúc {formatTime(pull.finishedAt)}:{' '}
          {ok} bảng tính lấy được, {failed.length} bảng tính lỗi.
        </p>
      ) : (
        <p>
          Đang lấy dữ liệu {formatPeriod(pull.period)}: {pull.outcomes.length}/{pull.total} bảng
          tính…
        </p>
      )}
      {failed.length > 0 && (
        <ul class="pull-failures">
          {failed.map((o) => (
            <li key={o.agencyId}>
              {names.get(o.agencyId) ?? o.agencyId}: {o.ok ? '' : o.error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * "Google Sheets" (Sở Nội vụ): the agencies' changes waiting for approval (approve or refuse), the
 * registered sheets with their last pull, a form to register or change a unit's sheet directly,
 * and "Kéo dữ liệu ngay" with its progress. Everything is loaded for this page; a change reloads it.
 */
export function SheetsPage() {
  const p = period.value
  const [version, setVersion] = useState(0)
  const [agency, setAgency] = useState('')
  const [url, setUrl] = useState('')
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // The pull as last asked for (undefined: as the page's data says); `tick` counts the polls.
  const [pull, setPull] = useState<PullState | null | undefined>(undefined)
  const [tick, setTick] = useState(0)
  const data = useResource(`sheets|${version}|${revision.value}`, () =>
    Promise.all([readJson<SheetsAnswer>('/api/sheets'), readJson<AgencyRecord[]>('/api/agencies')]),
  )
  const names = new Map(data.status === 'ready' ? data.data[1].map((a) => [a.id, a.name]) : [])
  const nameOf = (id: string) => names.get(id) ?? 'cơ quan không còn trong danh sách'
  const shownPull = pull !== undefined ? pull : data.status === 'ready' ? data.data[0].pull : null
  const running = Boolean(shownPull && !shownPull.finishedAt)

  useEffect(() => {
    if (!running) return undefined
    let current = true
    const timer = setTimeout(() => {
      readJson<{ pull: PullState | null }>('/api/sheets/pull').then(
        (r) => {
          if (!current) return
          setPull(r.pull)
          setTick(tick + 1)
          // Finished: the list shows each sheet's new last pull.
          if (r.pull?.finishedAt) setVersion((v) => v + 1)
        },
        () => current && setTick(tick + 1),
      )
    }, pollMs)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [running, tick])

  const reload = () => setVersion(version + 1)

  const register = (e: Event) => {
    e.preventDefault()
    setFormError(null)
    const name = nameOf(agency)
    setBusy(true)
    sendJson(`/api/agencies/${encodeURIComponent(agency)}/sheet`, { url: url.trim() }, 'PUT')
      .then(() => {
        setUrl('')
        reload()
        showNotice(`Đã đăng ký Google Sheet cho ${name}.`)
      })
      .catch((error: Error) => setFormError(`Không lưu được: ${error.message}`))
      .finally(() => setBusy(false))
  }
  const approve = (r: SheetRequest) => {
    const name = nameOf(r.agencyId)
    requestApi(`/api/agencies/${encodeURIComponent(r.agencyId)}/sheet/approve`, {
      method: 'POST',
    })
      .then(() => {
        reload()
        showNotice(
          r.url
            ? `Đã duyệt: ${name} dùng bảng tính mới từ lần lấy dữ liệu tới.`
            : `Đã duyệt: bỏ đăng ký Google Sheet của ${name}.`,
        )
      })
      .catch((error: Error) => showNotice(`Không duyệt được: ${error.message}`, 'error'))
  }
  const refuse = (r: SheetRequest) => {
    const name = nameOf(r.agencyId)
    const question = `Từ chối đề nghị đổi Google Sheet của ${name}? Cơ quan vẫn dùng bảng tính đang đăng ký.`
    if (!window.confirm(question)) return
    requestApi(`/api/agencies/${encodeURIComponent(r.agencyId)}/sheet/request`, {
      method: 'DELETE',
    })
      .then(() => {
        reload()
        showNotice(`Đã từ chối đề nghị của ${name}.`)
      })
      .catch((error: Error) => showNotice(`Không từ chối được: ${error.message}`, 'error'))
  }
  const remove = (s: AgencySheet) => {
    const name = nameOf(s.agencyId)
    const question = `Bỏ đăng ký Google Sheet của ${name}? Dịch vụ sẽ không lấy báo cáo từ bảng tính này nữa.`
    if (!window.confirm(question)) return
    sendJson(`/api/agencies/${encodeURIComponent(s.agencyId)}/sheet`, { url: null }, 'PUT')
      .then(() => {
        reload()
        showNotice(`Đã bỏ đăng ký Google Sheet của ${name}.`)
      })
      .catch((error: Error) => showNotice(`Không bỏ được: ${error.message}`, 'error'))
  }
  const startPull = () => {
    sendJson<{ pull: PullState }>(`/api/sheets/pull?period=${encodeURIComponent(p.id)}`, {})
      .then((r) => {
        setPull(r.pull)
        setTick(tick + 1)
      })
      .catch((error: Error) => showNotice(`Không lấy được dữ liệu: ${error.message}`, 'error'))
  }

  const sheets = data.status === 'ready' ? data.data[0].sheets : []
  const requests = data.status === 'ready' ? data.data[0].requests : []
  const current = new Map(sheets.map((s) => [s.agencyId, s]))
  return (
    <>
      <section id="sheets" aria-labelledby="sheets-title">
        <h1 id="sheets-title">Google Sheets của các cơ quan</h1>
        <p>
          Chỉ Sở Nội vụ đăng ký hoặc đổi bảng tính của một cơ quan; đề nghị đổi của cơ quan chờ
          duyệt ở đây. Dịch vụ chỉ lấy báo cáo từ bảng tính đã đăng ký, mỗi bảng tính thuộc một cơ
          quan.
        </p>
        <div class="row">
          <button
            type="button"
            id="pull-now"
            class="primary"
            disabled={running || data.status !== 'ready'}
            onClick={startPull}
          >
            Kéo dữ liệu ngay
          </button>
          <span>
            Lấy báo cáo {p.label} từ mọi bảng tính đã đăng ký (khoảng 1,2 giây mỗi bảng tính).
          </span>
        </div>
        {shownPull && <PullProgress pull={shownPull} names={names} />}
      </section>
      {data.status === 'loading' && (
        <section>
          <p role="status">Đang tải danh sách Google Sheets…</p>
        </section>
      )}
      {data.status === 'error' && (
        <section>
          <p role="alert">Không tải được danh sách Google Sheets: {data.message}</p>
          <button type="button" onClick={reload}>
            Thử lại
          </button>
        </section>
      )}
      {data.status === 'ready' && (
        <>
          <section id="sheet-requests" aria-labelledby="sheet-requests-title">
            <h2 id="sheet-requests-title">Đề nghị chờ duyệt ({requests.length})</h2>
            {requests.length === 0 ? (
              <p class="empty">Không có đề nghị đổi Google Sheet nào đang chờ duyệt.</p>
            ) : (
              <ul class="sheet-requests">
                {requests.map((r) => {
                  const old = current.get(r.agencyId)
                  const nameId = `request-name-${r.agencyId}`
                  return (
                    <li key={r.agencyId} data-request={r.agencyId}>
                      <p>
                        <strong id={nameId}>{nameOf(r.agencyId)}</strong>
                      </p>
                      <p class="requested">
                        {r.url ? (
                          <>
                            Đường dẫn đề nghị: <SheetLinkView url={r.url} />
                          </>
                        ) : (
                          'Đề nghị bỏ đăng ký bảng tính.'
                        )}
                      </p>
                      <p class="requested-by">
                        Người gửi: {describeRequester(r.requestedBy)}, lúc{' '}
                        {formatTime(r.requestedAt)}
                      </p>
                      <p class="requested-old">
                        {old ? (
                          <>
                            Đang dùng: <SheetLinkView url={old.url} />
                          </>
                        ) : (
                          'Chưa có bảng tính nào được đăng ký.'
                        )}
                      </p>
                      <p class="buttons">
                        <button
                          type="button"
                          class="primary approve"
                          aria-describedby={nameId}
                          onClick={() => approve(r)}
                        >
                          Duyệt
                        </button>{' '}
                        <button
                          type="button"
                          class="refuse"
                          aria-describedby={nameId}
                          onClick={() => refuse(r)}
                        >
                          Từ chối
                        </button>
                      </p>
                    </li>
                  )
                })}
              </ul>
            )}
          </section>
          <section id="sheet-list" aria-labelledby="sheet-list-title">
            <h2 id="sheet-list-title">Bảng tính đã đăng ký ({sheets.length})</h2>
            {sheets.length === 0 ? (
              <p class="empty">
                Chưa cơ quan nào có Google Sheet được đăng ký; hãy đăng ký ở mục bên dưới.
              </p>
            ) : (
              <div class="scroll" tabIndex={0} role="region" aria-label="Bảng tính đã đăng ký">
                <table class="sheets">
                  <thead>
                    <tr>
                      <th scope="col">Cơ quan</th>
                      <th scope="col">Bảng tính</th>
                      <th scope="col">Lấy lần cuối</th>
                      <th scope="col">Kết quả</th>
                      <th scope="col">Thao tác</th>
                    </tr>
                  </thead>
                  <tbody id="sheet-body">
                    {sheets.map((s) => (
                      <tr key={s.agencyId} data-sheet={s.agencyId}>
                        <th scope="row">{nameOf(s.agencyId)}</th>
                        <td data-label="Bảng tính">
                          <SheetLinkView url={s.url} />
                        </td>
                        <td data-label="Lấy lần cuối">{describePullTime(s)}</td>
                        <td data-label="Kết quả" class={s.pullError ? 'pull-failed' : undefined}>
                          {describePullResult(s)}
                        </td>
                        <td class="actions">
                          <button
                            type="button"
                            class="remove"
                            aria-label={`Bỏ đăng ký bảng tính của ${nameOf(s.agencyId)}`}
                            onClick={() => remove(s)}
                          >
                            Bỏ đăng ký
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
      <section id="sheet-register" aria-labelledby="sheet-register-title">
        <h2 id="sheet-register-title">Đăng ký hoặc đổi bảng tính cho cơ quan</h2>
        <p>
          Dán đường dẫn Google Sheet (https://docs.google.com/spreadsheets/d/…). Cơ quan chia sẻ
          bảng tính, quyền Xem, với tài khoản dịch vụ của Sở Nội vụ.
        </p>
        <form id="sheet-form" class="row" onSubmit={register}>
          <AgencySelect id="sheet-agency" label="Cơ quan" value={agency} onChange={setAgency} />
          <SheetUrlInput
            id="sheet-url"
            label="Đường dẫn Google Sheet"
            value={url}
            errorId="sheet-form-error"
            onInput={setUrl}
          />
          <button type="submit" class="primary" disabled={busy}>
            Lưu bảng tính
          </button>
        </form>
        <p id="sheet-form-error" role="alert">
          {formError ?? ''}
        </p>
      </section>
    </>
  )
}
