import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import vm from 'node:vm'

/**
 * Microsoft's own Excel JavaScript client (`@microsoft/office-js`, the script Excel on the web loads),
 * run in Node with its transport replaced by a recorder. A request context sends every batch to its
 * request executor (`ClientRequestContext.syncPrivate` calls `_requestExecutor.executeAsync(customData,
 * flags, { Url, Headers, Body })`); the recorder keeps the UTF-8 size of each JSON body and answers
 * with an empty success, which is all a batch of writes expects.
 */
type OfficeScope = {
  Excel: { RequestContext: new () => Excel.RequestContext; Worksheet: { prototype: object } }
}

let scope: OfficeScope | null = null

function loadClient(): OfficeScope {
  if (scope) return scope
  const require = createRequire(import.meta.url)
  const path = require.resolve('@microsoft/office-js/dist/excel-web-16.00.js')
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    Promise,
    navigator: { userAgent: 'node' },
    location: { href: 'https://localhost/', search: '', hash: '', protocol: 'https:' },
    document: {
      readyState: 'complete',
      cookie: '',
      getElementsByTagName: () => [],
      addEventListener() {},
      createElement: () => ({ style: {}, setAttribute() {}, appendChild() {} }),
    },
    addEventListener() {},
    removeEventListener() {},
  }
  sandbox.window = sandbox
  sandbox.self = sandbox
  sandbox.top = sandbox
  sandbox.parent = sandbox
  vm.createContext(sandbox)
  vm.runInContext(readFileSync(path, 'utf8'), sandbox, { filename: path })
  scope = sandbox as unknown as OfficeScope
  addNotesAsComments(scope)
  return scope
}

/** A real Excel request context whose requests are measured instead of sent. */
export function createRecordingContext(): {
  context: Excel.RequestContext
  requests: number[]
} {
  const { Excel } = loadClient()
  const context = new Excel.RequestContext()
  const requests: number[] = []
  const encoder = new TextEncoder()
  Object.assign(context, {
    m_requestUrlAndHeaderInfo: { url: 'https://recorder.invalid', headers: {} },
    _requestExecutor: {
      executeAsync(_customData: unknown, _flags: number, message: { Body: unknown }) {
        requests.push(encoder.encode(JSON.stringify(message.Body)).length)
        return Promise.resolve({
          HttpStatusCode: 200,
          ErrorCode: null,
          ErrorMessage: null,
          Headers: {},
          Body: { Results: [] },
        })
      },
    },
  })
  return { context, requests }
}

/**
 * This build of the client predates the notes API (ExcelApi 1.18). Notes are measured through the
 * comments API, whose calls carry the same arguments (a cell address and the text): `notes.add`
 * → `comments.add`, `notes.getItem(a)` → `comments.getItemByCell(a)`.
 */
function addNotesAsComments(office: OfficeScope): void {
  Object.defineProperty(office.Excel.Worksheet.prototype, 'notes', {
    get(this: { comments: Excel.CommentCollection }) {
      const comments = this.comments
      return {
        add: (address: string, content: string) => comments.add(address, content),
        getItem: (address: string) => comments.getItemByCell(address),
      }
    },
  })
}
