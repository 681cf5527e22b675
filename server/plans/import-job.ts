import { runInWorker } from '../jobs/parse-pool.ts'
import type { WorkerPool } from '../jobs/worker-pool.ts'
import type { ImportedPlan, ImportOptions } from './import.ts'
import { AppError } from '../errors/index.ts'

/**
 * Reads a plan's appendix in a bounded parse worker (memory and time capped, as for workbooks): a
 * document that needs more is refused in the words of its kind.
 */
export async function runPlanImport(
  pool: WorkerPool,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportedPlan> {
  try {
    return await runInWorker<ImportedPlan>(pool, { kind: 'plan-import', bytes, options })
  } catch (error) {
    const workbook = /\.xlsx?$/i.test(options.fileName ?? '')
    if (error instanceof AppError && error.code === 'workbook/too-complex' && !workbook)
      throw new AppError('document/too-complex')
    throw error
  }
}
