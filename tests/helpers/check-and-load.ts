import { checkWorkbook, type CheckOptions } from '../../server/xlsx/check.ts'
import { loadWorkbook } from '../../server/xlsx/read.ts'

/** Checks workbook bytes (fast reader) and loads them with ExcelJS for marking, as `cchc validate -o` does. */
export async function checkAndLoad(bytes: Uint8Array, options: CheckOptions) {
  return { ...checkWorkbook(bytes, options), workbook: await loadWorkbook(bytes) }
}
