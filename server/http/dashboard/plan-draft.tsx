import { useState } from 'preact/hooks'
import {
  fieldSpecs,
  formatColumnReading,
  parseDayFirstDate,
  type FieldKey,
  type PlanColumn,
  type PlanRow,
} from '../../../core/index.ts'
import type { DraftView } from '../../plans/book.ts'
import { readJson, requestApi, sendJson } from './api.ts'
import { formatDate } from './format.ts'
import { revision, route, showNotice, useResource } from './state.ts'

// A plan's draft on the "Kế hoạch" page: how its appendix was read, the doubts to look at, every
// row's plan columns to correct (read again through core on saving), what it changes against the
// version in force, and publishing it.

export const changeWords = { added: 'Bổ sung', removed: 'Bãi bỏ', changed: 'Sửa đổi' } as const
const formats = { docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', html: 'trang web (.html)' } as const

/** Shows a draft (without a hashchange, so that the notice set after it stays). */
export function openPlanDraft(id: number): void {
  history.pushState(null, '', `#/ke-hoach/nhap/${id}`)
  route.value = { page: 'plan-draft', id: String(id) }
}

function openPlans(): void {
  history.pushState(null, '', '#/ke-hoach')
  route.value = { page: 'plans' }
  revision.value++
}

const fieldOf = (c: PlanColumn): FieldKey => (typeof c === 'string' ? c : c.field)
const headerOf = (c: PlanColumn): string => (typeof c === 'string' ? fieldSpecs[c].label : c.header)

/** The key a doubt names a row by ("I.1.3", "12"). */
function computeRowKey(row: PlanRow): string | null {
  if (!row.stt) return null
  const section = row.read?.section
  return section && row.read?.kind !== 'section' ? `${section}.${row.stt}` : row.stt
}

/** A date typed the Vietnamese way (dd/mm/yyyy) as yyyy-mm-dd; null when empty or not a day. */
function readDate(text: string): string | null {
  const parsed = text.trim() ? parseDayFirstDate(text) : null
  return parsed && parsed !== 'invalid' ? parsed.date : null
}

type Fields = {
  name: string
  id: string
  year: string
  number: string
  date: string
  effective: string
}

function Editor({ draft, onSaved }: { draft: DraftView; onSaved: (d: DraftView) => void }) {
  const plan = draft.plan
  const columns = plan.columns
  const [rows, setRows] = useState(() =>
    plan.rows.map((r) => columns.map((c) => r[fieldOf(c)] ?? '')),
  )
  const [fields, setFields] = useState<Fields>({
    name: plan.name,
    id: plan.id,
    year: plan.year ? String(plan.year) : '',
    number: plan.document?.number ?? '',
    date: formatDate(plan.document?.date),
    effective: formatDate(draft.previousVersion ? plan.document?.date : `${plan.year}-01-01`),
  })
  const set = (key: keyof Fields) => (e: Event) =>
    setFields({ ...fields, [key]: (e.currentTarget as HTMLInputElement).value })
  const doubts = plan.doubts ?? []
  const doubtful = new Map<string, string[]>()
  for (const d of doubts)
    if (d.task) doubtful.set(d.task, [...(doubtful.get(d.task) ?? []), d.issue.message.vi])

  const save = (e: Event) => {
    e.preventDefault()
    const year = Number(fields.year)
    const body = {
      id: fields.id.trim(),
      name: fields.name.trim(),
      ...(Number.isInteger(year) && year >= 2000 ? { year } : {}),
      document: { number: fields.number.trim() || null, date: readDate(fields.date) },
      rows: rows.map((cells) => {
        const row: Partial<Record<FieldKey, string>> = {}
        cells.forEach((text, i) => {
          if (text.trim()) row[fieldOf(columns[i]!)] = text.trim()
        })
        return row
      }),
    }
    sendJson<{ draft: DraftView }>(`/api/plans/drafts/${draft.id}`, body, 'PUT')
      .then(({ draft: next }) => {
        onSaved(next)
        showNotice(`Đã lưu và đọc lại: còn ${next.plan.doubts?.length ?? 0} điểm cần xem lại.`)
      })
      .catch((err: Error) => showNotice(`Không lưu được: ${err.message}`, 'error'))
  }
  const publish = () => {
    const effectiveFrom = readDate(fields.effective)
    if (fields.effective.trim() && !effectiveFrom)
      return showNotice(`Ngày hiệu lực “${fields.effective}” không hợp lệ (dd/mm/yyyy).`, 'error')
    sendJson<{ version: { name: string; version: number; effectiveFrom: string } }>(
      `/api/plans/drafts/${draft.id}/publish`,
      effectiveFrom ? { effectiveFrom } : {},
    )
      .then(({ version }) => {
        openPlans()
        showNotice(
          `Đã ban hành “${version.name}” phiên bản ${version.version}, hiệu lực từ ${formatDate(version.effectiveFrom)}.`,
        )
      })
      .catch((err: Error) => showNotice(`Chưa ban hành được: ${err.message}`, 'error'))
  }
  const discard = () => {
    if (!window.confirm('Xóa bản nháp này?')) return
    requestApi(`/api/plans/drafts/${draft.id}`, { method: 'DELETE' })
      .then(() => {
        openPlans()
        showNotice('Đã xóa bản nháp.')
      })
      .catch((err: Error) => showNotice(`Không xóa được: ${err.message}`, 'error'))
  }
  const reading = draft.reading
  const source = reading?.format
    ? `${formats[reading.format]}${reading.appendices.length > 1 ? `, bảng ${reading.chosen}/${reading.appendices.length}` : ''}`
    : 'bản sửa đổi của phiên bản đang hiệu lực'
  return (
    <form id="plan-draft" data-draft={draft.id} onSubmit={save}>
      <fieldset>
        <legend>Kế hoạch</legend>
        <label>
          Tên <input name="name" size={70} value={fields.name} onInput={set('name')} />
        </label>
        <label>
          Mã <input name="id" size={32} value={fields.id} onInput={set('id')} />
        </label>
        <label>
          Năm{' '}
          <input
            name="year"
            size={5}
            inputMode="numeric"
            value={fields.year}
            onInput={set('year')}
          />
        </label>
        <label>
          Văn bản số{' '}
          <input
            name="number"
            size={16}
            placeholder="0156/KH-UBND"
            value={fields.number}
            onInput={set('number')}
          />
        </label>
        <label>
          ngày{' '}
          <input
            name="date"
            size={10}
            placeholder="dd/mm/yyyy"
            value={fields.date}
            onInput={set('date')}
          />
        </label>
      </fieldset>
      {reading?.header && (
        <details class="reading">
          <summary>Cách đọc bảng — {source}</summary>
          <ul>
            {reading.header.mapping.map((m) => (
              <li key={m.column}>{formatColumnReading(m, 'vi')}</li>
            ))}
          </ul>
        </details>
      )}
      <h2>{doubts.length ? `Cần xem lại (${doubts.length})` : 'Không có điểm nào cần xem lại'}</h2>
      <ul id="plan-doubts">
        {doubts.map((d, i) => (
          <li key={i} class={d.issue.severity}>
            <b>{d.task ?? 'Chung'}</b> — {d.issue.message.vi} <small>{d.issue.hint.vi}</small>
          </li>
        ))}
      </ul>
      {draft.previousVersion !== null && (
        <div id="plan-changes">
          <h2>
            Thay đổi so với phiên bản {draft.previousVersion} ({draft.changes.length})
          </h2>
          <ul>
            {draft.changes.map((c) => (
              <li key={`${c.kind}${c.task}`} class={`change ${c.kind}`}>
                {changeWords[c.kind]} {c.task}: {c.content}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h2>Các dòng của phụ lục ({plan.rows.length})</h2>
      <div class="scroll" tabIndex={0} role="region" aria-label="Các dòng của phụ lục">
        <table class="plan-rows">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={fieldOf(c)} class={`field-${fieldOf(c)}`}>
                  {headerOf(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((row, r) => {
              const key = computeRowKey(row)
              const notes = key ? doubtful.get(key) : undefined
              return (
                <tr
                  key={r}
                  data-row={r}
                  class={`${row.read?.kind ?? ''}${notes ? ' doubt' : ''}`}
                  title={notes?.join('\n')}
                >
                  {columns.map((c, i) => (
                    <td key={fieldOf(c)} class={`field-${fieldOf(c)}`}>
                      <textarea
                        aria-label={`${headerOf(c)} dòng ${r + 1}`}
                        rows={Math.min(6, Math.max(1, Math.ceil((rows[r]![i] ?? '').length / 36)))}
                        value={rows[r]![i]}
                        onInput={(e) => {
                          const next = rows.map((cells) => cells.slice())
                          next[r]![i] = e.currentTarget.value
                          setRows(next)
                        }}
                      />
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p class="plan-buttons">
        <button type="submit" id="plan-save">
          Lưu và đọc lại
        </button>{' '}
        <label>
          Hiệu lực từ{' '}
          <input
            id="plan-effective"
            size={10}
            placeholder="dd/mm/yyyy"
            value={fields.effective}
            onInput={set('effective')}
          />
        </label>{' '}
        <button type="button" id="plan-publish" onClick={publish}>
          {draft.previousVersion !== null
            ? `Ban hành phiên bản ${draft.previousVersion + 1}`
            : 'Ban hành'}
        </button>{' '}
        <button type="button" id="plan-discard" onClick={discard}>
          Xóa bản nháp
        </button>
      </p>
    </form>
  )
}

/** A draft's page (`#/ke-hoach/nhap/ID`). */
export function PlanDraftPage({ id }: { id: string }) {
  const [saved, setSaved] = useState<DraftView | null>(null)
  const loaded = useResource(`draft|${id}`, () =>
    readJson<{ draft: DraftView }>(`/api/plans/drafts/${encodeURIComponent(id)}`),
  )
  const draft = saved ?? (loaded.status === 'ready' ? loaded.data.draft : null)
  return (
    <div id="plans-page">
      <section aria-labelledby="draft-title">
        <p>
          <a href="#/ke-hoach">← Kế hoạch</a>
        </p>
        <h1 id="draft-title">{draft ? `Bản nháp: ${draft.plan.name}` : 'Bản nháp kế hoạch'}</h1>
        {loaded.status === 'loading' && !draft && <p>Đang tải…</p>}
        {loaded.status === 'error' && <p>Không mở được bản nháp: {loaded.message}</p>}
        {/* Saving re-reads the plan: a new editor for the new reading, its rows and doubts anew. */}
        {draft && <Editor key={draft.updatedAt} draft={draft} onSaved={setSaved} />}
      </section>
    </div>
  )
}
