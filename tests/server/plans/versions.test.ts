import { describe, expect, it } from 'vitest'
import { computePlanChanges, type AgencyRegistry } from '../../../core/index.ts'
import type { Catalog, PlanVersion } from '../../../server/province/catalog.ts'
import type { PlanDefinition } from '../../../server/province/config.ts'
import { findPlanInForce, findVersionInForce } from '../../../server/plans/versions.ts'

const registry: AgencyRegistry = {
  province: 'Đắk Lắk',
  year: 2026,
  agencies: [],
  groups: [],
  renames: [],
}

function define(rows: PlanDefinition['rows'], document: PlanDefinition['document'] = undefined) {
  return {
    id: 'kh',
    name: 'Kế hoạch',
    province: 'Đắk Lắk',
    year: 2026,
    templateVersion: '1',
    title: [],
    columns: ['stt', 'content', 'lead', 'deadline'],
    rows,
    ...(document ? { document } : {}),
  } satisfies PlanDefinition
}

const v1rows = [
  { stt: '1', content: 'Ban hành kế hoạch', lead: 'Sở Nội vụ', deadline: 'Quý I/2026' },
  { stt: '2', content: 'Kiểm tra', lead: 'Sở Nội vụ', deadline: 'Quý II/2026' },
]
const v2rows = [
  v1rows[0]!,
  { stt: '3', content: 'Đối thoại', lead: 'Sở Tài chính', deadline: 'Quý IV/2026' },
]
const v3rows = [...v1rows, v2rows[1]!]

function version(
  n: number,
  effectiveFrom: string,
  rows: PlanDefinition['rows'],
  before: PlanDefinition['rows'] | null,
): PlanVersion {
  return {
    planId: 'kh',
    version: n,
    year: 2026,
    effectiveFrom,
    publishedAt: null,
    publishedBy: null,
    changes: before ? computePlanChanges(before, rows) : [],
    definition: define(rows, { kind: 'Quyết định', number: `${n}/QĐ-UBND`, date: effectiveFrom }),
  }
}

const versions = [
  version(1, '2026-01-01', v1rows, null),
  version(2, '2026-07-01', v2rows, v1rows),
  version(3, '2026-10-01', v3rows, v2rows),
]
const catalog: Catalog = {
  registry,
  plans: new Map([['kh', versions[2]!.definition]]),
  profiles: new Map(),
  versions: new Map([['kh', versions]]),
}

describe('findVersionInForce', () => {
  it('takes the last version in effect on the day, the first before any is', () => {
    expect(
      ['2025-12-26', '2026-06-30', '2026-07-01', '2026-12-14'].map(
        (d) => findVersionInForce(versions, d)?.version,
      ),
    ).toEqual([1, 1, 2, 3])
  })
})

describe('findPlanInForce', () => {
  it('gives the tasks the amendments up to the version removed and added, a task restored not removed', () => {
    expect(findPlanInForce(catalog, 'kh', '2026-09-14')).toMatchObject({
      version: 2,
      label: '2 (2/QĐ-UBND ngày 01/07/2026)',
      removed: [{ key: '2', content: 'Kiểm tra', date: '2026-07-01', document: '2/QĐ-UBND' }],
      added: ['3'],
    })
    expect(findPlanInForce(catalog, 'kh', '2026-12-14')).toMatchObject({
      version: 3,
      removed: [],
      added: ['3', '2'],
    })
  })

  it('takes a shipped plan without versions as its first version, in force from its year’s start', () => {
    const shipped: Catalog = {
      registry,
      plans: new Map([['kh', define(v1rows)]]),
      profiles: new Map(),
    }
    expect(findPlanInForce(shipped, 'kh', '2026-03-14')).toMatchObject({
      version: 1,
      effectiveFrom: '2026-01-01',
      label: '1',
      removed: [],
      added: [],
    })
    expect(findPlanInForce(shipped, 'khac', '2026-03-14')).toBeNull()
  })
})
