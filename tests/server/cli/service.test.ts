import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readCatalog } from '../../../server/province/catalog.ts'
import { runCli } from '../../../server/cli/main.ts'
import { capture, output } from '../../helpers/output.ts'
import { computeDatabasePath, seedStore } from '../../../server/http/serve.ts'
import { createStore } from '../../../server/store/index.ts'
import { createBadWorkbooks } from '../../helpers/zip.ts'
import { buildFilledWorkbook } from '../../helpers/service.ts'

afterEach(() => vi.restoreAllMocks())

async function createDataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-cli-'))
  const store = createStore(computeDatabasePath(dir))
  seedStore(store, await readCatalog(), new Date('2026-09-01T00:00:00Z'))
  return { dir, store }
}

describe('cchc agency and cchc backup', () => {
  it('adds an agency, issues a token that works, lists and revokes it', async () => {
    const { dir, store } = await createDataDir()
    capture()
    expect(
      await runCli([
        'agency',
        'add',
        'xa-ea-kao',
        'UBND',
        'xã',
        'Ea',
        'Kao',
        '--kind',
        'xa',
        '--data',
        dir,
      ]),
    ).toBe(0)
    expect(await runCli(['agency', 'add', 'xa-ea-kao', 'Trùng', '--data', dir])).toBe(2)
    expect(output.err).toContain('Mã cơ quan đã tồn tại')
    expect(await runCli(['agency', 'token', 'xa-ea-kao', '--data', dir])).toBe(0)
    const token = /cchc_\S+/.exec(output.out)![0]
    const tokenId = /\[([0-9a-f]+)\]/.exec(output.out)![1]!
    expect(store.findPrincipal(token)).toEqual({ role: 'agency', agencyId: 'xa-ea-kao', tokenId })
    expect(await runCli(['agency', 'list', '--data', dir])).toBe(0)
    expect(output.out).toContain('xa-ea-kao\txa\tUBND xã Ea Kao')
    expect(await runCli(['agency', 'revoke', tokenId, '--data', dir])).toBe(0)
    expect(store.findPrincipal(token)).toBeNull()
    expect(await runCli(['agency', 'token', 'khong-co', '--data', dir])).toBe(2)
    store.close()
  })

  it('backs up the live database consistently while it is open', async () => {
    const { dir, store } = await createDataDir()
    const { report } = await (
      await import('../../../server/xlsx/check.ts')
    ).checkWorkbook(await buildFilledWorkbook(), { asOf: '2026-09-14' })
    store.addSubmission({
      agencyId: 'so-noi-vu',
      period: '2026-Q3',
      submittedAt: '2026-09-15T00:00:00Z',
      submittedBy: null,
      fileName: 'a.xlsx',
      contentType: 'x',
      file: new Uint8Array([1, 2, 3]),
      planId: null,
      report,
    })
    const target = join(dir, 'saved', 'backup.sqlite')
    capture()
    expect(await runCli(['backup', '-o', target, '--data', dir])).toBe(0)
    const copy = new Database(target, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.prepare('SELECT COUNT(*) AS n FROM submission_rows').get()).toEqual({
      n: report.tasks.length,
    })
    expect(copy.prepare('SELECT COUNT(*) AS n FROM agencies').get()).toEqual({ n: 121 })
    copy.close()
    store.close()
    expect(await runCli(['backup', '--data', join(dir, 'khong-co')])).toBe(2)
  })

  it('answers every bad workbook within seconds with a message and exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-bad-'))
    const { writeFileSync } = await import('node:fs')
    for (const bad of createBadWorkbooks(await buildFilledWorkbook())) {
      const path = join(dir, `${bad.name}.xlsx`)
      writeFileSync(path, bad.bytes)
      capture()
      const start = performance.now()
      expect({ name: bad.name, code: await runCli(['validate', path]) }).toEqual({
        name: bad.name,
        code: 2,
      })
      expect(performance.now() - start).toBeLessThan(5_000)
      expect(output.err).not.toMatch(/\n\s+at /)
      expect(output.err.length).toBeGreaterThan(20)
      vi.restoreAllMocks()
    }
  })
})
