import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { ParseJob } from './parse-jobs.ts'
import { createWorkerPool, JobError, type RunOptions, type WorkerPool } from './worker-pool.ts'
import { AppError, isErrorCode } from '../errors/index.ts'

/**
 * Limits of a parse worker: memory for ExcelJS and core, time for one workbook; jobs and bytes that
 * may wait for a worker (each waiting upload holds its file).
 */
export const parseLimits = {
  memoryMb: 384,
  timeoutMs: 20_000,
  maxQueue: 500,
  maxQueuedBytes: 128 * 1024 * 1024,
}

/**
 * A worker of server/jobs/ (`name`.worker): the built one (dist/) when there is one; else the
 * TypeScript source, or `module` in its place, loaded through tsx by a small bootstrap (Node 20
 * workers do not take `--import tsx` in execArgv).
 */
export function locateWorker(name: string, module?: URL): { entry: URL | string; eval: boolean } {
  const built = new URL(`./${name}.worker.js`, import.meta.url)
  if (!module && existsSync(fileURLToPath(built))) return { entry: built, eval: false }
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const source = JSON.stringify((module ?? new URL(`./${name}.worker.ts`, import.meta.url)).href)
  return {
    entry: `import(${tsx}).then((api) => { api.register(); return import(${source}) })`,
    eval: true,
  }
}

/** A pool of parse workers (at most two: the machine is small and the SQLite writer needs a core). */
export function createParsePool(
  options: {
    size?: number
    timeoutMs?: number
    memoryMb?: number
    /** Another worker module (TypeScript) in place of parse.worker.ts: a test's slow stand-in. */
    module?: URL
  } = {},
): WorkerPool {
  const memoryMb = options.memoryMb ?? parseLimits.memoryMb
  return createWorkerPool({
    ...locateWorker('parse', options.module),
    size: options.size ?? Math.max(1, Math.min(2, availableParallelism())),
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.ceil(memoryMb / 8)),
      stackSizeMb: 4,
    },
    timeoutMs: options.timeoutMs ?? parseLimits.timeoutMs,
    maxQueue: parseLimits.maxQueue,
    maxQueuedBytes: parseLimits.maxQueuedBytes,
    announcesReady: true,
  })
}

let shared: WorkerPool | null = null

/** The process's one parse pool, started on first use (every app in a process shares it). */
export function useSharedParsePool(): WorkerPool {
  shared ??= createParsePool()
  return shared
}

/** Runs a parse job, turning a worker's failure back into the error the caller would have thrown. */
export async function runInWorker<T>(
  pool: WorkerPool,
  job: ParseJob,
  run: RunOptions = {},
): Promise<T> {
  try {
    return await pool.run<T>(job, run)
  } catch (error) {
    throw convertJobError(error)
  }
}

/** A worker's or the pool's failure as the error the caller would have thrown on its own thread. */
export function convertJobError(error: unknown): unknown {
  if (!(error instanceof JobError)) return error
  const f = error.failure
  if (f.kind === 'over-budget') return new AppError('workbook/too-complex')
  if (f.kind === 'busy') return new AppError('request/busy')
  // Only a caller that has gone cancels: the request was already answered (timed out, closed).
  if (f.kind === 'cancelled') return new AppError('request/timeout')
  if (f.kind === 'app' && isErrorCode(f.code)) return new AppError(f.code, f.detail)
  return new Error('message' in f ? f.message : f.kind)
}
