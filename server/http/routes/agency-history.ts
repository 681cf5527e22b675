import { Hono, type Context } from 'hono'
import { computePeriod, computeVietnamDate } from '../../../core/index.ts'
import type { Catalog } from '../../province/catalog.ts'
import { computeCrossChecks, readPlanRoles } from '../../consolidation/crosscheck.ts'
import {
  computePreviousPeriod,
  readAgencyHistory,
  readVersionDiff,
  resolveVersion,
} from '../../consolidation/history.ts'
import { readConsolidatedInput } from '../../consolidation/period-status.ts'
import type { AgencyRecord, Principal, Store } from '../../store/index.ts'
import { readTrends } from '../../consolidation/trends.ts'
import { readPeriodParam } from './params.ts'
import { AppError } from '../../errors/index.ts'

type Env = { Variables: { principal: Principal } }
type Services = { store: Store; catalog: Catalog; now: () => Date }

/** The agency a page may show: any for an admin, only its own for an agency (others answer 404). */
function readVisibleAgency(c: Context<Env>, store: Store): AgencyRecord {
  const id = c.req.param('id') ?? ''
  const agency = store.getAgency(id)
  const p = c.get('principal')
  if (!agency || (p.role === 'agency' && p.agencyId !== id))
    throw new AppError('agency/unknown', id.slice(0, 60))
  return agency
}

/**
 * An agency's page data (GET /api/agencies/:id/history, /diff) and the province's review data
 * (GET /api/trends, /api/crosschecks), mounted under /api.
 */
export function createAgencyHistoryRoutes(services: Services) {
  const { store } = services
  return new Hono<Env>()
    .get('/agencies/:id/history', (c) =>
      c.json(readAgencyHistory(store, readVisibleAgency(c, store))),
    )
    .get('/agencies/:id/diff', (c) => {
      const agency = readVisibleAgency(c, store)
      const toRef =
        c.req.query('to') || computePeriod(computeVietnamDate(services.now().getTime())).id
      const to = resolveVersion(store, agency.id, toRef)
      // Without `from`: the latest version of the previous period, as "since last quarter".
      const fromRef = c.req.query('from') || computePreviousPeriod(to.period) || ''
      const from = resolveVersion(store, agency.id, fromRef)
      return c.json(readVersionDiff(store, from, to))
    })
    .get('/trends', (c) => {
      const year = Number(
        c.req.query('year') || computeVietnamDate(services.now().getTime()).slice(0, 4),
      )
      if (!Number.isInteger(year) || year < 2000 || year > 2200)
        throw new AppError('request/invalid-period', String(c.req.query('year')).slice(0, 10))
      const p = c.get('principal')
      const agencies =
        p.role === 'agency' ? store.listAgencies().filter((a) => a.id === p.agencyId) : undefined
      const trends = readTrends(store, year, agencies)
      // An agency sees its own series; the province line is shared with it (Sở Nội vụ publishes it anyway).
      return c.json(trends)
    })
    .get('/crosschecks', (c) => {
      if (c.get('principal').role !== 'admin') throw new AppError('auth/forbidden')
      const period = readPeriodParam(c.req.query('period'), services.now())
      const input = readConsolidatedInput(store, period, services.now())
      return c.json({
        period: period.id,
        findings: computeCrossChecks(input, readPlanRoles(services.catalog)),
      })
    })
}
