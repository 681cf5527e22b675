import { PassThrough, Readable } from 'node:stream'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { timeout } from 'hono/timeout'
import { z } from 'zod'
import {
  agencyKinds,
  computePeriod,
  computeVietnamDate,
  parsePeriod,
  type Period,
} from '../core/index.ts'
import type { Catalog } from './catalog.ts'
import { computeConsolidatedSheets } from './consolidated.ts'
import { renderDashboardPage } from './dashboard.ts'
import { ApiError, type HttpErrorCode } from './http-errors.ts'
import { readConsolidatedInput, readStatus } from './status.ts'
import type { Principal, Store } from './store.ts'
import { isSameSecret } from './store.ts'
import {
  checkUploadedTable,
  checkUploadedWorkbook,
  jsonSubmissionSchema,
  type CheckedSubmission,
} from './submission.ts'
import { WorkbookError } from './xlsx/errors.ts'
import { writeConsolidated } from './xlsx/consolidated.ts'

export type AppLimits = { bodyBytes: number; timeoutMs: number }
export const defaultLimits: AppLimits = { bodyBytes: 20 * 1024 * 1024, timeoutMs: 60_000 }

export type AppDeps = {
  store: Store
  catalog: Catalog
  /** The clock; tests pass a fixed one. */
  now?: () => Date
  /** CCHC_ADMIN_TOKEN given at start, accepted as an admin token. */
  adminToken?: string | null
  limits?: Partial<AppLimits>
  /** Serves the built add-in's files at /addin/ when given. */
  serveAddin?: ((path: string) => Promise<Response | null>) | null
}

type Env = { Variables: { principal: Principal; deadline: number } }

// Excel on the web frames the add-in pages from these origins.
const officeFrameAncestors = [
  "'self'",
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://*.sharepoint.com',
  'https://*.microsoft.com',
  'https://*.cloud.microsoft',
]

const agencyBody = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,60}$/),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(agencyKinds),
})

function readPeriodParam(value: string | undefined, now: Date): Period {
  if (value === undefined || value === '') return computePeriod(computeVietnamDate(now.getTime()))
  const period = parsePeriod(value)
  if (!period) throw new ApiError('request/invalid-period', value.slice(0, 40))
  return period
}

/** The period a submission names; unlike a query, a submission must name one. */
function requirePeriod(value: string | undefined): Period {
  const period = value ? parsePeriod(value) : null
  if (!period) throw new ApiError('request/invalid-period', (value || '—').slice(0, 40))
  return period
}

function readId(value: string): number {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id < 1) throw new ApiError('submission/unknown')
  return id
}

function sendError(
  c: Context,
  code: HttpErrorCode,
  status: number,
  text: { vi: string; en: string },
) {
  return c.json({ error: { code, message: text.vi, en: text.en } }, status as 400)
}

