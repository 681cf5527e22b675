import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { computeAgencyIds, createAgencyIndex, parseAgencies } from '../../core/index.ts'
import type { AgencyRegistry } from '../../core/index.ts'

const registry = JSON.parse(
  readFileSync(new URL('../../templates/agencies/dak-lak-2026.json', import.meta.url), 'utf8'),
) as AgencyRegistry
const index = createAgencyIndex(registry)

describe('the Đắk Lắk registry after 01/07/2025', () => {
  it('lists the 102 xã/phường of Nghị quyết 1660/NQ-UBTVQH15 besides the provincial agencies', () => {
    const communes = registry.agencies.filter((a) => a.kind === 'xa')
    expect(communes).toHaveLength(102)
    expect(communes.filter((a) => a.name.startsWith('Phường '))).toHaveLength(14)
    expect(communes.filter((a) => a.name.startsWith('Xã '))).toHaveLength(88)
    expect(registry.agencies.length).toBeGreaterThanOrEqual(120)
    expect(new Set(registry.agencies.map((a) => a.id)).size).toBe(registry.agencies.length)
    expect(communes).toContainEqual({
      id: 'phuong-buon-ma-thuot',
      name: 'Phường Buôn Ma Thuột',
      kind: 'xa',
      code: '24133',
      formerNames: [
        'Phường Thành Công',
        'Phường Tân Tiến',
        'Phường Tân Thành',
        'Phường Tự An',
        'Phường Tân Lợi',
        'Xã Cư Êbur',
      ],
    })
  })

  it('resolves a merged unit\'s former name to the new xã/phường, as a rename', () => {
    expect(parseAgencies('UBND Xã Cư Êbur', index)[0]).toMatchObject({ unknown: true })
    expect(parseAgencies('Xã Cư Êbur; Thị trấn Ea Kar', index)).toEqual([
      { text: 'Xã Cư Êbur', agencyId: 'phuong-buon-ma-thuot', renamed: true },
      { text: 'Thị trấn Ea Kar', agencyId: 'xa-ea-kar', renamed: true },
    ])
  })

  it('keeps a current name over a former one, and leaves a split or repeated former name unresolved', () => {
    // "Phường Tân An" was merged into the new Phường Tân An: the current unit wins.
    expect(parseAgencies('Phường Tân An', index)).toEqual([
      { text: 'Phường Tân An', agencyId: 'phuong-tan-an' },
    ])
    // Phường 9 (Tuy Hòa) was split between Phường Tuy Hòa and Phường Bình Kiến.
    expect(parseAgencies('Phường 9', index)[0]).toMatchObject({ unknown: true })
    // Two districts had a "Xã Hòa Thành".
    expect(parseAgencies('Xã Hòa Thành', index)[0]).toMatchObject({ unknown: true })
  })

  it('expands "UBND cấp xã" to every xã and phường', () => {
    const ids = computeAgencyIds(parseAgencies('UBND cấp xã', index), registry)
    expect(ids).toHaveLength(102)
    expect(ids).toContain('xa-ea-hleo')
  })
})
