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

const entities: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

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

/**
 * Whether text is certainly NFC already: every character lies where NFC changes nothing (below the
 * combining marks, precomposed Latin such as "ộ", general punctuation), so normalising can be skipped.
 */
function isStableText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x300 || (code >= 0x1e00 && code <= 0x1eff) || (code >= 0x2010 && code <= 0x206f))
      continue
    return false
  }
  return true
}

// Spaces that are no plain space (no-break, thin, ideographic), and marks of zero width.
const oddSpaces = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g
const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/g

/**
 * A cell's text as it reads: precomposed (NFC), a wrapped sentence whole, its odd spaces plain and its
 * marks of zero width gone (a cell pasted from a web page or a PDF, or typed on a system that
 * decomposes). The cell keeps its own text; only the reading changes.
 */
export function readableText(text: string): string {
  // Most cells hold nothing to change: plain letters below the combining marks, precomposed Vietnamese,
  // punctuation, no line break and no odd space.
  if (isPlainText(text)) return text
  const normal = isStableText(text) ? text : text.normalize('NFC')
  // A line that goes on in small letters is a sentence wrapped ("Đã phê duyệt BCKTKT tại Quyết\nđịnh số …").
  const unwrapped = normal.includes('\n')
    ? normal.replace(/[ \t]*\r?\n[ \t]*(?=\p{Ll})/gu, ' ')
    : normal
  return unwrapped.replace(zeroWidth, '').replace(oddSpaces, ' ')
}

function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10 || code === 0xa0) return false
    if (code < 0x300 || (code >= 0x1e00 && code <= 0x1eff) || (code >= 0x2010 && code <= 0x205e))
      continue
    return false
  }
  return true
}

/** Checks a cell's text for HTML remnants, legacy encodings and non-NFC Unicode. */
export function inspectText(text: string): TextProblems {
  const html =
    (text.includes('<') || text.includes('&')) && (htmlTag.test(text) || htmlEntity.test(text))
  let fixed = html ? stripHtml(text) : text
  const legacy = detectLegacyEncoding(fixed)
  if (legacy) fixed = convertLegacyText(fixed, legacy)
  const normalized = isStableText(fixed) ? fixed : fixed.normalize('NFC')
  const unnormalized = !legacy && fixed !== normalized
  return { html, legacy, unnormalized, fixed: normalized }
}

/** The text of a cell as core reads it: cleaned of HTML, converted to Unicode NFC. */
export function cleanText(text: string): string {
  return inspectText(text).fixed
}
