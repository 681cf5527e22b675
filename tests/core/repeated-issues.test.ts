import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  createIssue,
  fieldSpecs,
  validateTable,
  type CellValue,
  type FieldKey,
  type Grid,
  type IsoDate,
} from '../../core/index.ts'
import {
  collapseRepeatedIssues,
  headerCausedCodes,
  repeatLimit,
} from '../../core/repeated-issues.ts'
import { readFixtures } from '../../scripts/eval/fixture.ts'
import { readFixtureGrid } from '../helpers/fixture-grid.ts'
import { createGrid } from '../helpers/grid.ts'
import { buildSampleTables, phrasebook } from '../../scripts/phrasebook.ts'
import { buildReadingCases } from '../helpers/reading-cases.ts'
import { readParSipasGrid, readPlanAppendixGrid } from '../../scripts/seeds.ts'

describe('collapseRepeatedIssues', () => {
  const header = { row: 2, columns: { deadline: 'E' } }
  const invalid = (row: number) =>
    createIssue(
      'cell/invalid-deadline',
      { row, column: 'E', field: 'deadline', value: 'Sau Tết' },
      { found: 'Sau Tết' },
    )

  it('keeps a problem of a few rows on its rows', () => {
    const issues = [3, 4, 5].map(invalid)
    expect(collapseRepeatedIssues(issues, header, 10)).toEqual(issues)
  })

  it('folds required cells left empty on an eighth of the tasks, other problems only on half', () => {
    const empty = (row: number) =>
      createIssue('cell/required', { row, column: 'E', field: 'deadline' }, { field: 'Thời hạn' })
    const blanks = [3, 4, 5, 6, 7].map(empty)
    expect(collapseRepeatedIssues(blanks, header, 40).map((i) => i.code)).toEqual([
      'header/unreadable-column',
    ])
    // (fewer stay on their rows: five cells of 41 tasks)
    expect(collapseRepeatedIssues(blanks, header, 41)).toEqual(blanks)
    const unread = [3, 4, 5, 6, 7].map(invalid)
    expect(collapseRepeatedIssues(unread, header, 16)).toEqual(unread)
  })

  it('replaces a problem repeated on most rows by one issue at the column header', () => {
    const issues = [3, 4, 5, 6, 7, 8, 9].map(invalid)
    expect(collapseRepeatedIssues(issues, header, 10)).toEqual([
      {
        code: 'header/unreadable-column',
        severity: 'warning',
        row: 2,
        column: 'E',
        field: 'deadline',
        value: 'Sau Tết',
        message: {
          vi: 'Cột E được đọc là “Thời gian thực hiện” nhưng 7/10 dòng có cùng vấn đề (dòng 3, 4, 5, 6, 7, …): Không hiểu được thời hạn “Sau Tết”.',
          en: 'Column E is read as “Thời gian thực hiện” but 7/10 rows share one problem (rows 3, 4, 5, 6, 7, …): The deadline “Sau Tết” cannot be understood.',
        },
        hint: expect.objectContaining({
          vi: expect.stringContaining('cchc validate --columns deadline=<cột>'),
        }),
      },
    ])
  })
})

describe('a numbering used twice on most rows', () => {
  it('is one question at the column read as STT, not an error on every row', () => {
    const rows: CellValue[][] = [['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời hạn']]
    for (let i = 0; i < 8; i++) rows.push([1, `Việc ${i + 1}`, 'Sở Nội vụ', 'Quý IV/2026'])
    const report = validateTable(createGrid(rows), { asOf: '2026-09-14' })
    expect(report.issues.filter((i) => i.code === 'row/stt-duplicate')).toEqual([])
    expect(report.issues.filter((i) => i.code === 'header/unreadable-column')).toMatchObject([
      { column: 'A', field: 'stt' },
    ])
  })
})

/** A plan of templates/plans as the agency receives it, without progress. */
function readPlanGrid(file: string): Grid {
  const plan = JSON.parse(
    readFileSync(new URL(`../../templates/plans/${file}`, import.meta.url), 'utf8'),
  ) as {
    title: string[]
    columns: FieldKey[]
    rows: Partial<Record<FieldKey, string>>[]
  }
  const cells: CellValue[][] = [
    ...plan.title.map((t) => [t]),
    plan.columns.map((f) => fieldSpecs[f].label),
    ...plan.rows.map((r) => plan.columns.map((f) => r[f] ?? null)),
  ]
  return createGrid(cells)
}

/** Every table the tests have: the seeds, the shipped plans, the corpus's tuning tables, the phrasebook's tables, the reading cases. */
function collectTables(): { name: string; grid: Grid; asOf: IsoDate }[] {
  const asOf = '2026-09-14'
  return [
    { name: 'seed PAR/SIPAS', grid: readParSipasGrid(), asOf },
    { name: 'seed plan appendix', grid: readPlanAppendixGrid(), asOf },
    ...readdirSync(new URL('../../templates/plans/', import.meta.url)).map((f) => ({
      name: `plan ${f}`,
      grid: readPlanGrid(f),
      asOf,
    })),
    ...readFixtures(new URL('../fixtures/tables/', import.meta.url).pathname).map((f) => ({
      name: `table ${f.id}`,
      grid: readFixtureGrid(f),
      asOf: f.truth.asOf,
    })),
    ...phrasebook.sources.flatMap((s) =>
      buildSampleTables(s.id).map((t, i) => ({
        name: `phrasebook ${s.id} #${i + 1}`,
        grid: createGrid(t.rows, t.merges),
        asOf,
      })),
    ),
    ...buildReadingCases().map((c) => ({ name: c.name, grid: c.grid, asOf: c.asOf })),
  ]
}

describe('one cause, one issue', () => {
  const tables = collectTables()

  it(`reports no header-caused problem on more than ${repeatLimit} rows of any table the tests have`, () => {
    expect(tables.length).toBeGreaterThan(30)
    const walls: string[] = []
    for (const { name, grid, asOf } of tables) {
      const report = validateTable(grid, { asOf })
      for (const code of headerCausedCodes) {
        const rows = new Set(report.issues.filter((i) => i.code === code).map((i) => i.row))
        if (rows.size > repeatLimit) walls.push(`${name}: ${code} on ${rows.size} rows`)
      }
    }
    expect(walls).toEqual([])
  })
})
