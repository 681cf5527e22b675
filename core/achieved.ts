import type { Achieved } from './target.ts'
import { parseVietnameseNumber } from './text.ts'

// What is never an achieved figure: dates, month/year, years, document numbers ("số 133-TTr/VPTU",
// "592/NQ-UBND", "13/2026/QĐ-UBND") and time spans ("120 ngày").
const notFigures = [
  /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\b/g,
  /\b\d{1,2}\s*\/\s*(?:19|20)\d{2}\b/g,
  /\b\d+[\p{L}\d/.-]*\/[\p{Lu}Đ][\p{L}\d/.-]*/gu,
  /\bsố\s*\d+[\p{L}\d/.-]*/giu,
  /\b(?:19|20)\d{2}\b/g,
  /\b\d+\s*(?:ngày|tháng|năm|quý|giờ|tuần)(?!\p{L})/giu,
  /\(\s*\d+\s*\)/g,
]

const figurePattern = /(\d+(?:[.,]\d+)?)\s*(%|\/\s*(\d+(?:[.,]\d+)?)|điểm(?!\p{L})|(?=\s+\p{L}))/giu

/**
 * Reads the figures inside a narrative result, in the order written: percentages, ratios ("15/18"),
 * points and counts ("03 TTHC"); dates, years and document numbers are skipped.
 * @example readFiguresInText('Đã kiểm tra 15/18 cơ quan, đạt 98,7%') // [{ value: 83.33…, unit: '%' }, { value: 98.7, unit: '%' }]
 */
export function readFiguresInText(text: string): Achieved[] {
  let rest = text
  for (const re of notFigures) rest = rest.replace(re, (m) => ' '.repeat(m.length))
  const figures: Achieved[] = []
  for (const m of rest.matchAll(figurePattern)) {
    const value = parseVietnameseNumber(m[1]!)
    if (value === null) continue
    if (m[3] !== undefined) {
      const of = parseVietnameseNumber(m[3])
      if (of) figures.push({ value: (value / of) * 100, unit: '%' })
    } else if (m[2] === '%') figures.push({ value, unit: '%' })
    else if (m[2]?.toLowerCase().startsWith('đi')) figures.push({ value, unit: 'points' })
    else figures.push({ value, unit: 'count' })
  }
  return figures
}
