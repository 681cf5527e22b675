/**
 * Legacy Vietnamese 8-bit encodings as they show up in Unicode cells: TCVN3 (ABC, .VnTime fonts)
 * puts each accented letter on one Latin-1 code point; VNI writes a base letter followed by
 * Latin-1 tone and vowel marks. Text typed with these fonts reads as "Së Néi vô" or "Sôû Noäi vuï".
 */

// TCVN3 code points (as Latin-1 characters) and the letters they stand for, in the same order.
const tcvn3From = '¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ'
const tcvn3To = 'ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ'

const tcvn3Map = new Map<string, string>()
for (let i = 0; i < tcvn3From.length; i++) tcvn3Map.set(tcvn3From[i]!, tcvn3To[i]!)

// VNI: [Unicode letter, VNI spelling]. Upper-case forms are derived below.
const vniPairs: [string, string][] = [
  ['á', 'aù'],
  ['à', 'aø'],
  ['ả', 'aû'],
  ['ã', 'aõ'],
  ['ạ', 'aï'],
  ['ă', 'aê'],
  ['ắ', 'aé'],
  ['ằ', 'aè'],
  ['ẳ', 'aú'],
  ['ẵ', 'aü'],
  ['ặ', 'aë'],
  ['â', 'aâ'],
  ['ấ', 'aá'],
  ['ầ', 'aà'],
  ['ẩ', 'aå'],
  ['ẫ', 'aã'],
  ['ậ', 'aä'],
  ['é', 'eù'],
  ['è', 'eø'],
  ['ẻ', 'eû'],
  ['ẽ', 'eõ'],
  ['ẹ', 'eï'],
  ['ê', 'eâ'],
  ['ế', 'eá'],
  ['ề', 'eà'],
  ['ể', 'eå'],
  ['ễ', 'eã'],
  ['ệ', 'eä'],
  ['ỉ', 'æ'],
  ['ĩ', 'ó'],
  ['ị', 'ò'],
  ['ó', 'où'],
  ['ò', 'oø'],
  ['ỏ', 'oû'],
  ['õ', 'oõ'],
  ['ọ', 'oï'],
  ['ô', 'oâ'],
  ['ố', 'oá'],
  ['ồ', 'oà'],
  ['ổ', 'oå'],
  ['ỗ', 'oã'],
  ['ộ', 'oä'],
  ['ơ', 'ô'],
  ['ớ', 'ôù'],
  ['ờ', 'ôø'],
  ['ở', 'ôû'],
  ['ỡ', 'ôõ'],
  ['ợ', 'ôï'],
  ['ú', 'uù'],
  ['ù', 'uø'],
  ['ủ', 'uû'],
  ['ũ', 'uõ'],
  ['ụ', 'uï'],
  ['ư', 'ö'],
  ['ứ', 'öù'],
  ['ừ', 'öø'],
  ['ử', 'öû'],
  ['ữ', 'öõ'],
  ['ự', 'öï'],
  ['ý', 'yù'],
  ['ỳ', 'yø'],
  ['ỷ', 'yû'],
  ['ỹ', 'yõ'],
  ['ỵ', 'î'],
  ['đ', 'ñ'],
]
const vniMap = new Map<string, string>()
for (const [uni, vni] of vniPairs) {
  vniMap.set(vni, uni)
  vniMap.set(vni.toUpperCase(), uni.toUpperCase())
}

export type LegacyEncoding = 'TCVN3' | 'VNI'

const vietnameseLatin1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ')
const legacyMarks = new Set(
  [...tcvn3From, ...'øûïüëåäæöñîØÛÏÜËÅÄÆÖÑÎ'].filter((c) => !vietnameseLatin1.has(c)),
)
const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/g
const vowelClusters = new Set(
  (
    'a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ ' +
    'ưa ưi ưu ươ uy yê iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu'
  ).split(' '),
)
const vietnameseLetters =
  /^[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+$/

/** Whether a word could be one Vietnamese syllable: known letters, one tone at most, a real vowel cluster. */
function isPlausibleSyllable(word: string): boolean {
  const w = word.toLowerCase()
  if (!vietnameseLetters.test(w)) return false
  const decomposed = w.normalize('NFD')
  if ((decomposed.match(toneMarks) ?? []).length > 1) return false
  const bare = decomposed.replace(toneMarks, '').normalize('NFC')
  const clusters = bare.match(/[aăâeêioôơuưy]+/g) ?? []
  if (clusters.length !== 1) return false
  let cluster = clusters[0]!
  // "gi" and "qu" carry their own vowel letter: "giữa" → "ưa", "quyết" → "yê".
  if (/^(gi|qu)/.test(bare) && cluster.length > 1) cluster = cluster.slice(1)
  return vowelClusters.has(cluster)
}

/** How many of the words carrying non-ASCII letters read as Vietnamese syllables. */
function scoreText(text: string): number {
  let score = 0
  for (const word of text.split(/[^\p{L}]+/u)) {
    if ([...word].some((c) => c.charCodeAt(0) > 127) && isPlausibleSyllable(word)) score++
  }
  return score
}

/**
 * Tells whether text was typed in a legacy encoding. Only text made entirely of Latin-1 characters,
 * with at least one character Vietnamese never uses, qualifies; the reading that yields the most
 * real Vietnamese syllables decides between TCVN3 and VNI.
 * @example detectLegacyEncoding('Së Néi vô') // 'TCVN3'
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  let marked = false
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0xff) return null
    if (legacyMarks.has(text[i]!)) marked = true
  }
  if (!marked) return null
  const asIs = scoreText(text)
  const tcvn3 = scoreText(convertLegacyText(text, 'TCVN3'))
  const vni = scoreText(convertLegacyText(text, 'VNI'))
  if (Math.max(tcvn3, vni) <= asIs) return null
  return vni >= tcvn3 ? 'VNI' : 'TCVN3'
}

/** Converts legacy-encoded text to Unicode NFC. */
export function convertLegacyText(text: string, encoding: LegacyEncoding): string {
  if (encoding === 'TCVN3')
    return [...text]
      .map((c) => tcvn3Map.get(c) ?? c)
      .join('')
      .normalize('NFC')
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const two = text.slice(i, i + 2)
    const hit = vniMap.get(two)
    if (hit && two.length === 2) {
      out += hit
      i++
      continue
    }
    out += vniMap.get(text[i]!) ?? text[i]
  }
  return out.normalize('NFC')
}
