import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import type { ReminderAnnex, ReminderLetter } from '../consolidation/reminder-letter.ts'

// The Công văn as Nghị định 30/2020/NĐ-CP, Phụ lục I lays it out: A4 portrait, margins 20 mm top and
// bottom, 30 mm left, 15 mm right; Times New Roman; the heading in two columns (bodies at left, the
// national title and motto at right, each underlined by a short rule), then addressees, body, and the
// Nơi nhận beside the signer with room for the signature and seal. Sizes in half-points, lengths in
// twentieths of a point (1 mm = 56.7).

const font = 'Times New Roman'
const mm = (n: number) => Math.round(n * 56.7)
const page = { width: 11906, height: 16838 }
const margin = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) }
const textWidth = page.width - margin.left - margin.right
/** The heading's columns: the bodies at left, the national title at right (about 2 : 3). */
const headingColumns = [Math.round(textWidth * 0.38), textWidth - Math.round(textWidth * 0.38)]

type Line = {
  text: string
  size?: number
  bold?: boolean
  italics?: boolean
  align?: 'left' | 'center' | 'justify'
  indent?: number
  after?: number
}

function createLine(line: Line): Paragraph {
  return new Paragraph({
    alignment:
      line.align === 'center'
        ? AlignmentType.CENTER
        : line.align === 'justify'
          ? AlignmentType.JUSTIFIED
          : AlignmentType.LEFT,
    spacing: { after: line.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    ...(line.indent ? { indent: { firstLine: line.indent } } : {}),
    children: [
      new TextRun({
        text: line.text,
        font,
        size: (line.size ?? 14) * 2,
        bold: line.bold ?? false,
        italics: line.italics ?? false,
      }),
    ],
  })
}

/**
 * A short centred rule under a heading line (the rule under the issuing body, 1/3 to 1/2 of its
 * text; under the motto, the motto's length): an empty paragraph with a top border, narrowed by indents.
 */
function createRule(columnWidth: number, ruleWidth: number): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - ruleWidth) / 2))
  return new Paragraph({
    spacing: { before: 0, after: 120, line: 120, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', font, size: 4 })],
  })
}

/** About how wide a line of capitals or bold text is set (twips): 0.6 em a character. */
function estimateWidth(text: string, size: number): number {
  return Math.round(text.length * size * 0.6 * 20)
}

function createCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    children,
  })
}

/** A two-column table without borders, as the heading and the signature block are set. */
function createColumns(left: Paragraph[], right: Paragraph[], widths: number[]): Table {
  return new Table({
    rows: [
      new TableRow({ children: [createCell(left, widths[0]!), createCell(right, widths[1]!)] }),
    ],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  })
}

function createHeading(letter: ReminderLetter): Table {
  const [left, right] = headingColumns as [number, number]
  const bodies = [
    ...(letter.governingBody
      ? [createLine({ text: letter.governingBody, size: 13, align: 'center' })]
      : []),
    createLine({ text: letter.issuingBody, size: 13, bold: true, align: 'center' }),
    createRule(left, estimateWidth(letter.issuingBody, 13) * 0.45),
    createLine({ text: letter.number, size: 13, align: 'center', after: 60 }),
    createLine({ text: letter.subject, size: 12, align: 'center' }),
  ]
  const nation = [
    // 12 pt (Phụ lục I allows 12–13), so that the national title holds on one line.
    createLine({ text: letter.nation, size: 12, bold: true, align: 'center' }),
    createLine({ text: letter.motto, size: 14, bold: true, align: 'center' }),
    createRule(right, estimateWidth(letter.motto, 14) * 0.85),
    createLine({ text: letter.placeDate, size: 14, italics: true, align: 'center' }),
  ]
  return createColumns(bodies, nation, headingColumns)
}

function createSignature(letter: ReminderLetter): Table {
  const half = Math.round(textWidth / 2)
  const [title, ...list] = letter.recipients
  const recipients = [
    createLine({ text: title ?? 'Nơi nhận:', size: 12, bold: true, italics: true }),
    ...list.map((text) => createLine({ text, size: 11 })),
  ]
  const { authority, title: position, name } = letter.signer
  const signer = [
    ...(authority ? [createLine({ text: authority, bold: true, align: 'center' })] : []),
    createLine({ text: position, bold: true, align: 'center' }),
    // Room for the signature and the seal: four empty lines.
    ...Array.from({ length: 4 }, () => createLine({ text: '', after: 120 })),
    createLine({ text: name, bold: true, align: 'center' }),
  ]
  return createColumns(recipients, signer, [half, textWidth - half])
}

/** The body: paragraphs justified with a first-line indent; list items ("- …") indented likewise. */
function createBody(letter: ReminderLetter): Paragraph[] {
  return letter.paragraphs.map((text) =>
    createLine({ text, align: 'justify', indent: mm(12.7), after: 120 }),
  )
}

function createAnnexTable(annex: ReminderAnnex, width: number): Table {
  const shares = [5, 30, 17, 9, 27, 12]
  const widths = shares.map((s) => Math.round((width * s) / 100))
  const cell = (text: string, w: number, bold = false) =>
    new TableCell({
      width: { size: w, type: WidthType.DXA },
      children: [createLine({ text, size: 12, bold, align: bold ? 'center' : 'left' })],
    })
  return new Table({
    rows: [
      new TableRow({
        tableHeader: true,
        children: annex.columns.map((c, i) => cell(c, widths[i]!, true)),
      }),
      ...annex.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, widths[i]!)) })),
    ],
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  })
}

/** Page numbers from the second page, centred at the top (Phụ lục I, mục II.6). */
function createPageHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font, size: 28 })],
      }),
    ],
  })
}

/** The Công văn as a Word document, built with the `docx` library; the list attached, if any, follows. */
export async function buildReminderDocx(letter: ReminderLetter): Promise<Uint8Array> {
  const portrait = { size: page, margin: { ...margin, header: mm(10), footer: mm(10) } }
  const sections = [
    {
      properties: { page: portrait, titlePage: true },
      headers: { default: createPageHeader(), first: new Header({ children: [] }) },
      children: [
        createHeading(letter),
        createLine({ text: '', after: 120 }),
        ...letter.to.map((text) => createLine({ text, align: 'center', after: 120 })),
        ...createBody(letter),
        createLine({ text: '', after: 120 }),
        createSignature(letter),
      ],
    },
  ]
  const annex = letter.annex
  if (annex) {
    const landscape = {
      // The library swaps width and height for a landscape page.
      size: { ...page, orientation: PageOrientation.LANDSCAPE },
      margin: {
        top: mm(20),
        bottom: mm(20),
        left: mm(20),
        right: mm(20),
        header: mm(10),
        footer: mm(10),
      },
    }
    sections.push({
      properties: { page: landscape, titlePage: false },
      headers: { default: createPageHeader(), first: new Header({ children: [] }) },
      children: [
        createLine({ text: annex.title, bold: true, align: 'center' }),
        createLine({ text: annex.subtitle, italics: true, align: 'center', after: 200 }),
        createAnnexTable(annex, page.height - mm(40)),
      ],
    })
  }
  const doc = new Document({
    creator: 'CCHC Annex',
    title: letter.subject,
    styles: { default: { document: { run: { font, size: 28 } } } },
    sections,
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
