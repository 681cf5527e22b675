import {
  createCellBudget,
  createTableLayout,
  tableLimits,
  type DocumentBlock,
} from '../docx/blocks.ts'
import { AppError } from '../errors/index.ts'

// Reads a web page (a plan published on a portal, or Word's "Save as Web Page") into paragraphs and
// tables, as the Word reader does: cells with colspan/rowspan become merged areas, <thead> rows are
// header rows, nested tables come out as tables of their own. One linear scan with indexOf: an
// unterminated comment or quote ends the scan instead of being searched for again and again.

/** The largest page read (bytes). */
export const maxHtmlBytes = 20 * 1024 * 1024

const named: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  laquo: '«',
  raquo: '»',
  deg: '°',
  ge: '≥',
  le: '≤',
  agrave: 'à',
  aacute: 'á',
  acirc: 'â',
  atilde: 'ã',
  egrave: 'è',
  eacute: 'é',
  ecirc: 'ê',
  igrave: 'ì',
  iacute: 'í',
  ograve: 'ò',
  oacute: 'ó',
  ocirc: 'ô',
  otilde: 'õ',
  ugrave: 'ù',
  uacute: 'ú',
  yacute: 'ý',
  Agrave: 'À',
  Aacute: 'Á',
  Acirc: 'Â',
  Atilde: 'Ã',
  Egrave: 'È',
  Eacute: 'É',
  Ecirc: 'Ê',
  Igrave: 'Ì',
  Iacute: 'Í',
  Ograve: 'Ò',
  Oacute: 'Ó',
  Ocirc: 'Ô',
  Otilde: 'Õ',
  Ugrave: 'Ù',
  Uacute: 'Ú',
  Yacute: 'Ý',
}

/** Decodes HTML character references (named ones of Latin-1 and typography, and numeric ones). */
export function decodeHtml(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});?/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return named[ref] ?? whole
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** Decodes a page's bytes: a BOM, else the charset its <meta> names, else UTF-8. */
export function decodeHtmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  const label = /<meta[^>]*charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8'
  try {
    return new TextDecoder(label).decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

/** Whether the bytes look like an HTML page (after any BOM and white space). */
export function isHtml(bytes: Uint8Array): boolean {
  const head = decodeHtmlBytes(bytes.subarray(0, 2048)).trimStart().slice(0, 200).toLowerCase()
  return /^<(!doctype html|html|head|body|meta|table|p|div|\?xml|!--)/.test(head)
}

const lineTags = new Set([
  'p',
  'div',
  'br',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'caption',
  'blockquote',
  'section',
  'article',
  'center',
  'ul',
  'ol',
])
const rawTextTags = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'xml'])

type Cell = { text: string; colSpan: number; rowSpan: number }
type TableState = {
  layout: ReturnType<typeof createTableLayout>
  column: number
  row: boolean
  cell: Cell | null
  head: boolean
}

function readSpan(attributes: string, name: string, max: number): number {
  const m = new RegExp(String.raw`\b${name}\s*=\s*["']?\s*(\d{1,6})`, 'i').exec(attributes)
  return m ? Math.max(1, Math.min(Number(m[1]), max)) : 1
}

/** The index of the `>` ending a tag that starts before `from`, quotes respected; -1 if none. */
function findTagEnd(html: string, from: number): number {
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i)
    if (c === 62) return i
    if (c === 34 || c === 39) {
      i = html.indexOf(c === 34 ? '"' : "'", i + 1)
      if (i < 0) return -1
    }
  }
  return -1
}

/** Reads a page's paragraphs and tables in order. Throws DocumentError when it is too large or complex. */
export function readHtmlBlocks(bytes: Uint8Array): DocumentBlock[] {
  if (bytes.length > maxHtmlBytes) throw new AppError('document/too-large')
  const html = decodeHtmlBytes(bytes)
  const blocks: DocumentBlock[] = []
  const tables: TableState[] = []
  const countCell = createCellBudget()
  let paragraph = ''
  const top = () => tables[tables.length - 1]

  const addText = (raw: string) => {
    const text = decodeHtml(raw.replace(/[ \t\r\n\f]+/g, ' '))
    const cell = top()?.cell
    if (cell) cell.text += text
    else if (!top()) paragraph += text
  }
  const breakLine = () => {
    const cell = top()?.cell
    if (cell) cell.text += '\n'
    else if (!top()) endParagraph()
  }
  const endParagraph = () => {
    const text = paragraph.replace(/\s+/g, ' ').trim()
    if (text) blocks.push({ kind: 'paragraph', text })
    paragraph = ''
  }
  const endCell = (t: TableState) => {
    if (!t.cell) return
    const text = t.cell.text
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n')
    const column = t.layout.freeColumn(t.column)
    t.column = t.layout.place(column, text, t.cell.colSpan, t.cell.rowSpan)
    t.cell = null
  }
  const endRow = (t: TableState) => {
    endCell(t)
    t.row = false
  }
  const startRow = (t: TableState) => {
    endRow(t)
    t.layout.startRow(t.head)
    t.row = true
    t.column = 0
  }

  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    addText(html.slice(i, lt < 0 ? html.length : lt))
    if (lt < 0) break
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      i = end < 0 ? html.length : end + 3
      continue
    }
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]{0,40})/.exec(html.slice(lt, lt + 48))
    const first = html[lt + 1]
    if (!tag) {
      if (first === '!' || first === '?') {
        const end = html.indexOf('>', lt)
        i = end < 0 ? html.length : end + 1
      } else {
        addText('<')
        i = lt + 1
      }
      continue
    }
    const gt = findTagEnd(html, lt + tag[0].length)
    if (gt < 0) break
    i = gt + 1
    const closing = tag[1] === '/'
    const name = tag[2]!.toLowerCase().replace(/^\w+:/, '')
    const attributes = html.slice(lt + tag[0].length, gt)
    if (!closing && rawTextTags.has(name) && !attributes.trimEnd().endsWith('/')) {
      const end = new RegExp(`</${name}\\s*>`, 'gi')
      end.lastIndex = i
      const m = end.exec(html)
      i = m ? m.index + m[0].length : html.length
      continue
    }
    const table = top()
    if (name === 'table') {
      if (!closing) {
        if (tables.length >= tableLimits.depth)
          throw new AppError('document/too-complex', `> ${tableLimits.depth} nested tables`)
        if (!table) endParagraph()
        tables.push({ layout: createTableLayout(), column: 0, row: false, cell: null, head: false })
      } else if (table) {
        endRow(table)
        tables.pop()
        blocks.push({ kind: 'table', table: table.layout.finish() })
      }
    } else if (!table) {
      if (lineTags.has(name)) endParagraph()
    } else if (name === 'thead') {
      table.head = !closing
    } else if (name === 'tr') {
      if (closing) endRow(table)
      else startRow(table)
    } else if (name === 'td' || name === 'th') {
      if (closing) endCell(table)
      else {
        if (!table.row) startRow(table)
        endCell(table)
        countCell()
        table.cell = {
          text: '',
          colSpan: readSpan(attributes, 'colspan', 1000),
          rowSpan: readSpan(attributes, 'rowspan', 65_534),
        }
      }
    } else if (lineTags.has(name)) breakLine()
  }
  while (tables.length) {
    const t = tables.pop()!
    endRow(t)
    blocks.push({ kind: 'table', table: t.layout.finish() })
  }
  endParagraph()
  return blocks
}
