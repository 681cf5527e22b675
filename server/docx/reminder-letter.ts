import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import type { ReminderLetter } from '../consolidation/reminders.ts'

const font = 'Times New Roman'

function createLine(
  text: string,
  options: {
    bold?: boolean
    italic?: boolean
    align?: 'left' | 'center' | 'justify'
    indent?: boolean
  } = {},
): Paragraph {
  return new Paragraph({
    alignment:
      options.align === 'center'
        ? AlignmentType.CENTER
        : options.align === 'justify'
          ? AlignmentType.JUSTIFIED
          : AlignmentType.LEFT,
    spacing: { after: 80 },
    ...(options.indent ? { indent: { firstLine: 567 } } : {}),
    children: [
      new TextRun({
        text,
        font,
        size: 28,
        bold: options.bold ?? false,
        italics: options.italic ?? false,
      }),
    ],
  })
}

/** The reminder letter as a Word document (A4, Times New Roman 14), built with the `docx` library. */
export async function buildReminderDocx(letter: ReminderLetter): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'CCHC Annex',
    title: letter.subject,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
          },
        },
        children: [
          ...letter.issuer.map((line, i) => createLine(line, { bold: i > 0, align: 'left' })),
          createLine('Số:      /SNV-CCHC'),
          createLine(letter.place, { italic: true, align: 'center' }),
          createLine(letter.subject, { bold: true, align: 'center' }),
          createLine(letter.to, { align: 'center' }),
          ...letter.paragraphs.map((p) => createLine(p, { align: 'justify', indent: true })),
          ...letter.signature.map((line) => createLine(line, { bold: true, align: 'center' })),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
