import { existsSync } from 'node:fs'
import { agencyKinds, computeVietnamDate, type AgencyKind } from '../../core/index.ts'
import { checkAdminTokenStrength } from '../store/passwords.ts'
import { readCatalog } from '../province/catalog.ts'
import { readRegistry } from '../province/config.ts'
import type { Quotas } from '../intake/receive.ts'
import { createProxyTrust } from '../http/client-ip.ts'
import { runMerge } from './merge.ts'
import { computeDatabasePath, renderGreeting, startServer } from '../http/serve.ts'
import { createStore, type Store } from '../store/index.ts'
import { renderSummary } from './summary.ts'
import { AppError } from '../errors/index.ts'
import type {
  agencyAddFlags,
  Args,
  backupFlags,
  dataFlags,
  mergeFlags,
  serveFlags,
} from './flags.ts'

function openStore(dataDir: string) {
  return createStore(computeDatabasePath(dataDir))
}

/**
 * Quotas per agency over all its periods: CCHC_QUOTA_VERSIONS_PER_HOUR, CCHC_QUOTA_MB_PER_HOUR,
 * CCHC_QUOTA_MB_PER_AGENCY.
 */
function readQuotaEnv(): Partial<Quotas> {
  const quotas: Partial<Quotas> = {}
  const versions = Number(process.env.CCHC_QUOTA_VERSIONS_PER_HOUR)
  if (Number.isInteger(versions) && versions > 0) quotas.versionsPerHour = versions
  const megabytes = (name: string) => {
    const mb = Number(process.env[name])
    return Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : null
  }
  const hourly = megabytes('CCHC_QUOTA_MB_PER_HOUR')
  const total = megabytes('CCHC_QUOTA_MB_PER_AGENCY')
  if (hourly) quotas.bytesPerHour = hourly
  if (total) quotas.bytesPerAgency = total
  return quotas
}

/** CCHC_TRUST_PROXY: the number of reverse proxies in front, or their addresses (checked at start). */
function readTrustProxyEnv(): string | null {
  const setting = process.env.CCHC_TRUST_PROXY?.trim() || null
  try {
    createProxyTrust(setting)
  } catch (error) {
    throw new AppError('cli/usage', `CCHC_TRUST_PROXY: ${(error as Error).message}`)
  }
  return setting
}

