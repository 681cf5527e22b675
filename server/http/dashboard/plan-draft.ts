import {
  fieldSpecs,
  formatColumnReading,
  formatVietnameseDate,
  parseDayFirstDate,
  type FieldKey,
  type PlanColumn,
  type PlanRow,
} from '../../../core/index.ts'
import type { DraftView } from '../../plans/book.ts'
import { $, requestApi, showMessage } from './dom.ts'
import { buildTable, h } from './elements.ts'

// A plan's draft on the "Kế hoạch" page: how its appendix was read, the doubts to look at, every
// row's plan columns to correct, what it changes against the version in force, and publishing it.

const formats = { docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', html: 'trang web (.html)' } as const
const changeWords = { added: 'Bổ sung', removed: 'Bãi bỏ', changed: 'Sửa đổi' } as const

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
  const parsed = text ? parseDayFirstDate(text) : null
  return parsed && parsed !== 'invalid' ? parsed.date : null
}

const showDate = (iso: string | null | undefined) => (iso ? formatVietnameseDate(iso) : '')

function readCorrection(form: HTMLElement, draft: DraftView) {
  const value = (name: string) =>
    form.querySelector<HTMLInputElement>(`[name="${name}"]`)!.value.trim()
  const fields = draft.plan.columns.map(fieldOf)
  const rows = [...form.querySelectorAll<HTMLTableRowElement>('tr[data-row]')].map((tr) => {
    const row: Partial<Record<FieldKey, string>> = {}
    fields.forEach((f, i) => {
      const text = tr.querySelectorAll('textarea')[i]!.value.trim()
      if (text) row[f] = text
    })
    return row
  })
  const year = Number(value('year'))
  return {
    id: value('id'),
    name: value('name'),
    ...(Number.isInteger(year) && year >= 2000 ? { year } : {}),
    document: { number: value('number') || null, date: readDate(value('date')) },
    rows,
  }
}

