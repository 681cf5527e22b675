import { Hono } from 'hono'
import type { Env, Services } from '../context.ts'
import { readStatus } from '../../consolidation/period-status.ts'
import { readPeriodParam } from './params.ts'

/** GET /api/status: every agency's standing for a period (an agency sees only its own row). */
export function createStatusRoutes(services: Services) {
  return new Hono<Env>().get('/', (c) => {
    const period = readPeriodParam(c.req.query('period'), services.now())
    const status = readStatus(services.store, period)
    const p = c.get('principal')
    if (p.role === 'agency')
      return c.json({
        ...status,
        agencies: status.agencies.filter((a) => a.id === p.agencyId),
        overdue: status.overdue.filter((t) => t.agencyId === p.agencyId),
      })
    return c.json(status)
  })
}
