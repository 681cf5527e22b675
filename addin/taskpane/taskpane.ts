import {
  computeFixes,
  computeReportPeriod,
  parsePeriodInput,
  type FieldKey,
  type Period,
  type Issue,
  type Report,
} from '../../core/index.ts'
import { addinRegistry, findAddinProfile } from '../catalog.ts'
import {
  hasNotesApi,
  readSheetReport,
  runCheck,
  runClear,
  runFixes,
  selectCell,
  type ManualFix,
  type Progress,
  type SheetReport,
} from '../excel/check.ts'
import { writeColumnChoice } from '../excel/columns.ts'
import { writeMetaEntry } from '../excel/meta.ts'
import { hostLimitsText } from '../messages.ts'
import {
  describeCheck,
  describeClear,
  describeError,
  describeSubmission,
  renderManualFixes,
  renderProgress,
} from './feedback.ts'
import { computeDefaults, readSettings, writeSettings, type PaneSettings } from '../settings.ts'
import { renderMapping } from './mapping.ts'
import { submitReport } from './send.ts'
import { readReportStanding } from './standing.ts'
import { renderProblemList, renderSummary } from './summary.ts'
import {
  computeNextIndex,
  filterProblems,
  formatIssueCell,
  type SeverityFilter,
} from '../../core/index.ts'

/** A typed element lookup that fails loudly when the markup is missing a part. */
function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id)
  if (!el) throw new Error(`Thiếu phần tử #${id} trong trang Bảng CCHC`)
  return el as T
}

type State = {
  report: Report | null
  /** The checked sheet, by id: fixes, selection and sending act on it even after a rename. */
  sheetId: string | null
  /** What "Gửi báo cáo" read just now and shows before sending. */
  pending: { sheet: SheetReport; period: Period } | null
  filter: SeverityFilter
  current: number
  busy: boolean
  /** Whether the issue date field was changed since the last check. */
  issuedEdited: boolean
}
const state: State = {
  report: null,
  sheetId: null,
  pending: null,
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
  for (const id of ['check', 'clear', 'forget', 'send', 'send-confirm'])
    $<HTMLButtonElement>(id).disabled = busy
  $<HTMLButtonElement>('fix').disabled =
    busy || !state.report || computeFixes(state.report).length === 0
}

function showManualFixes(manual: ManualFix[], stale: ManualFix[]) {
  renderManualFixes($('manual-fixes'), manual, stale)
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
    await Excel.run((context) => selectCell(context, state.sheetId ?? state.report!.sheet, address))
  } catch (error) {
    show(describeError(error), 'error')
  }
}

/** The options of a check, from the pane's report date. */
function readCheckOptions() {
  return {
    asOf: $<HTMLInputElement>('as-of').value || computeDefaults(Date.now()).asOf,
    registry: addinRegistry,
    profileFor: findAddinProfile,
  }
}

async function check() {
  if (state.busy) return
  setBusy(true)
  hideConfirm()
  // The issue date typed here wins and is remembered in the workbook; otherwise the workbook's own.
  const issued = state.issuedEdited ? $<HTMLInputElement>('issued').value || null : null
  try {
    const outcome = await Excel.run((context) =>
      runCheck(context, {
        ...readCheckOptions(),
        issued,
        notes: hasNotesApi(),
        onProgress: showProgress,
      }),
    )
    state.report = outcome.report
    state.sheetId = outcome.read.sheetId
    if (issued && issued !== outcome.read.meta?.issued)
      await Excel.run((context) => writeMetaEntry(context, 'issued', issued))
    state.issuedEdited = false
    $<HTMLInputElement>('issued').value = outcome.report.issued ?? ''
    state.current = -1
    renderReport(outcome.report)
    const told = describeCheck(outcome)
    show(told.text, told.kind)
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
    const { applied, manual, stale } = await Excel.run((context) =>
      runFixes(context, state.report!, state.sheetId),
    )
    showManualFixes(manual, stale)
    const left = manual.length + stale.length
    show(
      `Đã sửa tự động ${applied} ô (bỏ thẻ HTML, chuyển mã TCVN3/VNI sang Unicode)${left ? `; ${left} ô không sửa tự động được (xem danh sách)` : ''}. Đang kiểm tra lại…`,
      left ? 'error' : 'ok',
    )
  } catch (error) {
    show(describeError(error), 'error')
    setBusy(false)
    return
  }
  setBusy(false)
  await check()
}

