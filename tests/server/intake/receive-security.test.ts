import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { parsePeriod, type Report } from '../../../core/index.ts'
import { createApp } from '../../../server/http/app.ts'
import { seedStore } from '../../../server/http/serve.ts'
import { createIntake, defaultQuotas, type Quotas } from '../../../server/intake/receive.ts'
import { reportLimits, serializeBoundedReport } from '../../../server/jobs/parse-jobs.ts'
import { createParsePool } from '../../../server/jobs/parse-pool.ts'
import { readCatalog } from '../../../server/province/catalog.ts'
import { createStore } from '../../../server/store/index.ts'
import { convertCellData } from '../../../server/sheets/read.ts'
import { createPlanGrid, standardHeader } from '../../helpers/grid.ts'
import { bearer, buildFilledWorkbook, createUpload } from '../../helpers/service.ts'

// Parses are a resource: a few per agency, charged when they fail, dropped when nobody waits, and
// quotas count every period. The stand-in worker keeps a worker busy for any upload named "slow-…"
// (a file costing its whole time budget, as a quadratic scan once did) and parses the rest for real.

const slowWorker = new URL('../../helpers/slow-parse.worker.ts', import.meta.url)
const pools: ReturnType<typeof createParsePool>[] = []
afterAll(() => Promise.all(pools.map((p) => p.close())))

const catalog = await readCatalog()
const now = new Date('2026-09-15T03:00:00Z')

async function setUp(
  options: { quotas?: Partial<Quotas>; budgetMs?: number; requestMs?: number } = {},
) {
  const store = createStore(':memory:')
  const { adminToken } = seedStore(store, catalog, now)
  const parsePool = createParsePool({
    size: 2,
    module: slowWorker,
    ...(options.budgetMs ? { timeoutMs: options.budgetMs } : {}),
  })
  pools.push(parsePool)
  const quotas = { ...defaultQuotas, ...options.quotas }
  const intake = createIntake({ store, catalog, parsePool, quotas, now: () => now })
  const app = createApp({
    store,
    catalog,
    now: () => now,
    parsePool,
    intake,
    quotas,
    limits: { timeoutMs: options.requestMs ?? 60_000 },
  })
  const tokens = new Map<string, string>()
  const token = (agency: string) => {
    if (!tokens.has(agency)) tokens.set(agency, store.addToken(agency, now.toISOString()).token)
    return tokens.get(agency)!
  }
  const upload = async (agency: string, name = 'bao-cao.xlsx', period = '2026-Q3') => {
    const bytes = name.startsWith('slow-') ? new Uint8Array(64) : await buildFilledWorkbook()
    const started = performance.now()
    const res = await app.request('/api/submissions', {
      method: 'POST',
      headers: bearer(token(agency)),
      body: createUpload(bytes, { period }, name),
    })
    const body = (await res.json()) as { error?: { code: string } }
    return { status: res.status, code: body.error?.code ?? null, ms: performance.now() - started }
  }
  return { store, app, intake, parsePool, upload, token, adminToken: adminToken! }
}

const agencies = ['so-tu-phap', 'so-tai-chinh', 'so-xay-dung', 'so-y-te', 'so-cong-thuong']

