import { Writable } from 'node:stream'
import type { Period } from '../../core/index.ts'
import { computeConsolidatedSheets } from '../consolidation/plan.ts'
import { readConsolidatedInput } from '../consolidation/period-status.ts'
import type { Catalog } from '../province/catalog.ts'
import { createStore, type Store } from '../store/index.ts'
import { writeConsolidated } from '../xlsx/consolidated.ts'
import { readCatalogPart } from './catalog-part.ts'

/** What the answering thread asks of a book worker: the consolidated workbook of one period. */
export type BookJob = {
  kind: 'consolidated'
  /** The service's database file, opened read-only by the worker. */
  dbPath: string
  /** The period as the request named it (its id, cut-off and due date). */
  period: Period
  /** The service's clock when the workbook was asked for (ISO). */
  now: string
  /** serializeCatalogPart's JSON, the plans as the service has them. */
  catalog: string
}

/** A worker's chunks are posted once this many bytes have gathered (and at the end). */
export const bookChunkBytes = 64 * 1024

/**
 * Reads a period from the store, plans the consolidated workbook's sheets and streams it into
 * `stream` (the one builder of `GET /api/consolidated.xlsx`, in its worker or on the thread that
 * answers when the store is in memory). The reads share one snapshot of the database; they and the
 * plan happen before this returns (a failure there is thrown), the writing after.
 */
export function writeConsolidatedBook(
  store: Store,
  period: Period,
  now: Date,
  catalog: Catalog,
  stream: Writable,
): Promise<void> {
  const input = store.transaction(() => readConsolidatedInput(store, period, now, catalog))()
  const sheets = computeConsolidatedSheets(input)
  return writeConsolidated(sheets, stream, { province: input.province ?? '', period: input.label })
}

/**
 * A stream that hands its bytes on in parts of about `bookChunkBytes`, each in a buffer of its own
 * (which the worker transfers without a copy).
 */
export function createChunkStream(post: (chunk: ArrayBuffer) => void): Writable {
  let parts: Uint8Array[] = []
  let held = 0
  const flush = () => {
    if (held === 0) return
    const chunk = new Uint8Array(held)
    let at = 0
    for (const p of parts) {
      chunk.set(p, at)
      at += p.byteLength
    }
    parts = []
    held = 0
    post(chunk.buffer)
  }
  return new Writable({
    write(data: Buffer, _encoding, done) {
      parts.push(data)
      held += data.byteLength
      if (held >= bookChunkBytes) flush()
      done()
    },
    final(done) {
      flush()
      done()
    },
  })
}

/**
 * Runs one book job inside a worker: the database opened read-only for the job, the workbook's
 * bytes posted as they are written; resolves with the bytes sent once the last has been posted.
 */
export async function runBookJob(
  job: BookJob,
  post: (chunk: ArrayBuffer) => void,
): Promise<{ bytes: number }> {
  const store = createStore(job.dbPath, { readonly: true })
  try {
    let bytes = 0
    const stream = createChunkStream((chunk) => {
      bytes += chunk.byteLength
      post(chunk)
    })
    const finished = new Promise<void>((done, fail) => {
      stream.on('finish', done)
      stream.on('error', fail)
    })
    await writeConsolidatedBook(
      store,
      job.period,
      new Date(job.now),
      readCatalogPart(job.catalog),
      stream,
    )
    await finished
    return { bytes }
  } finally {
    store.close()
  }
}
