import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { allowCrossOrigin } from './cors.ts'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { addinFrameAncestors } from './addin.ts'
import { timeout } from 'hono/timeout'
import { createAuthenticate, describePrincipal } from './auth.ts'
import { createServices, type AppDeps, type Env } from './context.ts'
import { ApiError, type HttpErrorCode } from './errors.ts'
import { createAddinRoutes } from './routes/addin.ts'
import { createAgencyHistoryRoutes } from './routes/agency-history.ts'
import { createAdminRoutes } from './routes/admin.ts'
import { createAgencyRoutes } from './routes/agencies.ts'
import { createReminderRoutes } from './routes/reminders.ts'
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
import { WorkbookError } from '../xlsx/errors.ts'
import { DocumentError, type DocumentErrorCode } from '../docx/errors.ts'
import { PlanError } from '../plans/errors.ts'
import { createPlanRoutes } from './routes/plans.ts'

export { defaultLimits } from './context.ts'
export type { AppDeps, AppLimits } from './context.ts'

function sendError(
  c: Context,
  code: HttpErrorCode,
  status: number,
  text: { vi: string; en: string },
) {
  return c.json({ error: { code, message: text.vi, en: text.en } }, status as 400)
}

/** The status an unreadable workbook is answered with. */
function computeWorkbookStatus(error: WorkbookError): number {
  if (error.code === 'too-large') return 413
  if (['unsafe', 'corrupt', 'sheet-not-found', 'too-complex'].includes(error.code)) return 422
  return 415
}

/** The status an unreadable plan document is answered with. */
const documentStatus: Record<DocumentErrorCode, number> = {
  'not-supported': 415,
  'legacy-doc': 415,
  encrypted: 415,
  corrupt: 422,
  unsafe: 422,
  'too-large': 413,
  'too-complex': 422,
  'no-table': 422,
}

/** The sync service: API, dashboard and add-in files, over one store. */
export function createApp(deps: AppDeps) {
  const services = createServices(deps)
  const { limits } = services
  const log = deps.log ?? null
  const app = new Hono<Env>()

  app.onError((error, c) => {
    if (error instanceof ApiError) return sendError(c, error.code, error.status, error.text)
    if (error instanceof WorkbookError)
      return sendError(c, `workbook/${error.code}`, computeWorkbookStatus(error), error.text)
    if (error instanceof DocumentError)
      return sendError(c, `document/${error.code}`, documentStatus[error.code], error.text)
    if (error instanceof PlanError) return sendError(c, error.code, error.status, error.text)
    if (error instanceof HTTPException && error.status === 503)
      return sendError(c, 'request/timeout', 503, new ApiError('request/timeout').text)
    if (error instanceof HTTPException && error.status < 500)
      return sendError(
        c,
        'request/invalid-body',
        error.status,
        new ApiError('request/invalid-body').text,
      )
    console.error(
      `[cchc] ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.message : String(error)}`,
    )
    return sendError(c, 'internal', 500, new ApiError('internal').text)
  })
  app.notFound((c) => sendError(c, 'not-found', 404, new ApiError('not-found').text))

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
        throw new ApiError('request/too-large')
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
  app.route('/api/submissions', createSubmissionRoutes(services))
  app.route('/api/status', createStatusRoutes(services))
  app.route('/api/consolidated.xlsx', createConsolidatedRoutes(services))
  app.route('/api/plans', createPlanRoutes(services))
  app.route('/addin', createAddinRoutes(services))
  app.route('/', createPageRoutes(services))
  return app
}
