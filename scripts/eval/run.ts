import { checkWorkbook } from '../../server/xlsx/check.ts'
import { buildFixtureWorkbook, readFixtures } from './fixture.ts'
import { measureTable, sumScores } from './measure.ts'
import type { SetResult } from './render.ts'

/**
 * Reads every fixture of each folder the way `cchc validate --as-of` reads a workbook (a real .xlsx
 * through the own reader and the core check) and scores the report against the fixture's truth.
 */
export async function runEval(sets: { name: string; dir: string }[]): Promise<SetResult[]> {
  const results: SetResult[] = []
  for (const { name, dir } of sets) {
    const scores = []
    for (const fixture of readFixtures(dir)) {
      const bytes = await buildFixtureWorkbook(fixture)
      const { report } = checkWorkbook(bytes, {
        asOf: fixture.truth.asOf,
        file: `${fixture.id}.xlsx`,
      })
      scores.push(measureTable(fixture, report))
    }
    results.push({ name, scores, total: sumScores(scores) })
  }
  return results
}
