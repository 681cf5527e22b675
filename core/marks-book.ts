import type { MarkBook, MarkRecord, SheetIdentity } from './marks-record.ts'

// Where the marks are: which record belongs to which sheet, where a moved cell is now, what the
// add-in's own sheet is called. Shared by every adapter.

/**
 * The sheet a record names, among the workbook's sheets: by id, else by the name it was marked under
 * when that id belongs to no sheet any more (ids change when another program saves the file).
 */
export function findRecordedSheet<T extends { name: string; id: string }>(
  identity: SheetIdentity,
  sheets: readonly T[],
): T | null {
  const byId = identity.id === null ? undefined : sheets.find((s) => s.id === identity.id)
  return byId ?? sheets.find((s) => s.name === identity.name) ?? null
}

/** The record of a sheet: the one naming it by id, else the one naming it by name. */
export function findMarkRecord(
  book: MarkBook | null,
  sheet: { name: string; id: string },
  sheets: readonly { name: string; id: string }[],
): MarkRecord | null {
  if (!book) return null
  return (
    book.records.find((r) => r.sheet.id === sheet.id) ??
    book.records.find((r) => findRecordedSheet(r.sheet, sheets)?.id === sheet.id) ??
    null
  )
}

/** The book with a sheet's record replaced (or removed when `record` is null); others stay. */
export function replaceMarkRecord(
  book: MarkBook | null,
  old: MarkRecord | null,
  record: MarkRecord | null,
): MarkBook {
  const others = (book?.records ?? []).filter((r) => r !== old)
  return { version: 3, records: record ? [...others, record] : others }
}

/** "D5" with row 5 moved to 7 → "D7"; the column stays. */
export function moveAddress(address: string, rows: ReadonlyMap<number, number>): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address)
  if (!m) return address
  return `${m[1]}${rows.get(Number(m[2])) ?? Number(m[2])}`
}

/** The row-identity columns of a report's table: STT, and the content (or criterion) column. */
export function computeKeyColumns(header: {
  columns: Partial<Record<string, string>>
}): MarkRecord['keyColumns'] {
  return {
    stt: header.columns.stt ?? null,
    content: header.columns.content ?? header.columns.criterion ?? null,
  }
}

/**
 * The name for a new "Kiểm tra" sheet: "Kiểm tra" unless a sheet of the user already has it (names
 * compare without case, as Excel does), then "Kiểm tra (2)", "Kiểm tra (3)"…
 */
export function chooseCheckSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()))
  if (!taken.has(base.toLowerCase())) return base
  for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`
}
