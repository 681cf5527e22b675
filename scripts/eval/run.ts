import { checkWorkbook } from '../../server/xlsx/check.ts'
import { buildFixtureWorkbook, readFixtures, type TableFixture } from './fixture.ts'
import { measureTable, sumScores, type TableScore } from './measure.ts'
import type { Perturbation, PerturbationResult } from './perturb.ts'
import type { SetResult } from './render.ts'

/** Reads one fixture as `cchc validate --as-of` reads its workbook and scores the report. */
export async function scoreFixture(fixture: TableFixture): Promise<TableScore> {
  const bytes = await buildFixtureWorkbook(fixture)
  const { report } = checkWorkbook(bytes, { asOf: fixture.truth.asOf, file: `${fixture.id}.xlsx` })
  return measureTable(fixture, report)
}

/**
 * Reads every fixture of each folder the way `cchc validate --as-of` reads a workbook (a real .xlsx
 * through the own reader and the core check) and scores the report against the fixture's truth.
 */
export async function runEval(sets: { name: string; dir: string }[]): Promise<SetResult[]> {
  const results: SetResult[] = []
  for (const { name, dir } of sets) {
    const scores = []
    for (const fixture of readFixtures(dir)) scores.push(await scoreFixture(fixture))
    results.push({ name, scores, total: sumScores(scores) })
  }
  return results
}

/** Scores every table of `dir` as it is and under each perturbation that applies to it. */
export async function runPerturbations(
  dir: string,
  suite: Perturbation[],
): Promise<PerturbationResult[]> {
  const fixtures = readFixtures(dir)
  const base = new Map<string, TableScore>()
  for (const fixture of fixtures) base.set(fixture.id, await scoreFixture(fixture))
  const results: PerturbationResult[] = []
  for (const { name, apply } of suite) {
    const before: TableScore[] = []
    const after: TableScore[] = []
    for (const fixture of fixtures) {
      const perturbed = apply(fixture)
      if (!perturbed) continue
      before.push(base.get(fixture.id)!)
      after.push(await scoreFixture(perturbed))
    }
    results.push({ name, base: sumScores(before), perturbed: sumScores(after) })
  }
  return results
}
