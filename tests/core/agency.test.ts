import { describe, expect, it } from 'vitest'
import {
  computeAgencyIds,
  createAgencyIndex,
  parseAgencies,
  suggestName,
  type AgencyGroup,
  type AgencyRegistry,
} from '../../core/index.ts'

// Names as the Đắk Lắk 2026 seed plans write them (organisation after 01/07/2025).
const allDepartments: AgencyGroup = {
  name: 'Các sở, ban, ngành',
  aliases: ['Các sở, ngành'],
  kinds: ['so'],
}
const communes: AgencyGroup = { name: 'UBND các xã, phường', kinds: ['xa'] }
const everyone: AgencyGroup = { name: 'Các cơ quan, đơn vị, địa phương', kinds: ['so', 'xa'] }
const concerned: AgencyGroup = { name: 'Các cơ quan có liên quan', kinds: [] }
const registry: AgencyRegistry = {
  province: 'Đắk Lắk',
  year: 2026,
  agencies: [
    { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'so', aliases: ['SNV'] },
    { id: 'so-tai-chinh', name: 'Sở Tài chính', kind: 'so' },
    { id: 'so-cong-thuong', name: 'Sở Công Thương', kind: 'so' },
    { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', kind: 'so', aliases: ['Sở KH&CN'] },
    { id: 'so-vhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'so' },
    { id: 'vp-ubnd', name: 'Văn phòng UBND tỉnh', kind: 'other' },
    { id: 'thanh-tra', name: 'Thanh tra tỉnh', kind: 'other' },
    { id: 'xa-ea-kao', name: 'UBND xã Ea Kao', kind: 'xa' },
  ],
  groups: [allDepartments, communes, everyone, concerned],
  renames: [{ from: 'Sở Thông tin và Truyền thông', to: 'so-khcn', date: '2025-03-01' }],
}
const index = createAgencyIndex(registry)

describe('parseAgencies', () => {
  it('resolves every agency of a seed cell, "các cơ quan có liên quan" as a group of none', () => {
    expect(
      parseAgencies(
        'Sở Nội vụ, Văn phòng UBND tỉnh, Thanh tra tỉnh và các cơ quan có liên quan',
        index,
      ),
    ).toEqual([
      { text: 'Sở Nội vụ', agencyId: 'so-noi-vu' },
      { text: 'Văn phòng UBND tỉnh', agencyId: 'vp-ubnd' },
      { text: 'Thanh tra tỉnh', agencyId: 'thanh-tra' },
      { text: 'các cơ quan có liên quan', group: concerned },
    ])
  })

  it('keeps a name that contains a comma and "và" together', () => {
    expect(parseAgencies('Sở Văn hóa, Thể thao và Du lịch', index)).toEqual([
      { text: 'Sở Văn hóa, Thể thao và Du lịch', agencyId: 'so-vhttdl' },
    ])
  })

  it('reads a collective name as the group it stands for', () => {
    expect(parseAgencies('Các cơ quan, đơn vị, địa phương', index)).toEqual([
      { text: 'Các cơ quan, đơn vị, địa phương', group: everyone },
    ])
  })

  it('matches an alias, an abbreviation with "&" and a group alias', () => {
    expect(parseAgencies('SNV; Sở KH&CN; Các sở, ngành', index)).toEqual([
      { text: 'SNV', agencyId: 'so-noi-vu' },
      { text: 'Sở KH&CN', agencyId: 'so-khcn' },
      { text: 'Các sở, ngành', group: allDepartments },
    ])
  })

  it('matches names whatever their case, spacing and diacritics', () => {
    expect(parseAgencies(' Sở Khoa học và Công nghệ ', index)).toEqual([
      { text: 'Sở Khoa học và Công nghệ', agencyId: 'so-khcn' },
    ])
    expect(parseAgencies('Sở Tài Chính', index)).toEqual([
      { text: 'Sở Tài Chính', agencyId: 'so-tai-chinh' },
    ])
    expect(parseAgencies('SỞ CÔNG THƯƠNG', index)).toEqual([
      { text: 'SỞ CÔNG THƯƠNG', agencyId: 'so-cong-thuong' },
    ])
  })

  it('resolves a name used before the reorganisation to the agency that took over', () => {
    expect(parseAgencies('Sở Thông tin và Truyền thông', index)).toEqual([
      { text: 'Sở Thông tin và Truyền thông', agencyId: 'so-khcn', renamed: true },
    ])
  })

  it('suggests the likely name for the phrasebook’s typo "Sở Sở Công thương"', () => {
    expect(parseAgencies('Sở Tài Chính; Sở Sở Công thương', index)).toEqual([
      { text: 'Sở Tài Chính', agencyId: 'so-tai-chinh' },
      { text: 'Sở Sở Công thương', unknown: true, suggestion: 'Sở Công Thương' },
    ])
  })

  it('suggests the full name for the phrasebook’s "Sở Văn hoá Thể thao du lịch"', () => {
    expect(parseAgencies('Sở Văn hoá Thể thao du lịch', index)).toEqual([
      {
        text: 'Sở Văn hoá Thể thao du lịch',
        unknown: true,
        suggestion: 'Sở Văn hóa, Thể thao và Du lịch',
      },
    ])
  })

  it('reports a name far from every known one without a suggestion', () => {
    expect(parseAgencies('Ngân hàng Nhà nước Việt nam Chi nhánh Khu vực II', index)).toEqual([
      {
        text: 'Ngân hàng Nhà nước Việt nam Chi nhánh Khu vực II',
        unknown: true,
        suggestion: null,
      },
    ])
  })

  it('splits on line breaks, semicolons and " - ", stripping bullets and full stops of unknown parts', () => {
    expect(
      parseAgencies('- Sở Nội vụ - Sở Tài chính\n- Ban Chỉ huy BĐBP tỉnh Đắk Lắk.', index),
    ).toEqual([
      { text: 'Sở Nội vụ', agencyId: 'so-noi-vu' },
      { text: 'Sở Tài chính', agencyId: 'so-tai-chinh' },
      { text: 'Ban Chỉ huy BĐBP tỉnh Đắk Lắk', unknown: true, suggestion: null },
    ])
  })

  it('finds nothing in an empty cell or one holding only joining words', () => {
    expect(parseAgencies('', index)).toEqual([])
    expect(parseAgencies('các cơ quan liên quan', index)).toEqual([])
    expect(parseAgencies('Sở Nội vụ, các; có liên quan', index)).toEqual([
      { text: 'Sở Nội vụ', agencyId: 'so-noi-vu' },
    ])
  })
})

describe('createAgencyIndex', () => {
  it('keeps the first agency when an alias repeats another’s name', () => {
    const clash = createAgencyIndex({
      ...registry,
      agencies: [
        { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'so' },
        { id: 'other', name: 'Sở khác', kind: 'so', aliases: ['Sở Nội vụ'] },
      ],
    })
    expect(parseAgencies('Sở Nội vụ', clash)).toEqual([
      { text: 'Sở Nội vụ', agencyId: 'so-noi-vu' },
    ])
  })

  it('shows the new agency’s name for an old name', () => {
    expect(index.names).toContainEqual({
      folded: 'so thong tin va truyen thong',
      display: 'Sở Khoa học và Công nghệ',
    })
  })
})

describe('suggestName', () => {
  it.each([
    ['Sở Tai chinh', 'Sở Tài chính'],
    ['Sở Nội vu', 'Sở Nội vụ'],
    ['Thanh tra tinh', 'Thanh tra tỉnh'],
  ])('suggests "%s" → "%s"', (text, name) => {
    expect(suggestName(text, index)).toBe(name)
  })

  it('suggests nothing for a name far from every known one', () => {
    expect(suggestName('Trung ương Mặt trận Tổ quốc Việt Nam', index)).toBeNull()
  })

  it('suggests nothing from an empty registry', () => {
    const empty = createAgencyIndex({ ...registry, agencies: [], groups: [], renames: [] })
    expect(suggestName('Sở Nội vụ', empty)).toBeNull()
  })
})

describe('computeAgencyIds', () => {
  it('expands groups to their members by kind, each agency once', () => {
    const mentions = parseAgencies('Sở Nội vụ; các sở, ban, ngành; UBND các xã, phường', index)
    expect(computeAgencyIds(mentions, registry).sort()).toEqual(
      ['so-noi-vu', 'so-tai-chinh', 'so-cong-thuong', 'so-khcn', 'so-vhttdl', 'xa-ea-kao'].sort(),
    )
  })

  it('names no agency for a group of no kind', () => {
    expect(computeAgencyIds(parseAgencies('Các cơ quan có liên quan', index), registry)).toEqual([])
  })

  it('names no agency for unknown names', () => {
    expect(computeAgencyIds(parseAgencies('Phòng Lào - Campuchia', index), registry)).toEqual([])
  })

  it('counts an old name as the agency that took over', () => {
    expect(
      computeAgencyIds(parseAgencies('Sở Thông tin và Truyền thông, Sở KH&CN', index), registry),
    ).toEqual(['so-khcn'])
  })
})
