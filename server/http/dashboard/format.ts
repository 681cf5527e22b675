import { formatVietnameseDate, formatVietnamTime, type IsoDate } from '../../../core/index.ts'

// Numbers, dates and times as a Vietnamese office writes them: 10/09/2026 09:00, 20,29, 62,5%.

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

/** A number with a decimal comma ("20,29"); empty for none. */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : decimal.format(n)
}

/** A score out of its maximum ("20,29/21"). */
export function formatScore(score: number | null, max: number | null): string {
  return score === null || max === null ? '' : `${formatNumber(score)}/${formatNumber(max)}`
}

/** A part of a whole as a percentage with one decimal ("62,5%"); a dash without a whole. */
export function formatShare(part: number, whole: number): string {
  return whole ? `${formatNumber(Math.round((part / whole) * 1000) / 10)}%` : '—'
}

/** A stored instant in Vietnam time: "10/09/2026 09:00". */
export function formatTime(iso: string | null | undefined): string {
  return iso ? formatVietnamTime(iso) : ''
}

/** A calendar date: "16/09/2026". */
export function formatDate(date: IsoDate | null | undefined): string {
  return date ? formatVietnameseDate(date) : ''
}

/** Days late as a phrase ("trễ 81 ngày"); empty when not late. */
export function formatDaysLate(days: number | null): string {
  return days ? `trễ ${days} ngày` : ''
}
