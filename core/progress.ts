import { foldText, parseVietnameseNumber } from './text.ts'

export const progressStates = ['done', 'in-progress', 'not-started'] as const
export type ProgressState = (typeof progressStates)[number]

/** What an agency wrote in the progress column. `percent` is kept when a number was given. */
export type Progress = { state: ProgressState; percent: number | null }

const doneWords = new Set([
  'da hoan thanh',
  'hoan thanh',
  'ht',
  'da ht',
  'xong',
  'da xong',
  'hoan thanh 100',
])
const inProgressWords = new Set([
  'dang thuc hien',
  'dang trien khai',
  'dang th',
  'dang tk',
  'dang hoan thien',
  'chua hoan thanh',
])
const notStartedWords = new Set(['chua thuc hien', 'chua trien khai', 'chua th', 'chua tk'])

/**
 * Reads a progress value; null for text that is none of the allowed values.
 * A number between 0 and 1 from a cell formatted as percent is read as that fraction.
 * @example parseProgress('Đang triển khai') // { state: 'in-progress', percent: null }
 * @example parseProgress('75%') // { state: 'in-progress', percent: 75 }
 */
export function parseProgress(value: string | number | null): Progress | null {
  if (value === null || value === '') return { state: 'not-started', percent: null }
  if (typeof value === 'number') return createFromPercent(value <= 1 ? value * 100 : value)
  const folded = foldText(value)
  if (!folded) return { state: 'not-started', percent: null }
  if (doneWords.has(folded)) return { state: 'done', percent: null }
  if (inProgressWords.has(folded)) return { state: 'in-progress', percent: null }
  if (notStartedWords.has(folded)) return { state: 'not-started', percent: null }
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/.exec(value)
  if (m) {
    const n = parseVietnameseNumber(m[1]!)
    return n === null ? null : createFromPercent(n)
  }
  return null
}

function createFromPercent(percent: number): Progress | null {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return null
  if (percent >= 100) return { state: 'done', percent: 100 }
  if (percent <= 0) return { state: 'not-started', percent: 0 }
  return { state: 'in-progress', percent }
}

/** The values offered in the template's progress dropdown. */
export const progressChoices = ['Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện'] as const
