import { Hono } from 'hono'
import type { Env, Services } from '../context.ts'

/** GET /healthz: liveness for anyone. */
export function createHealthRoutes(services: Services) {
  return new Hono<Env>().get('/', (c) =>
    c.json({
      ok: true,
      submissions: services.store.countSubmissions(),
      time: services.now().toISOString(),
    }),
  )
}
