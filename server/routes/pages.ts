import { Hono } from 'hono'
import { computePeriod, computeVietnamDate } from '../../core/index.ts'
import type { Env, Services } from '../context.ts'
import { renderDashboardPage } from '../dashboard.ts'

/** GET /: the Sở Nội vụ dashboard. */
export function createPageRoutes(services: Services) {
  return new Hono<Env>().get('/', (c) =>
    c.html(renderDashboardPage(computePeriod(computeVietnamDate(services.now().getTime())).id)),
  )
}
