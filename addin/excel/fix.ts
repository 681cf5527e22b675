import { computeFixes, type Report } from '../../core/index.ts'
import { createProbe, queueProbe } from './probe.ts'
import { readSheetAccess } from './protection.ts'
import { formatRun, groupRuns, queueText, createBatch } from './write.ts'

/** A fix the add-in did not write: the cell and the corrected text (to copy, or to check again). */
export type ManualFix = { address: string; value: string }

export type FixOutcome = {
  applied: number
  /** Locked plan cells of a protected sheet: the corrected text to copy by hand. */
  manual: ManualFix[]
  /** Cells that changed since the check (a hand correction, a moved row): left alone. */
  stale: ManualFix[]
}

/**
 * Writes the report's safe automatic fixes (HTML removed, legacy text converted, NFC) into the
 * checked sheet (by its id, else its name), as text — but first reads the cells again and writes a
 * fix only where the cell still holds the text it was computed from, so that a hand correction or
 * a row inserted since is never overwritten. On a protected sheet, locked cells are listed. Two
 * round trips.
 */
export async function runFixes(
  context: Excel.RequestContext,
  report: Report,
  sheetId: string | null = null,
): Promise<FixOutcome> {
  const fixes = computeFixes(report)
  if (!fixes.length) return { applied: 0, manual: [], stale: [] }
  const sheet = context.workbook.worksheets.getItem(sheetId ?? report.sheet)
  sheet.protection.load('protected,options')
  const epoch = context.workbook.functions.date(1904, 1, 1)
  epoch.load('value')
  const probe = createProbe()
  const cells = groupRuns(fixes).map((run) => {
    const range = sheet.getRange(formatRun(run))
    range.load('values')
    return { run, range }
  })
  const pending = await queueProbe(
    sheet,
    { notes: [], cells: fixes.map((f) => f.address), formulas: [] },
    () => context.sync(),
    probe,
  )
  await context.sync()
  for (const read of pending) read()
  const now = new Map<string, unknown>()
  for (const { run, range } of cells)
    run.items.forEach((f, i) => now.set(f.address, range.values[i]?.[0] ?? ''))
  const access = readSheetAccess(sheet.protection)
  const stale = fixes.filter((f) => String(now.get(f.address) ?? '') !== (f.from ?? ''))
  const manual = fixes.filter(
    (f) => !stale.includes(f) && access.protected && probe.locked.has(f.address),
  )
  const writable = fixes.filter((f) => !stale.includes(f) && !manual.includes(f))
  const batch = createBatch(context, { syncs: 0 })
  const mode = { canFormat: access.formatCells, date1904: epoch.value === 0 }
  for (const run of groupRuns(writable))
    await queueText(
      batch,
      sheet.getRange(formatRun(run)),
      run.items.map((f) => [f.value]),
      mode,
    )
  await batch.flush()
  const strip = ({ address, value }: ManualFix) => ({ address, value })
  return { applied: writable.length, manual: manual.map(strip), stale: stale.map(strip) }
}
