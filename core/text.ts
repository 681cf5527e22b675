// Latin letters with diacritics (Vietnamese and others) and the plain letter each folds to.
const accented =
  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹđĐ'
const plain =
  'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyydd'
const foldMap = new Map<number, string>()
for (let i = 0; i < accented.length; i++) foldMap.set(accented.charCodeAt(i), plain[i]!)

/**
 * Folds text in one pass: lower case, diacritics dropped (đ → d), every other character a space,
 * runs of spaces collapsed. With `numbers`, decimal commas and dots between digits are kept and "%" reads " pct ".
 */
function foldWith(text: string, numbers: boolean, keep = ''): string {
  let out = ''
  let space = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let ch: string | undefined
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) ch = text[i]
    else if (code >= 65 && code <= 90) ch = String.fromCharCode(code + 32)
    else if (code >= 0x300 && code <= 0x36f) continue
    else if (code > 127) ch = foldMap.get(code)
    else if (
      numbers &&
      (code === 44 || code === 46) &&
      isDigit(text.charCodeAt(i - 1)) &&
      isDigit(text.charCodeAt(i + 1))
    ) {
      ch = text[i]
    } else if (numbers && code === 37) ch = 'pct'
    else if (keep && keep.includes(text[i]!)) ch = text[i]
    if (ch === undefined) {
      space = out.length > 0
      continue
    }
    if (space || (ch === 'pct' && out.length > 0)) out += ' '
    space = ch === 'pct'
    out += ch
  }
  return out
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** Whether text is written with its marks (any character outside printable ASCII). */
export function hasMarks(text: string): boolean {
  return /[^ -~\s]/.test(text)
}

/**
 * Lower case with the marks kept (NFC), for words that fold alike: "đang" and "đăng", "sáu" and
 * "sau", "ngay" and "ngày", "dừng" and the end of "nội dung".
 */
export function lowerWithMarks(text: string): string {
  return text.normalize('NFC').toLowerCase()
}

/**
 * Whether folded `words` match `plain` and, where the text is written with its marks, the marked
 * words match `marked` too: words that fold alike are told apart by their marks ("chờ" and "cho",
 * "hoãn" and "hoàn", "dừng" and "dung", "phấn đấu" and "phần đầu").
 */
export function saysWithMarks(
  value: string,
  words: string,
  plain: RegExp,
  marked: RegExp,
): boolean {
  return plain.test(words) && (!hasMarks(value) || marked.test(lowerWithMarks(value)))
}

/** Folds text for matching: lower case, no diacritics (đ → d), punctuation as spaces, single spaces. */
export function foldText(text: string): string {
  // Tables repeat their words (agencies, progress, deadlines): each distinct text is folded once.
  let folded = foldedTexts.get(text)
  if (folded === undefined) {
    if (foldedTexts.size >= 20_000) foldedTexts.clear()
    folded = foldWith(text, false)
    foldedTexts.set(text, folded)
  }
  return folded
}

const foldedTexts = new Map<string, string>()

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

/** Like foldText, but keeps the separators dates and numbering need ("31/12/2026", "1.1"). */
export function foldKeepingSeparators(text: string): string {
  return foldWith(text, false, '/.-')
}

/** Like foldKeepingSeparators, but also keeps clause marks (",", ";", parentheses, line breaks). */
export function foldKeepingPunctuation(text: string): string {
  return foldWith(text, false, '/.-,;()\n')
}

/** Like foldText, but keeps decimal commas and dots inside numbers ("95,5%" → "95,5 pct"). */
export function foldKeepingNumbers(text: string): string {
  return foldWith(text, true)
}

/** Text cut to at most `max` characters, "…" marking the cut (never splitting a surrogate pair). */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}
