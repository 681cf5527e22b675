import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { parsePeriod } from '../../../../core/index.ts'
import { createApp } from '../../../../server/http/app.ts'
import { seedStore } from '../../../../server/http/serve.ts'
import { writeConsolidatedBook } from '../../../../server/jobs/book-jobs.ts'
import { createBookPool } from '../../../../server/jobs/book-pool.ts'
import type { WorkerPool } from '../../../../server/jobs/worker-pool.ts'
import { readCatalog } from '../../../../server/province/catalog.ts'
import { createStore, type Store } from '../../../../server/store/index.ts'
import { buildQuarterStore } from '../../../helpers/quarter.ts'
import { bearer, listen } from '../../../helpers/service.ts'

const now = new Date('2026-09-15T03:00:00Z')
const slowWorker = new URL('../../../helpers/slow-book.worker.ts', import.meta.url)
const cleanups: (() => Promise<unknown> | unknown)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A service over a quarter's store (a real file), with its own book pool and an admin token. */
async function startService(
  quarter: { tasks: number; missing: number },
  pool: WorkerPool = createBookPool(),
) {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-book-'))
  const { store, catalog } = await buildQuarterStore(dir, quarter.tasks, quarter.missing)
  const token = store.addToken(null, now.toISOString()).token
  const app = createApp({ store, catalog, now: () => now, bookPool: pool })
  cleanups.push(
    () => store.close(),
    () => pool.close(),
  )
  return { app, store, catalog, pool, headers: bearer(token) }
}

/** Every sheet of a workbook with the values of every row, as ExcelJS reads them back. */
async function readBook(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook.worksheets.map((ws) => {
    const rows: unknown[] = []
    ws.eachRow({ includeEmpty: true }, (row) => rows.push(row.values))
    return { name: ws.name, rows }
  })
}

/** The same workbook built on this thread, for comparison. */
async function buildInThread(store: Store, catalog: Awaited<ReturnType<typeof readCatalog>>) {
  const stream = new PassThrough()
  const parts: Buffer[] = []
  stream.on('data', (part: Buffer) => parts.push(part))
  const ended = new Promise((done) => stream.on('end', done))
  await writeConsolidatedBook(store, parsePeriod('2026-Q3')!, now, catalog, stream)
  await ended
  return new Uint8Array(Buffer.concat(parts))
}

/** Waits (a bounded time) until `check` holds. */
async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms
  while (!check() && Date.now() < until) await new Promise((done) => setTimeout(done, 20))
  return check()
}

