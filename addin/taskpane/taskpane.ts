import {
  computeFixes,
  parsePeriod,
  type FieldKey,
  type Grid,
  type Issue,
  type Report,
  type TemplateMeta,
} from '../../core/index.ts'
import { addinRegistry, findAddinProfile } from '../catalog.ts'
import {
  hasNotesApi,
  runCheck,
  runClear,
  runFixes,
  selectCell,
  type ManualFix,
  type Progress,
} from '../excel/check.ts'
import { writeColumnChoice } from '../excel/columns.ts'
import { writeMetaEntry } from '../excel/meta.ts'
import { describeError, renderManualFixes, renderProgress } from './feedback.ts'
import { computeDefaults, readSettings, writeSettings, type PaneSettings } from '../settings.ts'
import { renderMapping } from './mapping.ts'
import { submitReport } from './send.ts'
import { renderProblemList, renderSummary } from './summary.ts'
import {
  computeNextIndex,
  filterProblems,
  formatIssueCell,
  type SeverityFilter,
} from './problems.ts'

/** A typed element lookup that fails loudly when the markup is missing a part. */
function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id)
  if (!el) throw new Error(`Thiếu phần tử #${id} trong trang Bảng CCHC`)
  return el as T
}

type State = {
  report: Report | null
  grid: Grid | null
  meta: TemplateMeta | null
  filter: SeverityFilter
  current: number
  busy: boolean
  /** Whether the issue date field was changed since the last check. */
  issuedEdited: boolean
}
const state: State = {
  report: null,
  grid: null,
  meta: null,
  filter: 'all',
  current: -1,
  busy: false,
  issuedEdited: false,
}
let settings: PaneSettings

function show(text: string, kind: 'ok' | 'error') {
  const m = $('message')
  m.textContent = text
  m.className = kind
}

/** Shows where a check is; on a big sheet, which rows are being read. */
function showProgress(progress: Progress | null) {
  renderProgress({ box: $('progress'), text: $('progress-text'), bar: $('progress-bar') }, progress)
}

function setBusy(busy: boolean) {
  state.busy = busy
  for (const id of ['check', 'clear', 'send']) $<HTMLButtonElement>(id).disabled = busy
  $<HTMLButtonElement>('fix').disabled =
    busy || !state.report || computeFixes(state.report).length === 0
}

function showManualFixes(manual: ManualFix[]) {
  renderManualFixes($('manual-fixes'), manual)
}

function renderReport(report: Report) {
  $('summary').hidden = false
  $('problems').hidden = false
  renderSummary($('summary-line'), $('status-counts'), report)
  renderMapping(
    $('mapping'),
    report,
    (column, field, current) => void chooseMeaning(column, field, current),
  )
  renderProblems()
}

/** Remembers a column's meaning in the workbook, then checks again with it. */
async function chooseMeaning(column: string, field: FieldKey | null, current: FieldKey | null) {
  if (state.busy) return
  try {
    await Excel.run((context) => writeColumnChoice(context, column, field, current))
  } catch (error) {
    show(describeError(error), 'error')
    return
  }
  await check()
}

function visibleProblems(): Issue[] {
  return state.report ? filterProblems(state.report.issues, state.filter) : []
}

function renderProblems() {
  const problems = visibleProblems()
  $('problem-count').textContent = `(${problems.length})`
  renderProblemList($('problem-list'), problems, state.current, (i) => void goTo(i))
}

async function goTo(index: number) {
  const problems = visibleProblems()
  const issue = problems[index]
  if (!issue || !state.report) return
  state.current = index
  renderProblems()
  const address = formatIssueCell(issue)
  if (!address) return
  try {
    await Excel.run((context) => selectCell(context, state.report!.sheet, address))
  } catch (error) {
    show(describeError(error), 'error')
  }
}

async function check() {
  if (state.busy) return
  setBusy(true)
  const asOf = $<HTMLInputElement>('as-of').value || computeDefaults(Date.now()).asOf
  // The issue date typed here wins and is remembered in the workbook; otherwise the workbook's own.
  const issued = state.issuedEdited ? $<HTMLInputElement>('issued').value || null : null
  try {
    const outcome = await Excel.run((context) =>
      runCheck(context, {
        asOf,
        issued,
        registry: addinRegistry,
        profileFor: findAddinProfile,
        notes: hasNotesApi(),
        onProgress: showProgress,
      }),
    )
    if (outcome.skipped.length)
      show(
        `Trang tính được bảo vệ: ${outcome.skipped.length} ô bị khóa không ghi được trạng thái/đánh dấu; danh sách lỗi đầy đủ ở trang "Kiểm tra".`,
        'error',
      )
    state.report = outcome.report
    state.grid = outcome.read.grid
    state.meta = issued ? { ...outcome.read.meta, issued } : outcome.read.meta
    if (issued && outcome.report.header && issued !== outcome.read.meta?.issued)
      await Excel.run((context) => writeMetaEntry(context, 'issued', issued))
    state.issuedEdited = false
    $<HTMLInputElement>('issued').value = outcome.report.issued ?? ''
    state.current = -1
    renderReport(outcome.report)
    if (!outcome.report.header)
      show(
        'Không tìm thấy bảng phụ lục (dòng tiêu đề có STT, Nội dung, Thời hạn…) trong trang tính đang mở.',
        'error',
      )
    else if (!outcome.skipped.length)
      show(
        outcome.report.errorCount
          ? `Đã kiểm tra: có ${outcome.report.errorCount} lỗi cần sửa.`
          : 'Đã kiểm tra: không có lỗi.',
        outcome.report.errorCount ? 'error' : 'ok',
      )
  } catch (error) {
    show(describeError(error), 'error')
  } finally {
    showProgress(null)
    setBusy(false)
  }
}

