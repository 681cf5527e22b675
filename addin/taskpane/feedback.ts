import { askPeriodMismatch, describeTarget, type Period, type Report } from '../../core/index.ts'
import type { CheckOutcome, ManualFix, Progress } from '../excel/check.ts'
import type { ClearOutcome } from '../excel/clear.ts'
import { describeExcelError } from '../excel/errors.ts'
import { lockedFixesText, staleFixesText } from '../messages.ts'

const phaseText: Record<Progress['phase'], [string, number]> = {
  read: ['Đang đọc bảng trong trang tính…', 0],
  check: ['Đang kiểm tra nhiệm vụ, thời hạn, chỉ tiêu…', 50],
  mark: ['Đang ghi trạng thái và đánh dấu ô có vấn đề…', 75],
  done: ['Xong', 100],
}

/** Renders where a check is; on a big sheet, which rows are being read. Hidden when null. */
export function renderProgress(
  el: { box: HTMLElement; text: HTMLElement; bar: HTMLElement },
  progress: Progress | null,
): void {
  el.box.hidden = progress === null
  if (!progress) return
  const [text, pct] = phaseText[progress.phase]
  const reading = progress.phase === 'read' && progress.total > 0
  el.text.textContent = reading
    ? `Đang đọc bảng: dòng ${(progress.done + 1).toLocaleString('vi-VN')} / ${progress.total.toLocaleString('vi-VN')}…`
    : text
  const share = reading ? Math.round((progress.done / progress.total) * 50) : pct
  el.bar.style.width = `${share}%`
}

/** Every failure reaches the user in Vietnamese (English after), not only the console. */
export function describeError(error: unknown): string {
  const text = describeExcelError(error)
  return `${text.vi} (${text.en})`
}

/** A list of cells, at most a few, then "…". */
function listCells(cells: string[], max = 8): string {
  return cells.slice(0, max).join(', ') + (cells.length > max ? '…' : '')
}

/** What the pane tells after a check: its result, then what it could not do and why. */
export function describeCheck(outcome: CheckOutcome): { text: string; kind: 'ok' | 'error' } {
  const { report, skipped, unrestored, pendingNotes, formulas } = outcome
  const parts = [
    report.errorCount
      ? `Đã kiểm tra: có ${report.errorCount} lỗi cần sửa.`
      : 'Đã kiểm tra: không có lỗi.',
  ]
  if (skipped.length)
    parts.push(
      `Trang tính được bảo vệ: ${skipped.length} ô bị khóa không ghi được trạng thái/đánh dấu; danh sách lỗi đầy đủ ở trang "Kiểm tra".`,
    )
  if (formulas.length)
    parts.push(
      `${formulas.length} ô của cột có sẵn chứa công thức của đơn vị nên được giữ nguyên (${listCells(formulas)}).`,
    )
  if (unrestored.length)
    parts.push(
      `Dấu của lần kiểm tra trước ở ${unrestored.length} ô không khôi phục được vì dòng của chúng đã bị xóa hoặc viết lại (${listCells(unrestored)}); các ô đó giữ nguyên như hiện tại.`,
    )
  if (pendingNotes)
    parts.push(
      `${pendingNotes} ghi chú của lần kiểm tra trước còn chờ khôi phục trên Excel có chức năng ghi chú (Microsoft 365, Excel trên web).`,
    )
  return { text: parts.join(' '), kind: report.errorCount || skipped.length ? 'error' : 'ok' }
}

/** What the pane tells after "Xóa đánh dấu" or "Xóa dấu kiểm tra". */
export function describeClear(
  outcome: ClearOutcome,
  forget: boolean,
): { text: string; kind: 'ok' | 'error' } {
  if (!outcome.cleared)
    return {
      text: forget
        ? 'Sổ làm việc không còn dấu nào của bổ trợ.'
        : 'Trang tính chưa có đánh dấu nào. (Nếu vẫn thấy dấu cũ, bấm "Xóa dấu kiểm tra".)',
      kind: 'ok',
    }
  const parts = [
    forget
      ? 'Đã xóa mọi dấu kiểm tra của bổ trợ trong sổ làm việc.'
      : 'Đã xóa đánh dấu, trang tính trở lại như ban đầu.',
  ]
  if (outcome.unrestored.length)
    parts.push(
      `Không khôi phục được ${outcome.unrestored.length} ô vì dòng của chúng đã bị xóa hoặc viết lại (${listCells(outcome.unrestored)}); các ô đó giữ nguyên như hiện tại.`,
    )
  if (outcome.skipped.length)
    parts.push(`${outcome.skipped.length} ô bị khóa (trang được bảo vệ) giữ nguyên.`)
  if (outcome.pendingNotes)
    parts.push(
      `Excel này không sửa được ghi chú: ${outcome.pendingNotes} ghi chú của lần kiểm tra còn lại; hãy mở tệp trên Microsoft 365 hoặc Excel trên web và bấm "Xóa đánh dấu" lần nữa để trả lại ghi chú cũ.`,
    )
  const kind = outcome.unrestored.length || outcome.pendingNotes ? 'error' : 'ok'
  return { text: parts.join(' '), kind }
}

/** Fixes the add-in did not write: a list to copy (locked cells) or to re-check (changed cells). */
export function renderManualFixes(box: HTMLElement, manual: ManualFix[], stale: ManualFix[]): void {
  box.hidden = manual.length === 0 && stale.length === 0
  box.textContent = ''
  for (const [fixes, text] of [
    [manual, lockedFixesText.vi],
    [stale, staleFixesText.vi],
  ] as const) {
    if (!fixes.length) continue
    const intro = document.createElement('p')
    intro.textContent = text
    const list = document.createElement('ul')
    for (const fix of fixes) {
      const li = document.createElement('li')
      li.textContent = `${fix.address}: ${fix.value}`
      list.appendChild(li)
    }
    box.append(intro, list)
  }
}

/**
 * What will be sent, shown before it is: the sheet as it is now, the period it goes to with its report
 * date, its counts, and the question when the report date lies outside that period (as the Sheets
 * sidebar asks it).
 */
export function describeSubmission(report: Report, period: Period): string {
  const mismatch = askPeriodMismatch(period, report.asOf)
  return `Sẽ gửi trang “${report.sheet}” vào ${describeTarget(period, report.asOf).vi}: ${report.summary.tasks} nhiệm vụ, ${report.errorCount} lỗi, ${report.warningCount} cảnh báo (đọc lại ngay lúc này).${report.errorCount ? ' Bảng còn lỗi; Sở Nội vụ sẽ thấy các lỗi này.' : ''}${mismatch ? ` ${mismatch.vi}` : ''}`
}
