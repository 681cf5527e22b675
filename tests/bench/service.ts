/**
 * The sync service at quarter-end, in its own process (so that the peak memory printed is its own):
 * 150-row workbooks posted over a real port to the service with its parse workers, sustained and
 * 125 at once; and the cost of synchronous=FULL for the submission transaction. Prints one JSON line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { checkWorkbook } from '../../server/xlsx/check.ts'
import { startServer } from '../../server/http/serve.ts'
import { createStore } from '../../server/store/index.ts'
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

// The agencies post from their own thread (see service-client.mjs), eight requests in flight.
const client = new Worker(new URL('./service-client.mjs', import.meta.url), {
  workerData: { url, bytes, concurrency: 8 },
})
type Job = { token: string; period: string }
function send(jobs: Job[], burst = false): Promise<{ statuses: number[]; ms: number }> {
  return new Promise((done, fail) => {
    client.once('message', done)
    client.once('error', fail)
    client.postMessage({ jobs, burst })
  })
}

/** CPU milliseconds the service's own thread (the process's main thread) has used so far. */
function readServiceThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100)
}

// Warm the parse workers and the client.
await send([
  { token: tokens[0]!, period: '2025-Q4' },
  { token: tokens[1]!, period: '2025-Q4' },
])

// Sustained: every agency submits for two periods, eight requests in flight at any time.
const jobs = ['2026-Q2', '2026-Q3'].flatMap((period) => tokens.map((token) => ({ token, period })))
const cpuStart = process.cpuUsage()
const serviceCpuStart = readServiceThreadCpuMs()
const sustained = await send(jobs)
const statuses = sustained.statuses
const sustainedMs = sustained.ms
// CPU of every thread of this process (service, parse workers and the client) per submission.
const cpu = process.cpuUsage(cpuStart)
const cpuMsPerSubmission = (cpu.user + cpu.system) / 1000 / jobs.length
const serviceThreadMsPerSubmission = (readServiceThreadCpuMs() - serviceCpuStart) / jobs.length

// Burst: 125 agencies at once.
const burstRun = await send(
  tokens.map((token) => ({ token, period: '2026-Q1' })),
  true,
)
const burst = burstRun.statuses
const burstMs = burstRun.ms
await client.terminate()
const stored = store.countSubmissions()
await new Promise((done) => server.close(done))
store.close()

// synchronous=FULL against NORMAL: the submission transaction alone, on real files.
const { report } = checkWorkbook(bytes, { asOf: '2026-09-14' })
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
    serviceThreadMsPerSubmission,
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
