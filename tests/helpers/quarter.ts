import { join } from 'node:path'
import { validateTable, type Issue, type Report, type TaskStatus } from '../../core/index.ts'
import { seedStore } from '../../server/http/serve.ts'
import { readCatalog } from '../../server/province/catalog.ts'
import { createStore, type Store } from '../../server/store/index.ts'
import { readParSipasGrid } from '../../scripts/seeds.ts'

const statuses: TaskStatus[] = [
  'done-on-time',
  'in-progress',
  'overdue',
  'not-started',
  'done-late',
]

/**
 * A full quarter (2026-Q3) in a real SQLite file, as `npm run bench` builds it: every registered unit
 * of Đắk Lắk (121) with a report of `tasks` rows made from the real PAR/SIPAS appendix (its rows
 * repeated with fresh numbers), statuses varied by unit and row, scores on the scored criteria. The
 * last `missing` units have not reported; every seventh report arrived after the due date.
 */
export async function buildQuarterStore(dir: string, tasks = 150, missing = 0) {
  const catalog = await readCatalog()
  const store: Store = createStore(join(dir, 'cchc.sqlite'))
  seedStore(store, catalog, new Date('2026-09-01T00:00:00Z'))
  const base = validateTable(readParSipasGrid(), {
    asOf: '2026-09-14',
    registry: catalog.registry,
    profile: catalog.profiles.get('dak-lak-2026-par-sipas') ?? null,
  })
  const seedTasks = base.tasks.filter((t) => t.kind === 'task')
  const agencies = store.listAgencies()
  const file = new Uint8Array(2048)
  agencies.slice(0, agencies.length - missing).forEach((agency, a) => {
    const rows = Array.from({ length: tasks }, (_, i) => {
      const t = seedTasks[i % seedTasks.length]!
      return {
        ...t,
        row: 8 + i,
        stt: String(i + 1),
        status: statuses[(a + i) % statuses.length]!,
        score: t.maxScore === null ? null : (a + i) % 2,
        // An overdue task was due before the report date: at the end of the first or second quarter.
        ...(statuses[(a + i) % statuses.length] === 'overdue'
          ? { deadline: { kind: 'period' as const, due: i % 2 ? '2026-06-30' : '2026-03-31' } }
          : {}),
      }
    })
    // A few cells to correct, so that the letters and lists have errors to name.
    const issues: Issue[] =
      a % 6 === 0 ? base.issues.filter((i) => i.severity !== 'info').slice(0, 1 + (a % 4)) : []
    const byStatus = Object.fromEntries(
      statuses.map((s) => [s, rows.filter((t) => t.status === s).length]),
    ) as Report['summary']['byStatus']
    const scored = rows.filter((t) => t.maxScore !== null)
    const report: Report = {
      ...base,
      issues,
      errorCount: issues.filter((i) => i.severity === 'error').length,
      warningCount: issues.filter((i) => i.severity === 'warning').length,
      tasks: rows,
      summary: {
        tasks,
        byStatus: { ...base.summary.byStatus, ...byStatus },
        score: scored.reduce((s, t) => s + (t.score ?? 0), 0),
        maxScore: scored.reduce((s, t) => s + (t.maxScore ?? 0), 0),
      },
    }
    store.addSubmission({
      agencyId: agency.id,
      period: '2026-Q3',
      submittedAt: a % 7 === 3 ? '2026-09-19T02:00:00Z' : '2026-09-15T02:00:00Z',
      submittedBy: null,
      fileName: null,
      contentType: 'application/json',
      file,
      planId: 'dak-lak-2026-par-sipas',
      report,
    })
  })
  return { store, catalog, agencies }
}
