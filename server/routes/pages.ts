import { Hono } from 'hono'
import { computeCurrentPeriod } from '../../core/index.ts'
import type { Env, Services } from '../context.ts'
import { serveDashboardFile } from '../dashboard-build.ts'
import { renderDashboardPage } from '../dashboard/page.ts'
import { ApiError } from '../http-errors.ts'
import { readPageAssets } from '../pages/assets.ts'
import { renderLoginPage } from '../pages/login.ts'

/**
 * GET /: the Sở Nội vụ dashboard; GET /dashboard/:file its script and styles (built in memory);
 * GET /login: signing in; GET /assets/*: the sign-in page's script and styles.
 */
export function createPageRoutes(services: Services) {
  return new Hono<Env>()
    .get('/', (c) =>
      c.html(
        renderDashboardPage(
          computeCurrentPeriod(services.now().getTime()).id,
          services.catalog.registry.province,
        ),
      ),
    )
    .get('/dashboard/:file', async (c) => {
      const response = await serveDashboardFile(c.req.param('file'))
      if (!response) throw new ApiError('not-found')
      return response
    })
    .get('/login', (c) => c.html(renderLoginPage()))
    .get('/assets/:name', async (c) => {
      const asset = (await readPageAssets()).get(c.req.param('name'))
      if (!asset) throw new ApiError('not-found')
      c.header('Content-Type', asset.type)
      c.header('Cache-Control', 'no-cache')
      return c.body(asset.body)
    })
}
