import type { Catalog } from './catalog.ts'
import type { SheetsPullOptions } from './routes/sheets.ts'
import { useSharedParsePool } from './parse-pool.ts'
import type { Principal, Store } from './store.ts'
import type { WorkerPool } from './worker-pool.ts'

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
  /** Where uploaded workbooks are parsed; the process's shared pool by default. */
  parsePool?: WorkerPool
  /** Receives one access-log line per request (no secrets); none when absent. */
  log?: ((line: string) => void) | null
  /** How `POST /api/sheets/pull` reaches Google Sheets (default: GOOGLE_APPLICATION_CREDENTIALS). */
  sheetsPull?: SheetsPullOptions | null
}

/** The dependencies every route module receives, defaults applied. */
export type Services = {
  store: Store
  catalog: Catalog
  now: () => Date
  adminToken: string | null
  limits: AppLimits
  serveAddin: ((path: string) => Promise<Response | null>) | null
  parsePool: WorkerPool
}

/** What a request carries through the middleware: who it is and when its time is up. */
export type Env = { Variables: { principal: Principal; deadline: number } }

/** Applies the defaults to the dependencies given to createApp. */
export function createServices(deps: AppDeps): Services {
  return {
    store: deps.store,
    catalog: deps.catalog,
    now: deps.now ?? (() => new Date()),
    adminToken: deps.adminToken ?? null,
    limits: { ...defaultLimits, ...deps.limits },
    serveAddin: deps.serveAddin ?? null,
    parsePool: deps.parsePool ?? useSharedParsePool(),
  }
}