describe('parses are a resource of each agency', () => {
  it("one agency's eight slow uploads no longer starve the others: two in flight, one worker", async () => {
    const { upload, store } = await setUp({ budgetMs: 2_000, requestMs: 7_000 })
    await buildFilledWorkbook()
    const attack = Array.from({ length: 8 }, (_, i) => upload('so-noi-vu', `slow-${i}.xlsx`))
    await new Promise((resolve) => setTimeout(resolve, 100))
    const legit = await Promise.all(agencies.map((a) => upload(a)))
    expect(legit.map((r) => r.status)).toEqual(agencies.map(() => 201))
    // Served by the worker the attacker may not take, well within the request's time (in line
    // behind eight files of 2 s each on two workers, they used to wait 8 s and time out).
    expect(Math.max(...legit.map((r) => r.ms))).toBeLessThan(5_000)
    const attacked = await Promise.all(attack)
    const codes = attacked.map((r) => r.code).sort()
    expect(codes).toEqual([
      'quota/parses',
      'quota/parses',
      'quota/parses',
      'quota/parses',
      'quota/parses',
      'quota/parses',
      'workbook/too-complex',
      'workbook/too-complex',
    ])
    // The two parses that ran out of time are charged to the agency like stored versions.
    const since = new Date(now.getTime() - 3_600_000).toISOString()
    expect(store.readAgencyUsage('so-noi-vu', since)).toEqual({
      attemptsSince: 2,
      bytesSince: 128,
      bytes: 0,
    })
  }, 20_000)

  it('charges refused and timed-out parses: past the hourly allowance the agency is refused before parsing', async () => {
    const { upload, parsePool } = await setUp({ budgetMs: 2_000, quotas: { versionsPerHour: 3 } })
    const first = await Promise.all([upload('so-noi-vu', 'slow-1.xlsx'), upload('so-noi-vu')])
    expect(first.map((r) => r.status)).toEqual([422, 201])
    expect((await upload('so-noi-vu', 'slow-2.xlsx')).code).toBe('workbook/too-complex')
    const refused = await upload('so-noi-vu', 'slow-3.xlsx')
    expect(refused).toMatchObject({ status: 429, code: 'quota/versions' })
    expect(refused.ms).toBeLessThan(300)
    expect(parsePool.countQueued()).toEqual({ jobs: 0, bytes: 0 })
  }, 20_000)

  it('drops the parse of a request already answered: the next agency does not wait for it', async () => {
    const { upload, intake, store } = await setUp({ budgetMs: 8_000, requestMs: 600 })
    // Both workers are busy with files whose senders are answered 503 at 600 ms.
    const slow = await Promise.all([
      upload('so-noi-vu', 'slow-1.xlsx'),
      upload('so-tu-phap', 'slow-2.xlsx'),
    ])
    expect(slow.map((r) => r.code)).toEqual(['request/timeout', 'request/timeout'])
    const started = performance.now()
    const { record } = await intake.receive({
      payload: { kind: 'workbook', bytes: await buildFilledWorkbook(), fileName: null },
      destination: { agencyId: 'so-tai-chinh', period: parsePeriod('2026-Q3')! },
      source: 'upload',
      actor: 'agency:test',
    })
    // Not 8 s behind the abandoned files: their workers were stopped when their requests ended.
    expect(performance.now() - started).toBeLessThan(4_000)
    expect(store.listSubmissions({}).map((s) => s.id)).toEqual([record.id])
  }, 20_000)

  it('hands the uploaded bytes to the worker without a copy and stores what came back', async () => {
    const { intake, store, parsePool } = await setUp()
    parsePool.warm()
    while (!parsePool.isReady()) await new Promise((resolve) => setTimeout(resolve, 20))
    const original = await buildFilledWorkbook()
    const bytes = new Uint8Array(original)
    const arrival = intake.receive({
      payload: { kind: 'workbook', bytes, fileName: 'bao-cao.xlsx', owned: true },
      destination: { agencyId: 'so-noi-vu', period: parsePeriod('2026-Q3')! },
      source: 'upload',
      actor: 'agency:test',
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    // Transferred: this thread no longer holds the workbook while the worker reads it.
    expect(bytes.byteLength).toBe(0)
    const { record } = await arrival
    expect(new Uint8Array(store.getSubmissionFile(record.id)!.bytes)).toEqual(original)
  }, 20_000)
})

describe('quotas over all periods, periods near today', () => {
  it('counts versions per hour over every period, not per period', async () => {
    const { upload } = await setUp({ quotas: { versionsPerHour: 2 } })
    const statuses = []
    for (const period of ['2026-Q1', '2026-Q2', '2026-Q3'])
      statuses.push(await upload('so-noi-vu', 'a.xlsx', period))
    expect(statuses.map((r) => r.code ?? r.status)).toEqual([201, 201, 'quota/versions'])
  }, 20_000)

  it('counts the bytes kept over every period, and accepts only this year, last and next from an agency', async () => {
    const { upload, app, adminToken, store } = await setUp({ quotas: { bytesPerAgency: 400_000 } })
    const far = await upload('so-noi-vu', 'a.xlsx', '1900-Q1')
    expect(far).toMatchObject({ status: 400, code: 'request/period-out-of-range' })
    expect((await upload('so-noi-vu', 'a.xlsx', '2028-Q1')).code).toBe(
      'request/period-out-of-range',
    )
    expect((await upload('so-noi-vu', 'a.xlsx', '2025-Q4')).status).toBe(201)
    expect((await upload('so-noi-vu', 'a.xlsx', '2027-Q1')).code).toBe('quota/bytes')
    // Sở Nội vụ may file any period on an agency's behalf.
    const behalf = await app.request('/api/submissions', {
      method: 'POST',
      headers: bearer(adminToken),
      body: createUpload(await buildFilledWorkbook(), { period: '2019-Q4', agency: 'so-tu-phap' }),
    })
    expect(behalf.status).toBe(201)
    expect(store.listSubmissions({}).map((s) => s.period)).toEqual(['2019-Q4', '2025-Q4'])
  }, 20_000)
})

/** A small workbook whose one long text (a shared string) fills a column on every row. */
async function buildRepeatedTextWorkbook(rows: number, chars: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Phụ lục')
  sheet.addRow(['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'])
  sheet.addRow([])
  sheet.addRow(standardHeader)
  const long = 'Triển khai nhiệm vụ cải cách hành chính. '.repeat(chars / 40 + 1).slice(0, chars)
  for (let i = 1; i <= rows; i++)
    sheet.addRow([i, long, 'Sở Nội vụ', '', 'Quý IV/2026', 'Đang thực hiện'])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('a bounded report', () => {
  it('keeps the report of a small file whose long text repeats on every row within a few MB', async () => {
    const { app, token, store } = await setUp()
    const bytes = await buildRepeatedTextWorkbook(700, 30_000)
    expect(bytes.byteLength).toBeLessThan(100_000)
    const res = await app.request('/api/submissions', {
      method: 'POST',
      headers: bearer(token('so-noi-vu')),
      body: createUpload(bytes, { period: '2026-Q3' }),
    })
    // 700 rows of 30,000 characters used to make a report of 21 MB (83 MB for 2,000 rows), read
    // again by every later view of the period.
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    const stored = store.getSubmissionReportJson(id)!
    expect(Buffer.byteLength(stored)).toBeLessThan(reportLimits.bytes)
    expect(Buffer.byteLength(stored)).toBeLessThan(6 * 1024 * 1024)
  }, 30_000)

  it('refuses to keep a serialized report past its limit, whatever made it so large', () => {
    const huge = 'Nội dung rất dài. '.repeat(600_000)
    const report = { tasks: [{ content: huge }], summary: { byStatus: {} } } as unknown as Report
    expect(() => serializeBoundedReport(report)).toThrow(
      expect.objectContaining({ code: 'workbook/report-too-large' }),
    )
  })
})

describe('cell text capped in every reader', () => {
  it("keeps a JSON table's cell of 40,000 characters as Excel would hold it: 32,767", async () => {
    const { app, token, store } = await setUp()
    const long = 'Rà soát thủ tục hành chính. '.repeat(1500).slice(0, 40_000)
    const res = await app.request('/api/submissions', {
      method: 'POST',
      headers: { ...bearer(token('so-noi-vu')), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        period: '2026-Q3',
        table: createPlanGrid([[1, long, 'Sở Nội vụ', '', 'Quý IV/2026', 'Đang thực hiện']]),
      }),
    })
    // Refused outright before (a string past 32,767 failed the schema), though Sheets allows 50,000.
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    // The report keeps a task's text to its own bound; the stored table keeps what was sent.
    const rows = store.listRows([id])
    expect(rows.map((r) => long.startsWith(r.content.replace(/…$/, '')))).toEqual([true])
    expect(rows[0]!.content.length).toBeLessThanOrEqual(32_767)
  })

  it('reads a Google Sheets cell of 50,000 characters as 32,767', () => {
    const text = 'x'.repeat(50_000)
    expect(convertCellData({ effectiveValue: { stringValue: text } })).toBe(text.slice(0, 32_767))
  })
})
