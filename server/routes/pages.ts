import { Hono } from 'hono'
import { computePeriod, computeVietnamDate } from '../../core/index.ts'
import type { Env, Services } from '../context.ts'
import { serveDashboardFile } from '../dashboard-build.ts'
import { renderDashboardPage } from '../dashboard/page.ts'
import { ApiError } from '../http-errors.ts'

/** GET /: the Sở Nội vụ dashboard; GET /dashboard/:file its script and styles (built in memory). */
export function createPageRoutes(services: Services) {
  return new Hono<Env>()
    .get('/', (c) =>
      c.html(
        renderDashboardPage(
          computePeriod(computeVietnamDate(services.now().getTime())).id,
          services.catalog.registry.province,
        ),
      ),
    )
    .get('/dashboard/:file', async (c) => {
      const response = await serveDashboardFile(c.req.param('file'))
      if (!response) throw new ApiError('not-found')
      return response
    })
}
