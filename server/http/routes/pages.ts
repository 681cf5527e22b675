import { Hono } from 'hono'
import { computeCurrentPeriod } from '../../../core/index.ts'
import type { Env, Services } from '../context.ts'
import { loadWebFiles, serveWebFile } from '../web-assets.ts'
import { renderDashboardPage } from '../dashboard/page.ts'
import { renderLoginPage } from '../pages/login.ts'
import { AppError } from '../../errors/index.ts'

/**
 * GET /: the Sở Nội vụ dashboard; GET /dashboard/:file its script and styles (server/http/web-assets.ts);
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
      const response = await serveWebFile(loadWebFiles(), `dashboard/${c.req.param('file')}`)
      if (!response) throw new AppError('not-found')
      return response
    })
    .get('/login', (c) => c.html(renderLoginPage()))
    .get('/assets/:name', async (c) => {
      const response = await serveWebFile(loadWebFiles(), `pages/${c.req.param('name')}`)
      if (!response) throw new AppError('not-found')
      return response
    })
}