async function fix() {
  if (!state.report || state.busy) return
  setBusy(true)
  try {
    const { applied, manual } = await Excel.run((context) => runFixes(context, state.report!))
    showManualFixes(manual)
    show(
      `Đã sửa tự động ${applied} ô (bỏ thẻ HTML, chuyển mã TCVN3/VNI sang Unicode)${manual.length ? `; ${manual.length} ô bị khóa cần sửa tay (xem danh sách)` : ''}. Đang kiểm tra lại…`,
      manual.length ? 'error' : 'ok',
    )
  } catch (error) {
    show(describeError(error), 'error')
    setBusy(false)
    return
  }
  setBusy(false)
  await check()
}

async function clear() {
  if (state.busy) return
  setBusy(true)
  try {
    const { cleared } = await Excel.run((context) => runClear(context, { notes: hasNotesApi() }))
    show(
      cleared
        ? 'Đã xóa đánh dấu, trang tính trở lại như ban đầu.'
        : 'Trang tính chưa có đánh dấu nào.',
      'ok',
    )
  } catch (error) {
    show(describeError(error), 'error')
  } finally {
    setBusy(false)
  }
}

async function send() {
  if (state.busy) return
  if (!state.grid || !state.report) {
    show('Hãy bấm "Kiểm tra" trước khi gửi báo cáo.', 'error')
    return
  }
  const period = $<HTMLInputElement>('period').value.trim()
  if (!parsePeriod(period)) {
    show('Kỳ báo cáo chưa đúng (ví dụ: 2026-Q3, 2026-H1, 2026, 2026-07).', 'error')
    return
  }
  if (!settings.token) {
    show(
      'Chưa có mã truy cập của cơ quan: mở "Cài đặt", dán mã do Sở Nội vụ cấp rồi bấm "Lưu".',
      'error',
    )
    return
  }
  setBusy(true)
  try {
    $('receipt').textContent = await submitReport({
      serverUrl: settings.serverUrl,
      token: settings.token,
      period,
      grid: state.grid,
      meta: state.meta,
      fileName: state.report.sheet,
    })
    show('Sở Nội vụ đã nhận báo cáo.', 'ok')
  } catch (error) {
    show(`Chưa gửi được: ${(error as Error).message}`, 'error')
  } finally {
    setBusy(false)
  }
}

function init() {
  settings = readSettings(localStorage, location.origin)
  const defaults = computeDefaults(Date.now())
  $<HTMLInputElement>('as-of').value = settings.asOf ?? defaults.asOf
  $<HTMLInputElement>('period').value = settings.period ?? defaults.period
  $<HTMLInputElement>('server-url').value = settings.serverUrl
  $<HTMLInputElement>('token').value = settings.token
  $('check').addEventListener('click', () => void check())
  $('issued').addEventListener('input', () => {
    state.issuedEdited = true
  })
  $('fix').addEventListener('click', () => void fix())
  $('clear').addEventListener('click', () => void clear())
  $('send').addEventListener('click', () => void send())
  $('prev').addEventListener(
    'click',
    () => void goTo(computeNextIndex(state.current, visibleProblems().length, -1)),
  )
  $('next').addEventListener(
    'click',
    () => void goTo(computeNextIndex(state.current, visibleProblems().length, 1)),
  )
  $<HTMLSelectElement>('filter').addEventListener('change', (e) => {
    state.filter = (e.target as HTMLSelectElement).value as SeverityFilter
    state.current = -1
    renderProblems()
  })
  $('save-settings').addEventListener('click', () => {
    settings = {
      ...settings,
      serverUrl: $<HTMLInputElement>('server-url').value.trim() || location.origin,
      token: $<HTMLInputElement>('token').value.trim(),
    }
    writeSettings(localStorage, settings)
    show('Đã lưu cài đặt.', 'ok')
  })
  for (const id of ['as-of', 'period']) {
    $(id).addEventListener('change', () => {
      settings = {
        ...settings,
        asOf: $<HTMLInputElement>('as-of').value || null,
        period: $<HTMLInputElement>('period').value.trim() || null,
      }
      writeSettings(localStorage, settings)
    })
  }
  document.body.dataset.ready = 'true'
}

Office.onReady(() => {
  try {
    init()
  } catch (error) {
    document.body.textContent = `Không mở được Bảng CCHC: ${(error as Error).message}`
  }
})