describe('GET /api/consolidated.xlsx built in a book worker', () => {
  it('streams the same workbook the thread that answers would build', async () => {
    const { app, store, catalog, pool, headers } = await startService({ tasks: 12, missing: 3 })
    const res = await app.request('/api/consolidated.xlsx?period=2026-Q3', { headers })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('tong-hop-cchc-2026-Q3.xlsx')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const fromWorker = await readBook(new Uint8Array(await res.arrayBuffer()))
    // It was the worker's: one was started, and it has nothing left to do.
    expect(pool.countWorkers()).toBe(1)
    expect(pool.countRunning()).toBe(0)
    const inThread = await readBook(await buildInThread(store, catalog))
    expect(fromWorker.map((s) => s.name)).toEqual(inThread.map((s) => s.name))
    expect(fromWorker.length).toBeGreaterThanOrEqual(7)
    for (const [i, sheet] of fromWorker.entries()) {
      expect(sheet.rows.length).toBeGreaterThan(2)
      expect(sheet.rows).toEqual(inThread[i]!.rows)
    }
    expect(store.listSecurityEvents().some((e) => e.event === 'download.consolidated')).toBe(true)
  }, 20_000)

  it('keeps /healthz answering quickly while the book of a whole quarter is built', async () => {
    const { app, pool, headers } = await startService({ tasks: 150, missing: 6 })
    pool.warm()
    expect(await waitFor(() => pool.isReady() && pool.countWorkers() === 1, 15_000)).toBe(true)
    const server = await listen(app)
    cleanups.push(() => server.close())
    let done = false
    const download = fetch(`${server.url}/api/consolidated.xlsx?period=2026-Q3`, { headers })
      .then(async (res) => ({ status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) }))
      .finally(() => (done = true))
    const probes: number[] = []
    // Probes until the download is complete (bounded: the pool's budget is 30 s).
    while (!done && probes.length < 300) {
      const start = performance.now()
      const res = await fetch(`${server.url}/healthz`)
      expect(await res.text()).toBe('ok')
      probes.push(performance.now() - start)
      await new Promise((wait) => setTimeout(wait, 40))
    }
    const { status, bytes } = await download
    expect(status).toBe(200)
    expect(bytes.byteLength).toBeGreaterThan(100_000)
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK')
    expect(probes.length).toBeGreaterThanOrEqual(3)
    expect(Math.max(...probes)).toBeLessThan(200)
  }, 20_000)

  it('stops the job when the client abandons the download', async () => {
    const pool = createBookPool({ module: slowWorker })
    const { app, headers } = await startService({ tasks: 3, missing: 100 }, pool)
    const server = await listen(app)
    cleanups.push(() => server.close())
    const client = new AbortController()
    const res = await fetch(`${server.url}/api/consolidated.xlsx?period=2026-Q4`, {
      headers,
      signal: client.signal,
    })
    expect(res.status).toBe(200)
    expect(pool.countRunning()).toBe(1)
    client.abort()
    expect(await waitFor(() => pool.countRunning() === 0, 3000)).toBe(true)
    // The worker that was stopped is gone; the next download starts another.
    const again = await fetch(`${server.url}/api/consolidated.xlsx?period=2026-Q3`, { headers })
    expect(again.status).toBe(200)
    expect((await again.arrayBuffer()).byteLength).toBeGreaterThan(1000)
  }, 20_000)

  it('answers 503 book/busy in Vietnamese when downloads already fill the queue', async () => {
    const pool = createBookPool({ module: slowWorker, maxQueue: 1 })
    const { app, headers } = await startService({ tasks: 3, missing: 100 }, pool)
    const running = await app.request('/api/consolidated.xlsx?period=2026-Q4', { headers })
    expect(running.status).toBe(200)
    // One waits for the worker, the next is refused at once.
    const waiting = app.request('/api/consolidated.xlsx?period=2026-Q4', { headers })
    expect(await waitFor(() => pool.countQueued().jobs === 1)).toBe(true)
    const refused = await app.request('/api/consolidated.xlsx?period=2026-Q4', { headers })
    expect(refused.status).toBe(503)
    const body = (await refused.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('book/busy')
    expect(body.error.message).toMatch(/Máy chủ đang lập sổ tổng hợp/)
    // The first download abandoned, the one that waited has the worker.
    await running.body!.cancel()
    const served = await waiting
    expect(served.status).toBe(200)
    await served.body!.cancel()
    expect(await waitFor(() => pool.countRunning() === 0)).toBe(true)
  }, 20_000)

  it('builds on the answering thread when the store is in memory (no worker can open it)', async () => {
    const store = createStore(':memory:')
    const catalog = await readCatalog()
    const { adminToken } = seedStore(store, catalog, now)
    const pool = createBookPool()
    cleanups.push(
      () => store.close(),
      () => pool.close(),
    )
    const app = createApp({ store, catalog, now: () => now, bookPool: pool })
    const res = await app.request('/api/consolidated.xlsx?period=2026-Q3', {
      headers: bearer(adminToken!),
    })
    expect(res.status).toBe(200)
    expect((await readBook(new Uint8Array(await res.arrayBuffer()))).length).toBeGreaterThan(0)
    expect(pool.countWorkers()).toBe(0)
  })
})
