/**
 * An in-memory Excel host for the subset of Office.js the add-in uses, faithful to its shapes and to
 * the documented rules real workbooks bring: proxies whose commands are queued and run in order at
 * `context.sync()` (no rollback when one fails), properties that throw until loaded and synced,
 * `*OrNullObject` methods and null objects through chained calls, sheets found by name or id, used
 * ranges, merged areas (at most 512 per call), number formats, fills, notes, hyperlinks, hidden
 * sheets, typed-input rules ("=", "+", "-" start formulas outside text cells), sheet protection with
 * locked cells (AccessDenied), and Excel on the web's 5 MB request and response limits. It counts
 * round trips. No Node built-ins: it also runs in the browser.
 */
import { FakeEngine, microsoft365, type FakeHost } from './fake-excel/context.ts'
import type { FakeWorkbook } from './fake-excel/model.ts'
import { FakeWorkbookProxy } from './fake-excel/workbook.ts'

export {
  applyInput,
  createFakeWorkbook,
  createProtection,
  FakeOfficeError,
  readFakeValue,
} from './fake-excel/model.ts'
export type { FakeCell, FakeProtection, FakeSheet, FakeWorkbook } from './fake-excel/model.ts'
export {
  copyFakeSheet,
  deleteFakeRows,
  insertFakeRows,
  protectFakeSheet,
  renameFakeSheet,
  resaveFakeWorkbook,
  typeFakeCell,
} from './fake-excel/user.ts'
export {
  fakeRequestLimit,
  fakeResponseLimit,
  measureJson,
  microsoft365,
  office2021,
} from './fake-excel/context.ts'
export type { FakeHost } from './fake-excel/context.ts'
export { mergedAreasLimit } from './fake-excel/range.ts'

/** A request context over a fake workbook; `syncs` counts round trips. */
export class FakeContext {
  readonly workbook: FakeWorkbookProxy
  private engine: FakeEngine

  constructor(
    readonly model: FakeWorkbook,
    host: FakeHost = microsoft365,
  ) {
    this.engine = new FakeEngine(model, host)
    this.workbook = new FakeWorkbookProxy(this.engine)
  }
  get syncs(): number {
    return this.engine.syncs
  }
  get largestRequest(): number {
    return this.engine.largestRequest
  }
  get largestResponse(): number {
    return this.engine.largestResponse
  }
  sync(): Promise<void> {
    return this.engine.sync()
  }
}

/**
 * `Excel.run` over a fake workbook in a given host (Microsoft 365 unless told): the callback gets a
 * fresh context; its round trips are added to `counter`. `host` may be changed between runs (the
 * same file opened in another Excel).
 */
export function createFakeExcel(model: FakeWorkbook, host: FakeHost = microsoft365) {
  const counter = { syncs: 0, largestRequest: 0, largestResponse: 0 }
  return {
    model,
    counter,
    host,
    /** Whether the host has the notes API, as Office.context.requirements answers it. */
    get notes(): boolean {
      return this.host.notes
    },
    async run<T>(callback: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const context = new FakeContext(model, this.host)
      try {
        return await callback(context as unknown as Excel.RequestContext)
      } finally {
        counter.syncs += context.syncs
        counter.largestRequest = Math.max(counter.largestRequest, context.largestRequest)
        counter.largestResponse = Math.max(counter.largestResponse, context.largestResponse)
      }
    },
  }
}
