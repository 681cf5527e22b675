/**
 * The merge half of `npm run bench`, run in its own process so that its peak memory is its own:
 * 130 agencies × 150 task rows stored in a real SQLite file, then the consolidated workbook built
 * from the stored rows and streamed to disk, against the bare streaming writer writing the same cells.
 * Prints one JSON line.
 */
import { execFileSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { finished } from 'node:stream/promises'
import { parsePeriod, validateTable, type Report } from '../../core/index.ts'
import { readCatalog } from '../../server/province/catalog.ts'
import { computeConsolidatedSheets } from '../../server/consolidation/plan.ts'
import { seedStore } from '../../server/http/serve.ts'
import { readConsolidatedInput } from '../../server/consolidation/period-status.ts'
import { createStore } from '../../server/store/index.ts'
import { writeBareSheets, writeConsolidated } from '../../server/xlsx/consolidated.ts'
import { readParSipasGrid } from '../../scripts/seeds.ts'

const agencies = 130
const rowsPerAgency = 150
const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-merge-'))
const store = createStore(join(dir, 'cchc.sqlite'))
const catalog = await readCatalog()
seedStore(store, catalog, new Date('2026-09-01T00:00:00Z'))

// One real report of the seed annex, its task rows repeated to 150 per agency with fresh numbers and varied statuses.
const base = validateTable(readParSipasGrid(), {
  asOf: '2026-09-14',
  registry: catalog.registry,
  profile: catalog.profiles.get('dak-lak-2026-par-sipas') ?? null,
})
const seedTasks = base.tasks.filter((t) => t.kind === 'task')
const statuses = ['done-on-time', 'in-progress', 'overdue', 'not-started', 'done-late'] as const
const file = new Uint8Array(2048)
for (let a = 0; a < agencies; a++) {
  const id = `xa-bench-${a + 1}`
  store.addAgency({ id, name: `UBND xã Thử nghiệm ${a + 1}`, kind: 'xa' }, '2026-09-01T00:00:00Z')
  const tasks = Array.from({ length: rowsPerAgency }, (_, i) => {
    const t = seedTasks[i % seedTasks.length]!
    return {
      ...t,
      row: 8 + i,
      stt: String(i + 1),
      status: statuses[(a + i) % statuses.length]!,
      score: t.maxScore === null ? null : (a + i) % 2,
    }
  })
  const byStatus = Object.fromEntries(
    Object.keys(base.summary.byStatus).map((s) => [s, tasks.filter((t) => t.status === s).length]),
  ) as Report['summary']['byStatus']
  const report: Report = {
    ...base,
    issues: [],
    tasks,
    summary: { tasks: rowsPerAgency, byStatus, score: null, maxScore: null },
  }
  store.addSubmission({
    agencyId: id,
    period: '2026-Q3',
    submittedAt: '2026-09-15T02:00:00Z',
    submittedBy: null,
    fileName: null,
    contentType: 'application/json',
    file,
    planId: null,
    report,
  })
}

const period = parsePeriod('2026-Q3')!
async function timeMerge(): Promise<number> {
  const start = performance.now()
  const out = createWriteStream(join(dir, 'tong-hop.xlsx'))
  await writeConsolidated(
    computeConsolidatedSheets(readConsolidatedInput(store, period, new Date())),
    out,
  )
  await finished(out)
  return performance.now() - start
}
async function timeBare(): Promise<number> {
  const sheets = computeConsolidatedSheets(readConsolidatedInput(store, period, new Date()))
  const start = performance.now()
  const out = createWriteStream(join(dir, 'bare.xlsx'))
  await writeBareSheets(sheets, out)
  await finished(out)
  return performance.now() - start
}

const median = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)]!
await timeMerge()
await timeBare()
const merge: number[] = []
const bare: number[] = []
for (let i = 0; i < 5; i++) {
  merge.push(await timeMerge())
  bare.push(await timeBare())
}
const cells = computeConsolidatedSheets(readConsolidatedInput(store, period, new Date())).reduce(
  (n, s) => n + s.rows.reduce((m, r) => m + r.length, 0),
  0,
)
store.close()
// Peak memory of one build in a fresh process, as a request or `cchc merge` pays it (this process has
// also seeded the database and built the workbook a dozen times).
const peak = JSON.parse(
  execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./merge-peak.ts', import.meta.url)), dir],
    { encoding: 'utf8' },
  ),
) as { peakMB: number }
rmSync(dir, { recursive: true, force: true })
process.stdout.write(
  `${JSON.stringify({ agencies, rowsPerAgency, cells, ratio: median(merge) / median(bare), peakMB: peak.peakMB })}\n`,
)