/** `cchc serve [--port 8787] [--host 127.0.0.1] [--data DIR]`: runs until interrupted. */
export async function runServe({ values, raw }: Args<typeof serveFlags>): Promise<number> {
  const portText = values.port ?? process.env.PORT ?? '8787'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new AppError('cli/usage', `--port: ${portText}`)
  const weak = process.env.CCHC_ADMIN_TOKEN
    ? checkAdminTokenStrength(process.env.CCHC_ADMIN_TOKEN)
    : null
  if (weak) throw new AppError('cli/usage', weak)
  if (!process.env.CCHC_SUPERVISED && !values['no-supervise'])
    return (await import('../jobs/supervisor.ts')).runSupervisor(raw)
  // Supervised: end with the supervisor (its IPC channel closes when it dies, even by kill -9).
  if (process.send) {
    process.once('disconnect', () => process.exit(1))
    process.channel?.unref()
  }
  const { server, store, url, adminToken } = await startServer({
    port,
    host: values.host,
    dataDir: values.data,
    adminToken: process.env.CCHC_ADMIN_TOKEN || null,
    demo: values.demo,
    quotas: readQuotaEnv(),
    trustProxy: readTrustProxyEnv(),
    provinceSettings: process.env.CCHC_PROVINCE_SETTINGS || null,
  })
  process.stdout.write(`${renderGreeting(url, adminToken, values.data)}\n`)
  await new Promise<void>((done) => {
    const stop = () => {
      server.close(() => done())
      // Idle keep-alive connections would hold the close open.
      if ('closeAllConnections' in server) server.closeAllConnections()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  store.close()
  return 0
}

/** Opens the store of `--data`, runs `work` with it and closes it. */
async function withStore<T>(dataDir: string, work: (store: Store) => T | Promise<T>): Promise<T> {
  const store = openStore(dataDir)
  try {
    return await work(store)
  } finally {
    store.close()
  }
}

/** `cchc agency list`: the agencies and their tokens (never a secret). */
export function runAgencyList({ values }: Args<typeof dataFlags>): Promise<number> {
  return withStore(values.data, (store) => {
    for (const a of store.listAgencies()) process.stdout.write(`${a.id}\t${a.kind}\t${a.name}\n`)
    for (const t of store.listTokens())
      process.stdout.write(
        `token ${t.id}\t${t.role}\t${t.agencyId ?? '-'}\t${t.createdAt}${t.revokedAt ? `\tthu hồi/revoked ${t.revokedAt}` : ''}\n`,
      )
    return 0
  })
}

/** `cchc agency add ID "Name" [--kind so|xa|other]`. */
export function runAgencyAdd({
  values,
  positionals,
}: Args<typeof agencyAddFlags>): Promise<number> {
  const [id, ...name] = positionals
  if (!id || !/^[a-z0-9-]{2,60}$/.test(id) || name.length === 0)
    throw new AppError(
      'cli/usage',
      'Cách dùng / Usage: cchc agency add MÃ "Tên cơ quan" [--kind so|xa|other]  (mã: chữ thường, số, "-")',
    )
  if (!agencyKinds.includes(values.kind as AgencyKind))
    throw new AppError('cli/usage', `--kind: ${values.kind} (so | xa | other)`)
  return withStore(values.data, (store) => {
    const added = { id, name: name.join(' '), kind: values.kind as AgencyKind }
    if (!store.addAgency(added, new Date().toISOString()))
      throw new AppError('cli/usage', `Mã cơ quan đã tồn tại / Agency id exists: ${id}`)
    process.stdout.write(`Đã thêm cơ quan / Added: ${id} — ${added.name}\n`)
    return 0
  })
}

/** `cchc agency token ID|admin`: a new token, shown once. */
export function runAgencyToken({ values, positionals }: Args<typeof dataFlags>): Promise<number> {
  const [id] = positionals
  const admin = id === 'admin'
  return withStore(values.data, (store) => {
    if (!id || (!admin && !store.getAgency(id)))
      throw new AppError(
        'cli/usage',
        `Không có cơ quan / Unknown agency: ${id ?? ''}. Cách dùng / Usage: cchc agency token MÃ | admin`,
      )
    const issued = store.addToken(admin ? null : id, new Date().toISOString())
    process.stdout.write(
      `Mã truy cập (chỉ hiện một lần) / token (shown once) [${issued.id}]:\n${issued.token}\n`,
    )
    return 0
  })
}

/** `cchc agency revoke TOKEN_ID`. */
export function runAgencyRevoke({ values, positionals }: Args<typeof dataFlags>): Promise<number> {
  const [tokenId] = positionals
  return withStore(values.data, (store) => {
    if (!tokenId || !store.revokeToken(tokenId, new Date().toISOString()))
      throw new AppError(
        'cli/usage',
        `Không có mã truy cập đang hiệu lực / No live token: ${tokenId ?? ''}`,
      )
    process.stdout.write(`Đã thu hồi / Revoked: ${tokenId}\n`)
    return 0
  })
}

/** `cchc backup -o FILE [--data DIR]`: a consistent copy of the live database. */
export async function runBackup({ values }: Args<typeof backupFlags>): Promise<number> {
  const source = computeDatabasePath(values.data)
  if (!existsSync(source))
    throw new AppError('cli/usage', `Không có cơ sở dữ liệu / No database: ${source}`)
  const output =
    values.output ??
    `${values.data}/backup/cchc-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`
  const store = openStore(values.data)
  try {
    await store.backup(output)
  } finally {
    store.close()
  }
  process.stdout.write(`Đã sao lưu / Backed up → ${output}\n`)
  return 0
}

/** `cchc merge FILES… -o OUT.xlsx [--as-of] [--json] [--agencies A.json]`. */
export async function runMergeCommand({
  values,
  positionals,
}: Args<typeof mergeFlags>): Promise<number> {
  if (positionals.length === 0 || !values.output)
    throw new AppError(
      'cli/usage',
      'Cách dùng / Usage: cchc merge TỆP1.xlsx TỆP2.xlsx … -o TỔNG_HỢP.xlsx',
    )
  const asOf = values['as-of'] ?? computeVietnamDate(Date.now())
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new AppError('cli/usage', `--as-of cần dạng YYYY-MM-DD / expects YYYY-MM-DD: ${asOf}`)
  const catalog = await readCatalog()
  if (values.agencies) catalog.registry = await readRegistry(values.agencies)
  const { input, reports } = await runMerge({
    files: positionals,
    output: values.output,
    asOf,
    catalog,
    listRegistry: Boolean(values.agencies),
    onProgress: (done, total, file) => {
      if (!values.json) process.stderr.write(`[${done}/${total}] ${file}\n`)
    },
  })
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ output: values.output, asOf, files: reports.map((r) => ({ file: r.file, agency: r.agency, report: r.report })) }, null, 2)}\n`,
    )
  } else {
    for (const r of reports)
      process.stdout.write(`\n${r.file} → ${r.agency}\n${renderSummary(r.report)}\n`)
    process.stdout.write(
      `\nĐã tổng hợp ${input.submissions.length} tệp / merged ${input.submissions.length} files → ${values.output}\n`,
    )
  }
  return reports.some((r) => r.report.errorCount > 0) ? 1 : 0
}
