import { describe, expect, it } from 'vitest'
import { convertLegacyText, detectLegacyEncoding } from '../../core/index.ts'

// Seed phrases as they read when typed with a TCVN3 (.VnTime) or VNI font and pasted as Unicode.
const tcvn3: [string, string][] = [
  ['Së Néi vô', 'Sở Nội vụ'],
  ['§¾k L¾k', 'Đắk Lắk'],
  ['KÕ ho¹ch c¶i c¸ch hµnh chÝnh', 'Kế hoạch cải cách hành chính'],
  ['Th\u00adêng xuyªn', 'Thường xuyên'],
  ['Tr\u00adíc ngµy 31/12/2026', 'Trước ngày 31/12/2026'],
  ['Hoµn thµnh', 'Hoàn thành'],
  ['V¨n phßng UBND tØnh', 'Văn phòng UBND tỉnh'],
]
const vni: [string, string][] = [
  ['Sôû Noäi vuï', 'Sở Nội vụ'],
  ['SÔÛ NOÄI VUÏ', 'SỞ NỘI VỤ'],
  ['Ñaék Laék', 'Đắk Lắk'],
  ['Keá hoaïch caûi caùch haønh chính', 'Kế hoạch cải cách hành chính'],
  ['Thöôøng xuyeân', 'Thường xuyên'],
  ['Hoaøn thaønh', 'Hoàn thành'],
  ['Vaên phoøng UBND tænh', 'Văn phòng UBND tỉnh'],
]

describe('detectLegacyEncoding', () => {
  it.each(tcvn3)('recognises TCVN3 in "%s" (%s)', (text) => {
    expect(detectLegacyEncoding(text)).toBe('TCVN3')
  })

  it.each(vni)('recognises VNI in "%s" (%s)', (text) => {
    expect(detectLegacyEncoding(text)).toBe('VNI')
  })

  it.each([
    ['Sở Nội vụ', 'Unicode Vietnamese'],
    ['Hoàn thành', 'Unicode whose letters all lie in Latin-1'],
    ['Quý IV/2026', 'text whose only accent Vietnamese also uses'],
    ['Café', 'a French word'],
    ['Gruß', 'a German word with ß'],
    ['STT', 'plain ASCII'],
    ['', 'an empty cell'],
    ['Së Néi vô – Sở Nội vụ', 'text with any character beyond Latin-1'],
  ])('leaves "%s" alone (%s)', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull()
  })
})

describe('convertLegacyText', () => {
  it.each(tcvn3)('converts TCVN3 "%s" to "%s"', (text, unicode) => {
    expect(convertLegacyText(text, 'TCVN3')).toBe(unicode)
  })

  it.each(vni)('converts VNI "%s" to "%s"', (text, unicode) => {
    expect(convertLegacyText(text, 'VNI')).toBe(unicode)
  })

  it('returns NFC text, with precomposed letters', () => {
    const text = convertLegacyText('Sôû Noäi vuï', 'VNI')
    expect(text).toBe(text.normalize('NFC'))
    expect([...text]).toHaveLength('Sở Nội vụ'.length)
  })

  it('keeps digits, punctuation and ASCII letters as they are', () => {
    expect(convertLegacyText('UBND 31/12/2026 (100%)', 'TCVN3')).toBe('UBND 31/12/2026 (100%)')
    expect(convertLegacyText('UBND 31/12/2026 (100%)', 'VNI')).toBe('UBND 31/12/2026 (100%)')
  })
})
