import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AgencyRegistry } from '../../../core/index.ts'
import { templatesDir } from '../../../server/paths.ts'
import { selectUnitRows } from '../../../server/plans/unit-rows.ts'
import { readPlan, readRegistry, type PlanDefinition } from '../../../server/province/config.ts'

let registry: AgencyRegistry
let plan: PlanDefinition
let par: PlanDefinition
beforeAll(async () => {
  registry = await readRegistry(join(templatesDir, 'agencies', 'dak-lak-2026.json'))
  plan = await readPlan(join(templatesDir, 'plans', 'dak-lak-2026-ke-hoach-cchc.json'))
  par = await readPlan(join(templatesDir, 'plans', 'dak-lak-2026-par-sipas.json'))
})

const numbers = (rows: { stt?: string }[]) => rows.map((r) => r.stt ?? '—')

describe('selectUnitRows', () => {
  it('gives a unit the tasks it leads, then those it cooperates on, each under its heading', () => {
    const rows = selectUnitRows(plan, registry, 'thanh-tra-tinh')
    // "Thanh tra tỉnh" leads 17; tasks led by "Các sở, ban, ngành" (1.4, 1.5, 6, 8, 14) go to every sở too.
    expect(numbers(rows.lead)).toEqual(['—', '1.4', '1.5', '6', '8', '14', '17'])
    expect(numbers(rows.coop).slice(0, 4)).toEqual(['—', '1.1', '2.1', '2.2'])
    expect(rows.keys.has('17') && rows.keys.has('1.1') && !rows.keys.has('12')).toBe(true)
  })

  it('gives every xã the tasks led by "UBND cấp xã", and a group in part A only once', () => {
    const xa = registry.agencies.find((a) => a.kind === 'xa')!
    const rows = selectUnitRows(plan, registry, xa.id)
    expect(numbers(rows.lead)).toEqual(['—', '1.4', '1.5', '8', '14'])
    const sipas = selectUnitRows(par, registry, 'so-tu-phap')
    // Group 1 is in part A ("Các cơ quan, đơn vị, địa phương" lead 1.5): part B's tasks of group 1 come without it.
    const leadGroups = sipas.lead.filter((r) => r.read?.kind === 'group')
    const coopGroups = sipas.coop.filter((r) => r.read?.kind === 'group')
    expect(leadGroups.filter((g) => coopGroups.includes(g))).toEqual([])
    expect(numbers(sipas.lead)).toEqual(['I', '1', '1.5', '2', '2.1', '2.2', '2.3', '2.4', '2.5'])
    expect(sipas.keys.size).toBe(82)
  })

  it('gives nothing to a unit the plan does not name', () => {
    const rows = selectUnitRows(plan, registry, 'khong-co')
    expect(rows).toEqual({ lead: [], coop: [], keys: new Set() })
  })
})
