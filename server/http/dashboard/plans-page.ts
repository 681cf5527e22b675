import { formatVietnameseDate } from '../../../core/index.ts'
import type { DraftView, PlanListing } from '../../plans/book.ts'
import type { PlanDraftRecord } from '../../store/index.ts'
import { $, downloadFile, formatTime, readJson, requestApi, showMessage } from './dom.ts'
import { buildTable, h } from './elements.ts'
import { renderDraft } from './plan-draft.ts'

// The "Kế hoạch" page: the province's plans with their versions and amendments, every unit's
// template to download, and (for Sở Nội vụ) a plan's appendix uploaded, read, corrected and published.

type Viewer = { role: string; agencyId: string | null }
type Listing = { plans: PlanListing[]; drafts: Omit<PlanDraftRecord, 'definition' | 'reading'>[] }

const changeWords = { added: 'Bổ sung', removed: 'Bãi bỏ', changed: 'Sửa đổi' } as const

function formatDocument(doc: PlanListing['versions'][number]['document']): string {
  if (!doc?.number && !doc?.date) return 'Chưa rõ số, ngày'
  return [
    doc.kind,
    doc.number ? `số ${doc.number}` : null,
    doc.date ? `ngày ${formatVietnameseDate(doc.date)}` : null,
  ]
    .filter(Boolean)
    .join(' ')
}

function startDownload(path: string, name: string): void {
  showMessage(`Đang tạo ${name}…`, 'ok')
  downloadFile(path, name).then(
    () => showMessage(`Đã tải ${name}.`, 'ok'),
    (e: Error) => showMessage(`Không tải được: ${e.message}`, 'error'),
  )
}

/** One plan's row: its version in force, its document, its tasks and the templates to download. */
function renderPlanRow(plan: PlanListing, viewer: Viewer, units: { id: string; name: string }[]) {
  const current = plan.versions[plan.versions.length - 1]!
  const templates = h('td', { className: 'actions' })
  if (viewer.role === 'admin') {
    const unit = h(
      'select',
      { 'aria-label': `Đơn vị nhận biểu mẫu ${plan.name}`, className: 'plan-unit' },
      ...units.map((u) => h('option', { value: u.id }, u.name)),
    )
    templates.append(
      unit,
      h('button', {
        type: 'button',
        textContent: 'Biểu mẫu đơn vị',
        className: 'plan-template',
        onclick: () =>
          startDownload(
            `/api/plans/${plan.id}/template.xlsx?agency=${encodeURIComponent(unit.value)}`,
            `bieu-mau-${plan.id}-${unit.value}.xlsx`,
          ),
      }),
      h('button', {
        type: 'button',
        textContent: 'Mọi đơn vị (.zip)',
        className: 'plan-zip',
        onclick: () =>
          startDownload(`/api/plans/${plan.id}/templates.zip`, `bieu-mau-${plan.id}.zip`),
      }),
      h('button', {
        type: 'button',
        textContent: 'Sửa đổi, bổ sung',
        className: 'plan-amend',
        onclick: () => void startAmendment(plan.id),
      }),
    )
  } else if (viewer.agencyId)
    templates.append(
      h('button', {
        type: 'button',
        textContent: 'Tải biểu mẫu của đơn vị',
        className: 'plan-template',
        onclick: () =>
          startDownload(`/api/plans/${plan.id}/template.xlsx`, `bieu-mau-${plan.id}.xlsx`),
      }),
    )
  const history = h(
    'details',
    {},
    h('summary', {}, `${plan.versions.length} phiên bản`),
    h(
      'ol',
      {},
      ...plan.versions.map((v) =>
        h(
          'li',
          {},
          `Phiên bản ${v.version}, hiệu lực từ ${formatVietnameseDate(v.effectiveFrom)} — ${formatDocument(v.document)}; ${v.tasks} nhiệm vụ`,
          v.changes.length
            ? h(
                'ul',
                {},
                ...v.changes.map((c) =>
                  h(
                    'li',
                    { className: `change ${c.kind}` },
                    `${changeWords[c.kind]} ${c.task}: ${c.content}`,
                  ),
                ),
              )
            : null,
        ),
      ),
    ),
  )
  return h(
    'tr',
    { 'data-plan': plan.id },
    h('td', {}, h('b', {}, plan.name), h('br'), h('small', {}, plan.id)),
    h('td', {}, plan.year),
    h('td', {}, `${current.version} (từ ${formatVietnameseDate(current.effectiveFrom)})`, history),
    h('td', {}, formatDocument(current.document)),
    h('td', { className: 'number' }, current.tasks),
    templates,
  )
}

