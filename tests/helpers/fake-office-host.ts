/**
 * The browser side of the end-to-end test: stands in for office.js, giving the task pane `Office`
 * and `Excel` globals backed by the fake Excel host, with the workbook the test put in
 * `window.__cchcFakeSheets` (and the host in `window.__cchcFakeHost`: Microsoft 365 unless told)
 * before the page loaded. The test reads the workbook back from `window.__cchcFake`.
 */
import { createFakeExcel, createFakeWorkbook, microsoft365, type FakeHost } from './fake-excel.ts'

type Sheets = Parameters<typeof createFakeWorkbook>[0]
const scope = window as unknown as {
  __cchcFakeSheets: Sheets
  __cchcFakeHost?: FakeHost
  __cchcFake: ReturnType<typeof createFakeExcel>
  Office: unknown
  Excel: unknown
}
const host = scope.__cchcFakeHost ?? microsoft365
const excel = createFakeExcel(createFakeWorkbook(scope.__cchcFakeSheets), host)
scope.__cchcFake = excel
scope.Office = {
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: 'Excel', platform: 'OfficeOnline' }
    return new Promise((done) => setTimeout(() => done(callback ? callback(info) : info), 0))
  },
  context: {
    requirements: {
      // ExcelApi 1.18 (notes) only on hosts that have it; every host here has 1.17.
      isSetSupported: (set: string, version: string) =>
        set === 'ExcelApi' && Number(version) <= (host.notes ? 1.18 : 1.17),
    },
  },
  actions: { associate: () => {} },
}
scope.Excel = {
  run: <T>(callback: (context: Excel.RequestContext) => Promise<T>) => excel.run(callback),
}
