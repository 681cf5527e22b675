import { columnNumber, type CellValue, type Grid } from '../../core/index.ts'
import { readFixtures, type TableFixture } from '../../scripts/eval/fixture.ts'
import { createGrid } from './grid.ts'

/** A corpus table of tests/fixtures/tables (the tuning set; the unseen set is never read here) as a grid. */
export function readFixtureGrid(fixture: TableFixture): Grid {
  const merges = fixture.merges.map((area) => {
    const [from, to] = area.split(':').map((a) => /^([A-Z]+)(\d+)$/.exec(a)!)
    return {
      top: Number(from![2]),
      left: columnNumber(from![1]!),
      bottom: Number(to![2]),
      right: columnNumber(to![1]!),
    }
  })
  return createGrid(fixture.rows as CellValue[][], merges, fixture.sheet)
}

/** One tuning table by its id. */
export function readTuningFixture(id: string): TableFixture {
  const found = readFixtures(new URL('../fixtures/tables/', import.meta.url).pathname).find(
    (f) => f.id === id,
  )
  if (!found) throw new Error(`no tuning table ${id}`)
  return found
}
