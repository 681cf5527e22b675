import type { Catalog } from '../province/catalog.ts'
import { createPlanBook, type PlanBook } from '../plans/book.ts'
import type { ProvinceSettings } from '../province/config.ts'
import type { SheetsPullOptions } from '../sheets/pull.ts'
import { useSharedBookPool } from '../jobs/book-pool.ts'
import { useSharedParsePool } from '../jobs/parse-pool.ts'
import { createRateLimiter, type RateLimit, type RateLimiter } from './rate-limit.ts'
import type { Principal, Store } from '../store/index.ts'
import type { WorkerPool } from '../jobs/worker-pool.ts'
import { createIntake, defaultQuotas, type Intake, type Quotas } from '../intake/receive.ts'
import { createInflight, defaultBodyLimits, type BodyLimits, type Inflight } from './body.ts'
import { createProxyTrust, type ProxyTrust, type TrustProxy } from './client-ip.ts'

/** An upload's bytes at most and a request's time; `body` holds every body limit (body.ts). */
export type AppLimits = { bodyBytes: number; timeoutMs: number }
export const defaultLimits: AppLimits = {
  bodyBytes: defaultBodyLimits.uploadBytes,
  timeoutMs: 60_000,
}

/** Browser sessions end after this long without a request, and after this long in any case. */
export type SessionLimits = { idleMs: number; absoluteMs: number }
export const defaultSessionLimits: SessionLimits = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3600_000,
}

/**
 * Failures allowed before 429: wrong tokens per IP, failed sign-ins per IP and per account, and per
 * known browser (one that signed in to the account before, which passes the account's and the
 * address's lock-out with its own count).
 */
export type AuthRateLimits = {
  tokenPerIp: RateLimit
  loginPerIp: RateLimit
  loginPerAccount: RateLimit
  loginPerDevice: RateLimit
}
export const defaultAuthRateLimits: AuthRateLimits = {
  tokenPerIp: { max: 20, windowMs: 10 * 60_000 },
  loginPerIp: { max: 20, windowMs: 15 * 60_000 },
  loginPerAccount: { max: 5, windowMs: 15 * 60_000 },
  loginPerDevice: { max: 5, windowMs: 15 * 60_000 },
}

export type AppDeps = {
  store: Store
  catalog: Catalog
  /** The clock; tests pass a fixed one. */
  now?: () => Date
  /** CCHC_ADMIN_TOKEN given at start, accepted as an admin token. */
  adminToken?: string | null
  limits?: Partial<AppLimits>
  /** Body limits besides the upload's (`limits.bodyBytes`): sign-in, JSON routes, bytes in flight. */
  bodyLimits?: Partial<BodyLimits>
  quotas?: Partial<Quotas>
  sessions?: Partial<SessionLimits>
  rateLimits?: Partial<AuthRateLimits>
  /**
   * Behind reverse proxies: how many (a number; `true` = 1) or which (addresses, CIDR networks) are
   * trusted to give the client's IP (X-Forwarded-For, read from the right) and https (-Proto).
   */
  trustProxy?: TrustProxy | string | null
  /** Serves the built add-in's files at /addin/ when given. */
  serveAddin?: ((path: string) => Promise<Response | null>) | null
  /** Where uploaded workbooks are parsed; the process's shared pool by default. */
  parsePool?: WorkerPool
  /** Where the consolidated workbook is built (a store on a file only); the process's shared pool by default. */
  bookPool?: WorkerPool
  /** Where reports arrive; one over the store and parse pool by default (`cchc serve` shares its own with the demo seeding). */
  intake?: Intake
  /** Receives one access-log line per request (no secrets); none when absent. */
  log?: ((line: string) => void) | null
  /** How `POST /api/sheets/pull` reaches Google Sheets (default: GOOGLE_APPLICATION_CREDENTIALS). */
  sheetsPull?: SheetsPullOptions | null
  /** The province's letter settings (templates/province/, overridden by CCHC_PROVINCE_SETTINGS). */
  provinceSettings?: ProvinceSettings | null
}

/** The dependencies every route module receives, defaults applied. */
export type Services = {
  store: Store
  catalog: Catalog
  now: () => Date
  adminToken: string | null
  limits: AppLimits & { body: BodyLimits }
  /** Bytes held for request bodies, per client and in total. */
  inflight: Inflight
  quotas: Quotas
  sessions: SessionLimits
  limiters: Record<keyof AuthRateLimits, RateLimiter>
  proxy: ProxyTrust
  serveAddin: ((path: string) => Promise<Response | null>) | null
  parsePool: WorkerPool
  /** Where the consolidated workbook is built, off the thread that answers (a store on a file only). */
  bookPool: WorkerPool
  /** Where every report arrives (upload, add-in table, Google Sheets pull). */
  intake: Intake
  /** The plans: drafts, published versions, the version in force (kept in the catalog). */
  plans: PlanBook
  /** Null: the shipped settings are read when a letter is first asked for. */
  provinceSettings: ProvinceSettings | null
}

/** A browser session as a request carries it (null for a bearer token). */
export type RequestSession = { hash: string; csrf: string } | null

/**
 * What a request carries through the middleware: who it is, when its time is up, and a signal
 * aborted once it has been answered (timed out) or its client has gone (work for it is dropped).
 */
export type Env = {
  Variables: {
    principal: Principal
    session: RequestSession
    deadline: number
    answered: AbortSignal
  }
}

/** Applies the defaults to the dependencies given to createApp. */
export function createServices(deps: AppDeps): Services {
  const rate = { ...defaultAuthRateLimits, ...deps.rateLimits }
  const now = deps.now ?? (() => new Date())
  const quotas = { ...defaultQuotas, ...deps.quotas }
  const parsePool = deps.parsePool ?? useSharedParsePool()
  const limits = { ...defaultLimits, ...deps.limits }
  const body = { ...defaultBodyLimits, ...deps.bodyLimits, uploadBytes: limits.bodyBytes }
  const plans = createPlanBook(deps.store, deps.catalog)
  return {
    store: deps.store,
    catalog: deps.catalog,
    now,
    adminToken: deps.adminToken ?? null,
    limits: { ...limits, body },
    inflight: createInflight(body),
    quotas,
    sessions: { ...defaultSessionLimits, ...deps.sessions },
    limiters: {
      tokenPerIp: createRateLimiter(rate.tokenPerIp),
      loginPerIp: createRateLimiter(rate.loginPerIp),
      loginPerAccount: createRateLimiter(rate.loginPerAccount),
      loginPerDevice: createRateLimiter(rate.loginPerDevice),
    },
    proxy: createProxyTrust(deps.trustProxy),
    serveAddin: deps.serveAddin ?? null,
    parsePool,
    bookPool: deps.bookPool ?? useSharedBookPool(),
    intake:
      deps.intake ??
      createIntake({
        store: deps.store,
        catalog: deps.catalog,
        parsePool,
        quotas,
        now,
        refreshPlans: () => plans.refresh(),
      }),
    plans,
    provinceSettings: deps.provinceSettings ?? null,
  }
}
