import { Hono } from 'hono'
import type { Env } from '../context.ts'

/** GET /healthz: liveness for anyone, and nothing more (the counts are at /api/admin/stats). */
export function createHealthRoutes() {
  return new Hono<Env>().get('/', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.text('ok')
  })
}
