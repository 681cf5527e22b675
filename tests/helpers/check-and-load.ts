import { checkWorkbook, type CheckOptions } from '../../server/xlsx/check.ts'
import { openPackage } from '../../server/xlsx/guard.ts'
import { loadWorkbook } from '../../server/xlsx/read.ts'

/** Checks workbook bytes (fast reader) and loads them with ExcelJS for marking, as `cchc validate -o` does. */
export async function checkAndLoad(bytes: Uint8Array, options: CheckOptions) {
  const pkg = openPackage(bytes, { write: true })
  return { ...checkWorkbook(pkg, options), workbook: await loadWorkbook(pkg) }
}
