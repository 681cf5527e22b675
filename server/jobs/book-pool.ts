import type { BookJob } from './book-jobs.ts'
import { convertJobError, locateWorker } from './parse-pool.ts'
import { createWorkerPool, JobError, type WorkerPool } from './worker-pool.ts'
import { AppError } from '../errors/index.ts'

/**
 * Limits of a book worker: memory for a quarter of the whole province (one build peaks near 170 MB
 * in a fresh process), time for one workbook, and the downloads that may wait for the worker.
 */
export const bookLimits = {
  memoryMb: 512,
  timeoutMs: 30_000,
  maxQueue: 2,
}

/**
 * A pool of book workers: one by default (a consolidated workbook is an admin's occasional
 * download; the parse workers and the SQLite writer need the other cores).
 */
export function createBookPool(
  options: {
    size?: number
    timeoutMs?: number
    memoryMb?: number
    maxQueue?: number
    /** Another worker module (TypeScript) in place of book.worker.ts: a test's slow stand-in. */
    module?: URL
  } = {},
): WorkerPool {
  const memoryMb = options.memoryMb ?? bookLimits.memoryMb
  return createWorkerPool({
    ...locateWorker('book', options.module),
    size: options.size ?? 1,
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.ceil(memoryMb / 8)),
      stackSizeMb: 4,
    },
    timeoutMs: options.timeoutMs ?? bookLimits.timeoutMs,
    maxQueue: options.maxQueue ?? bookLimits.maxQueue,
    announcesReady: true,
  })
}

let shared: WorkerPool | null = null

/** The process's one book pool, started on first use (every app in a process shares it). */
export function useSharedBookPool(): WorkerPool {
  shared ??= createBookPool()
  return shared
}

/**
 * A book job's failure as the service answers it: past its time or memory, the server took too long;
 * with downloads already waiting, it is busy building them.
 */
function convertBookError(error: unknown): unknown {
  if (error instanceof JobError && error.failure.kind === 'over-budget')
    return new AppError('request/timeout')
  if (error instanceof JobError && error.failure.kind === 'busy') return new AppError('book/busy')
  return convertJobError(error)
}

/**
 * Runs a book job and resolves, once its first bytes have arrived, with a stream of the workbook's
 * bytes as the worker posts them. A refusal (busy) or a failure before the first byte rejects with
 * its AppError, for the route to answer with its code; a later failure errors the stream. Aborting
 * `signal`, or cancelling the stream before its end (the client has gone), stops the job: it leaves
 * the queue, or its worker is terminated. (A web stream of our own: Node's `Readable.toWeb` throws
 * an uncaught error when data it still holds flows after the reader cancelled.)
 */
export function streamBookJob(
  pool: WorkerPool,
  job: BookJob,
  signal?: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  const stop = new AbortController()
  const forward = () => stop.abort()
  signal?.addEventListener('abort', forward, { once: true })
  let open = true
  let sink: ReadableStreamDefaultController<Uint8Array> | null = null
  const stream = new ReadableStream<Uint8Array>({
    start: (controller) => {
      sink = controller
    },
    cancel: () => {
      if (open) stop.abort()
      open = false
    },
  })
  return new Promise<ReadableStream<Uint8Array>>((started, fail) => {
    let waiting = true
    const begin = () => {
      if (waiting) started(stream)
      waiting = false
    }
    const settle = () => {
      signal?.removeEventListener('abort', forward)
      const wasOpen = open
      open = false
      return wasOpen
    }
    pool
      .run<{ bytes: number }>(job, {
        signal: stop.signal,
        onChunk: (chunk) => {
          if (open) sink!.enqueue(chunk)
          begin()
        },
      })
      .then(
        () => {
          if (settle()) sink!.close()
          begin()
        },
        (error: unknown) => {
          const failure = convertBookError(error)
          const wasOpen = settle()
          if (waiting) {
            waiting = false
            fail(failure)
          } else if (wasOpen) sink!.error(failure)
        },
      )
  })
}
