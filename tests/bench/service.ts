/**
 * The sync service at quarter-end, in its own process (so that the peak memory printed is its own):
 * 150-row workbooks posted over a real port to the service with its parse workers, sustained and
 * 125 at once; and the cost of synchronous=FULL for the submission transaction. Prints one JSON line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkWorkbook } from '../../server/check.ts'
import { startServer } from '../../server/serve.ts'
import { createStore } from '../../server/store.ts'
import { bearer, createUpload } from '../helpers/service.ts'
import { buildAnnex } from './annex.ts'

const agencies = 125
const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-service-'))
const bytes = await buildAnnex(150)
const { server, store, url } = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir: join(dir, 'data'),
  log: null,
})
const tokens = Array.from({ length: agencies }, (_, i) => {
  const id = `xa-thu-${i + 1}`
  store.addAgency({ id, name: `UBND xã Thử ${i + 1}`, kind: 'xa' }, '2026-09-01T00:00:00Z')
  return store.addToken(id, '2026-09-01T00:00:00Z').token
})

async function post(token: string, period: string): Promise<number> {
  const res = await fetch(`${url}/api/submissions`, {
    method: 'POST',
    headers: bearer(token),
    body: createUpload(bytes, { period }),
  })
  await res.arrayBuffer()
  return res.status
}

// Warm the parse workers (their first job loads ExcelJS).
await Promise.all([post(tokens[0]!, '2025-Q4'), post(tokens[1]!, '2025-Q4')])

// Sustained: every agency submits for two periods, eight requests in flight at any time.
const jobs = ['2026-Q2', '2026-Q3'].flatMap((period) => tokens.map((token) => ({ token, period })))
let next = 0
const statuses: number[] = []
const cpuStart = process.cpuUsage()
const sustainedStart = performance.now()
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!
      statuses.push(await post(job.token, job.period))
    }
  }),
)
const sustainedMs = performance.now() - sustainedStart
// CPU of every thread of this process (service, parse workers and the client) per submission.
const cpu = process.cpuUsage(cpuStart)
const cpuMsPerSubmission = (cpu.user + cpu.system) / 1000 / jobs.length

// Burst: 125 agencies at once.
const burstStart = performance.now()
const burst = await Promise.all(tokens.map((token) => post(token, '2026-Q1')))
const burstMs = performance.now() - burstStart
const stored = store.countSubmissions()
await new Promise((done) => server.close(done))
store.close()

// synchronous=FULL against NORMAL: the submission transaction alone, on real files.
const { report } = await checkWorkbook(bytes, { asOf: '2026-09-14' })
async function timeTransactions(mode: 'FULL' | 'NORMAL'): Promise<number> {
  const s = createStore(join(dir, `sync-${mode}.sqlite`), { synchronous: mode })
  s.addAgency({ id: 'a', name: 'A', kind: 'other' }, '2026-09-01T00:00:00Z')
  const start = performance.now()
  for (let i = 0; i < 60; i++)
    s.addSubmission({
      agencyId: 'a',
      period: '2026-Q3',
      submittedAt: '2026-09-15T00:00:00Z',
      submittedBy: null,
      fileName: null,
      contentType: 'x',
      file: new Uint8Array([...bytes.subarray(0, 1000), i]),
      planId: null,
      report,
    })
  s.close()
  return (performance.now() - start) / 60
}
const normalMs = await timeTransactions('NORMAL')
const fullMs = await timeTransactions('FULL')
rmSync(dir, { recursive: true, force: true })

const peakMB =
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024
console.log(
  JSON.stringify({
    rows: 150,
    sustained: jobs.length,
    sustainedPerSecond: jobs.length / (sustainedMs / 1000),
    cpuMsPerSubmission,
    sustainedStored: statuses.filter((s) => s === 201).length,
    burst: agencies,
    burstStored: burst.filter((s) => s === 201).length,
    burstPerSecond: agencies / (burstMs / 1000),
    stored,
    fullMs,
    normalMs,
    peakMB,
  }),
)
