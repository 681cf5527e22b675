import { convertLegacyText, detectLegacyEncoding, type LegacyEncoding } from './legacy.ts'

const htmlTag = /<\/?(p|ul|ol|li|br|div|span|b|i|u|strong|em|font|table|tr|td)\b[^>]*>/i
const htmlEntity = /&(nbsp|amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/i

/** What is wrong with a cell's text, and the cleaned text that fixes all of it. */
export type TextProblems = {
  html: boolean
  legacy: LegacyEncoding | null
  unnormalized: boolean
  fixed: string
}

const entities: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/**
 * Removes HTML left by copy-paste: list items become "- " lines, paragraphs and breaks new lines,
 * other tags vanish, entities are decoded.
 * @example stripHtml('<ul><li>Một</li><li>Hai</li></ul>') // '- Một\n- Hai'
 */
export function stripHtml(text: string): string {
  return text
    .replace(/<li\b[^>]*>\s*(?:[-–•]\s*)?/gi, '\n- ')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr)>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|apos);/gi, (_, e: string) => entities[e.toLowerCase()] ?? '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

/** Checks a cell's text for HTML remnants, legacy encodings and non-NFC Unicode. */
export function inspectText(text: string): TextProblems {
  const html = htmlTag.test(text) || htmlEntity.test(text)
  let fixed = html ? stripHtml(text) : text
  const legacy = detectLegacyEncoding(fixed)
  if (legacy) fixed = convertLegacyText(fixed, legacy)
  const unnormalized = !legacy && fixed !== fixed.normalize('NFC')
  fixed = fixed.normalize('NFC')
  return { html, legacy, unnormalized, fixed }
}

/** The text of a cell as core reads it: cleaned of HTML, converted to Unicode NFC. */
export function cleanText(text: string): string {
  return inspectText(text).fixed
}
