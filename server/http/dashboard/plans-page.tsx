import { useState } from 'preact/hooks'
import type { DraftView, PlanListing } from '../../plans/book.ts'
import type { AgencyRecord, PlanDraftRecord } from '../../store/index.ts'
import { downloadFile, readJson, requestApi, sendJson } from './api.ts'
import { formatDate, formatTime } from './format.ts'
import { changeWords, openPlanDraft } from './plan-draft.tsx'
import { revision, showNotice, useResource } from './state.ts'

// The "Kế hoạch" page: the province's plans with their versions and amendments, every unit's
// template to download, and (for Sở Nội vụ) a plan's appendix uploaded, read, and opened as a draft.

type Listing = { plans: PlanListing[]; drafts: Omit<PlanDraftRecord, 'definition' | 'reading'>[] }

/** "Kế hoạch số 0156/KH-UBND ngày 26/12/2025", or what is not known of it. */
export function formatDocument(doc: PlanListing['versions'][number]['document']): string {
  if (!doc?.number && !doc?.date) return 'Chưa rõ số, ngày'
  return [
    doc.kind,
    doc.number ? `số ${doc.number}` : null,
    doc.date ? `ngày ${formatDate(doc.date)}` : null,
  ]
    .filter(Boolean)
    .join(' ')
}

function startDownload(path: string, name: string): void {
  showNotice(`Đang tạo ${name}…`)
  downloadFile(path, name).then(
    () => showNotice(`Đã tải ${name}.`),
    (e: Error) => showNotice(`Không tải được: ${e.message}`, 'error'),
  )
}

function startAmendment(planId: string): void {
  sendJson<{ draft: DraftView }>(`/api/plans/${planId}/amend`, {})
    .then(({ draft }) => openPlanDraft(draft.id))
    .catch((e: Error) => showNotice(`Không tạo được bản sửa đổi: ${e.message}`, 'error'))
}

/** The templates a viewer may download from a plan's row, and (Sở Nội vụ) its amendment. */
function Templates({
  plan,
  units,
  own,
}: {
  plan: PlanListing
  units: AgencyRecord[]
  own: string | null
}) {
  const [chosen, setUnit] = useState('')
  // The units load after the list: the first is chosen until the officer picks one.
  const unit = chosen || (units[0]?.id ?? '')
  if (own)
    return (
      <button
        type="button"
        class="plan-template"
        onClick={() =>
          startDownload(`/api/plans/${plan.id}/template.xlsx`, `bieu-mau-${plan.id}.xlsx`)
        }
      >
        Tải biểu mẫu của đơn vị
      </button>
    )
  return (
    <>
      <select
        class="plan-unit"
        aria-label={`Đơn vị nhận biểu mẫu ${plan.name}`}
        value={unit}
        onChange={(e) => setUnit(e.currentTarget.value)}
      >
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        class="plan-template"
        onClick={() =>
          startDownload(
            `/api/plans/${plan.id}/template.xlsx?agency=${encodeURIComponent(unit)}`,
            `bieu-mau-${plan.id}-${unit}.xlsx`,
          )
        }
      >
        Biểu mẫu đơn vị
      </button>{' '}
      <button
        type="button"
        class="plan-zip"
        onClick={() =>
          startDownload(`/api/plans/${plan.id}/templates.zip`, `bieu-mau-${plan.id}.zip`)
        }
      >
        Mọi đơn vị (.zip)
      </button>{' '}
      <button type="button" class="plan-amend" onClick={() => startAmendment(plan.id)}>
        Sửa đổi, bổ sung
      </button>
    </>
  )
}

