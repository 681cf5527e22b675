import { formatPeriod } from '../../../core/index.ts'
import type { AgencySheet } from '../../store/index.ts'
import { formatTime } from './format.ts'

// What the Google Sheets page and an agency's own page share: a sheet's link, who asked for a
// change, and how the last pull went, in Vietnamese.

/** The labelled field for a Google Sheet's link, its error read out from `errorId`. */
export function SheetUrlInput(props: {
  id: string
  label: string
  value: string
  errorId: string
  onInput: (value: string) => void
}) {
  return (
    <label class="grow">
      {props.label}
      <input
        id={props.id}
        type="text"
        inputMode="url"
        required
        maxLength={500}
        value={props.value}
        placeholder="https://docs.google.com/spreadsheets/d/…"
        aria-describedby={props.errorId}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  )
}

/** A sheet's link, opened in a new tab; long links wrap instead of widening the page. */
export function SheetLinkView({ url }: { url: string }) {
  return (
    <a class="sheet-link" href={url} target="_blank" rel="noopener noreferrer">
      {url}
    </a>
  )
}

/**
 * Who asked for a change, as the service recorded them (`agency:email`, `admin:email`, or an
 * access code as `agency:unit:code-id`): a person by e-mail, a code as such, never a code's id.
 */
export function describeRequester(by: string | null): string {
  if (!by) return 'không rõ'
  const person = /^(?:admin|agency):([^:]+@[^:]+)$/.exec(by)
  if (person) return person[1]!
  if (by.startsWith('agency:')) return 'mã truy cập của cơ quan'
  if (by.startsWith('admin:')) return 'Sở Nội vụ (mã truy cập)'
  return by
}

/** When a sheet was last pulled: "18/09/2026 09:00 (Quý III/2026)", or that it never was. */
export function describePullTime(sheet: AgencySheet): string {
  if (!sheet.pulledAt) return 'Chưa lấy dữ liệu lần nào'
  const period = sheet.pullPeriod ? ` (${formatPeriod(sheet.pullPeriod)})` : ''
  return `${formatTime(sheet.pulledAt)}${period}`
}

/** How the last pull went, in a sentence. */
export function describePullResult(sheet: AgencySheet): string {
  if (!sheet.pulledAt) return '—'
  if (sheet.pullError) return `Lỗi: ${sheet.pullError}`
  return 'Đã lấy được báo cáo'
}
