import { describe, expect, it } from 'vitest'
import { parseTemplateMeta } from '../../core/index.ts'

describe('template metadata (one parser for the xlsx reader, the add-in and the service)', () => {
  it('reads the rows `cchc template` writes, ignoring other keys', () => {
    expect(
      parseTemplateMeta([
        ['planId', 'dak-lak-2026-par-sipas'],
        ['year', 2026],
        ['templateVersion', '2026.1'],
        ['province', 'Đắk Lắk'],
        ['columns', 'deadline=F'],
      ]),
    ).toEqual({
      planId: 'dak-lak-2026-par-sipas',
      year: 2026,
      templateVersion: '2026.1',
      columns: 'deadline=F',
    })
  })

  it('reads what Office.js returns (text years, empty cells as "") and the add-in’s JSON entries', () => {
    expect(
      parseTemplateMeta([
        ['planId', 'dak-lak-2026-ke-hoach-cchc'],
        ['year', '2026'],
        ['templateVersion', ''],
      ]),
    ).toEqual({ planId: 'dak-lak-2026-ke-hoach-cchc', year: 2026 })
    expect(
      parseTemplateMeta(Object.entries({ planId: 'dak-lak-2026-par-sipas', year: 2026 })),
    ).toEqual({ planId: 'dak-lak-2026-par-sipas', year: 2026 })
  })

  it('leaves out values that are not what the key needs', () => {
    expect(
      parseTemplateMeta([
        ['year', 'Năm 2026'],
        ['year', 26],
        ['planId', 'x'.repeat(101)],
        ['templateVersion', { formula: 'HYPERLINK("http://x")' }],
      ]),
    ).toEqual({})
  })

  it('reads the plan’s issue date as text, day-first text or a real date, and drops one that does not exist', () => {
    expect(parseTemplateMeta([['issued', '2026-07-14']])).toEqual({ issued: '2026-07-14' })
    expect(parseTemplateMeta([['issued', '14/07/2026']])).toEqual({ issued: '2026-07-14' })
    expect(parseTemplateMeta([['issued', { date: '2026-07-14' }]])).toEqual({
      issued: '2026-07-14',
    })
    expect(parseTemplateMeta([['issued', '2026-02-30']])).toEqual({})
    expect(parseTemplateMeta([['issued', 46217]])).toEqual({})
    expect(parseTemplateMeta([['issued', { date: 5 }]])).toEqual({})
  })
})
