import { FakeProxy, type FakeEngine } from './context.ts'
import { FakeWorksheetCollection } from './worksheet.ts'

/** `Workbook.protection` (ExcelApi 1.7): whether the structure is protected. */
class FakeWorkbookProtection extends FakeProxy {
  get protected(): boolean {
    return this.read('protected')
  }
  load(_props?: string | string[]) {
    this.ctx.enqueue(() => {
      const on = this.ctx.model.structureProtected === true
      this.loaded.set('protected', on)
      return { protected: on }
    })
    return this
  }
}

/** A worksheet function's result (`FunctionResult`): `value` after load and sync. */
class FakeFunctionResult extends FakeProxy {
  constructor(
    ctx: FakeEngine,
    private compute: () => unknown,
  ) {
    super(ctx)
  }
  get value(): unknown {
    return this.read('value')
  }
  get error(): string | null {
    return this.read('error')
  }
  load(_props?: string | string[]) {
    this.ctx.enqueue(() => {
      const value = this.compute()
      this.loaded.set('value', value)
      this.loaded.set('error', null)
      return { value, error: null }
    })
    return this
  }
}

/**
 * `Workbook.functions` (ExcelApi 1.2): Excel's worksheet functions, evaluated in the workbook.
 * DATE counts days in the workbook's date system: DATE(1904, 1, 1) is 0 in the 1904 system and
 * 1462 in the 1900 one (Excel's DATE: "year … 1900 or 1904 depending on the workbook's date system").
 */
class FakeFunctions {
  constructor(private ctx: FakeEngine) {}
  date(year: number, month: number, day: number) {
    return new FakeFunctionResult(this.ctx, () => {
      const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 31)) / 86_400_000
      const serial = days >= 60 ? days + 1 : days
      return this.ctx.model.date1904 ? serial - 1462 : serial
    })
  }
}

/** The workbook of a request context: its sheets, structure protection and worksheet functions. */
export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection
  readonly protection: FakeWorkbookProtection
  readonly functions: FakeFunctions
  constructor(ctx: FakeEngine) {
    this.worksheets = new FakeWorksheetCollection(ctx)
    this.protection = new FakeWorkbookProtection(ctx)
    this.functions = new FakeFunctions(ctx)
  }
}