async function clear(forget: boolean) {
  if (state.busy) return
  setBusy(true)
  try {
    const outcome = await Excel.run((context) =>
      runClear(context, { notes: hasNotesApi(), forget }),
    )
    const told = describeClear(outcome, forget)
    show(told.text, told.kind)
  } catch (error) {
    show(describeError(error), 'error')
  } finally {
    setBusy(false)
  }
}

function hideConfirm() {
  state.pending = null
  $('confirm-send').hidden = true
}

/** "Gửi báo cáo": reads the checked sheet again, checks it, and shows what will be sent. */
async function prepareSend() {
  if (state.busy) return
  const period = parsePeriodInput($<HTMLInputElement>('period').value)
  if (!period) {
    show(
      'Kỳ báo cáo chưa đúng (ví dụ: Quý III/2026, Quý 3/2026, 6 tháng đầu năm 2026, Năm 2026, 2026-Q3).',
      'error',
    )
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
    const which = state.sheetId ? { id: state.sheetId } : ('active' as const)
    const sheet = await Excel.run((context) => readSheetReport(context, which, readCheckOptions()))
    state.pending = { sheet, period }
    $('confirm-text').textContent = describeSubmission(sheet.report, period)
    $('confirm-send').hidden = false
    show('Đã đọc lại bảng. Xem lại rồi bấm "Gửi" để gửi cho Sở Nội vụ.', 'ok')
  } catch (error) {
    show(describeError(error), 'error')
  } finally {
    setBusy(false)
  }
}

/** Sends exactly what was read and shown. */
async function send() {
  const pending = state.pending
  if (state.busy || !pending) return
  setBusy(true)
  try {
    $('receipt').textContent = await submitReport({
      serverUrl: settings.serverUrl,
      token: settings.token,
      period: pending.period.id,
      grid: pending.sheet.grid,
      meta: pending.sheet.meta,
      fileName: pending.sheet.report.sheet,
    })
    hideConfirm()
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
  $<HTMLInputElement>('period').value =
    settings.period ?? computeReportPeriod(settings.asOf ?? defaults.asOf).label
  $<HTMLInputElement>('server-url').value = settings.serverUrl
  $<HTMLInputElement>('token').value = settings.token
  $('check').addEventListener('click', () => void check())
  $('issued').addEventListener('input', () => {
    state.issuedEdited = true
  })
  $('fix').addEventListener('click', () => void fix())
  $('clear').addEventListener('click', () => void clear(false))
  $('forget').addEventListener('click', () => void clear(true))
  $('send').addEventListener('click', () => void prepareSend())
  $('send-confirm').addEventListener('click', () => void send())
  $('send-cancel').addEventListener('click', () => hideConfirm())
  // Which features this Excel lacks, said once, before anything is checked.
  $('host-limits').hidden = hasNotesApi()
  $('host-limits').textContent = hostLimitsText.vi
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
  // The period follows the report date ("số liệu đến 14/09/2026" is Quý III/2026) until the person
  // types one; "Gửi báo cáo" asks before sending to a period that does not hold the date.
  let periodChosen = settings.period !== null
  $('period').addEventListener('input', () => (periodChosen = true))
  $('as-of').addEventListener('change', () => {
    const asOf = $<HTMLInputElement>('as-of').value
    if (!periodChosen && /^\d{4}-\d{2}-\d{2}$/.test(asOf))
      $<HTMLInputElement>('period').value = computeReportPeriod(asOf).label
  })
  for (const id of ['as-of', 'period']) {
    $(id).addEventListener('change', () => {
      settings = {
        ...settings,
        asOf: $<HTMLInputElement>('as-of').value || null,
        // Remembered only when typed: otherwise it follows the report date next time too.
        period: periodChosen ? $<HTMLInputElement>('period').value.trim() || null : null,
      }
      writeSettings(localStorage, settings)
    })
  }
  // Issue 22: where the last report of this period stands at Sở Nội vụ ("Trả lại: lý do").
  void readReportStanding(
    settings.serverUrl,
    settings.token,
    parsePeriodInput($<HTMLInputElement>('period').value)?.id ?? '',
  ).then((line) => line && ($('receipt').textContent = line))
  document.body.dataset.ready = 'true'
}

Office.onReady(() => {
  try {
    init()
  } catch (error) {
    document.body.textContent = `Không mở được Bảng CCHC: ${(error as Error).message}`
  }
})
