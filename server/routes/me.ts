import { Hono } from 'hono'
import type { Env, Services } from '../context.ts'

/** GET /api/me: who the credentials belong to. */
export function createMeRoutes(services: Services) {
  return new Hono<Env>().get('/', (c) => {
    const p = c.get('principal')
    return c.json(
      p.role === 'admin'
        ? { role: 'admin', email: p.email ?? null }
        : { role: 'agency', email: p.email ?? null, agency: services.store.getAgency(p.agencyId) },
    )
  })
}
