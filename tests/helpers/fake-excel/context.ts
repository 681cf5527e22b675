import { FakeOfficeError, type FakeCell, type FakeSheet, type FakeWorkbook } from './model.ts'

/** Excel on the web's limits on one request's and one response's payload. */
export const fakeRequestLimit = 5 * 1024 * 1024
export const fakeResponseLimit = 5 * 1024 * 1024

/** A queued command: its request bytes, and what it runs at sync (returning what it loads, if anything). */
type Op = { bytes: number; run: () => unknown }

const encoder = new TextEncoder()
/** UTF-8 bytes of a value as JSON (what travels between the add-in and Excel). */
export function measureJson(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length
}

/**
 * The Excel the add-in runs in: Microsoft 365 and Excel on the web have the notes API (ExcelApi
 * 1.18); Office 2021 and 2024 (volume-licensed perpetual) do not ("Not supported" in Microsoft's
 * requirement-set table), and a request that uses it fails with ApiNotFound.
 */
export type FakeHost = { name: string; notes: boolean }
export const microsoft365: FakeHost = { name: 'Microsoft 365', notes: true }
export const office2021: FakeHost = { name: 'Office 2021', notes: false }

/** The request context's engine: commands queue up and run in order at `sync()`; limits are enforced. */
export class FakeEngine {
  syncs = 0
  largestRequest = 0
  largestResponse = 0
  private queue: Op[] = []

  constructor(
    readonly model: FakeWorkbook,
    readonly host: FakeHost = microsoft365,
  ) {}

  /** Every command costs about as much as Microsoft's client sends for it (an action and an object path). */
  enqueue(run: () => unknown, payload: unknown = null): void {
    this.queue.push({ bytes: 160 + (payload === null ? 0 : measureJson(payload)), run })
  }

  async sync(): Promise<void> {
    const ops = this.queue
    this.queue = []
    this.syncs++
    const failure = this.model.failNextSync
    if (failure && (failure.after ?? 0) > 0) failure.after = failure.after! - 1
    else if (failure) {
      failure.times = (failure.times ?? 1) - 1
      if (failure.times <= 0) delete this.model.failNextSync
      throw new FakeOfficeError(failure.code, failure.message)
    }
    if (this.model.cellEditMode)
      throw new FakeOfficeError(
        'InvalidOperationInCellEditMode',
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      )
    const bytes = ops.reduce((n, op) => n + op.bytes, 0)
    this.largestRequest = Math.max(this.largestRequest, bytes)
    if (bytes > fakeRequestLimit)
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${bytes} bytes).`,
      )
    await Promise.resolve()
    let response = 0
    // Excel runs the commands in order and does not roll back those that ran before a failure.
    for (const op of ops) {
      const loaded = op.run()
      if (loaded !== undefined) response += measureJson(loaded)
    }
    this.largestResponse = Math.max(this.largestResponse, response)
    if (response > fakeResponseLimit)
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${response} bytes).`,
      )
  }

  sheet(key: string): FakeSheet | null {
    return this.model.sheets.find((s) => s.name === key || s.id === key) ?? null
  }
}

function denied(what: string): FakeOfficeError {
  return new FakeOfficeError(
    'AccessDenied',
    `The cell or chart you're trying to change is on a protected sheet (${what}).`,
  )
}

/** Values may change only in unlocked cells of a protected sheet. */
export function guardValues(sheet: FakeSheet, cells: FakeCell[]): void {
  if (sheet.protection.protected && cells.some((c) => c.locked)) throw denied('locked cell')
}
/** Formats (fills, fonts, number formats, clearing formats) need "Format cells" on a protected sheet. */
export function guardFormat(sheet: FakeSheet): void {
  if (sheet.protection.protected && !sheet.protection.allowFormatCells) throw denied('formatting')
}
/** Column widths need "Format columns" on a protected sheet. */
export function guardColumns(sheet: FakeSheet): void {
  if (sheet.protection.protected && !sheet.protection.allowFormatColumns)
    throw denied('column width')
}
/** Notes are objects: "Edit objects" on a protected sheet. */
export function guardObjects(sheet: FakeSheet): void {
  if (sheet.protection.protected && !sheet.protection.allowEditObjects) throw denied('notes')
}
/** Hyperlinks need "Insert hyperlinks" on a protected sheet (and an unlocked cell). */
export function guardHyperlinks(sheet: FakeSheet): void {
  if (sheet.protection.protected && !sheet.protection.allowInsertHyperlinks)
    throw denied('hyperlinks')
}
/** Adding, deleting, renaming, hiding or showing sheets is refused while the structure is protected. */
export function guardStructure(model: FakeWorkbook): void {
  if (model.structureProtected)
    throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.')
}
/** The notes API exists only on hosts with ExcelApi 1.18. */
export function guardNotesApi(engine: FakeEngine): void {
  if (!engine.host.notes)
    throw new FakeOfficeError(
      'ApiNotFound',
      'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
    )
}

/** The base of every proxy: properties are readable only after load() and sync(). */
export class FakeProxy {
  protected loaded = new Map<string, unknown>()
  constructor(protected ctx: FakeEngine) {}

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      )
    }
    return this.loaded.get(name) as T
  }

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject')
  }

  protected names(props: string | string[] | Record<string, unknown> | undefined): string[] {
    if (props === undefined) return []
    if (typeof props === 'string')
      return props
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
    if (Array.isArray(props)) return props
    return Object.keys(props)
  }
}
