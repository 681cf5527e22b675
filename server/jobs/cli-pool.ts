import { createParsePool, runInWorker } from './parse-pool.ts'
import type { ParseJob } from './parse-jobs.ts'
import type { WorkerPool } from './worker-pool.ts'

/** The CLI's bounds for one workbook: a bomb is answered within 30 s and 1 GB. */
export const cliParseLimits = { timeoutMs: 25_000, memoryMb: 512 }

let pool: WorkerPool | null = null

/**
 * Runs one CLI job in the process's single bounded worker. An idle worker does not keep the
 * process alive, so a command ends as soon as its work is done; a later command reuses it.
 */
export function runCliJob<T>(job: ParseJob): Promise<T> {
  return runInWorker<T>(startCliWorker(), job)
}

/** Starts the CLI's worker now (it loads ExcelJS while the command reads its arguments and files). */
export function startCliWorker(): WorkerPool {
  pool ??= createParsePool({ size: 1, ...cliParseLimits })
  pool.warm()
  return pool
}
