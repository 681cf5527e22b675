import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { sheets_v4 } from '@googleapis/sheets'
import { applyMask, parseMask } from './mask.ts'
import { FakeApiError, type FakeSheet, type FakeSpreadsheet } from './model.ts'
import { applyBatch } from './requests.ts'
import { createValidator, findUnknownMaskPath } from './schema.ts'

type CellData = sheets_v4.Schema$CellData

/** One request the fake received, for assertions. */
export type FakeCall = {
  method: string
  path: string
  authorization: string | null
  status: number
  bytes: number
  at: number
  body?: unknown
}

export type FakeSheetsOptions = {
  books: FakeSpreadsheet[]
  /** Bearer token → user (quota and protection are per user). */
  tokens: Record<string, string>
  /** The clock the per-minute quota runs on; tests pass a simulated one. */
  clock?: () => number
  readsPerMinute?: number
  writesPerMinute?: number
}

const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
}

function computeEffective(cell: CellData): CellData {
  const out: CellData = {}
  const u = cell.userEnteredValue
  if (u) {
    const link = u.formulaValue
      ? /^=HYPERLINK\("[^"]*"\s*,\s*"([^"]*)"\)$/.exec(u.formulaValue)
      : null
    if (u.formulaValue)
      out.effectiveValue = link
        ? { stringValue: link[1]! }
        : { errorValue: { type: 'ERROR', message: 'fake: formulas are not evaluated' } }
    else out.effectiveValue = structuredClone(u)
    out.userEnteredValue = structuredClone(u)
  }
  if (cell.userEnteredFormat) {
    out.userEnteredFormat = structuredClone(cell.userEnteredFormat)
    out.effectiveFormat = structuredClone(cell.userEnteredFormat)
  }
  if (cell.note) out.note = cell.note
  return out
}

function renderSheet(sheet: FakeSheet, user: string, gridData: boolean): sheets_v4.Schema$Sheet {
  const out: sheets_v4.Schema$Sheet = {
    properties: { ...structuredClone(sheet.properties), sheetType: 'GRID' },
    merges: structuredClone(sheet.merges),
    protectedRanges: sheet.protections.map((p, i) => ({
      protectedRangeId: i + 1,
      range: structuredClone(p.range),
      warningOnly: p.warningOnly ?? false,
      requestingUserCanEdit: p.editors.includes(user),
    })),
    developerMetadata: structuredClone(sheet.developerMetadata),
  }
  if (gridData) {
    const rows: sheets_v4.Schema$RowData[] = []
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(',').map(Number) as [number, number]
      while (rows.length <= r) rows.push({})
      const values = (rows[r]!.values ??= [])
      while (values.length <= c) values.push({})
      values[c] = computeEffective(cell)
    }
    out.data = [{ rowData: rows }]
  }
  return out
}

/**
 * A loopback stand-in for the Sheets v4 endpoints our code uses (`spreadsheets.get`,
 * `spreadsheets.batchUpdate`) and Google's OAuth token endpoint, strict where the real API is:
 * bodies and field masks checked against the schema generated from `sheets_v4`, unknown fields
 * refused, masked fields the data does not cover cleared, grid and cell limits, per-user
 * per-minute quotas (429), bearer tokens required.
 */
