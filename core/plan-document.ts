import { createIsoDate, type IsoDate } from './date.ts'

/** The document a plan was issued by: its kind, number and symbol (số/ký hiệu) and date. */
export type IssuingDocument = {
  kind: string | null
  number: string | null
  date: IsoDate | null
}

/** A document an amendment names as the one it changes ("sửa đổi, bổ sung Kế hoạch số 0156/KH-UBND"). */
export type AmendedDocument = { kind: string | null; number: string }

const kinds = ['Kế hoạch', 'Quyết định', 'Chương trình', 'Công văn', 'Nghị quyết', 'Chỉ thị']
const kindPattern = kinds.join('|')
// A number and symbol: digits, then one or more "/"-separated parts ending in capitals ("0156/KH-UBND",
// "12/2026/QĐ-UBND", "45/KH-SNV"). Blanks left for the number ("số /KH-UBND") read as no number.
const numberPattern = String.raw`(\d{1,6}(?:\/\d{4})?\/[A-ZĐ][A-ZĐa-zđ0-9]*(?:-[A-ZĐ0-9][A-ZĐa-zđ0-9]*)*)`
const datePattern = String.raw`ngày\s+(\d{1,2})\s*(?:tháng\s+|[/.-]\s*)(\d{1,2})\s*(?:năm\s+|[/.-]\s*)(\d{4})`

function readDate(text: string): IsoDate | null {
  const m = new RegExp(datePattern, 'iu').exec(text)
  return m ? createIsoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null
}

function readKind(word: string | undefined): string | null {
  if (!word) return null
  const lower = word.toLowerCase()
  return kinds.find((k) => k.toLowerCase() === lower) ?? null
}

/**
 * Finds the issuing document of a plan in its appendix title ("(Kèm theo Kế hoạch số 0156/KH-UBND
 * ngày 26/12/2025 của UBND tỉnh Đắk Lắk)"), else in the document's heading lines ("Số: 0156/KH-UBND",
 * "Đắk Lắk, ngày 26 tháng 12 năm 2025"). The title wins: it names the plan the appendix belongs to.
 * Blanks left to be filled in ("Kế hoạch số /KH-UBND ngày /12/2025") are no number and no date.
 * @example parseIssuingDocument(['(Kèm theo Kế hoạch số 0156/KH-UBND ngày 26/12/2025)'], [])
 * // { kind: 'Kế hoạch', number: '0156/KH-UBND', date: '2025-12-26' }
 */
export function parseIssuingDocument(title: string[], heading: string[]): IssuingDocument {
  const out: IssuingDocument = { kind: null, number: null, date: null }
  const reference = new RegExp(
    String.raw`(?:kèm theo|ban hành kèm theo|của)\s+(${kindPattern})\s+số\s*:?\s*(\S*)`,
    'iu',
  )
  for (const line of title) {
    const m = reference.exec(line)
    if (!m) continue
    out.kind = readKind(m[1])
    out.number = new RegExp(`^${numberPattern}`, 'u').exec(m[2] ?? '')?.[1] ?? null
    out.date = readDate(line.slice(m.index))
    break
  }
  for (const line of heading) {
    if (!out.number) {
      const m = new RegExp(String.raw`^\s*Số\s*:?\s*${numberPattern}`, 'u').exec(line)
      if (m) out.number = m[1]!
    }
    if (!out.date && /,\s*ngày\s/iu.test(line)) out.date = readDate(line)
  }
  if (!out.kind && out.number) {
    const symbol = /\/([A-ZĐ]+)-/u.exec(out.number)?.[1]
    out.kind = symbol === 'KH' ? 'Kế hoạch' : symbol === 'QĐ' ? 'Quyết định' : null
  }
  return out
}

/**
 * The document an amendment changes, when its title says so ("Kế hoạch sửa đổi, bổ sung Kế hoạch số
 * 0156/KH-UBND …", "… bãi bỏ một phần Quyết định số 12/QĐ-UBND").
 */
export function parseAmendedDocument(lines: string[]): AmendedDocument | null {
  const pattern = new RegExp(
    String.raw`(?:sửa đổi|bổ sung|điều chỉnh|bãi bỏ|thay thế)[^.;]{0,80}?(${kindPattern})\s+số\s*:?\s*${numberPattern}`,
    'iu',
  )
  for (const line of lines) {
    const m = pattern.exec(line)
    if (m) return { kind: readKind(m[1]), number: m[2]! }
  }
  return null
}
