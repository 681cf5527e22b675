import { columnNumber, computeExcelSerial, type CellValue } from '../../core/index.ts'
import { needsTextPrefix } from './protection.ts'
import { parseAddress } from './read.ts'

/**
 * Excel on the web refuses requests and responses over 5 MB. A batch is sent before its estimated
 * size reaches this; the estimate is checked against the bytes Microsoft's own client sends
 * (tests/addin/payload.test.ts runs the adapter through `@microsoft/office-js` with a recording transport).
 */
export const requestLimit = 3.5 * 1024 * 1024
/** The budget for what one round trip loads (responses have the same 5 MB limit). */
export const responseLimit = 3 * 1024 * 1024

/**
 * What Microsoft's client sends for one command besides its arguments: its action and the object
 * paths it creates (`getRange(…).format.fill.color = …` is three paths, three actions and a setter).
 * Measured with the real client in tests/addin/payload.test.ts.
 */
export const commandBytes = 600

const encoder = new TextEncoder()
/** UTF-8 bytes of a value as JSON, as the request carries it. */
export function measureJson(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length
}

/**
 * Queues writes and sends them with as few `context.sync()` calls as the request limit allows: one
 * for an ordinary sheet, more only when a huge sheet's payload would pass the limit.
 */
export type Batch = {
  context: Excel.RequestContext
  bytes: number
  add(commands: number, payload?: unknown): Promise<void>
  flush(): Promise<void>
}

export function createBatch(
  context: Excel.RequestContext,
  counter: { syncs: number },
  onFlush?: (estimate: number) => void,
): Batch {
  const batch: Batch = {
    context,
    bytes: 0,
    async add(commands: number, payload?: unknown) {
      batch.bytes += commands * commandBytes + (payload === undefined ? 0 : measureJson(payload))
      if (batch.bytes > requestLimit) await batch.flush()
    },
    async flush() {
      if (batch.bytes === 0) return
      const estimate = batch.bytes
      await context.sync()
      counter.syncs++
      batch.bytes = 0
      onFlush?.(estimate)
    },
  }
  return batch
}

/** How values may be written on a sheet: with number formats or not, and the date system. */
export type WriteMode = { canFormat: boolean; date1904: boolean }

/** A core value as Office.js writes it: a real date as its serial number (shown by a date format). */
export function toOffice(value: CellValue, date1904 = false): string | number | boolean {
  if (value === null) return ''
  if (typeof value === 'object') return computeExcelSerial(value.date, date1904)
  return value
}

/** The number format that keeps a written value as it is: text as text ("@"), dates as dates. */
export function chooseFormat(value: CellValue): string {
  if (typeof value === 'string') return '@'
  return value !== null && typeof value === 'object' ? 'dd/mm/yyyy' : 'General'
}

/**
 * Writes values so that Excel keeps text as text. Where formats may change, the number formats are
 * set first, in the same batch, so "- Tổ chức…", "+84…", "=…" and "'…" are never taken as formulas
 * or prefixes, and `restore` gives cells their original formats afterwards (a format set after the
 * value does not re-read it). Where "Format cells" is not allowed (a protected sheet), text Excel
 * would not keep is written after an apostrophe instead, and no format is touched.
 */
export async function queueText(
  batch: Batch,
  range: Excel.Range,
  values: CellValue[][],
  mode: WriteMode,
  restore?: string[][],
): Promise<void> {
  if (!mode.canFormat) {
    const office = values.map((row) =>
      row.map((v) =>
        typeof v === 'string' && needsTextPrefix(v) ? `'${v}` : toOffice(v, mode.date1904),
      ),
    )
    range.values = office
    await batch.add(1, office)
    return
  }
  const numberFormat = values.map((row) => row.map(chooseFormat))
  range.numberFormat = numberFormat
  const office = values.map((row) => row.map((v) => toOffice(v, mode.date1904)))
  range.values = office
  if (restore) range.numberFormat = restore
  await batch.add(restore ? 3 : 2, [numberFormat, office, restore ?? null])
}

/** Groups cells of one column into runs of consecutive rows, so that each run is one request. */
export function groupRuns<T extends { address: string }>(
  items: readonly T[],
): { column: string; top: number; items: T[] }[] {
  const sorted = items
    .map((item) => ({ item, ...parseAddress(item.address) }))
    .sort((a, b) => a.left - b.left || a.top - b.top)
  const runs: { column: string; top: number; items: T[] }[] = []
  for (const { item, top, left } of sorted) {
    const column = /^[A-Z]+/.exec(item.address)![0]
    const last = runs.at(-1)
    if (last && columnNumber(last.column) === left && last.top + last.items.length === top)
      last.items.push(item)
    else runs.push({ column, top, items: [item] })
  }
  return runs
}

/** The address of a run of one column ("K4:K9"). */
export function formatRun(run: { column: string; top: number; items: unknown[] }): string {
  const bottom = run.top + run.items.length - 1
  return `${run.column}${run.top}:${run.column}${bottom}`
}
