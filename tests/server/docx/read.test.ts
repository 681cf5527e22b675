import { Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import { readDocumentXml, readDocxBlocks } from '../../../server/docx/read.ts'

const cell = (text: string, options: { columnSpan?: number; rowSpan?: number } = {}) =>
  new TableCell({ children: [new Paragraph(text)], ...options })

async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc))
}

const body = (xml: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}</w:body></w:document>`

describe('readDocxBlocks', () => {
  it('reads a table written by the docx library: header row, a row merged across, a cell merged down', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('PHỤ LỤC'),
            new Table({
              rows: [
                new TableRow({
                  tableHeader: true,
                  children: [cell('STT'), cell('Nội dung'), cell('Chủ trì'), cell('Thời hạn')],
                }),
                new TableRow({
                  children: [cell('I'), cell('CẢI CÁCH THỂ CHẾ', { columnSpan: 3 })],
                }),
                new TableRow({
                  children: [
                    cell('1'),
                    cell('Ban hành kế hoạch'),
                    cell('Sở Tư pháp', { rowSpan: 2 }),
                    cell('Quý I/2026'),
                  ],
                }),
                new TableRow({
                  children: [cell('2'), cell('Kiểm tra văn bản'), cell('Quý IV/2026')],
                }),
              ],
            }),
          ],
        },
      ],
    })
    expect(readDocxBlocks(await pack(doc))).toEqual([
      { kind: 'paragraph', text: 'PHỤ LỤC' },
      {
        kind: 'table',
        table: {
          rows: [
            ['STT', 'Nội dung', 'Chủ trì', 'Thời hạn'],
            ['I', 'CẢI CÁCH THỂ CHẾ', null, null],
            ['1', 'Ban hành kế hoạch', 'Sở Tư pháp', 'Quý I/2026'],
            ['2', 'Kiểm tra văn bản', null, 'Quý IV/2026'],
          ],
          merges: [
            { top: 2, left: 2, bottom: 2, right: 4 },
            { top: 3, left: 3, bottom: 4, right: 3 },
          ],
          headerRows: [true, false, false, false],
        },
      },
    ])
  })

  it('writes Word’s automatic numbers (1., 1.1) and keeps a table inside a cell as a table of its own', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'stt',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 },
              { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', start: 1 },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({ children: [cell('Phụ lục kèm theo')] }),
                new TableRow({
                  children: [
                    new TableCell({
                      children: [
                        new Table({
                          rows: ['0', '1', '1'].map(
                            (level, i) =>
                              new TableRow({
                                children: [
                                  new TableCell({
                                    children: [
                                      new Paragraph({
                                        numbering: { reference: 'stt', level: Number(level) },
                                        children: [],
                                      }),
                                    ],
                                  }),
                                  cell(`Nhiệm vụ ${i + 1}`),
                                ],
                              }),
                          ),
                        }),
                        new Paragraph('Ghi chú dưới bảng'),
                      ],
                    }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    })
    const blocks = readDocxBlocks(await pack(doc)).filter((b) => b.kind === 'table')
    expect(blocks.map((b) => b.kind === 'table' && b.table.rows)).toEqual([
      [
        ['1.', 'Nhiệm vụ 1'],
        ['1.1', 'Nhiệm vụ 2'],
        ['1.2', 'Nhiệm vụ 3'],
      ],
      [['Phụ lục kèm theo'], ['Ghi chú dưới bảng']],
    ])
  })

  it('marks page breaks and section ends, where an appendix starts', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Nơi nhận'),
            new Paragraph({ pageBreakBefore: true, children: [new TextRun('PHỤ LỤC I')] }),
          ],
        },
      ],
    })
    expect(readDocxBlocks(await pack(doc))).toEqual([
      { kind: 'paragraph', text: 'Nơi nhận' },
      { kind: 'break' },
      { kind: 'paragraph', text: 'PHỤ LỤC I' },
    ])
  })
})

describe('readDocumentXml', () => {
  it('reads content controls as their content, inserted text, and leaves deleted text and field codes out', () => {
    const xml = body(
      '<w:sdt><w:sdtPr><w:alias w:val="Tiêu đề"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' +
        '<w:p><w:r><w:t>Kế hoạch </w:t></w:r><w:ins><w:r><w:t>cải cách</w:t></w:r></w:ins>' +
        '<w:del><w:r><w:delText>hành chính cũ</w:delText></w:r></w:del>' +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> năm 2026</w:t></w:r>' +
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>',
    )
    expect(readDocumentXml(xml)).toEqual([
      { kind: 'paragraph', text: 'Kế hoạch cải cách năm 2026' },
    ])
  })

  it('reads rows inside content controls, skipped grid columns (gridBefore) and a cell merged down over them', () => {
    const tc = (text: string, pr = '') =>
      `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`
    const xml = body(
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
        `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('STT')}${tc('Nội dung')}${tc('Thời hạn')}</w:tr>` +
        `<w:sdt><w:sdtContent><w:tr>${tc('1')}${tc('Rà soát')}${tc('Năm 2026', '<w:vMerge w:val="restart"/>')}</w:tr></w:sdtContent></w:sdt>` +
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('Tiếp theo')}${tc('', '<w:vMerge/>')}</w:tr>` +
        '</w:tbl>',
    )
    expect(readDocumentXml(xml)).toEqual([
      {
        kind: 'table',
        table: {
          rows: [
            ['STT', 'Nội dung', 'Thời hạn'],
            ['1', 'Rà soát', 'Năm 2026'],
            [null, 'Tiếp theo', null],
          ],
          merges: [{ top: 2, left: 3, bottom: 3, right: 3 }],
          headerRows: [true, false, false],
        },
      },
    ])
  })

  it('keeps a cell’s paragraphs and line breaks as lines', () => {
    const xml = body(
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>- Kế hoạch;</w:t><w:br/><w:t>- Báo cáo.</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>Quyết định</w:t></w:r></w:p><w:p/></w:tc></w:tr></w:tbl>',
    )
    expect(readDocumentXml(xml)).toEqual([
      {
        kind: 'table',
        table: {
          rows: [['- Kế hoạch;\n- Báo cáo.\nQuyết định']],
          merges: [],
          headerRows: [false],
        },
      },
    ])
  })
})
