import { isDateFormat } from 'numfmt'
import { readDatePrecision, type DatePrecision } from '../../core/index.ts'
import { AppError } from '../errors/index.ts'
import { XmlCursor } from './xml.ts'

/** Bounds on number formats, checked before any is parsed. */
export const formatLimits = {
  /** Excel refuses a format code longer than this; a longer one is not a date format. */
  maxCodeLength: 255,
  /** Excel keeps a few hundred custom formats per workbook; past this the styles are refused. */
  maxCustomFormats: 1_000,
}

/** Excel's built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30). */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
])

/**
 * True when a number format code shows a date or time, as Excel reads it (numfmt's parser):
 * quoted text (`"ngày"`), escaped characters (`0\ \d\a\y\s`), colours and conditions in brackets
 * are literals or modifiers, not date parts; `[h]:mm` is elapsed time.
 * @example isDateFormat('dd/mm/yyyy') // true
 * @example isDateFormat('0\\ \\d\\a\\y\\s') // false: "12 days"
 */
export function isDateFormatCode(code: string): boolean {
  if (code.length > formatLimits.maxCodeLength) return false
  try {
    return isDateFormat(code)
  } catch {
    return false
  }
}

/**
 * For each cell format (the `s` of a cell), how much of a date its number format shows (the day, the
 * month, the year), or null when it shows no date.
 */
export function readDateStyles(xml: string | null): (DatePrecision | null)[] {
  if (xml === null) return []
  const cursor = new XmlCursor(xml)
  const custom = new Map<number, string>()
  const judged = new Map<string, boolean>()
  const judge = (code: string) => {
    let date = judged.get(code)
    if (date === undefined) {
      if (judged.size >= formatLimits.maxCustomFormats)
        throw new AppError('workbook/too-large', 'number formats')
      date = isDateFormatCode(code)
      judged.set(code, date)
    }
    return date
  }
  const dates: (DatePrecision | null)[] = []
  let inCellXfs = false
  while (cursor.next()) {
    if (cursor.name === 'numFmt' && cursor.kind !== 'close') {
      custom.set(Number(cursor.attribute('numFmtId')), cursor.attribute('formatCode') ?? '')
    } else if (cursor.name === 'cellXfs') {
      inCellXfs = cursor.kind === 'open'
    } else if (cursor.name === 'xf' && inCellXfs && cursor.kind !== 'close') {
      const id = Number(cursor.attribute('numFmtId') ?? 0)
      const code = custom.get(id)
      const date = id !== 0 && (code === undefined ? builtInDateFormats.has(id) : judge(code))
      // Built-in 17 is "mmm-yy": a month.
      dates.push(
        !date ? null : code === undefined ? (id === 17 ? 'month' : 'day') : readDatePrecision(code),
      )
    }
  }
  return dates
}