export async function startFakeSheets(options: FakeSheetsOptions) {
  const books = new Map(options.books.map((b) => [b.spreadsheetId, b]))
  const clock = options.clock ?? Date.now
  const limits = { read: options.readsPerMinute ?? 60, write: options.writesPerMinute ?? 60 }
  const windows = new Map<string, number[]>()
  const calls: FakeCall[] = []
  const failures: number[] = []
  const peaks = { read: 0, write: 0 }
  const grants = new Map<string, { challenge: string; redirect: string; clientId: string }>()
  const validateBatch = createValidator('Schema$BatchUpdateSpreadsheetRequest')
  // Google returns a refresh token only on first consent (or with prompt=consent); tests can turn it off.
  const oauth = { refreshTokens: true }

  const takeQuota = (user: string, kind: 'read' | 'write') => {
    const key = `${user}|${kind}`
    const now = clock()
    const window = (windows.get(key) ?? []).filter((t) => t > now - 60_000)
    if (window.length >= limits[kind])
      throw new FakeApiError(
        429,
        `Quota exceeded for quota metric '${kind === 'read' ? 'Read' : 'Write'} requests' and limit '${kind === 'read' ? 'Read' : 'Write'} requests per minute per user'`,
      )
    window.push(now)
    windows.set(key, window)
    peaks[kind] = Math.max(peaks[kind], window.length)
  }

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    })

  const handleToken = (body: string) => {
    const form = new URLSearchParams(body)
    const grant = grants.get(form.get('code') ?? '')
    const verifier = form.get('code_verifier') ?? ''
    const hashed = createHash('sha256').update(verifier).digest('base64url')
    if (!grant || hashed !== grant.challenge || form.get('redirect_uri') !== grant.redirect)
      throw new FakeApiError(400, 'invalid_grant')
    grants.delete(form.get('code')!)
    const token = `ya29.fake-${randomBytes(6).toString('hex')}`
    options.tokens[token] = `user:${grant.clientId}`
    return {
      access_token: token,
      refresh_token: `1//fake-refresh`,
      expires_in: 3599,
      token_type: 'Bearer',
    }
  }

  const handle = async (req: IncomingMessage, res: ServerResponse, call: FakeCall) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const body = await readBody(req)
    call.bytes = Buffer.byteLength(body)
    if (url.pathname === '/token' && req.method === 'POST') return handleToken(body)
    if (url.pathname === '/revoke') return {}
    const failure = failures.shift()
    if (failure) throw new FakeApiError(failure, 'fake: injected failure')
    const token = /^Bearer (\S+)$/.exec(call.authorization ?? '')?.[1]
    const user = token ? options.tokens[token] : undefined
    if (!user) throw new FakeApiError(401, 'Request is missing required authentication credential.')
    const m = /^\/v4\/spreadsheets\/([^/:]+)(:batchUpdate)?$/.exec(decodeURIComponent(url.pathname))
    if (!m) throw new FakeApiError(404, `fake: no such endpoint ${req.method} ${url.pathname}`)
    const book = books.get(m[1]!)
    if (m[2]) {
      if (req.method !== 'POST') throw new FakeApiError(404, 'batchUpdate is POST')
      takeQuota(user, 'write')
      if (!book) throw new FakeApiError(404, 'Requested entity was not found.')
      let parsed: unknown
      try {
        parsed = JSON.parse(body)
      } catch {
        throw new FakeApiError(400, 'Invalid JSON payload received.')
      }
      call.body = parsed
      if (!validateBatch(parsed)) {
        const e = validateBatch.errors?.[0]
        throw new FakeApiError(
          400,
          `Invalid JSON payload received. ${e?.instancePath} ${e?.message} ${JSON.stringify(e?.params)}`,
        )
      }
      const { book: next, replies } = applyBatch(
        book,
        (parsed as { requests?: sheets_v4.Schema$Request[] }).requests ?? [],
        user,
      )
      books.set(next.spreadsheetId, next)
      return { spreadsheetId: next.spreadsheetId, replies }
    }
    if (req.method !== 'GET') throw new FakeApiError(404, 'fake: use GET')
    takeQuota(user, 'read')
    if (!book) throw new FakeApiError(404, 'Requested entity was not found.')
    for (const key of url.searchParams.keys())
      if (!['fields', 'includeGridData', 'alt', 'prettyPrint'].includes(key))
        throw new FakeApiError(400, `fake: unsupported parameter ${key}`)
    const full: sheets_v4.Schema$Spreadsheet = {
      spreadsheetId: book.spreadsheetId,
      properties: structuredClone(book.properties),
      sheets: book.sheets.map((s) =>
        renderSheet(s, user, url.searchParams.get('includeGridData') === 'true'),
      ),
    }
    const fields = url.searchParams.get('fields')
    if (!fields) return full
    const mask = parseMask(fields)
    const bad = findUnknownMaskPath('Schema$Spreadsheet', mask)
    if (bad)
      throw new FakeApiError(
        400,
        `Request contains an invalid argument: unknown field '${bad}' in fields`,
      )
    return applyMask(full, mask)
  }

  const server = createServer((req, res) => {
    const call: FakeCall = {
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization ?? null,
      status: 200,
      bytes: 0,
      at: clock(),
    }
    calls.push(call)
    handle(req, res, call)
      .then((result) => {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(result))
      })
      .catch((error: unknown) => {
        const status = error instanceof FakeApiError ? error.status : 500
        call.status = status
        const message = error instanceof Error ? error.message : String(error)
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(
          JSON.stringify({
            error: { code: status, message, status: statusNames[status] ?? 'UNKNOWN' },
          }),
        )
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  return {
    url,
    books,
    calls,
    peaks,
    oauth,
    /** The next requests fail with these statuses (a 429 or 5xx storm). */
    failNext: (...statuses: number[]) => failures.push(...statuses),
    /** The consent step of OAuth as the browser does it: returns the redirect to our loopback server. */
    authorize(authUrl: string): string {
      const q = new URL(authUrl).searchParams
      const code = `4/fake-${randomBytes(6).toString('hex')}`
      grants.set(code, {
        challenge: q.get('code_challenge') ?? '',
        redirect: q.get('redirect_uri') ?? '',
        clientId: q.get('client_id') ?? '',
      })
      return `${q.get('redirect_uri')}/?code=${encodeURIComponent(code)}&state=${q.get('state')}`
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
export type FakeSheets = Awaited<ReturnType<typeof startFakeSheets>>
