import { foldKeepingNumbers, parseVietnameseNumber } from './text.ts'

export const progressStates = ['done', 'in-progress', 'not-started', 'stopped'] as const
export type ProgressState = (typeof progressStates)[number]

/** What an agency wrote in the progress column. `percent` is kept when a number was given. */
export type Progress = { state: ProgressState; percent: number | null }

/** A progress value that cannot be used: a percentage outside 0–100, or text with no progress word. */
export type ProgressProblem = { problem: 'percent' | 'unclear' }

const notStarted = { state: 'not-started', percent: null } as const
const inProgress: [RegExp, ProgressState] = [/./, 'in-progress']

// Status emoji offices put before (or instead of) the words.
const emojiStates: [RegExp, ProgressState][] = [
  [/[✅✔☑🟢]/u, 'done'],
  [/[🔴⛔]/u, 'not-started'],
  [/[🔜⚪]/u, 'not-started'],
  [/[🟡🔄⏳🟠❌]/u, 'in-progress'],
]

// Read in order on folded text; the first rule that matches decides. Stopping wins over "đã …"
// ("Đã được UBND tỉnh thông qua dừng thực hiện dự án" is stopped, not done).
const wordRules: [RegExp, ProgressState][] = [
  [
    /\b(dung (thuc hien|trien khai|chu truong|dau tu|xay dung|du an)|xin dung|tam dung|khong tiep tuc|huy bo|bai bo nhiem vu|khong (thuc hien|trien khai))\b/,
    'stopped',
  ],
  [/^(chua hoan thanh|chua xong|chua dat)\b/, 'in-progress'],
  // Done only in part, or going at some pace ("Hoàn thành một phần", "Đúng tiến độ", "Chậm tiến độ",
  // "Thực hiện thường xuyên"): the work goes on.
  [
    /\b(mot phan|(dung|cham|kip|dam bao|theo) tien do|thuc hien thuong xuyen|dang tiep tuc)\b/,
    'in-progress',
  ],
  [/^(chua|khong co)\b/, 'not-started'],
  [
    /^(dang|tiep tuc|cho|gan xong|sap hoan thanh|can|con trong han|tre han|qua han|xin gia han|du kien)\b|\bdang\b/,
    'in-progress',
  ],
  [
    /^(da|hoan thanh|ht|xong|dat|hoan tat|ket thuc|thuc hien xong|x|co)\b|\bda (hoan thanh|ban hanh|thuc hien|xong|nop|gui|trien khai|to chuc|phe duyet|tham dinh|thong qua|ky|trinh|chuyen|duoc|co)\b/,
    'done',
  ],
  [/^(phoi hop|theo doi|ghi nhan)\b/, 'in-progress'],
]

/**
 * Reads a progress value: the allowed words and percentages, and the wording of real reports
 * ("Đã ban hành", "Chưa ban hành", "Hoàn thành 80%", "✅ Hoàn thành", "Đang lập báo cáo KTKT",
 * "… dừng thực hiện" = stopped). A number between 0 and 1 (a cell formatted as percent) is that fraction.
 * @example parseProgress('Đang triển khai') // { state: 'in-progress', percent: null }
 * @example parseProgress('75%') // { state: 'in-progress', percent: 75 }
 */
export function parseProgress(value: string | number | null): Progress | ProgressProblem {
  if (value === null || value === '') return notStarted
  if (typeof value === 'number') return createFromPercent(value <= 1 ? value * 100 : value)
  const folded = foldKeepingNumbers(value)
  if (!folded) {
    const emoji = emojiStates.find(([re]) => re.test(value))
    return emoji ? { state: emoji[1], percent: null } : notStarted
  }
  const percent = /(?:^|\s)(\d+(?:[.,]\d+)?) pct\b/.exec(folded)
  if (percent && /^\s*\d+(?:[.,]\d+)?\s*%\s*$/.test(value)) {
    const n = parseVietnameseNumber(percent[1]!)
    return n === null ? { problem: 'percent' } : createFromPercent(n)
  }
  // "Hiện …" (at present) only introduces what follows.
  const words = folded.replace(/^hien (nay |tai )?/, '')
  const rule = wordRules.find(([re]) => re.test(words)) ?? (words !== folded ? inProgress : null)
  if (rule) {
    // "Hoàn thành 80%": the figure says how far.
    const n = percent ? parseVietnameseNumber(percent[1]!) : null
    if (n !== null && n < 100 && rule[1] === 'done') return createFromPercent(n)
    return { state: rule[1], percent: n }
  }
  const emoji = emojiStates.find(([re]) => re.test(value))
  if (emoji) return { state: emoji[1], percent: null }
  return { problem: 'unclear' }
}

/** Whether a parse gave a usable progress value. */
export function isProgress(value: Progress | ProgressProblem): value is Progress {
  return 'state' in value
}

function createFromPercent(percent: number): Progress | ProgressProblem {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return { problem: 'percent' }
  if (percent >= 100) return { state: 'done', percent: 100 }
  if (percent <= 0) return { state: 'not-started', percent: 0 }
  return { state: 'in-progress', percent }
}

/** The values offered in the template's progress dropdown. */
export const progressChoices = ['Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện'] as const