/** The sync service: API, dashboard and add-in files, over one store. */
export function createApp(deps: AppDeps) {
  const { store, catalog } = deps
  const now = deps.now ?? (() => new Date())
  const limits = { ...defaultLimits, ...deps.limits }
  const app = new Hono<Env>()

  app.onError((error, c) => {
    if (error instanceof ApiError) return sendError(c, error.code, error.status, error.text)
    if (error instanceof WorkbookError) {
      const status =
        error.code === 'too-large'
          ? 413
          : error.code === 'unsafe' || error.code === 'corrupt' || error.code === 'sheet-not-found'
            ? 422
            : 415
      return sendError(c, `workbook/${error.code}`, status, error.text)
    }
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

  app.use(
    '/addin/*',
    secureHeaders({
      xFrameOptions: false,
      crossOriginResourcePolicy: false,
      crossOriginOpenerPolicy: false,
      contentSecurityPolicy: { frameAncestors: officeFrameAncestors },
    }),
  )
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/addin/')) return next()
    return secureHeaders({ contentSecurityPolicy: { frameAncestors: ["'self'"] } })(c, next)
  })
  app.use(
    '/api/*',
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type'],
      allowMethods: ['GET', 'POST', 'DELETE'],
    }),
  )
  app.use('/api/*', async (c, next) => {
    c.set('deadline', Date.now() + limits.timeoutMs)
    await next()
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

  // Every /api route needs a bearer token: an agency's (its own data only) or an admin's.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return next()
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S{8,200})$/i.exec(header)
    if (!match) throw new ApiError('auth/missing')
    const token = match[1]!
    const principal: Principal | null =
      deps.adminToken && isSameSecret(token, deps.adminToken)
        ? { role: 'admin', tokenId: null }
        : store.findPrincipal(token)
    if (!principal) throw new ApiError('auth/invalid')
    c.set('principal', principal)
    await next()
  })

  const requireAdmin = (c: Context<Env>) => {
    if (c.get('principal').role !== 'admin') throw new ApiError('auth/forbidden')
  }
  /** The agency a request may act for: its own for an agency token; any named one for an admin. */
  const resolveAgency = (c: Context<Env>, requested: string | null | undefined): string | null => {
    const p = c.get('principal')
    if (p.role === 'agency') {
      if (requested && requested !== p.agencyId) throw new ApiError('auth/forbidden')
      return p.agencyId
    }
    if (requested && !store.getAgency(requested))
      throw new ApiError('agency/unknown', requested.slice(0, 60))
    return requested ?? null
  }

  /** The agency a submission is for: an admin must name one. */
  const requireAgency = (c: Context<Env>, requested: string | undefined): string => {
    const agencyId = resolveAgency(c, requested)
    if (!agencyId) throw new ApiError('agency/required')
    return agencyId
  }

  app.get('/healthz', (c) =>
    c.json({ ok: true, submissions: store.countSubmissions(), time: now().toISOString() }),
  )

  app.get('/api/me', (c) => {
    const p = c.get('principal')
    return c.json(
      p.role === 'admin'
        ? { role: 'admin' }
        : { role: 'agency', agency: store.getAgency(p.agencyId) },
    )
  })

  app.get('/api/agencies', (c) => {
    requireAdmin(c)
    return c.json(store.listAgencies())
  })
  app.post('/api/agencies', async (c) => {
    requireAdmin(c)
    const parsed = agencyBody.safeParse(await c.req.json().catch(() => null))
    if (!parsed.success)
      throw new ApiError('request/invalid-body', parsed.error.issues[0]?.path.join('.') ?? '')
    if (!store.addAgency(parsed.data, now().toISOString()))
      throw new ApiError('agency/exists', parsed.data.id)
    return c.json(parsed.data, 201)
  })
  app.post('/api/agencies/:id/tokens', (c) => {
    requireAdmin(c)
    const id = c.req.param('id')
    if (!store.getAgency(id)) throw new ApiError('agency/unknown', id.slice(0, 60))
    return c.json(store.addToken(id, now().toISOString()), 201)
  })
  app.delete('/api/tokens/:tokenId', (c) => {
    requireAdmin(c)
    if (!store.revokeToken(c.req.param('tokenId'), now().toISOString()))
      throw new ApiError('token/unknown')
    return c.body(null, 204)
  })

  app.post('/api/submissions', async (c) => {
    const type = c.req.header('content-type') ?? ''
    if (type.startsWith('multipart/form-data')) {
      const form = await c.req.parseBody().catch(() => {
        throw new ApiError('request/invalid-body')
      })
      const period = requirePeriod(typeof form.period === 'string' ? form.period : undefined)
      const agencyId = requireAgency(
        c,
        typeof form.agency === 'string' && form.agency ? form.agency : undefined,
      )
      const file = form.file
      if (!(file instanceof File) || file.size === 0) throw new ApiError('request/missing-file')
      const checked = await checkUploadedWorkbook(
        new Uint8Array(await file.arrayBuffer()),
        file.name || null,
        period.cutOff,
        catalog,
      )
      return storeSubmission(c, agencyId, period, checked)
    }
    if (type.startsWith('application/json')) {
      const raw = new Uint8Array(await c.req.arrayBuffer())
      let json: unknown
      try {
        json = JSON.parse(new TextDecoder().decode(raw))
      } catch {
        throw new ApiError('request/invalid-body')
      }
      const parsed = jsonSubmissionSchema.safeParse(json)
      if (!parsed.success)
        throw new ApiError('request/invalid-body', parsed.error.issues[0]?.path.join('.') ?? '')
      const period = requirePeriod(parsed.data.period)
      const agencyId = requireAgency(c, parsed.data.agency)
      return storeSubmission(
        c,
        agencyId,
        period,
        checkUploadedTable(parsed.data, raw, period.cutOff, catalog),
      )
    }
    throw new ApiError('request/unsupported-type')
  })

  function storeSubmission(
    c: Context<Env>,
    agencyId: string,
    period: Period,
    checked: CheckedSubmission,
  ) {
    // A request already answered with a timeout must not be stored afterwards: the sender was told it failed.
    if (Date.now() > c.get('deadline')) throw new ApiError('request/timeout')
    const p = c.get('principal')
    const record = store.addSubmission({
      agencyId,
      period: period.id,
      submittedAt: now().toISOString(),
      submittedBy: p.role === 'admin' ? `admin:${p.tokenId ?? 'env'}` : `agency:${p.tokenId}`,
      fileName: checked.fileName,
      contentType: checked.contentType,
      file: checked.file,
      planId: checked.planId,
      report: checked.report,
    })
    return c.json(
      {
        id: record.id,
        agency: agencyId,
        period: period.id,
        version: record.version,
        submittedAt: record.submittedAt,
        report: checked.report,
      },
      201,
    )
  }

  app.get('/api/submissions', (c) => {
    const period = c.req.query('period') ? readPeriodParam(c.req.query('period'), now()).id : null
    const agencyId = resolveAgency(c, c.req.query('agency'))
    return c.json({ submissions: store.listSubmissions({ period, agencyId }) })
  })
  const readOwnSubmission = (c: Context<Env>) => {
    const record = store.getSubmission(readId(c.req.param('id') ?? ''))
    if (!record) throw new ApiError('submission/unknown')
    const p = c.get('principal')
    // Another agency's submission is answered like a missing one: ids reveal nothing.
    if (p.role === 'agency' && p.agencyId !== record.agencyId)
      throw new ApiError('submission/unknown')
    return record
  }
  app.get('/api/submissions/:id', (c) => {
    const record = readOwnSubmission(c)
    return c.json({ ...record, report: store.getSubmissionReport(record.id) })
  })
  app.get('/api/submissions/:id/file', (c) => {
    const record = readOwnSubmission(c)
    const file = store.getSubmissionFile(record.id)!
    const extension = file.contentType === 'application/json' ? 'json' : 'xlsx'
    const name = `${record.agencyId}-${record.period}-v${record.version}.${extension}`
    c.header('Content-Type', file.contentType)
    c.header('Content-Disposition', `attachment; filename="${name}"`)
    return c.body(new Uint8Array(file.bytes))
  })

  app.get('/api/status', (c) => {
    const period = readPeriodParam(c.req.query('period'), now())
    const status = readStatus(store, period)
    const p = c.get('principal')
    if (p.role === 'agency')
      return c.json({
        ...status,
        agencies: status.agencies.filter((a) => a.id === p.agencyId),
        overdue: status.overdue.filter((t) => t.agencyId === p.agencyId),
      })
    return c.json(status)
  })

  app.get('/api/consolidated.xlsx', (c) => {
    requireAdmin(c)
    const period = readPeriodParam(c.req.query('period'), now())
    const sheets = computeConsolidatedSheets(readConsolidatedInput(store, period, now()))
    const stream = new PassThrough()
    writeConsolidated(sheets, stream).catch((error: unknown) => stream.destroy(error as Error))
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    c.header('Content-Disposition', `attachment; filename="tong-hop-cchc-${period.id}.xlsx"`)
    return c.body(Readable.toWeb(stream) as ReadableStream)
  })

  app.get('/', (c) =>
    c.html(renderDashboardPage(computePeriod(computeVietnamDate(now().getTime())).id)),
  )

  app.get('/addin/*', async (c) => {
    const response = deps.serveAddin
      ? await deps.serveAddin(c.req.path.slice('/addin/'.length))
      : null
    if (!response) throw new ApiError('not-found')
    return response
  })

  return app
}
