/**
 * The browser side of the end-to-end test: stands in for office.js, giving the task pane `Office`
 * and `Excel` globals backed by the fake Excel host, with the workbook the test put in
 * `window.__cchcFakeSheets` before the page loaded. The test reads the workbook back from `window.__cchcFake`.
 */
import { createFakeExcel, createFakeWorkbook } from './fake-excel.ts'

type Sheets = Parameters<typeof createFakeWorkbook>[0]
const scope = window as unknown as {
  __cchcFakeSheets: Sheets
  __cchcFake: ReturnType<typeof createFakeExcel>
  Office: unknown
  Excel: unknown
}
const excel = createFakeExcel(createFakeWorkbook(scope.__cchcFakeSheets))
scope.__cchcFake = excel
scope.Office = {
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: 'Excel', platform: 'OfficeOnline' }
    return new Promise((done) => setTimeout(() => done(callback ? callback(info) : info), 0))
  },
  context: {
    requirements: {
      isSetSupported: (set: string, version: string) =>
        set === 'ExcelApi' && Number(version) <= 1.18,
    },
  },
  actions: { associate: () => {} },
}
scope.Excel = {
  run: <T>(callback: (context: Excel.RequestContext) => Promise<T>) => excel.run(callback),
}
