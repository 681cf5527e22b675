import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serviceBusyMs } from '../../../server/http/serve.ts'
import {
  bearer,
  buildFilledWorkbook,
  createTestService,
  createUpload,
} from '../../helpers/service.ts'

// Another process holding the database's write lock (a backup, `cchc agency …`, an admin's sqlite3
// shell) is answered `503 store/busy` at once; the thread that answers everyone never waits for it.

const root = new URL('../../../', import.meta.url).pathname

/** A separate process that takes the write lock and holds it for `ms`. */
async function holdLock(database: string, ms: number): Promise<ChildProcess> {
  const script = `
const Database = require('better-sqlite3')
const db = new Database(${JSON.stringify(database)})
db.exec('BEGIN IMMEDIATE')
db.prepare("INSERT INTO security_log (time, event) VALUES ('2026-09-15T03:00:00Z', 'other-process')").run()
process.stdout.write('locked\\n')
setTimeout(() => { db.exec('COMMIT'); db.close() }, ${ms})`
  const child = spawn(process.execPath, ['-e', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && done())
    child.once('exit', (code) => fail(new Error(`lock holder exited ${code}`)))
  })
  return child
}

async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}

describe('a database locked by another process', () => {
  it('answers writes 503 store/busy at once, keeps answering reads and /healthz, and recovers', async () => {
    const s = await createTestService({}, { busyTimeoutMs: serviceBusyMs })
    const agency = bearer(s.agencyToken('so-noi-vu'))
    const holder = await holdLock(join(s.dir, 'cchc.sqlite'), 8_000)
    try {
      const write = await timed(() =>
        s.app.request('/api/tokens', {
          method: 'POST',
          headers: { ...bearer(s.adminToken), 'Content-Type': 'application/json' },
          body: JSON.stringify({ label: 'Add-in', agency: 'so-noi-vu' }),
        }),
      )
      // With a 5 s busy_timeout on the answering thread this froze the service, then failed 500.
      expect(write.value.status).toBe(503)
      expect(await write.value.json()).toMatchObject({
        error: { code: 'store/busy', message: expect.stringContaining('tiến trình khác') },
      })
      expect(write.ms).toBeLessThan(500)
      const read = await timed(() =>
        s.app.request('/api/status?period=2026-Q3', { headers: bearer(s.adminToken) }),
      )
      expect(read.value.status).toBe(200)
      expect(read.ms).toBeLessThan(500)
      // An upload waits for the lock off the thread (retrying), then is answered store/busy.
      const workbook = await buildFilledWorkbook()
      const upload = timed(() =>
        s.app.request('/api/submissions', {
          method: 'POST',
          headers: agency,
          body: createUpload(workbook, { period: '2026-Q3' }),
        }),
      )
      const health: number[] = []
      for (let i = 0; i < 10; i++) {
        health.push((await timed(() => s.app.request('/healthz'))).ms)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(Math.max(...health)).toBeLessThan(200)
      const refused = await upload
      expect(refused.value.status).toBe(503)
      expect(await refused.value.json()).toMatchObject({ error: { code: 'store/busy' } })
      expect(s.store.countSubmissions()).toBe(0)
    } finally {
      await new Promise((done) =>
        holder.exitCode !== null ? done(null) : holder.once('exit', done),
      )
    }
    const after = await s.app.request('/api/submissions', {
      method: 'POST',
      headers: agency,
      body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3' }),
    })
    expect(after.status).toBe(201)
  }, 20_000)
})
