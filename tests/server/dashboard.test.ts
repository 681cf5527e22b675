import { resolveChromium } from '../helpers/tools.ts'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/accounts.ts'
import { startServer } from '../../server/serve.ts'
import { bearer, buildFilledWorkbook, createUpload } from '../helpers/service.ts'

/** The sample workbook with one not-started task's deadline moved to Quý I/2026, so that it is overdue by Q3. */
async function buildWorkbookWithOverdueTask(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(
    (await buildFilledWorkbook('dak-lak-2026-ke-hoach-cchc')) as unknown as ArrayBuffer,
  )
  const ws = workbook.getWorksheet('Phụ lục')!
  let deadlineCol = 0
  let changed = false
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (!deadlineCol && /^Thời (gian|hạn)/i.test(String(cell.value))) deadlineCol = col
      if (!changed && deadlineCol && cell.value === 'Chưa thực hiện') {
        row.getCell(deadlineCol).value = 'Quý I/2026'
        changed = true
      }
    })
  })
  expect(changed).toBe(true)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

const outDir = new URL('../../test-output/', import.meta.url).pathname

describe('Sở Nội vụ dashboard in headless Chromium', () => {
  it(
    'shows who has submitted, overdue tasks and the chart; uploads on behalf of an agency; downloads the workbook',
    { timeout: 90_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cchc-dashboard-'))
      const admin = 'cchc_dash-Admin-7c2e94b1f6a83d'
      const { server, store, url } = await startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir,
        adminToken: admin,
      })
      const browser = await chromium.launch({
        executablePath: resolveChromium(),
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      })
      try {
        const period = { period: '2026-Q3' }
        for (const [agency, bytes] of [
          ['so-noi-vu', await buildFilledWorkbook()],
          ['so-tu-phap', await buildWorkbookWithOverdueTask()],
        ] as const) {
          const res = await fetch(`${url}/api/submissions`, {
            method: 'POST',
            headers: bearer(admin),
            body: createUpload(bytes, { period: period.period, agency }),
          })
          expect(res.status).toBe(201)
        }
        const page = await browser.newPage({
          viewport: { width: 1400, height: 1800 },
          acceptDownloads: true,
        })
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        // Sở Nội vụ staff sign in with an account: a session cookie, nothing in the browser's storage.
        store.addUser(
          {
            email: 'can-bo@sonoivu.daklak.gov.vn',
            role: 'admin',
            agencyId: null,
            passwordHash: await hashPassword('mat-khau-Dak-Lak-2026'),
          },
          '2026-09-01T00:00:00Z',
        )
        await page.goto(url)
        await page.waitForURL(`${url}/login`)
        await page.fill('#email', 'can-bo@sonoivu.daklak.gov.vn')
        await page.fill('#password', 'mat-khau-Dak-Lak-2026')
        await page.click('#login-form button')
        await page.waitForURL(`${url}/`)
        await page.waitForFunction(() => document.getElementById('who')?.textContent !== '')
        expect(await page.textContent('#who')).toContain('can-bo@sonoivu.daklak.gov.vn')
        expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0)
        const cookies = await page.context().cookies()
        expect(cookies).toEqual([
          expect.objectContaining({ name: 'cchc_session', httpOnly: true, sameSite: 'Strict' }),
        ])
        await page.fill('#period', period.period)
        await page.dispatchEvent('#period', 'change')
        await page.waitForFunction(() =>
          document.getElementById('period-label')?.textContent?.startsWith('Quý III/2026'),
        )
        expect(await page.textContent('#tile-submitted')).toBe('2/19')
        expect(await page.locator('#agency-body tr').count()).toBe(19)
        expect(await page.textContent('#agency-body tr[data-agency="so-noi-vu"]')).toContain(
          'Đã nộp',
        )
        expect(await page.textContent('#agency-body tr[data-agency="so-tai-chinh"]')).toContain(
          'Chưa nộp',
        )
        expect(await page.locator('#chart .barrow').count()).toBe(2)
        expect(await page.textContent('#missing-list')).toContain('Sở Tài chính')
        expect(await page.inputValue('#reminder')).toContain('Sở Nội vụ chưa nhận được báo cáo')
        // Sở Tư pháp's task due in Quý I/2026 is not started: overdue by the Q3 cut-off.
        const overdue = await page.locator('#overdue-body tr').allTextContents()
        expect(overdue.length).toBeGreaterThan(0)
        expect(overdue.filter((t) => !t.startsWith('Sở Tư pháp'))).toEqual([])

        await page.selectOption('#upload-agency', 'so-tai-chinh')
        await page.setInputFiles('#upload-file', {
          name: 'so-tai-chinh.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: Buffer.from(await buildFilledWorkbook()),
        })
        await page.click('#upload-form button')
        await page.waitForFunction(
          () => document.getElementById('tile-submitted')?.textContent === '3/19',
        )
        expect(await page.textContent('#message')).toContain('Đã nhận báo cáo của so-tai-chinh')
        expect(store.countSubmissions()).toBe(3)

        const download = page.waitForEvent('download')
        await page.click('#download')
        const file = await download
        expect(file.suggestedFilename()).toBe(`tong-hop-cchc-${period.period}.xlsx`)
        mkdirSync(outDir, { recursive: true })
        await page.screenshot({ path: join(outDir, 'dashboard.png'), fullPage: true })
        expect(errors).toEqual([])

        await page.click('#logout')
        await page.waitForURL(`${url}/login`)
        const after = await page.evaluate(async () => (await fetch('/api/session')).status)
        expect(after).toBe(401)
      } finally {
        await browser.close()
        await new Promise((done) => server.close(done))
        store.close()
      }
    },
  )
})
