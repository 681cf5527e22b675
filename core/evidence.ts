import { createIsoDate, formatVietnameseDate, type IsoDate } from './date.ts'
import { createIssue, type Issue } from './issue.ts'
import type { RowCell } from './table.ts'

/** A document cited as evidence: "Báo cáo số 12/BC-UBND ngày 15/3/2026 của UBND tỉnh". */
export type DocumentReference = {
  text: string
  /** Number and symbol ("12/BC-UBND"), null when the text has none. */
  number: string | null
  date: IsoDate | null
  /** The issuing body after "của …", else the symbol's last part ("UBND"). */
  issuer: string | null
}

/** Why a done task's evidence cannot be checked. */
export const evidenceProblems = ['no-number', 'no-date', 'outside-period', 'after-report'] as const
export type EvidenceProblem = (typeof evidenceProblems)[number]

// "12/BC-UBND", "0156/KH-UBND", "09/2019/NĐ-CP", "1660/NQ-UBTVQH15": digits, then a symbol with letters.
const numberPattern =
  /(?:số\s*:?\s*)?(\d{1,6}(?:\/\d{4})?\/[A-ZĐ][A-ZĐa-zđ0-9]*(?:[-–.][A-ZĐ0-9][A-ZĐa-zđ0-9]*)*)/u
const datePatterns = [
  /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu,
  /(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu,
]

function readDate(text: string): IsoDate | null {
  for (const pattern of datePatterns) {
    const m = pattern.exec(text)
    if (m) return createIsoDate(Number(m[3]), Number(m[2]), Number(m[1]))
  }
  return null
}

/**
 * Reads the document references in an evidence cell, one per line or ";"-separated part.
 * @example parseEvidence('Báo cáo số 12/BC-UBND ngày 15/3/2026 của UBND tỉnh')
 * // [{ number: '12/BC-UBND', date: '2026-03-15', issuer: 'UBND tỉnh', … }]
 */
export function parseEvidence(text: string): DocumentReference[] {
  return text
    .split(/\s*(?:[;\n]|\s\+\s)\s*/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const number = numberPattern.exec(part)?.[1] ?? null
      // The date is read after the number so that "12/BC-UBND" is never taken for a day and month.
      const rest = number ? part.slice(part.indexOf(number) + number.length) : part
      const date = readDate(rest)
      const issuer =
        /\bcủa\s+([^,;()]+?)\s*(?:$|[,;(])/iu.exec(part)?.[1]?.trim() ??
        (number ? (number.split(/[-–]/).pop() ?? null) : null)
      return { text: part, number, date, issuer }
    })
}

/**
 * The first reason a done task's evidence cannot be trusted, or null when every reference has a
 * number and a date inside the plan year and not after the report date.
 */
export function validateEvidence(
  text: string,
  window: { from: IsoDate; asOf: IsoDate },
): { problem: EvidenceProblem; reference: DocumentReference } | null {
  for (const reference of parseEvidence(text)) {
    if (!reference.number) return { problem: 'no-number', reference }
    if (!reference.date) return { problem: 'no-date', reference }
    if (reference.date < window.from) return { problem: 'outside-period', reference }
    if (reference.date > window.asOf) return { problem: 'after-report', reference }
  }
  return null
}

/** The window evidence must fall in: the plan year (else the report date's year) up to the report date. */
export function computeEvidenceWindow(
  planYear: number | null,
  asOf: IsoDate,
): { from: IsoDate; asOf: IsoDate } {
  return { from: `${planYear ?? asOf.slice(0, 4)}-01-01`, asOf }
}

/** The `row/evidence-unverifiable` warning for a done task's evidence cell, if its references fail. */
export function checkEvidence(
  cell: RowCell,
  row: number,
  ctx: { planYear: number | null; asOf: IsoDate },
): Issue[] {
  const failed = validateEvidence(cell.text, computeEvidenceWindow(ctx.planYear, ctx.asOf))
  if (!failed) return []
  const { reference, problem } = failed
  return [
    createIssue(
      'row/evidence-unverifiable',
      { row, column: cell.column, field: 'evidence', value: cell.text },
      {
        found: reference.text,
        reason: problem,
        date: reference.date ? formatVietnameseDate(reference.date) : undefined,
        due: formatVietnameseDate(ctx.asOf),
      },
    ),
  ]
}
