import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { ParseJob } from './parse-jobs.ts'
import { createWorkerPool, JobError, type WorkerPool } from './worker-pool.ts'
import { AppError, isErrorCode } from '../errors/index.ts'

/** Limits of a parse worker: memory for ExcelJS and core, time for one workbook. */
export const parseLimits = { memoryMb: 384, timeoutMs: 20_000, maxQueue: 500 }

/**
 * The built worker (dist/) when there is one; else the TypeScript source, loaded through tsx by a
 * small bootstrap (Node 20 workers do not take `--import tsx` in execArgv).
 */
function locateWorker(): { entry: URL | string; eval: boolean } {
  const built = new URL('./parse.worker.js', import.meta.url)
  if (existsSync(fileURLToPath(built))) return { entry: built, eval: false }
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const source = JSON.stringify(new URL('./parse.worker.ts', import.meta.url).href)
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
  } = {},
): WorkerPool {
  const memoryMb = options.memoryMb ?? parseLimits.memoryMb
  return createWorkerPool({
    ...locateWorker(),
    size: options.size ?? Math.max(1, Math.min(2, availableParallelism())),
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.ceil(memoryMb / 8)),
      stackSizeMb: 4,
    },
    timeoutMs: options.timeoutMs ?? parseLimits.timeoutMs,
    maxQueue: parseLimits.maxQueue,
  })
}

let shared: WorkerPool | null = null

/** The process's one parse pool, started on first use (every app in a process shares it). */
export function useSharedParsePool(): WorkerPool {
  shared ??= createParsePool()
  return shared
}

/** Runs a parse job, turning a worker's failure back into the error the caller would have thrown. */
export async function runInWorker<T>(pool: WorkerPool, job: ParseJob): Promise<T> {
  try {
    return await pool.run<T>(job)
  } catch (error) {
    if (!(error instanceof JobError)) throw error
    const f = error.failure
    if (f.kind === 'over-budget') throw new AppError('workbook/too-complex')
    if (f.kind === 'busy') throw new AppError('request/busy')
    if (f.kind === 'app' && isErrorCode(f.code)) throw new AppError(f.code, f.detail)
    throw new Error('message' in f ? f.message : f.kind)
  }
}
