import { mkdtempSync, rmSync, statSync, writeFileSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../server/cli/main.ts'
import {
  computeTokenPath,
  createAuthClient,
  createSheetsApi,
  loginWithBrowser,
  logout,
  readCachedLogin,
} from '../../../server/sheets/auth.ts'
import { readSpreadsheet } from '../../../server/sheets/read.ts'
import { createStore } from '../../../server/store/index.ts'
import { readFakeSheets } from '../../helpers/fake-from-xlsx.ts'
import { createSpreadsheetFromSpecs } from '../../helpers/fake-sheets/from-grid.ts'
import { startFakeSheets, type FakeSheets } from '../../helpers/fake-sheets/server.ts'
import { capture, output } from '../../helpers/output.ts'
import { buildFilledWorkbook } from '../../helpers/service.ts'

const dir = mkdtempSync(join(tmpdir(), 'cchc-sheets-cli-'))
const file = join(dir, 'bao-cao.xlsx')
const id = '1CliSheetAbcdefghijKLMNOPQRS'
const url = `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`
const token = 'ya29.cli-token'
let fake: FakeSheets
const saved = { ...process.env }

beforeAll(async () => {
  const bytes = await buildFilledWorkbook('dak-lak-2026-par-sipas')
  writeFileSync(file, bytes)
  // The spreadsheet's title is the file's name, so the two reports name the same "file".
  const book = createSpreadsheetFromSpecs(id, file, await readFakeSheets(bytes))
  fake = await startFakeSheets({ books: [book], tokens: { [token]: 'can-bo@so-noi-vu.gov.vn' } })
})
afterEach(() => {
  vi.restoreAllMocks()
  process.env = { ...saved }
})
afterAll(async () => {
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

function useFake(env: Record<string, string> = { CCHC_GOOGLE_ACCESS_TOKEN: token }) {
  process.env.CCHC_SHEETS_API_URL = fake.url
  process.env.CCHC_CONFIG_DIR = join(dir, 'config')
  delete process.env.GOOGLE_APPLICATION_CREDENTIALS
  delete process.env.CCHC_GOOGLE_ACCESS_TOKEN
  Object.assign(process.env, env)
}

async function run(args: string[]) {
  capture()
  const code = await runCli(args)
  vi.restoreAllMocks()
  return { code, out: output.out, err: output.err }
}

describe('cchc sheets', () => {
  it('validate --columns chooses columns as `cchc validate --columns` does, and refuses unknown fields', async () => {
    useFake()
    const flags = ['--as-of', '2026-09-14', '--columns', 'content=B']
    const local = await run(['validate', file, ...flags])
    const sheets = await run(['sheets', 'validate', url, '--no-write', ...flags])
    expect(sheets).toEqual(local)
    expect(sheets.out).toContain('(đã chỉ định)')
    const wrong = await run(['sheets', 'validate', url, '--no-write', '--columns', 'han=D'])
    expect(wrong.code).toBe(2)
    expect(wrong.err).toContain('--columns')
  })

  it('validate prints exactly what `cchc validate` prints for the same table, and writes the marks', async () => {
    useFake()
    const before = structuredClone(fake.books.get(id)!)
    for (const flags of [[], ['--json']]) {
      const local = await run(['validate', file, '--as-of', '2026-09-14', ...flags])
      const sheets = await run([
        'sheets',
        'validate',
        url,
        '--as-of',
        '2026-09-14',
        '--no-write',
        ...flags,
      ])
      expect(sheets).toEqual(local)
    }
    expect(fake.books.get(id)).toEqual(before)
    const marked = await run(['sheets', 'validate', url, '--as-of', '2026-09-14'])
    expect(marked.code).toBe(0)
    expect(marked.out).toContain(`Đã ghi kết quả vào trang “Phụ lục”`)
    expect(fake.books.get(id)!.sheets.map((s) => s.properties.title)).toContain('Kiểm tra')
    const cleared = await run(['sheets', 'clear', url])
    expect(cleared).toEqual({ code: 0, out: 'Đã xóa đánh dấu / Marks cleared.\n', err: '' })
    expect(fake.books.get(id)).toEqual({
      ...before,
      nextMetadataId: fake.books.get(id)!.nextMetadataId,
    })
  })

  it('says in Vietnamese what to do without credentials or with a wrong link (exit 2)', async () => {
    useFake({})
    expect(await run(['sheets', 'validate', url])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Chưa đăng nhập Google\. Chạy "cchc sheets login"/) as unknown,
    })
    useFake()
    expect(await run(['sheets', 'validate', 'https://example.com/x'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Không nhận ra bảng tính Google/) as unknown,
    })
  })

  it('login: PKCE on a loopback port, token cached 0600 and sent as the Authorization header; re-consent keeps the refresh token; logout forgets it', async () => {
    const env = {
      CCHC_CONFIG_DIR: join(dir, 'login'),
      CCHC_GOOGLE_OAUTH_URL: fake.url,
      CCHC_SHEETS_API_URL: fake.url,
    }
    const consent = async (authUrl: string) => {
      const q = new URL(authUrl).searchParams
      expect([q.get('code_challenge_method'), q.get('access_type'), q.get('prompt')]).toEqual([
        'S256',
        'offline',
        'consent',
      ])
      expect(q.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const page = await fetch(fake.authorize(authUrl))
      expect(await page.text()).toContain('Đã đăng nhập Google cho cchc')
    }
    const path = await loginWithBrowser({
      env,
      clientId: 'cchc-desktop.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-test',
      open: consent,
    })
    expect(path).toBe(computeTokenPath(env))
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const first = (await readCachedLogin(path))!
    expect(first).toMatchObject({
      type: 'authorized_user',
      client_id: 'cchc-desktop.apps.googleusercontent.com',
    })
    const api = createSheetsApi(await createAuthClient(env), env)
    await readSpreadsheet(api, { spreadsheetId: id, gid: null }, null)
    expect(fake.calls.at(-1)).toMatchObject({
      status: 200,
      authorization: `Bearer ${first.access_token}`,
    })
    fake.oauth.refreshTokens = false
    await loginWithBrowser({
      env,
      clientId: 'cchc-desktop.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-test',
      open: consent,
    })
    const second = (await readCachedLogin(path))!
    expect(second.refresh_token).toBe(first.refresh_token)
    expect(second.access_token).not.toBe(first.access_token)
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(second)
    expect(await logout(env)).toBe(true)
    expect(existsSync(path)).toBe(false)
    expect(await logout(env)).toBe(false)
  })

  it('agency set-sheet registers the sheet the service pulls', async () => {
    const data = join(dir, 'data')
    expect((await run(['agency', 'set-sheet', 'so-noi-vu', url, '--data', data])).code).toBe(2)
    const store = createStore(join(data, 'cchc.sqlite'))
    store.addAgency({ id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'so' }, '2026-09-01T00:00:00Z')
    store.close()
    expect(await run(['agency', 'set-sheet', 'so-noi-vu', url, '--data', data])).toEqual({
      code: 0,
      out: `Đã đăng ký Google Sheet cho / Sheet registered for so-noi-vu: ${url}\n`,
      err: '',
    })
    expect(
      (await run(['agency', 'set-sheet', 'so-noi-vu', 'not a link', '--data', data])).code,
    ).toBe(2)
    const reopened = createStore(join(data, 'cchc.sqlite'))
    expect(reopened.getSheet('so-noi-vu')).toMatchObject({ url })
    reopened.close()
  })
})
