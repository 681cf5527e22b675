import { describe, expect, it } from 'vitest'
import { AppError } from '../../../server/errors/index.ts'
import { decodeHtml, isHtml, readHtmlBlocks } from '../../../server/plans/html.ts'

const encode = (html: string) => new TextEncoder().encode(html)

describe('readHtmlBlocks', () => {
  it('reads a page’s title lines and a table with rowspan, colspan and a header in <thead>', () => {
    const html = `<!DOCTYPE html><html><head><title>Bỏ qua</title><style>td{}</style></head><body>
      <p align="center"><b>PHỤ LỤC</b></p><p>(Kèm theo Kế hoạch số 12/KH-UBND)</p>
      <table border="1"><thead><tr><th>STT</th><th>Nội dung</th><th>Chủ trì</th></tr></thead>
      <tbody>
        <tr><td>I</td><td colspan="2">CẢI CÁCH THỂ CHẾ</td></tr>
        <tr><td>1</td><td>Ban hành<br>kế hoạch</td><td rowspan="2">Sở Tư pháp</td></tr>
        <tr><td>2</td><td>Kiểm tra &amp; rà soát&nbsp;văn bản</td></tr>
      </tbody></table><!-- a comment --><script>var x = "<table>"</script></body></html>`
    expect(readHtmlBlocks(encode(html))).toEqual([
      { kind: 'paragraph', text: 'PHỤ LỤC' },
      { kind: 'paragraph', text: '(Kèm theo Kế hoạch số 12/KH-UBND)' },
      {
        kind: 'table',
        table: {
          rows: [
            ['STT', 'Nội dung', 'Chủ trì'],
            ['I', 'CẢI CÁCH THỂ CHẾ', null],
            ['1', 'Ban hành\nkế hoạch', 'Sở Tư pháp'],
            ['2', 'Kiểm tra & rà soát văn bản', null],
          ],
          merges: [
            { top: 2, left: 2, bottom: 2, right: 3 },
            { top: 3, left: 3, bottom: 4, right: 3 },
          ],
          headerRows: [true, false, false, false],
        },
      },
    ])
  })

  it('closes cells and rows a page leaves open, and lifts a table out of a cell', () => {
    const html = '<table><tr><td>Ngoài<table><tr><td>1<td>Trong</table><td>Sau</table>'
    expect(readHtmlBlocks(encode(html))).toEqual([
      { kind: 'table', table: { rows: [['1', 'Trong']], merges: [], headerRows: [false] } },
      { kind: 'table', table: { rows: [['Ngoài', 'Sau']], merges: [], headerRows: [false] } },
    ])
  })

  it('decodes the charset a Word page names (windows-1258) and Vietnamese character references', () => {
    const head =
      '<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1258"></head>'
    // "Sở" in windows-1258: S, o with horn (0xF5), combining hook above (0xD2).
    const bytes = new Uint8Array([
      ...encode(`${head}<body><p>`),
      0x53,
      0xf5,
      0xd2,
      ...encode(' T&#432; ph&aacute;p</p></body></html>'),
    ])
    const [block] = readHtmlBlocks(bytes)
    expect(block).toEqual({ kind: 'paragraph', text: 'S\u01a1\u0309 Tư pháp' })
    expect(decodeHtml('&lt;p&gt;&#x1EA1;&unknown;')).toBe('<p>ạ&unknown;')
  })

  it('ends in linear time on an unterminated comment or quote, and refuses too many columns', () => {
    const start = performance.now()
    expect(readHtmlBlocks(encode(`<p>Đầu</p>${'<!--'.repeat(200_000)}`))).toEqual([
      { kind: 'paragraph', text: 'Đầu' },
    ])
    expect(readHtmlBlocks(encode(`<p>Đầu</p><a href="${'x'.repeat(1_000_000)}`))).toEqual([
      { kind: 'paragraph', text: 'Đầu' },
    ])
    expect(performance.now() - start).toBeLessThan(3_000)
    expect(() =>
      readHtmlBlocks(encode('<table><tr><td colspan="999">x</td></tr></table>')),
    ).toThrow(AppError)
  })

  it('tells a page from other bytes', () => {
    expect(isHtml(encode('\ufeff  <!DOCTYPE html><html>'))).toBe(true)
    expect(isHtml(encode('<table><tr><td>1</td></tr></table>'))).toBe(true)
    expect(isHtml(encode('STT,Nội dung'))).toBe(false)
  })
})
