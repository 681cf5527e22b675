import { foldKeepingSeparators, foldText } from './text.ts'

/** What an STT cell says: a roman section, a numbered item (1, 1.1, Nhiệm vụ 1), a bullet, or nothing. */
export type SttCode =
  | { kind: 'section'; code: string; index: number }
  | { kind: 'numbered'; code: string; parts: number[] }
  | { kind: 'bullet'; code: string }
  /** A lettered sub-item: "a)", "b.", "(c)", "đ)". */
  | { kind: 'lettered'; code: string }
  /** A part above the sections, a capital letter: "A", "B.", "Phần C". */
  | { kind: 'part'; code: string }
  | { kind: 'other'; code: string }

const romanValues: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 }

/** Reads a roman numeral (I … CC); null when the text is not one. */
export function parseRoman(text: string): number | null {
  const t = text.toLowerCase()
  if (!/^[ivxlc]+$/.test(t)) return null
  let total = 0
  for (let i = 0; i < t.length; i++) {
    const v = romanValues[t[i]!]!
    const next = romanValues[t[i + 1] ?? ''] ?? 0
    total += v < next ? -v : v
  }
  return total
}

/**
 * Reads an STT cell. Numbers that Excel stored as numbers (1.1) arrive as numbers.
 * @example parseStt('Hoạt động 1.2') // { kind: 'numbered', code: '1.2', parts: [1, 2] }
 * @example parseStt('II') // { kind: 'section', code: 'II', index: 2 }
 */
export function parseStt(value: string | number | null): SttCode | null {
  if (value === null) return null
  const raw = typeof value === 'number' ? String(value) : value.trim()
  if (!raw) return null
  // Most cells are plain numbers ("12", "3.1"): read them without folding.
  if (/^\d+(?:\.\d+)*$/.test(raw)) {
    const parts = raw.split('.').map(Number)
    return { kind: 'numbered', code: parts.join('.'), parts }
  }
  if (/^[-–+•*]$/.test(raw)) return { kind: 'bullet', code: raw }
  // A share ("40%", "~10%") numbers nothing.
  if (raw.includes('%')) return { kind: 'other', code: raw }
  // "i." and "v." stay roman sections, as they always were; "i)" is the ninth sub-item; a small letter
  // alone ("a", "b", "c") is an item too, but "i", "v", "x" alone stay roman.
  // (a letter after its item's number, "1a", "1.a", "1.b)", is a lettered item too)
  const letter = /^\(?([a-zđ])\)$|^([a-zđ])[./]$|^([a-hj-uwyzđ])$|^\d{1,2}\.?([a-zđ])[.)]?$/u.exec(
    raw,
  )
  if (letter && !/^[ivx]\.$/.test(raw))
    return { kind: 'lettered', code: letter[1] ?? letter[2] ?? letter[3] ?? letter[4]! }
  // Capitals other than the roman digits I, V and X name the parts of a plan ("A. NGUỒN TRUNG ƯƠNG").
  const part = /^(?:Phần\s+)?([A-ZĐ])[.)]?$/u.exec(raw)
  if (part && !/[IVX]/.test(part[1]!)) return { kind: 'part', code: part[1]! }
  const folded = foldText(raw)
  const section = /^(?:phan |linh vuc |muc |chuong )?([ivxlc]+)$/.exec(folded)
  if (section) {
    const index = parseRoman(section[1]!)
    if (index !== null) return { kind: 'section', code: section[1]!.toUpperCase(), index }
  }
  const numbered =
    /^(?:nhiem vu |hoat dong |muc |noi dung |tieu chi |buoc |so |no\.?)?(\d+(?:[.,]\d+)*)[.):/-]?$/.exec(
      // Folding drops commas, so a comma between digits ("1,1") is read as the dot it stands for first.
      foldKeepingSeparators(raw.replace(/(\d)\s*,\s*(?=\d)/g, '$1.')).replace(
        /\s*([.)])\s*/g,
        '$1',
      ),
    )
  if (numbered) {
    const parts = numbered[1]!.split(/[.,]/).map(Number)
    return { kind: 'numbered', code: parts.join('.'), parts }
  }
  // Long text in the STT column, or three words and more ("PHÒNG NỘI VỤ"), is a title written there,
  // not a number.
  if (raw.length > 12 || raw.split(/\s+/).length >= 3) return null
  // So is a section's or a part's number before its title, however short ("I. LUẬT", "B. Thông tư"),
  // but not a letter before a day ("T. Hai 02/9" is Monday the 2nd).
  if (/^(?:[IVXLC]+|[A-ZĐ])[.)]?\s+\p{L}/u.test(raw) && !/^[A-ZĐ]\.?\s.*\d/u.test(raw)) return null
  return { kind: 'other', code: raw }
}
