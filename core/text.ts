/** Folds text for matching: lower case, no diacritics (đ → d), punctuation as spaces, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Collapses runs of white space (line breaks included) into one space and trims. */
export function squeezeSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Levenshtein distance, for nearest-name hints. */
export function computeEditDistance(a: string, b: string): number {
  if (a === b) return 0
  if (!a.length) return b.length
  if (!b.length) return a.length
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost))
    }
    prev = cur
  }
  return prev[b.length]!
}

/** Parses a number written the Vietnamese way: decimal comma, dot or space thousands ("95,5", "1.250"). */
export function parseVietnameseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '')
  if (!/^[-+]?\d[\d.,]*$/.test(t)) return null
  let s = t
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.')
  else if (/^\d+,\d+$/.test(s)) s = s.replace(',', '.')
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '')
  const n = Number(s)
  return Number.isFinite(n) ? n : null
}

/** Like foldText, but keeps decimal commas and dots inside numbers ("95,5%" → "95,5 pct"). */
export function foldKeepingNumbers(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/%/g, ' pct ')
    .replace(/[^a-z0-9,.]+/g, ' ')
    .replace(/(?<!\d)[.,]|[.,](?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
