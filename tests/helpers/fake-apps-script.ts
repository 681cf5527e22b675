import { count, FakeRange, parseA1, type CallCounter } from './fake-apps-script-range.ts'
import { createFakeSheet, type FakeSheet, type FakeSpreadsheet } from './fake-sheets/model.ts'

export type { CallCounter } from './fake-apps-script-range.ts'

type GasRange = GoogleAppsScript.Spreadsheet.Range
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet

class FakeSheetHandle {
  constructor(
    private readonly host: FakeHost,
    readonly model: FakeSheet,
  ) {}
  getName = () => this.model.properties.title
  getSheetId = () => this.model.properties.sheetId
  getMaxColumns = () => this.model.properties.gridProperties.columnCount
  getMaxRows = () => this.model.properties.gridProperties.rowCount
  getLastRow = () =>
    Math.max(
      0,
      ...[...this.model.cells]
        .filter(([, c]) => c.userEnteredValue)
        .map(([k]) => Number(k.split(',')[0]) + 1),
    )
  getLastColumn = () =>
    Math.max(
      0,
      ...[...this.model.cells]
        .filter(([, c]) => c.userEnteredValue)
        .map(([k]) => Number(k.split(',')[1]) + 1),
    )
  getDataRange = (): GasRange =>
    new FakeRange(
      this.host,
      this.model,
      1,
      1,
      Math.max(1, this.getLastRow()),
      Math.max(1, this.getLastColumn()),
    ) as unknown as GasRange
  getRange = (a: number | string, col?: number, rows = 1, cols = 1): GasRange => {
    if (typeof a === 'string') {
      const p = parseA1(a)
      return new FakeRange(
        this.host,
        this.model,
        p.row,
        p.col,
        p.rows,
        p.cols,
      ) as unknown as GasRange
    }
    return new FakeRange(this.host, this.model, a, col!, rows, cols) as unknown as GasRange
  }
  getRangeList = (a1s: string[]) => ({
    setFontWeight: (w: string) => {
      for (const a1 of a1s) (this.getRange(a1) as unknown as FakeRange).setFontWeight(w)
    },
  })
  insertColumnsAfter = (after: number, n: number) => {
    count(this.host.calls, 'insertColumnsAfter')
    if (after !== this.getMaxColumns()) throw new Error('fake: only appending columns is supported')
    this.model.properties.gridProperties.columnCount += n
    return this
  }
  addDeveloperMetadata = (key: string, value: string) => {
    count(this.host.calls, 'addDeveloperMetadata')
    this.model.developerMetadata.push({
      metadataId: this.host.book.nextMetadataId++,
      metadataKey: key,
      metadataValue: value,
      location: { locationType: 'SHEET', sheetId: this.getSheetId() },
      visibility: 'DOCUMENT',
    })
    return this
  }
  hideSheet = () => {
    this.model.properties.hidden = true
    return this
  }
  setFrozenRows = (n: number) => void (this.model.properties.gridProperties.frozenRowCount = n)
  setColumnWidth = (column: number, pixels: number) => {
    count(this.host.calls, 'setColumnWidth')
    this.model.pixelSizes.set(column - 1, pixels)
    return this
  }
  hideColumns = (column: number, howMany = 1) => {
    count(this.host.calls, 'hideColumns')
    for (let c = column - 1; c < column - 1 + howMany; c++) this.model.hiddenColumns.add(c)
    return this
  }
  activate = () => {
    this.host.active = this.getSheetId()
    return this
  }
}

/** The host state behind the fake SpreadsheetApp: one spreadsheet of the Sheets fake's model. */
export class FakeHost {
  calls: CallCounter = new Map()
  selection: { sheet: string; address: string } | null = null
  toasts: string[] = []
  active: number
  constructor(public book: FakeSpreadsheet) {
    this.active = book.sheets[0]!.properties.sheetId
  }
  handle(sheet: FakeSheet): GasSheet {
    return new FakeSheetHandle(this, sheet) as unknown as GasSheet
  }
}

/** The globals Apps Script gives a script, backed by a FakeHost; pass them as the vm context. */
export function createAppsScriptGlobals(
  host: FakeHost,
  properties: Map<string, string> = new Map(),
  fetch?: (url: string, options: Record<string, unknown>) => { code: number; body: string },
) {
  const doc = {
    getName: () => host.book.properties.title,
    getSpreadsheetTimeZone: () => host.book.properties.timeZone,
    getActiveSheet: () =>
      host.handle(host.book.sheets.find((s) => s.properties.sheetId === host.active)!),
    getSheets: () => host.book.sheets.map((s) => host.handle(s)),
    getSheetByName: (name: string) => {
      const s = host.book.sheets.find((x) => x.properties.title === name)
      return s ? host.handle(s) : null
    },
    getNumSheets: () => host.book.sheets.length,
    insertSheet: (name: string, index: number) => {
      count(host.calls, 'insertSheet')
      if (host.book.sheets.some((s) => s.properties.title === name))
        throw new Error(`A sheet with the name "${name}" already exists.`)
      const id = Math.max(...host.book.sheets.map((s) => s.properties.sheetId)) + 1
      const sheet = createFakeSheet(id, name, index)
      host.book.sheets.splice(index, 0, sheet)
      return host.handle(sheet)
    },
    deleteSheet: (sheet: GasSheet) => {
      count(host.calls, 'deleteSheet')
      host.book.sheets = host.book.sheets.filter((s) => s.properties.sheetId !== sheet.getSheetId())
    },
    createDeveloperMetadataFinder: () => ({
      withKey: (key: string) => ({
        find: () => {
          count(host.calls, 'findDeveloperMetadata')
          return host.book.sheets.flatMap((s) =>
            s.developerMetadata
              .filter((m) => m.metadataKey === key)
              .map((m) => ({
                getValue: () => m.metadataValue ?? null,
                getLocation: () => ({ getSheet: () => host.handle(s) }),
              })),
          )
        },
      }),
    }),
    toast: (text: string) => void host.toasts.push(text),
  }
  const richText = () => {
    const value = { text: '', link: null as string | null }
    const builder = {
      setText: (t: string) => ((value.text = t), builder),
      setLinkUrl: (l: string) => ((value.link = l), builder),
      build: () => ({ ...value }),
    }
    return builder
  }
  return {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => doc,
      newRichTextValue: richText,
      getUi: () => ({
        createAddonMenu: () => {
          const menu = {
            items: [] as [string, string][],
            addItem: (l: string, f: string) => (menu.items.push([l, f]), menu),
            addToUi: () => void host.toasts.push(`menu:${menu.items.map((i) => i[1]).join(',')}`),
          }
          return menu
        },
        showSidebar: () => undefined,
      }),
    },
    Utilities: {
      formatDate: (date: Date, timeZone: string, _pattern: string) =>
        new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        }).format(date),
    },
    PropertiesService: {
      getUserProperties: () => ({
        getProperty: (k: string) => properties.get(k) ?? null,
        setProperty: (k: string, v: string) => void properties.set(k, v),
      }),
    },
    HtmlService: { createHtmlOutputFromFile: () => ({ setTitle: () => ({}) }) },
    UrlFetchApp: {
      fetch: (url: string, options: Record<string, unknown>) => {
        const r = fetch ? fetch(url, options) : { code: 599, body: '' }
        return { getResponseCode: () => r.code, getContentText: () => r.body }
      },
    },
  }
}
