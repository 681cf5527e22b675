import {
  computeVietnamDate,
  fieldSpecs,
  parsePeriod,
  type CellValue,
  type FieldKey,
  type Grid,
} from '../../core/index.ts'
import type { Intake } from '../intake/receive.ts'
import type { Catalog } from '../province/catalog.ts'
import type { PlanDefinition } from '../province/config.ts'
import { createSampleProgress } from './sample.ts'
import type { Store } from '../store/index.ts'

const defaultProgress: FieldKey[] = ['progress', 'doneDate', 'achieved', 'evidence']

/**
 * A plan's fill-in table as the add-in would send it, filled with the sample progress shifted by
 * `offset` (so that agencies differ), as of a report date.
 */
export function buildSampleGrid(plan: PlanDefinition, offset: number, asOf: string): Grid {
  const columns = [...plan.columns, ...(plan.progressColumns ?? defaultProgress)]
  const cells: CellValue[][] = [
    ...plan.title.map((t) => [t]),
    [],
    columns.map((f) => fieldSpecs[f].label),
  ]
  let filled = 0
  plan.rows.forEach((row, i) => {
    const values: CellValue[] = columns.map((f) => row[f] ?? null)
    const isTask = row.stt && (row.deadline || row.lead || row.executing)
    const isGroup = plan.rows[i + 1]?.stt?.startsWith(`${row.stt}.`)
    if (isTask && !isGroup) {
      const sample = createSampleProgress(filled + offset, row.content ?? '', asOf)
      // A done date after the report date is not yet known: the task is still in progress then.
      const known = !sample.doneDate || sample.doneDate <= asOf
      values[columns.indexOf('progress')] = known ? sample.progress : 'Đang thực hiện'
      if (known && sample.doneDate) values[columns.indexOf('doneDate')] = { date: sample.doneDate }
      if (known && sample.achieved) values[columns.indexOf('achieved')] = sample.achieved
      if (known && sample.evidence) values[columns.indexOf('evidence')] = sample.evidence
      filled++
    }
    cells.push(values)
  })
  return { sheet: 'Phụ lục', top: 1, left: 1, cells, merges: [] }
}

/**
 * Fills an empty demo store with a year of quarterly reports so that `npm start` opens on a living
 * province: 40 of the agencies report each quarter up to the current one (some a second, corrected
 * version), the rest have not yet. Nothing happens when the store already has submissions.
 */
export async function seedDemoSubmissions(
  intake: Intake,
  store: Store,
  catalog: Catalog,
  now: Date,
): Promise<number> {
  if (store.countSubmissions() > 0) return 0
  const today = computeVietnamDate(now.getTime())
  const year = Number(today.slice(0, 4))
  const current = Math.ceil(Number(today.slice(5, 7)) / 3)
  const plans = [...catalog.plans.values()]
  const agencies = store.listAgencies()
  const reporting = agencies.filter((_, i) => i < 19 || i % 4 === 0).slice(0, 40)
  const arrivals: Promise<unknown>[] = []
  let count = 0
  for (let q = 1; q <= current; q++) {
    const period = parsePeriod(`${year}-Q${q}`)!
    reporting.forEach((agency, i) => {
      // Later quarters: a few agencies are still missing, as at a real quarter end.
      if (q === current && i % 5 === 4) return
      const plan = plans[i % plans.length]!
      const versions = i % 3 === 0 ? 2 : 1
      // An agency's versions arrive one after the other (version 2 corrects version 1).
      let chain: Promise<unknown> = Promise.resolve()
      for (let v = 1; v <= versions; v++) {
        const grid = buildSampleGrid(plan, i * 7 + q + v, period.cutOff)
        const body = {
          period: period.id,
          fileName: `${agency.id}-${period.id}.xlsx`,
          meta: { planId: plan.id, year: plan.year },
          table: grid,
        }
        // Reports arrive in the days before the due date (the 16th of the quarter's last month).
        const day = String(8 + ((i + v) % 8)).padStart(2, '0')
        // Received like every report: parsed in a worker, under the quota, in group commits.
        const bytes = new TextEncoder().encode(JSON.stringify(body))
        chain = chain.then(() =>
          intake.receive({
            payload: { kind: 'table', bytes },
            destination: { agencyId: agency.id, period },
            source: 'add-in',
            actor: 'agency:demo',
            submittedAt: `${period.cutOff.slice(0, 8)}${day}T02:00:00.000Z`,
          }),
        )
        count++
      }
      arrivals.push(chain)
    })
  }
  await Promise.all(arrivals)
  return count
}
