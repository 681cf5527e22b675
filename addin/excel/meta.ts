import { metaSheetName } from '../../core/index.ts'

/**
 * Remembers one value in the workbook's hidden "_cchc" sheet (a key/value row, which every checker
 * reads: the add-in, `cchc validate`, the server), replacing the row of that key. Two round trips.
 */
export async function writeMetaEntry(
  context: Excel.RequestContext,
  key: string,
  value: string,
): Promise<void> {
  const sheets = context.workbook.worksheets
  const existing = sheets.getItemOrNullObject(metaSheetName)
  existing.load('name')
  const used = existing.getUsedRangeOrNullObject(true)
  used.load('values')
  await context.sync()
  const rows = existing.isNullObject || used.isNullObject ? [] : (used.values as unknown[][])
  const index = rows.findIndex((r) => r[0] === key)
  const sheet = existing.isNullObject ? sheets.add(metaSheetName) : existing
  const row = (index >= 0 ? index : rows.length) + 1
  const range = sheet.getRange(`A${row}:B${row}`)
  // Text, so that Excel keeps "2026-07-14" as written rather than as a date serial.
  range.numberFormat = [['@', '@']]
  range.values = [[key, value]]
  if (existing.isNullObject) sheet.visibility = 'VeryHidden'
  await context.sync()
}
