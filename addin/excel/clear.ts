import {
  computeRowIdentity,
  findRecordedSheet,
  readTable,
  replaceMarkRecord,
  type MarkBook,
  type MarkRecord,
  type SavedCell,
} from '../../core/index.ts'
import { AddinError } from './errors.ts'
import { findSheetRecord, runProbe } from './prepare.ts'
import { parseAddress, type SheetRead } from './read.ts'
import { queueMarkBook, readMarkBook } from './record.ts'
import {
  collectRestoreAddresses,
  decideRestore,
  planRestore,
  queueRestore,
  readCellValue,
} from './restore.ts'
import { loadSheet } from './sheet.ts'
import { createBatch } from './write.ts'

/** The first line of the "Kiểm tra" sheet (core's check sheet), by which an orphan one is recognised. */
export const checkSheetTitle = 'KẾT QUẢ KIỂM TRA PHỤ LỤC CCHC'

export type ClearOutcome = {
  cleared: boolean
  syncs: number
  /** Locked cells of a protected sheet left as they are. */
  skipped: string[]
  /** Cells whose rows are gone (deleted or rewritten), left as they are. */
  unrestored: string[]
  /** Notes still to put back on a host with notes (kept in the record until then). */
  pendingNotes: number
}

/** A record holding only the notes a host without notes could not put back. */
function keepPending(record: MarkRecord, read: SheetRead, pending: SavedCell[]): MarkRecord | null {
  if (!pending.length) return null
  const { stt, content } = record.keyColumns
  const rows = [...new Set(pending.map((c) => parseAddress(c.address).top))].sort((a, b) => a - b)
  return {
    ...record,
    sheet: { name: read.sheetName, id: read.sheetId },
    checkSheet: null,
    added: [],
    lastRow: Math.max(record.headerRow, ...rows),
    rows: rows.map((row) =>
      computeRowIdentity(
        row,
        stt ? readCellValue(read, `${stt}${row}`) : null,
        content ? readCellValue(read, `${content}${row}`) : null,
      ),
    ),
    cells: pending,
  }
}

/** The sheet whose marks a clear removes: the active one, or the annex of the active "Kiểm tra" sheet. */
async function findTarget(
  context: Excel.RequestContext,
  active: SheetRead,
  book: MarkBook | null,
  counter: { syncs: number },
): Promise<{ read: SheetRead; record: MarkRecord; adopted: boolean } | null> {
  const found = findSheetRecord(book, active)
  if (found) return { read: active, ...found }
  const annex = book?.records.find(
    (r) => r.checkSheet && findRecordedSheet(r.checkSheet, active.sheets)?.id === active.sheetId,
  )
  const sheet = annex && findRecordedSheet(annex.sheet, active.sheets)
  if (!annex || !sheet) return null
  return {
    read: await loadSheet(context, { id: sheet.id }, counter),
    record: annex,
    adopted: false,
  }
}

/**
 * Removes the marks of the active sheet (or of the annex whose "Kiểm tra" sheet is active) and
 * restores the original look: rows found again by STT, content and position; each cell part only
 * while it still holds what the check wrote; never refused — what cannot be restored is listed.
 * On a host without notes the check's notes stay, and the record keeps what to put back.
 * `forget` ("Xóa dấu kiểm tra") also drops everything else the add-in left in the workbook: an
 * unreadable record, records of sheets that no longer exist and "Kiểm tra" sheets no record names.
 */
export async function runClear(
  context: Excel.RequestContext,
  options: { notes: boolean; forget?: boolean },
): Promise<ClearOutcome> {
  const counter = { syncs: 0 }
  const active = await loadSheet(context, 'active', counter)
  if (active.structureProtected) throw new AddinError('workbook-protected')
  let book = readMarkBook(active)
  const target = await findTarget(context, active, book, counter)
  const outcome: ClearOutcome = {
    cleared: false,
    syncs: 0,
    skipped: [],
    unrestored: [],
    pendingNotes: 0,
  }
  const batch = createBatch(context, counter)
  const sheets = context.workbook.worksheets
  const deleted = new Set<string>()
  const remove = async (id: string) => {
    if (deleted.has(id)) return
    deleted.add(id)
    sheets.getItem(id).delete()
    await batch.add(1)
  }
  if (target) {
    const { read, record } = target
    const notes = options.notes && read.access.editObjects
    const plan = planRestore(record, read, readTable(read.grid)?.header.row ?? null)
    const addresses = collectRestoreAddresses(plan, read)
    const probe = await runProbe(
      context,
      read,
      { notes: notes ? addresses : [], cells: addresses, formulas: [] },
      counter,
    )
    const decisions = decideRestore(plan, read, probe, notes)
    outcome.skipped = await queueRestore(batch, plan, read, probe, decisions, notes)
    outcome.unrestored = plan.unrestored
    const pending = [...decisions.values()].flatMap((d) => (d.pending ? [d.pending] : []))
    outcome.pendingNotes = pending.length
    const check = record.checkSheet && findRecordedSheet(record.checkSheet, active.sheets)
    if (check && check.id !== read.sheetId) await remove(check.id)
    book = replaceMarkRecord(
      book,
      target.adopted ? null : record,
      keepPending(record, read, pending),
    )
    outcome.cleared = true
  }
  if (options.forget) {
    const orphans = await forgetOrphans(context, active, book, deleted, remove)
    book = orphans.book
    outcome.cleared ||= orphans.found
  }
  // The book without this sheet's record (the sheet goes when no record is left).
  if (outcome.cleared)
    await queueMarkBook(batch, book ?? { version: 3, records: [] }, {
      exists: active.marks.exists,
      rows: active.marks.rows,
    })
  await batch.flush()
  return { ...outcome, syncs: counter.syncs }
}

/**
 * "Xóa dấu kiểm tra": the records of sheets that no longer exist and their "Kiểm tra" sheets are
 * dropped, and with an unreadable record, every sheet that is recognisably the add-in's result (its
 * first cell is the result's title and its name "Kiểm tra…"). Returns whether anything was found.
 */
async function forgetOrphans(
  context: Excel.RequestContext,
  active: SheetRead,
  book: MarkBook | null,
  deleted: ReadonlySet<string>,
  remove: (id: string) => Promise<void>,
): Promise<{ book: MarkBook | null; found: boolean }> {
  if (book) {
    const orphans = book.records.filter((r) => !findRecordedSheet(r.sheet, active.sheets))
    for (const record of orphans) {
      const check = record.checkSheet && findRecordedSheet(record.checkSheet, active.sheets)
      if (check) await remove(check.id)
    }
    const records = book.records.filter((r) => !orphans.includes(r))
    return { book: { version: 3, records }, found: orphans.length > 0 }
  }
  if (!active.marks.exists) return { book, found: false }
  // An unreadable record: the result sheets are recognised by their title.
  const firsts = active.sheets
    .filter((s) => /^Kiểm tra( \(\d+\))?$/.test(s.name) && !deleted.has(s.id))
    .map((s) => {
      const cell = context.workbook.worksheets.getItem(s.id).getRange('A1')
      cell.load('values')
      return { id: s.id, cell }
    })
  await context.sync()
  for (const { id, cell } of firsts) if (cell.values[0]?.[0] === checkSheetTitle) await remove(id)
  return { book: null, found: true }
}
