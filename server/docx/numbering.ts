import { XmlCursor } from '../xlsx/xml.ts'

// Word's automatic list numbers ("1.", "1.1", "a)", "II.") are not in the document's text: each
// numbered paragraph names a list (numId) and a level, and numbering.xml says how to count and write
// them. STT columns of plan appendices are often numbered this way.

type Level = { start: number; format: string; text: string }
type List = { abstract: string; starts: Map<number, number> }

/** A numbered paragraph's list and level, from its w:numPr (or its paragraph style's). */
export type NumberingRef = { numId: string; level: number }

/** Counts and renders the list numbers of a document's paragraphs, in document order. */
export type ListCounter = { render(ref: NumberingRef): string }

function readLevels(numberingXml: string) {
  const abstracts = new Map<string, Map<number, Level>>()
  const lists = new Map<string, List>()
  const cursor = new XmlCursor(numberingXml)
  let abstract: Map<number, Level> | null = null
  let level: Level | null = null
  let list: List | null = null
  let overrideLevel = -1
  while (cursor.next()) {
    const { name, kind } = cursor
    if (kind === 'close') {
      if (name === 'abstractNum') abstract = null
      if (name === 'lvl') level = null
      if (name === 'num') list = null
      continue
    }
    if (name === 'abstractNum') {
      abstract = new Map()
      abstracts.set(cursor.attribute('abstractNumId') ?? '', abstract)
    } else if (name === 'lvl' && abstract && kind === 'open') {
      level = { start: 1, format: 'decimal', text: '' }
      abstract.set(Number(cursor.attribute('ilvl') ?? 0), level)
    } else if (name === 'start' && level) level.start = Number(cursor.attribute('val') ?? 1)
    else if (name === 'numFmt' && level) level.format = cursor.attribute('val') ?? 'decimal'
    else if (name === 'lvlText' && level) level.text = cursor.attribute('val') ?? ''
    else if (name === 'num') {
      list = { abstract: '', starts: new Map() }
      lists.set(cursor.attribute('numId') ?? '', list)
    } else if (name === 'abstractNumId' && list) list.abstract = cursor.attribute('val') ?? ''
    else if (name === 'lvlOverride' && list) overrideLevel = Number(cursor.attribute('ilvl') ?? 0)
    else if (name === 'startOverride' && list)
      list.starts.set(overrideLevel, Number(cursor.attribute('val') ?? 1))
  }
  return { abstracts, lists }
}

const romans: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
]

function formatRoman(n: number): string {
  let out = ''
  let rest = n
  for (const [v, s] of romans)
    while (rest >= v) {
      out += s
      rest -= v
    }
  return out
}

function formatLetter(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

/** One counter value in a level's number format (decimal, roman, letters; bullets and none as Word shows them). */
export function formatListNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return formatRoman(n)
    case 'lowerRoman':
      return formatRoman(n).toLowerCase()
    case 'upperLetter':
      return formatLetter(n).toUpperCase()
    case 'lowerLetter':
      return formatLetter(n)
    case 'decimalZero':
      return String(n).padStart(2, '0')
    case 'none':
      return ''
    default:
      return String(n)
  }
}

/** A counter over the lists of numbering.xml; paragraphs must be rendered in document order. */
export function createListCounter(numberingXml: string | null): ListCounter {
  const { abstracts, lists } = numberingXml
    ? readLevels(numberingXml)
    : { abstracts: new Map<string, Map<number, Level>>(), lists: new Map<string, List>() }
  const counters = new Map<string, number[]>()
  return {
    render({ numId, level }) {
      const list = lists.get(numId)
      const levels = list ? abstracts.get(list.abstract) : undefined
      const lvl = levels?.get(level)
      if (!list || !levels || !lvl) return ''
      if (lvl.format === 'bullet') return '-'
      const startOf = (l: number) => list.starts.get(l) ?? levels.get(l)?.start ?? 1
      let counts = counters.get(numId)
      if (!counts) counters.set(numId, (counts = []))
      counts[level] = counts[level] === undefined ? startOf(level) : counts[level]! + 1
      // A level counting up restarts every level below it.
      counts.length = level + 1
      return lvl.text.replace(/%(\d)/g, (_, k: string) => {
        const l = Number(k) - 1
        const value = counts![l] ?? startOf(l)
        return formatListNumber(value, levels.get(l)?.format ?? 'decimal')
      })
    },
  }
}

/** Paragraph styles that carry a list (w:style with w:pPr/w:numPr), by style id. */
export function readStyleNumbering(stylesXml: string | null): Map<string, NumberingRef> {
  const out = new Map<string, NumberingRef>()
  if (!stylesXml) return out
  const cursor = new XmlCursor(stylesXml)
  let style: string | null = null
  let ref: { numId: string | null; level: number } | null = null
  while (cursor.next()) {
    const { name, kind } = cursor
    if (name === 'style') {
      if (kind === 'open') {
        style = cursor.attribute('styleId')
        ref = { numId: null, level: 0 }
      } else {
        if (style && ref?.numId && ref.numId !== '0')
          out.set(style, { numId: ref.numId, level: ref.level })
        style = null
        ref = null
      }
    } else if (ref && name === 'numId') ref.numId = cursor.attribute('val')
    else if (ref && name === 'ilvl') ref.level = Number(cursor.attribute('val') ?? 0)
  }
  return out
}
