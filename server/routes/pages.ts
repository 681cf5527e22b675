import { Hono } from 'hono'
import { computePeriod, computeVietnamDate } from '../../core/index.ts'
import type { Env, Services } from '../context.ts'
import { renderDashboardPage } from '../dashboard.ts'
import { ApiError } from '../http-errors.ts'
import { readPageAssets } from '../pages/assets.ts'
import { renderLoginPage } from '../pages/login.ts'

/** GET /: the Sở Nội vụ dashboard; GET /login: signing in; GET /assets/*: their scripts and styles. */
export function createPageRoutes(services: Services) {
  return new Hono<Env>()
    .get('/', (c) =>
      c.html(renderDashboardPage(computePeriod(computeVietnamDate(services.now().getTime())).id)),
    )
    .get('/login', (c) => c.html(renderLoginPage()))
    .get('/assets/:name', async (c) => {
      const asset = (await readPageAssets()).get(c.req.param('name'))
      if (!asset) throw new ApiError('not-found')
      c.header('Content-Type', asset.type)
      c.header('Cache-Control', 'no-cache')
      return c.body(asset.body)
    })
}
