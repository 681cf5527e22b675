import { XmlCursor } from '../xlsx/xml.ts'
import {
  createCellBudget,
  createTableLayout,
  tableLimits,
  type DocumentBlock,
  type DocumentTable,
} from './blocks.ts'
import {
  createListCounter,
  readStyleNumbering,
  type ListCounter,
  type NumberingRef,
} from './numbering.ts'
import { openDocxPackage } from './package.ts'
import { AppError } from '../errors/index.ts'

// Reads the body of a Word document (WordprocessingML) into paragraphs and tables, in one pass over
// its XML with the workbook reader's cursor: cells keep their paragraphs as lines, horizontal spans
// (w:gridSpan) and vertical merges (w:vMerge) become merged areas, rows repeated on each page
// (w:tblHeader) are marked, tables inside cells come out as tables of their own, content controls
// (w:sdt) and tracked insertions read as their content, deleted text and drawings are left out, and
// automatic list numbers are written as Word shows them.

/** Elements whose content is never document text. */
const skipped = new Set([
  'del',
  'moveFrom',
  'delText',
  'instrText',
  'delInstrText',
  'Fallback',
  'drawing',
  'pict',
  'object',
  'sdtPr',
  'sdtEndPr',
  'rPrChange',
  'pPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
])

type Cell = { lines: string[]; span: number; vMerge: string | null; hMerge: boolean }
type TableState = {
  layout: ReturnType<typeof createTableLayout>
  column: number
  cell: Cell | null
}
type Paragraph = {
  text: string
  numId: string | null
  level: number
  style: string | null
  /** A page break before the paragraph's text, or one (or a section end) after it. */
  breakBefore?: true
  breakAfter?: true
}

const newParagraph = (): Paragraph => ({ text: '', numId: null, level: 0, style: null })

const isOn = (value: string | null) => value === null || !/^(0|false|off)$/i.test(value)

/** Reads a .docx file's body: its paragraphs and tables in order. Throws DocumentError when unreadable. */
export function readDocxBlocks(bytes: Uint8Array): DocumentBlock[] {
  const pkg = openDocxPackage(bytes)
  return readDocumentXml(
    pkg.document,
    createListCounter(pkg.numbering),
    readStyleNumbering(pkg.styles),
  )
}

/** Reads the XML of a Word document part (see readDocxBlocks). */
export function readDocumentXml(
  xml: string,
  lists: ListCounter = createListCounter(null),
  styleLists: Map<string, NumberingRef> = new Map(),
): DocumentBlock[] {
  const blocks: DocumentBlock[] = []
  const tables: TableState[] = []
  const countCell = createCellBudget()
  let paragraph: Paragraph | null = null
  let inParagraphProperties = false
  const cursor = new XmlCursor(xml)
  const top = () => tables[tables.length - 1]

  const endParagraph = (p: Paragraph) => {
    const ref =
      p.numId !== null
        ? p.numId === '0'
          ? null
          : { numId: p.numId, level: p.level }
        : p.style
          ? (styleLists.get(p.style) ?? null)
          : null
    const number = ref ? lists.render(ref) : ''
    const text = number ? `${number} ${p.text}` : p.text
    const cell = top()?.cell
    if (cell) {
      cell.lines.push(text)
      return
    }
    if (p.breakBefore) blocks.push({ kind: 'break' })
    blocks.push({ kind: 'paragraph', text: text.trim() })
    if (p.breakAfter) blocks.push({ kind: 'break' })
  }

  const endCell = (table: TableState, cell: Cell) => {
    const lines = cell.lines.map((l) => l.trim())
    while (lines.length && !lines[lines.length - 1]) lines.pop()
    const text = lines.join('\n')
    const { layout } = table
    if (cell.vMerge === 'continue') table.column = layout.continue(table.column, cell.span)
    else if (cell.vMerge === 'restart') table.column = layout.restart(table.column, text, cell.span)
    else table.column = layout.place(table.column, cell.hMerge ? null : text, cell.span)
  }

  while (cursor.next()) {
    const { name, kind } = cursor
    if (skipped.has(name)) {
      cursor.skip()
      continue
    }
    const table = top()
    if (kind === 'close') {
      if (name === 'p' && paragraph) {
        endParagraph(paragraph)
        paragraph = null
      } else if (name === 'pPr') inParagraphProperties = false
      else if (name === 'tc' && table?.cell) {
        endCell(table, table.cell)
        table.cell = null
      } else if (name === 'tbl' && table) {
        tables.pop()
        blocks.push({ kind: 'table', table: table.layout.finish() })
      }
      continue
    }
    switch (name) {
      case 'p':
        if (kind === 'empty') endParagraph(newParagraph())
        else paragraph = newParagraph()
        break
      case 'pageBreakBefore':
        if (paragraph && inParagraphProperties && isOn(cursor.attribute('val')))
          paragraph.breakBefore = true
        break
      case 'sectPr':
        // A section ends with this paragraph (the body's last section properties close the body).
        if (paragraph && inParagraphProperties) paragraph.breakAfter = true
        cursor.skip()
        break
      case 'pPr':
        inParagraphProperties = kind === 'open'
        break
      case 'pStyle':
        if (paragraph && inParagraphProperties) paragraph.style = cursor.attribute('val')
        break
      case 'numId':
        if (paragraph && inParagraphProperties) paragraph.numId = cursor.attribute('val')
        break
      case 'ilvl':
        if (paragraph && inParagraphProperties)
          paragraph.level = Math.min(8, Number(cursor.attribute('val') ?? 0) || 0)
        break
      case 't':
        if (paragraph && kind === 'open') paragraph.text += cursor.readText()
        break
      case 'tab':
        if (paragraph && !inParagraphProperties) paragraph.text += ' '
        break
      case 'br':
      case 'cr':
        if (!paragraph) break
        if (cursor.attribute('type') === 'page') {
          if (paragraph.text.trim()) paragraph.breakAfter = true
          else paragraph.breakBefore = true
        } else paragraph.text += '\n'
        break
      case 'noBreakHyphen':
        if (paragraph) paragraph.text += '-'
        break
      case 'tbl':
        if (kind === 'empty') break
        if (tables.length >= tableLimits.depth)
          throw new AppError('document/too-complex', `> ${tableLimits.depth} nested tables`)
        tables.push({ layout: createTableLayout(), column: 0, cell: null })
        break
      case 'tr':
        if (table) {
          table.layout.startRow()
          table.column = 0
          if (kind === 'empty') table.layout.place(0, null, 1)
        }
        break
      case 'tblHeader':
        if (table && isOn(cursor.attribute('val'))) table.layout.markHeader()
        break
      case 'gridBefore':
        if (table) table.column += Math.max(0, Number(cursor.attribute('val') ?? 0) || 0)
        break
      case 'tc':
        if (!table) break
        countCell()
        if (kind === 'empty') table.column = table.layout.place(table.column, null, 1)
        else table.cell = { lines: [], span: 1, vMerge: null, hMerge: false }
        break
      case 'gridSpan':
        if (table?.cell) table.cell.span = Math.max(1, Number(cursor.attribute('val') ?? 1) || 1)
        break
      case 'vMerge':
        if (table?.cell) table.cell.vMerge = cursor.attribute('val') ?? 'continue'
        break
      case 'hMerge':
        if (table?.cell) table.cell.hMerge = (cursor.attribute('val') ?? 'continue') === 'continue'
        break
    }
  }
  return blocks
}

/** The tables of a document's blocks (for tests and diagnostics). */
export function listTables(blocks: DocumentBlock[]): DocumentTable[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []))
}
