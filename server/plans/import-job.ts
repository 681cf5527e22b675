import { DocumentError } from '../docx/errors.ts'
import { runInWorker } from '../jobs/parse-pool.ts'
import type { WorkerPool } from '../jobs/worker-pool.ts'
import { WorkbookError } from '../xlsx/errors.ts'
import type { ImportedPlan, ImportOptions } from './import.ts'

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
    if (error instanceof WorkbookError && error.code === 'too-complex' && !workbook)
      throw new DocumentError('too-complex')
    throw error
  }
}
