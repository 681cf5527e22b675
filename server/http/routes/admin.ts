import { Hono } from 'hono'
import { requireAdmin } from '../auth.ts'
import type { Env, Services } from '../context.ts'

/** /api/admin: the counts /healthz no longer tells anyone, disk usage and the security log (accounts: routes/users.ts). */
export function createAdminRoutes(services: Services) {
  const { store } = services
  return new Hono<Env>()
    .use(requireAdmin)
    .get('/stats', (c) =>
      c.json({
        time: services.now().toISOString(),
        pid: process.pid,
        submissions: store.countSubmissions(),
        agencies: store.listAgencies().length,
        users: store.listUsers().length,
        parseWorkers: services.parsePool.countWorkers(),
        // What the service holds for others right now: request bodies, and files waiting for a worker.
        bodyBytesInFlight: services.inflight.total(),
        parseQueue: services.parsePool.countQueued(),
        // Consolidated workbooks being built in the book worker, and waiting for it.
        bookJobs: {
          running: services.bookPool.countRunning(),
          queued: services.bookPool.countQueued().jobs,
        },
        quotas: services.quotas,
        disk: store.readDiskUsage(),
      }),
    )
    .get('/security-log', (c) =>
      c.json({ events: store.listSecurityEvents(Number(c.req.query('limit') ?? 200) || 200) }),
    )
}
