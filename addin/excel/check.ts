import {
  computeFixes,
  computeMarkPlan,
  validateTable,
  type AgencyRegistry,
  type IsoDate,
  type MarkPlan,
  type Report,
  type ScoringProfile,
} from '../../core/index.ts'
import {
  collectNoteAddresses,
  createBatch,
  queueMarks,
  queueNoteProbe,
  queueRestore,
  readNoteProbe,
  type NoteProbe,
} from './mark.ts'
import { parseAddress, queueRead, readLoaded, type SheetRead } from './read.ts'

/** The phases of a check, reported so that the pane can show progress on a large sheet. */
export type CheckPhase = 'read' | 'check' | 'mark' | 'done'

export type CheckOptions = {
  asOf: IsoDate
  file?: string | null
  year?: number | null
  registry?: AgencyRegistry | null
  /** The scoring profile for the template's plan id, when the plan has one. */
  profileFor?: ((planId: string | null) => ScoringProfile | null) | null
  /** Whether the host has the notes API (ExcelApi 1.18); without it problems are shown by fills only. */
  notes: boolean
  onProgress?: (phase: CheckPhase) => void
}

export type CheckOutcome = { report: Report; read: SheetRead; plan: MarkPlan; syncs: number }

/** Whether the host can write cell notes (ExcelApi 1.18). */
export function hasNotesApi(): boolean {
  return (
    typeof Office !== 'undefined' &&
    Office.context?.requirements?.isSetSupported('ExcelApi', '1.18') === true
  )
}

/** Checks the active sheet's table and marks it in place, in at most three round trips for an ordinary sheet. */
export async function runCheck(
  context: Excel.RequestContext,
  options: CheckOptions,
): Promise<CheckOutcome> {
  const counter = { syncs: 0 }
  options.onProgress?.('read')
  const handles = queueRead(context)
  await context.sync()
  counter.syncs++
  const read = readLoaded(handles)
  options.onProgress?.('check')
  const report = validateTable(read.grid, {
    asOf: options.asOf,
    file: options.file ?? null,
    year: options.year ?? null,
    meta: read.meta,
    profile: options.profileFor?.(read.meta?.planId ?? null) ?? null,
    registry: options.registry ?? null,
  })
  const plan = computeMarkPlan(
    report,
    read.record?.sheet === read.sheetName ? read.record.added : [],
  )
  options.onProgress?.('mark')
  const probe = await probeNotes(context, read, plan, options.notes, counter)
  const batch = createBatch(context, counter)
  await queueRestore(batch, read, probe)
  await queueMarks(batch, read, plan, probe)
  await batch.flush()
  options.onProgress?.('done')
  return { report, read, plan, syncs: counter.syncs }
}

async function probeNotes(
  context: Excel.RequestContext,
  read: SheetRead,
  plan: MarkPlan | null,
  notes: boolean,
  counter: { syncs: number },
): Promise<NoteProbe | null> {
  if (!notes) return null
  const addresses = collectNoteAddresses(read, plan)
  const probe = queueNoteProbe(context, read.sheetName, addresses)
  if (addresses.length) {
    await context.sync()
    counter.syncs++
  }
  readNoteProbe(probe)
  return probe
}

/** Removes the marks of the last check and restores the original look. Returns false when there were none. */
export async function runClear(
  context: Excel.RequestContext,
  options: { notes: boolean },
): Promise<{ cleared: boolean; syncs: number }> {
  const counter = { syncs: 0 }
  const handles = queueRead(context)
  await context.sync()
  counter.syncs++
  const read = readLoaded(handles)
  if (!read.record && !read.hasCheckSheet) return { cleared: false, syncs: counter.syncs }
  const probe = await probeNotes(context, read, null, options.notes, counter)
  const batch = createBatch(context, counter)
  await queueRestore(batch, read, probe)
  await batch.flush()
  return { cleared: true, syncs: counter.syncs }
}

/** Writes the report's safe automatic fixes (HTML removed, legacy text converted, NFC) into their cells. */
export async function runFixes(context: Excel.RequestContext, report: Report): Promise<number> {
  const fixes = computeFixes(report)
  if (!fixes.length) return 0
  const sheet = context.workbook.worksheets.getItem(report.sheet)
  for (const fix of fixes) sheet.getRange(fix.address).values = [[fix.value]]
  await context.sync()
  return fixes.length
}

/** Selects a cell of the checked sheet (from the pane's problem list). */
export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string,
  address: string,
): Promise<void> {
  parseAddress(address)
  const sheet = context.workbook.worksheets.getItem(sheetName)
  sheet.activate()
  sheet.getRange(address).select()
  await context.sync()
}
