import {
  chooseColumn,
  formatColumnChoices,
  parseColumnChoices,
  type ColumnChoices,
  type FieldKey,
} from '../../core/index.ts'

/** The hidden sheet of template metadata; its `columns` row remembers the user's column choices. */
const metaSheetName = '_cchc'

/**
 * Remembers in the workbook what a column means (the `columns` row of the hidden "_cchc" sheet,
 * which every checker reads: the add-in, `cchc validate`, the server). Two round trips.
 */
export async function writeColumnChoice(
  context: Excel.RequestContext,
  column: string,
  field: FieldKey | null,
  current: FieldKey | null,
): Promise<ColumnChoices> {
  const sheets = context.workbook.worksheets
  const existing = sheets.getItemOrNullObject(metaSheetName)
  existing.load('name')
  const used = existing.getUsedRangeOrNullObject(true)
  used.load('values')
  await context.sync()
  const rows = existing.isNullObject || used.isNullObject ? [] : (used.values as unknown[][])
  const index = rows.findIndex((r) => r[0] === 'columns')
  const before = index >= 0 ? parseColumnChoices(String(rows[index]![1] ?? '')).choices : {}
  const choices = chooseColumn(before, column, field, current)
  const sheet = existing.isNullObject ? sheets.add(metaSheetName) : existing
  const row = (index >= 0 ? index : rows.length) + 1
  sheet.getRange(`A${row}:B${row}`).values = [['columns', formatColumnChoices(choices)]]
  if (existing.isNullObject) sheet.visibility = 'VeryHidden'
  await context.sync()
  return choices
}
