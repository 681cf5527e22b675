import { join, resolve } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { computeCurrentPeriod } from '../../core/index.ts'
import { createAddinServer } from './addin.ts'
import { createApp, type AppDeps } from './app.ts'
import { checkAdminTokenStrength } from '../store/passwords.ts'
import { readCatalog, readShippedSettings, type Catalog } from '../province/catalog.ts'
import { seedDemoSubmissions } from '../demo/province.ts'
import { createIntake, defaultQuotas } from '../intake/receive.ts'
import { useSharedParsePool } from '../jobs/parse-pool.ts'
import { createStore, type Store } from '../store/index.ts'
import { AppError } from '../errors/index.ts'

/** Where the database lives inside a data folder. */
export function computeDatabasePath(dataDir: string): string {
  return join(resolve(dataDir), 'cchc.sqlite')
}

/**
 * Makes a fresh store ready to use: the province's registered agencies and, when there is no admin
 * token yet, one admin token, returned so that it can be shown once.
 */
export function seedStore(
  store: Store,
  catalog: Catalog,
  now: Date,
): { agencies: number; adminToken: string | null } {
  let agencies = 0
  if (store.listAgencies().length === 0) {
    for (const a of catalog.registry.agencies)
      if (store.addAgency({ id: a.id, name: a.name, kind: a.kind }, now.toISOString())) agencies++
  }
  const adminToken =
    store.countAdminTokens() === 0 ? store.addToken(null, now.toISOString()).token : null
  return { agencies, adminToken }
}

/** How long the service's thread waits for a database lock held elsewhere before `store/busy`. */
export const serviceBusyMs = 20

export type ServeOptions = {
  /** Fill an empty store with a year of sample reports (the demo province of `npm start`). */
  demo?: boolean
  port: number
  host: string
  dataDir: string
  adminToken?: string | null
  serveAddin?: AppDeps['serveAddin']
  quotas?: AppDeps['quotas']
  trustProxy?: AppDeps['trustProxy']
  /** The access log's writer; stdout by default, null for none. */
  log?: AppDeps['log']
  /** A JSON file whose fields replace the shipped letter settings (CCHC_PROVINCE_SETTINGS). */
  provinceSettings?: string | null
}

/** Opens the store, seeds the demo province on first start and listens. */
export async function startServer(
  options: ServeOptions,
): Promise<{ server: ServerType; store: Store; url: string; adminToken: string | null }> {
  const weak = options.adminToken ? checkAdminTokenStrength(options.adminToken) : null
  if (weak) throw new AppError('config/invalid', weak)
  // A lock held by another process (a backup, `cchc agency …`) is answered `store/busy` at once
  // rather than stalling the thread that answers every request.
  const store = createStore(computeDatabasePath(options.dataDir), { busyTimeoutMs: serviceBusyMs })
  const catalog = await readCatalog()
  // Read at start, so that a wrong settings file stops the service with its message.
  const provinceSettings = await readShippedSettings(options.provinceSettings)
  const seeded = seedStore(store, catalog, new Date())
  const parsePool = useSharedParsePool()
  const quotas = { ...defaultQuotas, ...options.quotas }
  const intake = createIntake({ store, catalog, parsePool, quotas, now: () => new Date() })
  if (options.demo) await seedDemoSubmissions(intake, store, catalog, new Date())
  const app = createApp({
    store,
    catalog,
    parsePool,
    intake,
    adminToken: options.adminToken ?? null,
    quotas: options.quotas ?? {},
    trustProxy: options.trustProxy ?? false,
    serveAddin: options.serveAddin ?? createAddinServer(),
    log: options.log === undefined ? (line) => process.stdout.write(`${line}\n`) : options.log,
    provinceSettings,
  })
  const server = await new Promise<ServerType>((done, fail) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => done(s))
    s.once('error', fail)
  })
  // Slow or stalled uploads must not hold a connection forever.
  if ('requestTimeout' in server) server.requestTimeout = 120_000
  const address = server.address()
  const port = address && typeof address === 'object' ? address.port : options.port
  const url = `http://${['0.0.0.0', '127.0.0.1', '::'].includes(options.host) ? 'localhost' : options.host}:${port}`
  return { server, store, url, adminToken: seeded.adminToken }
}

/** The console greeting of `cchc serve`: where to go, the period, and the admin token when just created. */
export function renderGreeting(url: string, adminToken: string | null, dataDir: string): string {
  const period = computeCurrentPeriod(Date.now())
  const lines = [
    `CCHC Annex — máy chủ đồng bộ đang chạy / sync service running: ${url}`,
    `  Bảng điều khiển / dashboard: ${url}/   ·   kỳ hiện tại / current period: ${period.id} (${period.label})`,
    `  Dữ liệu / data: ${computeDatabasePath(dataDir)}`,
  ]
  if (adminToken) {
    lines.push(
      '',
      `  Mã quản trị (chỉ hiện một lần, hãy lưu lại) / admin token (shown once, keep it):`,
      `    ${adminToken}`,
      `  Ví dụ / example: curl -H "Authorization: Bearer ${adminToken}" ${url}/api/status`,
    )
  }
  return lines.join('\n')
}