async function save(form: HTMLElement, draft: DraftView): Promise<void> {
  try {
    const res = await requestApi(`/api/plans/drafts/${draft.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(readCorrection(form, draft)),
    })
    const { draft: next } = (await res.json()) as { draft: DraftView }
    $('plans-page').replaceChildren(renderDraft(next))
    showMessage(`Đã lưu và đọc lại: còn ${next.plan.doubts?.length ?? 0} điểm cần xem lại.`, 'ok')
  } catch (e) {
    showMessage(`Không lưu được: ${(e as Error).message}`, 'error')
  }
}

async function publish(draft: DraftView, typed: string): Promise<void> {
  const effectiveFrom = readDate(typed)
  if (typed && !effectiveFrom)
    return showMessage(`Ngày hiệu lực “${typed}” không hợp lệ (dd/mm/yyyy).`, 'error')
  try {
    const res = await requestApi(`/api/plans/drafts/${draft.id}/publish`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(effectiveFrom ? { effectiveFrom } : {}),
    })
    const { version } = (await res.json()) as {
      version: { name: string; version: number; effectiveFrom: string }
    }
    location.hash = '#/ke-hoach'
    showMessage(
      `Đã ban hành “${version.name}” phiên bản ${version.version}, hiệu lực từ ${formatVietnameseDate(version.effectiveFrom)}.`,
      'ok',
    )
  } catch (e) {
    showMessage(`Chưa ban hành được: ${(e as Error).message}`, 'error')
  }
}

async function discard(draft: DraftView): Promise<void> {
  if (!confirm('Xóa bản nháp này?')) return
  try {
    await requestApi(`/api/plans/drafts/${draft.id}`, { method: 'DELETE' })
    location.hash = '#/ke-hoach'
    showMessage('Đã xóa bản nháp.', 'ok')
  } catch (e) {
    showMessage(`Không xóa được: ${(e as Error).message}`, 'error')
  }
}

function renderReading(draft: DraftView): HTMLElement | null {
  const reading = draft.reading
  if (!reading?.header) return null
  const source = reading.format
    ? `${formats[reading.format]}${reading.appendices.length > 1 ? `, bảng ${reading.chosen}/${reading.appendices.length}` : ''}`
    : 'bản sửa đổi của phiên bản đang hiệu lực'
  return h(
    'details',
    { className: 'reading' },
    h('summary', {}, `Cách đọc bảng — ${source}`),
    h('ul', {}, ...reading.header.mapping.map((m) => h('li', {}, formatColumnReading(m, 'vi')))),
  )
}

/** The draft editor: the plan's fields, its doubts, its rows, its changes, and publishing. */
export function renderDraft(draft: DraftView): HTMLElement {
  const plan = draft.plan
  const doubts = plan.doubts ?? []
  const doubtful = new Map<string, string[]>()
  for (const d of doubts)
    if (d.task) doubtful.set(d.task, [...(doubtful.get(d.task) ?? []), d.issue.message.vi])
  const input = (label: string, name: string, value: string | number, attrs = {}) =>
    h('label', {}, `${label} `, h('input', { name, value: String(value), ...attrs }))
  const rows = plan.rows.map((row, i) => {
    const key = computeRowKey(row)
    const notes = key ? doubtful.get(key) : undefined
    return h(
      'tr',
      {
        'data-row': i,
        className: `${row.read?.kind ?? ''}${notes ? ' doubt' : ''}`,
        title: notes?.join('\n') ?? '',
      },
      ...plan.columns.map((c) =>
        h(
          'td',
          {},
          h('textarea', {
            value: row[fieldOf(c)] ?? '',
            rows: 2,
            'aria-label': `${headerOf(c)} dòng ${i + 1}`,
          }),
        ),
      ),
    )
  })
  const effective = h('input', {
    id: 'plan-effective',
    size: 10,
    placeholder: 'dd/mm/yyyy',
    value: showDate(draft.previousVersion ? plan.document?.date : `${plan.year}-01-01`),
  })
  const form = h(
    'form',
    { id: 'plan-draft', 'data-draft': draft.id },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Kế hoạch'),
      input('Tên', 'name', plan.name, { size: 70 }),
      input('Mã', 'id', plan.id, { size: 32 }),
      input('Năm', 'year', plan.year || '', { size: 5, inputMode: 'numeric' }),
      input('Văn bản số', 'number', plan.document?.number ?? '', {
        size: 16,
        placeholder: '0156/KH-UBND',
      }),
      input('ngày', 'date', showDate(plan.document?.date), { size: 10, placeholder: 'dd/mm/yyyy' }),
    ),
    renderReading(draft),
    h('h3', {}, doubts.length ? `Cần xem lại (${doubts.length})` : 'Không có điểm nào cần xem lại'),
    h(
      'ul',
      { id: 'plan-doubts' },
      ...doubts.map((d) =>
        h(
          'li',
          { className: d.issue.severity },
          h('b', {}, d.task ?? 'Chung'),
          ` — ${d.issue.message.vi} `,
          h('small', {}, d.issue.hint.vi),
        ),
      ),
    ),
    draft.previousVersion
      ? h(
          'div',
          { id: 'plan-changes' },
          h(
            'h3',
            {},
            `Thay đổi so với phiên bản ${draft.previousVersion} (${draft.changes.length})`,
          ),
          h(
            'ul',
            {},
            ...draft.changes.map((c) =>
              h(
                'li',
                { className: `change ${c.kind}` },
                `${changeWords[c.kind]} ${c.task}: ${c.content}`,
              ),
            ),
          ),
        )
      : null,
    h('h3', {}, `Các dòng của phụ lục (${plan.rows.length})`),
    buildTable(plan.columns.map(headerOf), rows, 'plan-rows'),
    h(
      'p',
      { className: 'plan-buttons' },
      h('button', { type: 'submit', id: 'plan-save' }, 'Lưu và đọc lại'),
      ' ',
      h('label', {}, 'Hiệu lực từ ', effective),
      ' ',
      h(
        'button',
        { type: 'button', id: 'plan-publish', onclick: () => void publish(draft, effective.value) },
        draft.previousVersion ? `Ban hành phiên bản ${draft.previousVersion + 1}` : 'Ban hành',
      ),
      ' ',
      h(
        'button',
        { type: 'button', id: 'plan-discard', onclick: () => void discard(draft) },
        'Xóa bản nháp',
      ),
    ),
  )
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    void save(form, draft)
  })
  return h(
    'section',
    {},
    h('p', {}, h('a', { href: '#/ke-hoach' }, '← Kế hoạch')),
    h('h2', {}, `Bản nháp: ${plan.name}`),
    form,
  )
}
