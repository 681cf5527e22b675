import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { allowCrossOrigin } from './cors.ts'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { addinFrameAncestors } from './addin.ts'
import { timeout } from 'hono/timeout'
import { createAuthenticate, describePrincipal } from './auth.ts'
import { createServices, type AppDeps, type Env } from './context.ts'
import { createAddinRoutes } from './routes/addin.ts'
import { createAgencyHistoryRoutes } from './routes/agency-history.ts'
import { createAdminRoutes } from './routes/admin.ts'
import { createAgencyRoutes } from './routes/agencies.ts'
import { createReminderRoutes } from './routes/reminders.ts'
import { createReviewRoutes } from './routes/reviews.ts'
import { createConsolidatedRoutes } from './routes/consolidated.ts'
import { createHealthRoutes } from './routes/health.ts'
import { createMeRoutes } from './routes/me.ts'
import { createPageRoutes } from './routes/pages.ts'
import { createSheetsRoutes } from './routes/sheets.ts'
import { createSessionRoutes } from './routes/session.ts'
import { createStatusRoutes } from './routes/status.ts'
import { createSubmissionRoutes } from './routes/submissions.ts'
import { createTokenRoutes } from './routes/tokens.ts'
import { createUserRoutes } from './routes/users.ts'
import { AppError } from '../errors/index.ts'

export { defaultLimits } from './context.ts'
export type { AppDeps, AppLimits } from './context.ts'

/** Answers a failure as `{ error: { code, message, en } }` with the status beside its code. */
function sendError(c: Context, error: AppError) {
  return c.json(
    { error: { code: error.code, message: error.text.vi, en: error.text.en } },
    error.status as 400,
  )
}

/** The sync service: API, dashboard and add-in files, over one store. */
export function createApp(deps: AppDeps) {
  const services = createServices(deps)
  const { limits } = services
  const log = deps.log ?? null
  const app = new Hono<Env>()

  app.onError((error, c) => {
    if (error instanceof AppError) return sendError(c, error)
    if (error instanceof HTTPException && error.status === 503)
      return sendError(c, new AppError('request/timeout'))
    if (error instanceof HTTPException && error.status < 500)
      return sendError(c, new AppError('request/invalid-body'))
    console.error(
      `[cchc] ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.message : String(error)}`,
    )
    return sendError(c, new AppError('internal'))
  })
  app.notFound((c) => sendError(c, new AppError('not-found')))

  // The access log: one line per request, never a query string, header or body (they may hold secrets).
  if (log)
    app.use('*', async (c, next) => {
      const start = performance.now()
      await next()
      const ms = Math.round(performance.now() - start)
      log(
        `${new Date().toISOString()} ${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms ${describePrincipal(c.get('principal'))}`,
      )
    })

  app.use(
    '/addin/*',
    secureHeaders({
      xFrameOptions: false,
      crossOriginResourcePolicy: false,
      crossOriginOpenerPolicy: false,
      contentSecurityPolicy: { frameAncestors: [...addinFrameAncestors] },
    }),
  )
  // Pages: a strict CSP (scripts only from this origin, never inline).
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
    },
  })
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/addin/')) return next()
    return pageHeaders(c, next)
  })
  app.use('/api/*', allowCrossOrigin)
  app.use('/api/*', async (c, next) => {
    c.set('deadline', Date.now() + limits.timeoutMs)
    await next()
    // Answers carry reports and tokens: no cache, shared or private, keeps them. (Set on the
    // response's headers: `c.header` after the route answered would copy the whole body.)
    c.res.headers.set('Cache-Control', 'no-store')
  })
  app.use(
    '/api/*',
    timeout(limits.timeoutMs, () => new HTTPException(503)),
  )
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: () => {
        throw new AppError('request/too-large')
      },
    }),
  )
  app.use('/api/*', createAuthenticate(services))

  // Before /api/agencies, whose admin guard would otherwise stop an agency registering its own sheet.
  app.route('/', createSheetsRoutes({ ...services, pull: deps.sheetsPull ?? null }))
  app.route('/healthz', createHealthRoutes())
  app.route('/api', createSessionRoutes(services))
  app.route('/api/admin/users', createUserRoutes(services))
  app.route('/api/admin', createAdminRoutes(services))
  app.route('/api/me', createMeRoutes(services))
  // Before /api/agencies (admin only): an agency may read its own page.
  app.route('/api', createAgencyHistoryRoutes(services))
  app.route('/api', createReminderRoutes(services))
  app.route('/api/agencies', createAgencyRoutes(services))
  app.route('/api/tokens', createTokenRoutes(services))
  app.route('/api/submissions', createReviewRoutes(services))
  app.route('/api/submissions', createSubmissionRoutes(services))
  app.route('/api/status', createStatusRoutes(services))
  app.route('/api/consolidated.xlsx', createConsolidatedRoutes(services))
  app.route('/addin', createAddinRoutes(services))
  app.route('/', createPageRoutes(services))
  return app
}
