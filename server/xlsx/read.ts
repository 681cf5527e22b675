import ExcelJS from 'exceljs'
import type { CellValue } from '../../core/index.ts'
import { AppError } from '../errors/index.ts'
import { openPackage, type CheckedPackage } from './guard.ts'
import { buildLoadableZip } from './loadable.ts'

export { metaSheetName } from '../../core/index.ts'

/**
 * Loads a workbook into ExcelJS (to write it) from a checked package, or from bytes checked here
 * first: legacy .xls, .ods, .xlsb and password-protected files get their own message; unsafe or
 * oversized packages are refused before ExcelJS parses them. ExcelJS reads the parts the guard
 * already inflated (see buildLoadableZip).
 */
export async function loadWorkbook(input: CheckedPackage | Uint8Array): Promise<ExcelJS.Workbook> {
  const pkg = input instanceof Uint8Array ? openPackage(input, { write: true }) : input
  const zip = buildLoadableZip(pkg)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(zip as unknown as ArrayBuffer)
  } catch (error) {
    throw new AppError(
      'workbook/corrupt',
      error instanceof Error ? error.message.slice(0, 120) : undefined,
    )
  }
  return workbook
}

type RichText = { richText: { text: string }[] }

/** Converts one ExcelJS cell value to core's cell value. */
export function convertCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : { date: value.toISOString().slice(0, 10) }
  }
  if (typeof value === 'object') {
    if ('richText' in value) return (value as RichText).richText.map((r) => r.text).join('')
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result
      if (result && typeof result === 'object' && 'error' in result) return String(result.error)
      return convertCellValue(result ?? null)
    }
    if ('hyperlink' in value) return convertCellValue((value as { text: ExcelJS.CellValue }).text)
    if ('error' in value) return String((value as { error: string }).error)
  }
  return null
}
