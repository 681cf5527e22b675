import { createIsoDate, parseDayFirstDate } from './date.ts'
import { isDateCell, type CellValue, type TemplateMeta } from './grid.ts'

/** The hidden sheet a template built by `cchc template` carries its metadata in. */
export const metaSheetName = '_cchc'

const maxLength = { planId: 100, templateVersion: 50, columns: 4000 } as const

/**
 * Reads a template's hidden metadata from its key/value rows (`planId`, `year`, `templateVersion`,
 * `columns` — the column choices the workbook remembers; `issued` — the plan's issue date, as
 * yyyy-mm-dd, dd/mm/yyyy or a real date; other keys such as `province` are ignored). One parser for the xlsx reader, the add-in and the
 * service (which passes the add-in's `meta` object as entries). Values that are not what the key
 * needs (a year that is no 4-digit number, an over-long id) are left out rather than guessed.
 * @example parseTemplateMeta([['planId', 'dak-lak-2026-par-sipas'], ['year', 2026]])
 */
export function parseTemplateMeta(rows: readonly (readonly unknown[])[]): TemplateMeta {
  const meta: TemplateMeta = {}
  for (const [key, raw] of rows) {
    if (key === 'issued') {
      const issued = parseIssuedValue(raw)
      if (issued) meta.issued = issued
      continue
    }
    const value = readScalar(raw)
    if (value === null || value === '') continue
    if (key === 'planId' || key === 'templateVersion' || key === 'columns') {
      const text = String(value).trim()
      if (text && text.length <= maxLength[key]) meta[key] = text
    }
    if (key === 'year') {
      const year = Number(String(value).trim())
      if (Number.isInteger(year) && year >= 2000 && year <= 2100) meta.year = year
    }
  }
  return meta
}

function readScalar(value: unknown): Exclude<CellValue, { date: string }> {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : null
}

/** An issue date as a template or a form gives it: a real date, "2026-07-14" or "14/07/2026". */
export function parseIssuedValue(raw: unknown): string | null {
  if (isDateCell(raw as CellValue)) {
    const date = (raw as { date: unknown }).date
    return typeof date === 'string' ? createIsoDate(...splitIso(date)) : null
  }
  if (typeof raw !== 'string') return null
  const text = raw.trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (iso) return createIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const dayFirst = parseDayFirstDate(text)
  return dayFirst && dayFirst !== 'invalid' ? dayFirst.date : null
}

function splitIso(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number)
  return [y ?? NaN, m ?? NaN, d ?? NaN]
}
