import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readParSipasGrid } from '../../scripts/seeds.ts'
import {
  buildLyingMediaWorkbook,
  buildPaddedRowsWorkbook,
  buildWholeSheetMergeWorkbook,
  findFreePort,
  pollHealthDuring,
  readPeakMemoryMb,
  spawnService,
} from '../helpers/hostile.ts'
import { bearer, buildFilledWorkbook, createUpload } from '../helpers/service.ts'

const admin = 'cchc_hostile-Admin-8b3f1e6a9c2d47'
let child: ChildProcess
let dataDir: string
let url: string
let agency: string

async function readStats(): Promise<{
  pid: number
  submissions: number
  disk: { agencies: { agencyId: string; bytes: number }[] }
}> {
  return (await (await fetch(`${url}/api/admin/stats`, { headers: bearer(admin) })).json()) as never
}

/** Sends one hostile request while /healthz is polled; every poll must answer within 2 s. */
async function sendHostile(init: RequestInit) {
  const { result, slowestMs, polls, failures } = await pollHealthDuring(url, async () => {
    const start = performance.now()
    const res = await fetch(`${url}/api/submissions`, { method: 'POST', ...init })
    return {
      status: res.status,
      body: (await res.json()) as { error?: { code: string; message: string } },
      ms: performance.now() - start,
    }
  })
  expect(polls).toBeGreaterThan(0)
  expect(failures).toBe(0)
  expect(slowestMs).toBeLessThan(2000)
  expect(result.ms).toBeLessThan(15_000)
  return result
}

describe('hostile uploads on a real port', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cchc-hostile-'))
    const port = await findFreePort()
    url = `http://127.0.0.1:${port}`
    child = await spawnService(dataDir, port, {
      CCHC_ADMIN_TOKEN: admin,
      CCHC_QUOTA_VERSIONS_PER_HOUR: '4',
      CCHC_QUOTA_MB_PER_PERIOD: '6',
    })
    const res = await fetch(`${url}/api/tokens`, {
      method: 'POST',
      headers: { ...bearer(admin), 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'kiểm thử', agency: 'so-noi-vu', expiresInDays: 1 }),
    })
    agency = ((await res.json()) as { token: string }).token
  }, 90_000)

  afterAll(async () => {
    child.kill('SIGTERM')
    await new Promise((done) => child.once('exit', done))
    rmSync(dataDir, { recursive: true, force: true })
  })

  it(
    'refuses a JSON merge reaching column 300,000,000 at once (400)',
    { timeout: 30_000 },
    async () => {
      const body = JSON.stringify({
        period: '2026-Q3',
        table: {
          sheet: 'S',
          top: 1,
          left: 1,
          cells: [['x']],
          merges: [{ top: 1, left: 1, bottom: 1, right: 300_000_000 }],
        },
      })
      const r = await sendHostile({
        headers: { ...bearer(agency), 'Content-Type': 'application/json' },
        body,
      })
      expect(r.status).toBe(400)
      expect(r.body.error).toMatchObject({ code: 'request/invalid-body' })
    },
  )

  it(
    'refuses a workbook merging A1:XFD1048576 within seconds (422)',
    { timeout: 30_000 },
    async () => {
      const r = await sendHostile({
        headers: bearer(agency),
        body: createUpload(await buildWholeSheetMergeWorkbook(), { period: '2026-Q3' }),
      })
      expect(r.status).toBe(422)
      expect(r.body.error).toMatchObject({
        code: 'workbook/unsafe',
        message: expect.stringContaining('không an toàn'),
      })
    },
  )

  it(
    'answers 5,000 rows padded to column XFD within seconds: the 5,000 values read as one column',
    { timeout: 30_000 },
    async () => {
      // The reader is bounded by the cells present, not by their column: nothing to refuse, no table.
      const r = await sendHostile({
        headers: bearer(agency),
        body: createUpload(await buildPaddedRowsWorkbook(), { period: '2026-Q3' }),
      })
      expect(r.status).toBe(201)
      expect(r.body).toMatchObject({
        report: { issues: [expect.objectContaining({ code: 'table/not-found' })] },
      })
    },
  )

  it('refuses a media part lying about its size (422)', { timeout: 30_000 }, async () => {
    const bytes = await buildLyingMediaWorkbook(await buildFilledWorkbook())
    const r = await sendHostile({
      headers: bearer(agency),
      body: createUpload(bytes, { period: '2026-Q3' }),
    })
    expect(r.status).toBe(422)
    expect(r.body.error).toMatchObject({ code: 'workbook/unsafe' })
  })

  it(
    'bounds storage per agency: identical re-uploads stored once, then 429 and 413 in Vietnamese',
    { timeout: 60_000 },
    async () => {
      const grid = readParSipasGrid()
      // About 0.9 MB of real rows per version, each version a little different.
      const send = (n: number) =>
        fetch(`${url}/api/submissions`, {
          method: 'POST',
          headers: { ...bearer(agency), 'Content-Type': 'application/json' },
          body: JSON.stringify({
            period: '2026-Q2',
            fileName: `v${n}.xlsx`,
            table: {
              ...grid,
              cells: Array.from({ length: 12 }, () => grid.cells)
                .flat()
                .slice(0, 9000),
            },
            pad: n,
          }),
        })
      const first = await send(1)
      expect(first.status).toBe(201)
      expect((await send(1)).status).toBe(200)
      const statuses: number[] = []
      for (let n = 2; n <= 6; n++) statuses.push((await send(n)).status)
      expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(3)
      const refused = await send(7)
      expect([413, 429]).toContain(refused.status)
      const body = (await refused.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toMatch(/^quota\//)
      expect(body.error.message).toMatch(/Chưa có gì được lưu/)
      const stats = await readStats()
      const usage = stats.disk.agencies.find((a) => a.agencyId === 'so-noi-vu')!
      expect(usage.bytes).toBeLessThanOrEqual(6 * 1024 * 1024)
      const log = (await (
        await fetch(`${url}/api/admin/security-log`, { headers: bearer(admin) })
      ).json()) as { events: { event: string }[] }
      expect(log.events.some((e) => e.event === 'quota.refused')).toBe(true)
    },
  )

  it(
    'kept the service under 1 GB, and a killed service comes back by itself with nothing lost',
    { timeout: 90_000 },
    async () => {
      const before = await readStats()
      expect(readPeakMemoryMb(before.pid)).toBeLessThan(1024)
      process.kill(before.pid, 'SIGKILL')
      const deadline = Date.now() + 60_000
      let after: Awaited<ReturnType<typeof readStats>> | null = null
      while (Date.now() < deadline) {
        after = await readStats().catch(() => null)
        if (after && after.pid !== before.pid) break
        await new Promise((done) => setTimeout(done, 300))
      }
      expect(after?.pid).not.toBe(before.pid)
      expect(after?.submissions).toBe(before.submissions)
    },
  )
})