function PlanRow({
  plan,
  units,
  own,
}: {
  plan: PlanListing
  units: AgencyRecord[]
  own: string | null
}) {
  const current = plan.versions[plan.versions.length - 1]!
  return (
    <tr data-plan={plan.id}>
      <td>
        <b>{plan.name}</b>
        <br />
        <small>{plan.id}</small>
      </td>
      <td>{plan.year}</td>
      <td>
        {current.version} (từ {formatDate(current.effectiveFrom)})
        <details>
          <summary>{plan.versions.length} phiên bản</summary>
          <ol>
            {plan.versions.map((v) => (
              <li key={v.version}>
                Phiên bản {v.version}, hiệu lực từ {formatDate(v.effectiveFrom)} —{' '}
                {formatDocument(v.document)}; {v.tasks} nhiệm vụ
                {v.changes.length > 0 && (
                  <ul>
                    {v.changes.map((c) => (
                      <li key={`${c.kind}${c.task}`} class={`change ${c.kind}`}>
                        {changeWords[c.kind]} {c.task}: {c.content}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </details>
      </td>
      <td>{formatDocument(current.document)}</td>
      <td class="number">{current.tasks}</td>
      <td class="actions">
        <Templates plan={plan} units={units} own={own} />
      </td>
    </tr>
  )
}

/** "Nhập kế hoạch từ phụ lục": a plan's appendix read into a draft. */
function Upload() {
  const [busy, setBusy] = useState(false)
  const submit = (e: Event) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget as HTMLFormElement)
    const file = data.get('file')
    if (!(file instanceof File) || !file.size)
      return showNotice('Chọn tệp phụ lục (.docx, .xlsx hoặc .html).', 'error')
    for (const key of ['id', 'year']) if (!data.get(key)) data.delete(key)
    setBusy(true)
    showNotice(`Đang đọc ${file.name}…`)
    requestApi('/api/plans', { method: 'POST', body: data })
      .then((r) => r.json() as Promise<{ draft: DraftView }>)
      .then(({ draft }) => {
        openPlanDraft(draft.id)
        showNotice(`Đã đọc ${file.name}: ${draft.plan.rows.length} dòng. Hãy xem lại rồi ban hành.`)
      })
      .catch((err: Error) => showNotice(`Không đọc được phụ lục: ${err.message}`, 'error'))
      .finally(() => setBusy(false))
  }
  return (
    <section aria-labelledby="plan-upload-title">
      <h2 id="plan-upload-title">Nhập kế hoạch từ phụ lục</h2>
      <p>
        Tải lên phụ lục của kế hoạch (Word .docx, Excel .xlsx hoặc trang web .html). Bảng được đọc
        như khi kiểm tra báo cáo; các điểm cần xem lại được liệt kê để sửa trước khi ban hành.
      </p>
      <form id="plan-upload" class="plan-upload" onSubmit={submit}>
        <label>
          Tệp phụ lục{' '}
          <input type="file" name="file" id="plan-file" accept=".docx,.xlsx,.html,.htm" />
        </label>
        <label>
          Mã kế hoạch (tùy chọn){' '}
          <input name="id" id="plan-id" size={28} placeholder="dak-lak-2027-ke-hoach-cchc" />
        </label>
        <label>
          Năm <input name="year" id="plan-year" size={5} inputMode="numeric" />
        </label>
        <button type="submit" disabled={busy}>
          Đọc phụ lục
        </button>
      </form>
    </section>
  )
}

function Drafts({ drafts }: { drafts: Listing['drafts'] }) {
  return (
    <section aria-labelledby="plan-drafts-title">
      <h2 id="plan-drafts-title">Bản nháp chưa ban hành</h2>
      {drafts.length === 0 ? (
        <p>Không có bản nháp nào.</p>
      ) : (
        <div class="scroll" tabIndex={0} role="region" aria-label="Bản nháp kế hoạch">
          <table>
            <thead>
              <tr>
                <th>Mã kế hoạch</th>
                <th>Tệp</th>
                <th>Sửa lần cuối</th>
                <th>Người tạo</th>
              </tr>
            </thead>
            <tbody>
              {drafts.map((d) => (
                <tr key={d.id} data-draft={d.id}>
                  <td>
                    <a href={`#/ke-hoach/nhap/${d.id}`}>{d.planId}</a>
                  </td>
                  <td>{d.fileName ?? 'Bản sửa đổi'}</td>
                  <td>{formatTime(d.updatedAt)}</td>
                  <td>{d.createdBy ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** The "Kế hoạch" page; `own` is the agency a unit's account belongs to (null for Sở Nội vụ). */
export function Plans({ own }: { own: string | null }) {
  const listing = useResource(`plans|${revision.value}`, () => readJson<Listing>('/api/plans'))
  const units = useResource(own ? null : 'agencies', () =>
    readJson<AgencyRecord[]>('/api/agencies'),
  )
  const list = units.status === 'ready' ? units.data : []
  return (
    <div id="plans-page">
      <section aria-labelledby="plans-title">
        <h1 id="plans-title">Kế hoạch cải cách hành chính</h1>
        {listing.status === 'loading' && <p>Đang tải…</p>}
        {listing.status === 'error' && <p>Không tải được danh sách kế hoạch: {listing.message}</p>}
        {listing.status === 'ready' &&
          (listing.data.plans.length === 0 ? (
            <p>Chưa có kế hoạch nào.</p>
          ) : (
            <div class="scroll" tabIndex={0} role="region" aria-label="Các kế hoạch">
              <table class="plans">
                <thead>
                  <tr>
                    <th>Kế hoạch</th>
                    <th>Năm</th>
                    <th>Phiên bản đang hiệu lực</th>
                    <th>Văn bản ban hành</th>
                    <th>Nhiệm vụ</th>
                    <th>Biểu mẫu</th>
                  </tr>
                </thead>
                <tbody>
                  {listing.data.plans.map((p) => (
                    <PlanRow key={p.id} plan={p} units={list} own={own} />
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </section>
      {!own && <Upload />}
      {!own && listing.status === 'ready' && <Drafts drafts={listing.data.drafts} />}
    </div>
  )
}
