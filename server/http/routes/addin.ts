import { Hono } from 'hono'
import type { Env, Services } from '../context.ts'
import { AppError } from '../../errors/index.ts'

/** GET /addin/*: the add-in's pages, scripts and icons (built in memory at start). */
export function createAddinRoutes(services: Services) {
  return new Hono<Env>().get('/*', async (c) => {
    const response = services.serveAddin
      ? await services.serveAddin(c.req.path.slice('/addin/'.length))
      : null
    if (!response) throw new AppError('not-found')
    return response
  })
}
