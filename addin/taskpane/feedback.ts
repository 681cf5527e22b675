import type { ManualFix, Progress } from '../excel/check.ts'
import { describeExcelError } from '../excel/errors.ts'
import { lockedFixesText } from '../messages.ts'

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

/** Fixes a protected sheet would not take: a list to copy, with what to do. */
export function renderManualFixes(box: HTMLElement, manual: ManualFix[]): void {
  box.hidden = manual.length === 0
  box.textContent = ''
  if (!manual.length) return
  const intro = document.createElement('p')
  intro.textContent = lockedFixesText.vi
  const list = document.createElement('ul')
  for (const fix of manual) {
    const li = document.createElement('li')
    li.textContent = `${fix.address}: ${fix.value}`
    list.appendChild(li)
  }
  box.append(intro, list)
}
