import { PassThrough, Readable } from 'node:stream'
import { Hono, type Context } from 'hono'
import type { Period } from '../../../core/index.ts'
import { logSecurityEvent, requireAdmin } from '../auth.ts'
import { writeConsolidatedBook } from '../../jobs/book-jobs.ts'
import { streamBookJob } from '../../jobs/book-pool.ts'
import { createCatalogPartCache } from '../../jobs/catalog-part.ts'
import type { Env, Services } from '../context.ts'
import { readPeriodParam } from './params.ts'

/**
 * The workbook's bytes built in a book worker, which reads the database file read-only: this thread
 * only hands the chunks on. Waits for the first bytes, so that a refusal (busy) or an early failure
 * is answered with its code; the client leaving (or the request timing out) before then, or closing
 * the download after, stops the job.
 */
async function streamFromWorker(
  c: Context<Env>,
  services: Services,
  period: Period,
  file: string,
  catalogPart: () => string,
): Promise<ReadableStream<Uint8Array>> {
  const waiting = new AbortController()
  const answered = c.get('answered')
  const gone = () => waiting.abort()
  answered.addEventListener('abort', gone, { once: true })
  try {
    const job = {
      kind: 'consolidated' as const,
      dbPath: file,
      period,
      now: services.now().toISOString(),
      catalog: catalogPart(),
    }
    return await streamBookJob(services.bookPool, job, waiting.signal)
  } finally {
    // `answered` aborts once this handler returns: the download goes on, stopped by its own close.
    answered.removeEventListener('abort', gone)
  }
}

/**
 * The workbook built on this thread, for a store in memory (tests, `:memory:`), which no worker can
 * open: it blocks the thread while it reads and plans, as it did before the book worker.
 */
function streamInThread(services: Services, period: Period): ReadableStream {
  const stream = new PassThrough()
  writeConsolidatedBook(services.store, period, services.now(), services.catalog, stream).catch(
    (error: unknown) => stream.destroy(error as Error),
  )
  return Readable.toWeb(stream) as ReadableStream
}

/**
 * GET /api/consolidated.xlsx: the provincial workbook (admin only), built in a book worker and
 * streamed as its bytes arrive; on this thread only when the store is in memory.
 */
export function createConsolidatedRoutes(services: Services) {
  const catalogPart = createCatalogPartCache(services.catalog)
  return new Hono<Env>().use(requireAdmin).get('/', async (c) => {
    const period = readPeriodParam(c.req.query('period'), services.now())
    services.plans.refresh()
    const file = services.store.file
    const stream = file
      ? await streamFromWorker(c, services, period, file, catalogPart)
      : streamInThread(services, period)
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    c.header('Content-Disposition', `attachment; filename="tong-hop-cchc-${period.id}.xlsx"`)
    c.header('X-Content-Type-Options', 'nosniff')
    logSecurityEvent(c, services, 'download.consolidated', period.id)
    return c.body(stream)
  })
}
