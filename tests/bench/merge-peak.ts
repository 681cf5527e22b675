/**
 * One consolidated workbook built in a fresh process from an existing database, as `GET
 * /api/consolidated.xlsx` builds it: prints the process's peak memory (MB) as one JSON line.
 */
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { parsePeriod } from '../../core/index.ts'
import { computeConsolidatedSheets } from '../../server/consolidation/plan.ts'
import { readConsolidatedInput } from '../../server/consolidation/period-status.ts'
import { createStore } from '../../server/store/index.ts'
import { writeConsolidated } from '../../server/xlsx/consolidated.ts'

const dir = process.argv[2]!
const store = createStore(join(dir, 'cchc.sqlite'))
const out = createWriteStream(join(dir, 'peak.xlsx'))
await writeConsolidated(
  computeConsolidatedSheets(readConsolidatedInput(store, parsePeriod('2026-Q3')!, new Date())),
  out,
)
await finished(out)
store.close()
process.stdout.write(`${JSON.stringify({ peakMB: process.resourceUsage().maxRSS / 1024 })}\n`)
