/**
 * npm run bench: our own performance harness. Prints ratios measured in one run (this machine is
 * shared and noisy): the CLI as whole processes, `cchc validate`'s work in process, the consolidated
 * workbook, submission throughput and the add-in's round trips.
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { readCatalog } from '../../server/province/catalog.ts'
import { checkWorkbook } from '../../server/xlsx/check.ts'
import { runCheck } from '../../addin/excel/check.ts'
import { createFakeExcel } from '../helpers/fake-excel.ts'
import { createProblemWorkbook } from '../helpers/fake-annex.ts'
import { buildAnnex } from './annex.ts'
import { measureCli } from './cli.ts'

const rows = 1000
const rounds = 11

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

// With --expose-gc, each measurement starts from a collected heap so that one run's garbage is not billed to the next.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {})

async function time(fn: () => Promise<unknown>): Promise<number> {
  collect()
  const start = performance.now()
  await fn()
  return performance.now() - start
}

// The CLI as a user waits for it: whole processes, start-up included.
const cli = await measureCli()
console.log(
  `cchc --help: ${(cli.helpMs / 1000).toFixed(2)} s (limit 0.25; a bare \`node -e ""\` takes ${(cli.nodeMs / 1000).toFixed(2)} s here)`,
)
console.log(
  `cchc validate ${rows} rows / \`node -e\` ExcelJS load, whole processes: ${(cli.validateMs / cli.loadMs).toFixed(2)} (limit 1.2)`,
)
if (cli.helpMs > 250 || cli.validateMs / cli.loadMs > 1.2) process.exitCode = 1

const bytes = await buildAnnex()
if (process.env.BENCH_SAVE) (await import('node:fs')).writeFileSync(process.env.BENCH_SAVE, bytes)
const load: number[] = []
const validate: number[] = []
// Warm both paths alike (the JIT settles after a few runs), then alternate so that noise hits both alike.
for (let i = 0; i < 3; i++) {
  await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)
  await checkWorkbook(bytes, { asOf: '2026-09-14' })
}
for (let i = 0; i < rounds; i++) {
  load.push(await time(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)))
  validate.push(await time(async () => checkWorkbook(bytes, { asOf: '2026-09-14' })))
}
const ratio = median(validate) / median(load)
console.log(
  `validate ${rows} rows / ExcelJS load: ${ratio.toFixed(2)} (median of ${rounds}; limit 1.5)`,
)
if (ratio > 1.5) process.exitCode = 1

// Merge: its own process, so that the peak memory printed is the merge's own.
const merge = JSON.parse(
  execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./merge.ts', import.meta.url))],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .at(-1)!,
) as { agencies: number; rowsPerAgency: number; cells: number; ratio: number; peakMB: number }
console.log(
  `consolidated ${merge.agencies} agencies × ${merge.rowsPerAgency} rows (${merge.cells} cells), read from SQLite, planned and written / bare streaming write of the same cells: ${merge.ratio.toFixed(2)} (limit 1.5); peak memory of one build in a fresh process ${Math.round(merge.peakMB)} MB (limit 250)`,
)
if (merge.ratio > 1.5 || merge.peakMB > 250) process.exitCode = 1

// The service: its own process, so that the peak memory printed is the service's own.
const service = JSON.parse(
  execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./service.ts', import.meta.url))],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .at(-1)!,
) as {
  rows: number
  sustained: number
  sustainedPerSecond: number
  cpuMsPerSubmission: number
  serviceThreadMsPerSubmission: number
  sustainedStored: number
  burst: number
  burstStored: number
  burstPerSecond: number
  fullMs: number
  normalMs: number
  peakMB: number
}
console.log(
  `submissions of ${service.rows}-row workbooks over HTTP with parse workers and synchronous=FULL: ${service.sustainedPerSecond.toFixed(1)} per second sustained (${service.sustainedStored}/${service.sustained} stored; limit ≥ 30); ${service.burstStored}/${service.burst} stored when sent at once (${service.burstPerSecond.toFixed(1)} per second); ${service.cpuMsPerSubmission.toFixed(0)} ms of CPU per submission (all threads, the agencies' client thread included: ${(2000 / service.cpuMsPerSubmission).toFixed(0)} per second on two idle cores; the service's own thread ${service.serviceThreadMsPerSubmission.toFixed(0)} ms); peak memory ${Math.round(service.peakMB)} MB`,
)
console.log(
  `submission transaction synchronous=FULL / NORMAL: ${(service.fullMs / service.normalMs).toFixed(2)} (${service.fullMs.toFixed(1)} ms / ${service.normalMs.toFixed(1)} ms; ${((service.fullMs / (1000 / service.sustainedPerSecond)) * 100).toFixed(0)}% of a submission's time at the sustained rate)`,
)
if (
  service.sustainedPerSecond < 30 ||
  service.sustainedStored < service.sustained ||
  service.burstStored < service.burst
)
  process.exitCode = 1
const catalog = await readCatalog()

// The add-in: round trips per check of a 2,000-row sheet in the fake Excel host (SPEC section 7: at most 4).
for (const size of [50, 2000]) {
  const excel = createFakeExcel(createProblemWorkbook(size - 4))
  const first = await excel.run((context) =>
    runCheck(context, { asOf: '2026-09-14', registry: catalog.registry, notes: true }),
  )
  const again = await excel.run((context) =>
    runCheck(context, { asOf: '2026-09-14', registry: catalog.registry, notes: true }),
  )
  console.log(
    `add-in check of ${size} rows: ${first.syncs} context.sync round trips (re-check ${again.syncs}; limit 4); largest request ${(excel.counter.largestRequest / 1024).toFixed(0)} KB (limit 5 MB)`,
  )
  if (first.syncs > 4 || again.syncs > 4) process.exitCode = 1
}