async function startAmendment(planId: string): Promise<void> {
  try {
    const { draft } = (await (
      await requestApi(`/api/plans/${planId}/amend`, { method: 'POST' })
    ).json()) as { draft: DraftView }
    location.hash = `#/ke-hoach/nhap/${draft.id}`
  } catch (e) {
    showMessage(`Không tạo được bản sửa đổi: ${(e as Error).message}`, 'error')
  }
}

async function uploadAppendix(form: HTMLFormElement): Promise<void> {
  const data = new FormData(form)
  const file = data.get('file')
  if (!(file instanceof File) || !file.size)
    return showMessage('Chọn tệp phụ lục (.docx, .xlsx hoặc .html).', 'error')
  for (const key of ['id', 'year']) if (!data.get(key)) data.delete(key)
  showMessage(`Đang đọc ${file.name}…`, 'ok')
  try {
    const { draft } = (await (
      await requestApi('/api/plans', { method: 'POST', body: data })
    ).json()) as { draft: DraftView }
    showMessage(
      `Đã đọc ${file.name}: ${draft.plan.rows.length} dòng. Hãy xem lại rồi ban hành.`,
      'ok',
    )
    location.hash = `#/ke-hoach/nhap/${draft.id}`
  } catch (e) {
    showMessage(`Không đọc được phụ lục: ${(e as Error).message}`, 'error')
  }
}

function renderUpload(): HTMLElement {
  const form = h(
    'form',
    { id: 'plan-upload', className: 'plan-upload' },
    h(
      'label',
      {},
      'Tệp phụ lục ',
      h('input', { type: 'file', name: 'file', id: 'plan-file', accept: '.docx,.xlsx,.html,.htm' }),
    ),
    h(
      'label',
      {},
      'Mã kế hoạch (tùy chọn) ',
      h('input', {
        name: 'id',
        id: 'plan-id',
        size: 28,
        placeholder: 'dak-lak-2027-ke-hoach-cchc',
      }),
    ),
    h(
      'label',
      {},
      'Năm ',
      h('input', { name: 'year', id: 'plan-year', size: 5, inputMode: 'numeric' }),
    ),
    h('button', { type: 'submit' }, 'Đọc phụ lục'),
  )
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    void uploadAppendix(form)
  })
  return h(
    'section',
    {},
    h('h2', {}, 'Nhập kế hoạch từ phụ lục'),
    h(
      'p',
      {},
      'Tải lên phụ lục của kế hoạch (Word .docx, Excel .xlsx hoặc trang web .html). Bảng được đọc như khi kiểm tra báo cáo; các điểm cần xem lại được liệt kê để sửa trước khi ban hành.',
    ),
    form,
  )
}

function renderDrafts(drafts: Listing['drafts']): HTMLElement {
  const rows = drafts.map((d) =>
    h(
      'tr',
      { 'data-draft': d.id },
      h('td', {}, h('a', { href: `#/ke-hoach/nhap/${d.id}` }, d.planId)),
      h('td', {}, d.fileName ?? 'Bản sửa đổi'),
      h('td', {}, formatTime(d.updatedAt)),
      h('td', {}, d.createdBy ?? ''),
    ),
  )
  return h(
    'section',
    {},
    h('h2', {}, 'Bản nháp chưa ban hành'),
    drafts.length
      ? buildTable(['Mã kế hoạch', 'Tệp', 'Sửa lần cuối', 'Người tạo'], rows, 'short')
      : h('p', {}, 'Không có bản nháp nào.'),
  )
}

/** Shows the plans page (`#/ke-hoach`) or a draft (`#/ke-hoach/nhap/ID`). */
export async function loadPlansPage(route: string, viewer: Viewer): Promise<void> {
  const root = $('plans-page')
  const draftId = /^nhap\/(\d+)$/.exec(route)?.[1]
  if (draftId) {
    const { draft } = await readJson<{ draft: DraftView }>(`/api/plans/drafts/${draftId}`)
    root.replaceChildren(renderDraft(draft))
    return
  }
  const [listing, units] = await Promise.all([
    readJson<Listing>('/api/plans'),
    viewer.role === 'admin'
      ? readJson<{ id: string; name: string }[]>('/api/agencies')
      : Promise.resolve([]),
  ])
  const plans = listing.plans.map((p) => renderPlanRow(p, viewer, units))
  root.replaceChildren(
    h(
      'section',
      {},
      h('h2', {}, 'Kế hoạch cải cách hành chính'),
      plans.length
        ? buildTable(
            [
              'Kế hoạch',
              'Năm',
              'Phiên bản đang hiệu lực',
              'Văn bản ban hành',
              'Nhiệm vụ',
              'Biểu mẫu',
            ],
            plans,
            'plans',
          )
        : h('p', {}, 'Chưa có kế hoạch nào.'),
    ),
    ...(viewer.role === 'admin' ? [renderUpload(), renderDrafts(listing.drafts)] : []),
  )
}
