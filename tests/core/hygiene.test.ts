import { describe, expect, it } from 'vitest'
import { cleanText, inspectText, stripHtml } from '../../core/index.ts'
import { readableText } from '../../core/hygiene.ts'
import { readSeed } from '../../scripts/seeds.ts'

describe('stripHtml', () => {
  it('turns list items into "- " lines, dropping a dash already written', () => {
    expect(stripHtml('<ul><li>Rà soát quy trình</li><li>- Cập nhật</li></ul>')).toBe(
      '- Rà soát quy trình\n- Cập nhật',
    )
  })

  it('puts each paragraph of the PAR/SIPAS seed’s continuation row on its own line', () => {
    expect(
      stripHtml(
        '<p>ương cho phép thí điểm và triển khai nhân rộng thực hiện trên toàn tỉnh trong năm 2026.</p> <p>- Tổ chức các cuộc thi hoặc có các giải pháp để tìm kiếm sáng kiến.</p>',
      ),
    ).toBe(
      'ương cho phép thí điểm và triển khai nhân rộng thực hiện trên toàn tỉnh trong năm 2026.\n- Tổ chức các cuộc thi hoặc có các giải pháp để tìm kiếm sáng kiến.',
    )
  })

  it('drops a styled list tag and the spaces it leaves', () => {
    expect(
      stripHtml('<ul style="list-style-type: none"> - Phải có thông báo kết luận kiểm tra riêng. '),
    ).toBe('- Phải có thông báo kết luận kiểm tra riêng.')
  })

  it('breaks lines at <br>, <br/> and block ends', () => {
    expect(stripHtml('Quý I<br>Quý II<br/>Quý III<div>Quý IV</div>')).toBe(
      'Quý I\nQuý II\nQuý III Quý IV',
    )
  })

  it('decodes named and numeric entities', () => {
    expect(
      stripHtml('Sở KH&amp;CN&nbsp;và&#160;Sở Nội vụ: &lt;30%&gt; &quot;x&quot; &#x1EA1;'),
    ).toBe('Sở KH&CN và Sở Nội vụ: <30%> "x" ạ')
  })
})

describe('inspectText', () => {
  it('finds HTML in a seed cell and gives the text without it', () => {
    expect(inspectText('<p>vị, địa phương</p>')).toEqual({
      html: true,
      legacy: null,
      unnormalized: false,
      fixed: 'vị, địa phương',
    })
  })

  it('finds TCVN3 text and converts it', () => {
    expect(inspectText('Së Néi vô')).toEqual({
      html: false,
      legacy: 'TCVN3',
      unnormalized: false,
      fixed: 'Sở Nội vụ',
    })
  })

  it('finds VNI text and converts it', () => {
    expect(inspectText('Thöôøng xuyeân')).toEqual({
      html: false,
      legacy: 'VNI',
      unnormalized: false,
      fixed: 'Thường xuyên',
    })
  })

  it('finds HTML and TCVN3 in one cell and fixes both', () => {
    expect(inspectText('<p>Së Néi vô</p>')).toEqual({
      html: true,
      legacy: 'TCVN3',
      unnormalized: false,
      fixed: 'Sở Nội vụ',
    })
  })

  it('finds text typed with combining marks and normalises it to NFC', () => {
    const decomposed = 'Trong năm 2026 phải thực hiện kiểm tra CCHC'.normalize('NFD')
    expect(inspectText(decomposed)).toEqual({
      html: false,
      legacy: null,
      unnormalized: true,
      fixed: 'Trong năm 2026 phải thực hiện kiểm tra CCHC',
    })
  })

  it.each([
    'Sở Nội vụ',
    'Sở KH&CN',
    'Tỷ lệ hồ sơ ≥ 95% – “đúng hạn”',
    'a < b & c',
    'Hoàn thành kiểm tra, ban hành Thông báo kết luận trước ngày 31/12/2026',
  ])('finds nothing wrong with "%s"', (text) => {
    expect(inspectText(text)).toEqual({
      html: false,
      legacy: null,
      unnormalized: false,
      fixed: text,
    })
  })

  it('flags exactly the PAR/SIPAS seed cells that hold tags, and leaves no tag in their fixes', () => {
    const cells = readSeed('dak-lak-2026-phu-luc-par-sipas.txt')
      .split('\n')
      .flatMap((line) => line.split('\t'))
      .filter((cell) => cell.trim())
    const tagged = cells.filter((cell) => /<\/?(p|ul|li)\b/.test(cell))
    expect(tagged.length).toBeGreaterThan(3)
    const found = cells.map(inspectText)
    expect(cells.filter((_, i) => found[i]!.html)).toEqual(tagged)
    expect(found.filter((f) => /<\/?[a-z]+[\s>]/i.test(f.fixed))).toEqual([])
    expect(found.filter((f) => f.legacy !== null || f.unnormalized)).toEqual([])
  })
})

describe('cleanText', () => {
  it('is the fixed text of inspectText', () => {
    expect(cleanText('<p>Së Néi vô</p>')).toBe('Sở Nội vụ')
    expect(cleanText('Sở Nội vụ')).toBe('Sở Nội vụ')
  })
})

describe('readableText', () => {
  it('reads a cell whole: precomposed, a wrapped sentence joined, odd spaces plain', () => {
    expect(
      readableText('Đã phê duyệt BCKTKT tại Quyết\nđịnh số 582/QĐ-UBND'.normalize('NFD')),
    ).toBe('Đã phê duyệt BCKTKT tại Quyết định số 582/QĐ-UBND')
    expect(readableText('Quý\u00a0IV/2026\u200b')).toBe('Quý IV/2026')
    // Lines that open with a capital or a dash are lines of their own.
    expect(readableText('Sở Tư pháp;\nSở Nội vụ')).toBe('Sở Tư pháp;\nSở Nội vụ')
    expect(readableText('Đang thực hiện\n- đã lấy ý kiến')).toBe('Đang thực hiện\n- đã lấy ý kiến')
  })
})
