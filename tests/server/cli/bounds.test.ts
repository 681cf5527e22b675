import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../../server/http/app.ts'
import { readCatalog } from '../../../server/province/catalog.ts'
import { runCli } from '../../../server/cli/main.ts'
import { computeDatabasePath, seedStore } from '../../../server/http/serve.ts'
import { createStore } from '../../../server/store/index.ts'
import { marksSheetName } from '../../../server/xlsx/mark.ts'
import { buildPaddedRowsWorkbook, buildWholeSheetMergeWorkbook } from '../../helpers/hostile.ts'
import { capture, output } from '../../helpers/output.ts'
import { bearer, buildFilledWorkbook, createUpload } from '../../helpers/service.ts'

const dir = mkdtempSync(join(tmpdir(), 'cchc-bounds-'))
afterEach(() => vi.restoreAllMocks())
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function runTimed(args: string[]) {
  capture()
  const start = performance.now()
  const code = await runCli(args)
  const ms = performance.now() - start
  vi.restoreAllMocks()
  return { code, ms, err: output.err }
}

describe('cchc reads only bounded, regular files', () => {
  it(
    'refuses /dev/zero and a FIFO at once (validate, --profile, clear, merge)',
    { timeout: 30_000 },
    async () => {
      const fifo = join(dir, 'ong-dan.xlsx')
      execFileSync('mkfifo', [fifo])
      const sample = join(dir, 'mau.xlsx')
      writeFileSync(sample, await buildFilledWorkbook())
      for (const args of [
        ['validate', '/dev/zero'],
        ['validate', fifo],
        ['validate', sample, '--profile', fifo],
        ['clear', fifo, '-o', join(dir, 'ra.xlsx')],
        ['merge', fifo, '-o', join(dir, 'tong-hop.xlsx')],
        ['validate', '/proc/self/status'],
      ]) {
        const r = await runTimed(args)
        expect({ args, code: r.code }).toEqual({ args, code: 2 })
        expect(r.ms).toBeLessThan(3000)
        expect(r.err).toMatch(/Không phải tệp thông thường|Tệp rỗng|Not a regular file|Empty file/)
      }
    },
  )

  it(
    'answers the hostile workbooks within 30 s with exit code 2',
    { timeout: 90_000 },
    async () => {
      for (const [name, bytes] of [
        ['gop-toan-trang.xlsx', await buildWholeSheetMergeWorkbook()],
        ['dong-den-xfd.xlsx', await buildPaddedRowsWorkbook()],
      ] as const) {
        const path = join(dir, name)
        writeFileSync(path, bytes)
        const r = await runTimed(['validate', path, '-o', join(dir, `ra-${name}`)])
        expect({ name, code: r.code }).toEqual({ name, code: 2 })
        expect(r.ms).toBeLessThan(30_000)
        expect(r.err).toMatch(/không an toàn|quá lớn/)
      }
      // The padded rows are checked (5,000 values, no table): only the marked copy is refused, as
      // ExcelJS would walk 82 million positions to write it.
      const padded = join(dir, 'dong-den-xfd.xlsx')
      expect((await runTimed(['validate', padded])).code).toBe(1)
    },
  )
})

describe('cchc user and cchc backup', () => {
  it(
    'adds an account whose password signs in; a backup restores to a working service',
    { timeout: 60_000 },
    async () => {
      const data = join(dir, 'data')
      mkdirSync(data)
      const catalog = await readCatalog()
      const store = createStore(computeDatabasePath(data))
      const { adminToken } = seedStore(store, catalog, new Date('2026-09-01T00:00:00Z'))
      const live = createApp({ store, catalog, now: () => new Date('2026-09-15T03:00:00Z') })
      const stored = await live.request('/api/submissions', {
        method: 'POST',
        headers: bearer(adminToken!),
        body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3', agency: 'so-noi-vu' }),
      })
      const { id } = (await stored.json()) as { id: number }

      capture()
      expect(
        await runCli([
          'user',
          'add',
          'can-bo@sonoivu.daklak.gov.vn',
          '--role',
          'admin',
          '--data',
          data,
        ]),
      ).toBe(0)
      const password = /password \(shown once\): (\S+)/.exec(output.out)![1]!
      expect(
        await runCli([
          'user',
          'add',
          'x@y.vn',
          '--role',
          'agency',
          '--agency',
          'khong-co',
          '--data',
          data,
        ]),
      ).toBe(2)
      expect(await runCli(['backup', '-o', join(dir, 'sao-luu.sqlite'), '--data', data])).toBe(0)
      vi.restoreAllMocks()
      store.close()

      // Restore: the backup becomes the database of a fresh data folder, and the service works from it.
      const restored = join(dir, 'restored')
      mkdirSync(restored)
      copyFileSync(join(dir, 'sao-luu.sqlite'), computeDatabasePath(restored))
      const back = createStore(computeDatabasePath(restored))
      const app = createApp({ store: back, catalog, now: () => new Date('2026-09-15T03:00:00Z') })
      const login = await app.request('/api/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'can-bo@sonoivu.daklak.gov.vn', password }),
      })
      expect(login.status).toBe(200)
      const file = await app.request(`/api/submissions/${id}/file`, {
        headers: bearer(adminToken!),
      })
      expect(
        Buffer.from(await file.arrayBuffer()).equals(Buffer.from(await buildFilledWorkbook())),
      ).toBe(true)
      const one = (await (
        await app.request(`/api/submissions/${id}`, { headers: bearer(adminToken!) })
      ).json()) as { report: { summary: { tasks: number } } }
      expect(one.report.summary.tasks).toBe(82)
      back.close()
    },
  )
})

describe('formula safety of the marks record', () => {
  // The reproduction through the CLI path: core's strict marks-record parser (issue 11) restores text only.
  it(
    'clears a workbook whose hidden marks record is crafted without writing any formula or link',
    { timeout: 30_000 },
    async () => {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load((await buildFilledWorkbook()) as unknown as ArrayBuffer)
      const sheet = wb.worksheets.find((w) => w.state === 'visible')!
      const marks = wb.addWorksheet(marksSheetName, { state: 'veryHidden' })
      marks.getCell('A1').value = JSON.stringify({
        sheet: sheet.name,
        added: [],
        cells: [
          { address: 'B10', value: { formula: "cmd|' /C calc'!A0" } },
          { address: 'B11', value: { text: 'Bấm vào đây', hyperlink: 'http://example.invalid/' } },
          { address: 'B12', value: { formula: 'WEBSERVICE("http://example.invalid/")' } },
        ],
      })
      const input = join(dir, 'danh-dau-gia.xlsx')
      const output = join(dir, 'da-xoa.xlsx')
      writeFileSync(input, new Uint8Array(await wb.xlsx.writeBuffer()))
      capture()
      await runCli(['clear', input, '-o', output])
      vi.restoreAllMocks()
      const out = new ExcelJS.Workbook()
      await out.xlsx.readFile(output)
      for (const ws of out.worksheets)
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.formula ?? null).toBeNull()
            expect(cell.hyperlink ?? null).toBeNull()
          }),
        )
    },
  )
})
