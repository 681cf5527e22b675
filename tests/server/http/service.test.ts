import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { startServer } from '../../../server/http/serve.ts'
import { bearer, buildFilledWorkbook, createUpload } from '../../helpers/service.ts'

const root = new URL('../../../', import.meta.url).pathname

function findFreePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => done(port))
    })
  })
}

/** Starts `cchc serve` as a separate process on loopback and waits until it listens. */
async function spawnServer(
  dataDir: string,
  port: number,
  adminToken: string,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin/cchc.mjs'),
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data',
      dataDir,
    ],
    {
      env: { ...process.env, CCHC_ADMIN_TOKEN: adminToken },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  await new Promise<void>((done, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error(`server did not start: ${out}`)), 30_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('localhost:')) {
        clearTimeout(timer)
        done()
      }
    })
    child.once('exit', (code) => fail(new Error(`server exited ${code}: ${out}`)))
  })
  return child
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', () => done())
    child.kill(signal)
  })
}

describe('sync service on a real port', () => {
  it('stores and counts 125 agencies submitting at once', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-load-'))
    const { server, store, url } = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminToken: 'cchc_test-Admin-9f3b27c1d8e4a6',
    })
    try {
      const bytes = await buildFilledWorkbook()
      const agencies = Array.from({ length: 125 }, (_, i) => `xa-thu-${i + 1}`)
      const tokens = agencies.map((id, i) => {
        store.addAgency({ id, name: `UBND xã Thử ${i + 1}`, kind: 'xa' }, '2026-09-01T00:00:00Z')
        return store.addToken(id, '2026-09-01T00:00:00Z').token
      })
      const responses = await Promise.all(
        tokens.map((token) =>
          fetch(`${url}/api/submissions`, {
            method: 'POST',
            headers: bearer(token),
            body: createUpload(bytes, { period: '2026-Q3' }),
          }),
        ),
      )
      expect(responses.map((r) => r.status)).toEqual(agencies.map(() => 201))
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as {
        agency: string
        version: number
      }[]
      expect(new Set(bodies.map((b) => b.agency))).toEqual(new Set(agencies))
      const status = (await (
        await fetch(`${url}/api/status?period=2026-Q3`, {
          headers: bearer('cchc_test-Admin-9f3b27c1d8e4a6'),
        })
      ).json()) as { agencies: { id: string; submitted: boolean; tasks: number }[] }
      const submitted = status.agencies.filter((a) => a.submitted)
      expect(submitted.map((a) => a.id).sort()).toEqual([...agencies].sort())
      expect(submitted.every((a) => a.tasks === 82)).toBe(true)
      expect(store.countSubmissions()).toBe(125)
    } finally {
      await new Promise((done) => server.close(done))
      store.close()
    }
  })

  it(
    'leaves no partial submission when the process is killed during uploads',
    { timeout: 120_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cchc-kill-'))
      const port = await findFreePort()
      const admin = 'cchc_kill-Admin-5e81c4b9a27d3f'
      let child = await spawnServer(dataDir, port, admin)
      const bytes = await buildFilledWorkbook()
      const form = createUpload(bytes, { period: '2026-Q3', agency: 'so-noi-vu' })
      const encoded = new Response(form)
      const body = Buffer.from(await encoded.arrayBuffer())
      const type = encoded.headers.get('content-type')!

      // One upload stalls halfway (its body never completes); several complete ones race the kill.
      const half = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/submissions',
        headers: { ...bearer(admin), 'content-type': type, 'content-length': body.length },
      })
      half.on('error', () => {})
      half.write(body.subarray(0, body.length >> 1))
      const racing = Array.from({ length: 6 }, () =>
        fetch(`http://127.0.0.1:${port}/api/submissions`, {
          method: 'POST',
          headers: { ...bearer(admin), 'content-type': type },
          body,
        }).then(
          (r) => r.status,
          () => 0,
        ),
      )
      await new Promise((done) => setTimeout(done, 150))
      await stop(child, 'SIGKILL')
      const statuses = await Promise.all(racing)

      child = await spawnServer(dataDir, port, admin)
      try {
        expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).text()).toBe('ok')
        const health = (await (
          await fetch(`http://127.0.0.1:${port}/api/admin/stats`, { headers: bearer(admin) })
        ).json()) as { submissions: number }
        // Every answered upload is stored (identical ones once); nothing else is, and every stored one is whole.
        const answered = statuses.some((s) => s === 201 || s === 200)
        expect(health.submissions).toBeGreaterThanOrEqual(answered ? 1 : 0)
        expect(health.submissions).toBeLessThanOrEqual(1)
        const db = new Database(join(dataDir, 'cchc.sqlite'), { readonly: true })
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        const rows = db
          .prepare(
            "SELECT s.id, json_array_length(json_extract(s.report, '$.tasks')) AS expected, (SELECT COUNT(*) FROM submission_rows r WHERE r.submission_id = s.id) AS stored, length(s.file) AS size FROM submissions s",
          )
          .all() as { expected: number; stored: number; size: number }[]
        for (const r of rows) expect(r).toMatchObject({ stored: r.expected, size: bytes.length })
        db.close()
        const after = await fetch(`http://127.0.0.1:${port}/api/submissions`, {
          method: 'POST',
          headers: { ...bearer(admin), 'content-type': type },
          body,
        })
        expect(after.status).toBe(health.submissions === 1 ? 200 : 201)
      } finally {
        half.destroy()
        await stop(child, 'SIGTERM')
      }
    },
  )
})
