import {
  computeFixes,
  computeRowKey,
  marksSheetName,
  parseMarkRecord,
  type MarkRecord,
  type Report,
} from '../../core/index.ts'
import { queueRecord } from './mark.ts'
import { createProbe, queueProbe } from './probe.ts'
import { createBatch, queueText } from './write.ts'

/** A fix the add-in could not write (a locked plan cell): the cell and the corrected text to copy. */
export type ManualFix = { address: string; value: string }

/**
 * Writes the report's safe automatic fixes (HTML removed, legacy text converted, NFC) into their
 * cells, as text. On a protected sheet, locked cells are not written: they come back as a list.
 */
export async function runFixes(
  context: Excel.RequestContext,
  report: Report,
): Promise<{ applied: number; manual: ManualFix[] }> {
  const fixes = computeFixes(report)
  if (!fixes.length) return { applied: 0, manual: [] }
  const sheet = context.workbook.worksheets.getItem(report.sheet)
  sheet.load('id')
  sheet.protection.load('protected,options')
  const marks = context.workbook.worksheets.getItemOrNullObject(marksSheetName)
  const stored = marks.getUsedRangeOrNullObject(true)
  stored.load('values')
  const probe = createProbe()
  const sync = async () => {
    await context.sync()
  }
  const pending = await queueProbe(
    sheet,
    [],
    fixes.map((f) => f.address),
    sync,
    probe,
  )
  await context.sync()
  for (const read of pending) read()
  const guarded = sheet.protection.protected
  const canFormat = !guarded || sheet.protection.options.allowFormatCells === true
  const manual = fixes.filter((f) => (guarded && probe.locked.has(f.address)) || !canFormat)
  const writable = fixes.filter((f) => !manual.includes(f))
  const batch = createBatch(context, { syncs: 0 })
  for (const fix of writable) await queueText(batch, sheet.getRange(fix.address), [[fix.value]])
  // The marked rows' identities follow the fixed text, so the next check still finds its marks.
  const record = stored.isNullObject ? null : parseMarkRecord(stored.values.map((r) => r[0]))
  if (record && record.sheet.id === sheet.id) {
    const updated = updateRowKeys(record, writable)
    await queueRecord(batch, updated, { exists: true, rows: stored.values.length })
  }
  await batch.flush()
  return { applied: writable.length, manual }
}

/** A record whose row identities use the fixed text of their STT or content cells. */
function updateRowKeys(
  record: MarkRecord,
  fixes: { address: string; value: string }[],
): MarkRecord {
  const { stt, content } = record.keyColumns
  const rows = record.rows.map((r) => {
    const [sttText = '', contentText = ''] = r.key.split('\u241f')
    const fixed = (column: string | null, before: string) =>
      fixes.find((f) => column && f.address === `${column}${r.row}`)?.value ?? before
    return { row: r.row, key: computeRowKey(fixed(stt, sttText), fixed(content, contentText)) }
  })
  return { ...record, rows }
}
