/**
 * npm run eval: how the product reads real tables. Prints the side-by-side table of the phrasebook
 * sample's headers, the tuning set (tests/fixtures/tables) and the unseen set (tests/fixtures/unseen);
 * `--verbose` adds, for the tuning set only, one line per table with every reading that differs from its
 * truth, and `--perturb` the tuning set read again under each perturbation of `eval/perturb.ts`: the
 * unseen set's details are never printed, so that no one tunes on them by accident (its totals are the
 * measurement). Exits 0: it measures, it does not judge.
 */
import { fileURLToPath } from 'node:url'
import { perturbations } from './eval/perturb.ts'
import { renderDetails, renderPerturbations, renderSummary } from './eval/render.ts'
import { runEval, runPerturbations } from './eval/run.ts'
import { measureSample } from './eval/sample.ts'

const fixtures = (dir: string) =>
  fileURLToPath(new URL(`../tests/fixtures/${dir}`, import.meta.url))
const started = performance.now()
const sets = await runEval([
  { name: 'tables/ (tuning)', dir: fixtures('tables') },
  { name: 'unseen/', dir: fixtures('unseen') },
])
const sample = measureSample()
console.log(renderSummary(sample, sets))
if (process.argv.includes('--verbose')) {
  console.log('')
  console.log(renderDetails(sets.filter((set) => !set.name.startsWith('unseen'))))
  console.log('')
  for (const miss of sample.misses) console.log(`sample ${miss}`)
}
// The tuning tables perturbed in the ways real tables differ (scripts/eval/perturb.ts); never unseen/.
if (process.argv.includes('--perturb')) {
  console.log('')
  console.log(renderPerturbations(await runPerturbations(fixtures('tables'), perturbations)))
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`)
