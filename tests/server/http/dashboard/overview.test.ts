import { resolveChromium } from '../../../helpers/tools.ts'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../../../server/store/passwords.ts'
import { startServer } from '../../../../server/http/serve.ts'
import {
  bearer,
  buildChangedWorkbook,
  buildFilledWorkbook,
  createUpload,
} from '../../../helpers/service.ts'

/**
 * The sample workbook with the task due in Tháng 12 năm 2025 reported not started, so that it is overdue
 * by Q3 (its deadline is the plan's: a report is checked against the plan in force, so a deadline moved
 * in the table would not do).
 */
async function buildWorkbookWithOverdueTask(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(
    (await buildFilledWorkbook('dak-lak-2026-ke-hoach-cchc')) as unknown as ArrayBuffer,
  )
  const ws = workbook.getWorksheet('Phụ lục')!
  let progressCol = 0
  let changed = false
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (!progressCol && cell.value === 'Tình hình thực hiện') progressCol = col
    })
    if (!changed && progressCol && row.values.toString().includes('Tháng 12 năm 2025')) {
      row.getCell(progressCol).value = 'Chưa thực hiện'
      row.getCell(progressCol + 1).value = null
      changed = true
    }
  })
  expect(changed).toBe(true)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

const outDir = new URL('../../../../test-output/', import.meta.url).pathname

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
        const changed = await buildChangedWorkbook()
        for (const [agency, bytes, quarter] of [
          ['so-noi-vu', await buildFilledWorkbook(), '2026-Q2'],
          ['so-noi-vu', await buildFilledWorkbook(), period.period],
          ['so-noi-vu', changed.bytes, period.period],
          ['so-tu-phap', await buildWorkbookWithOverdueTask(), period.period],
        ] as const) {
          const res = await fetch(`${url}/api/submissions`, {
            method: 'POST',
            headers: bearer(admin),
            body: createUpload(bytes, { period: quarter, agency }),
          })
          expect(res.status).toBe(201)
        }
        // Sở Tài chính keeps its annex in a Google Sheet, registered but not pulled yet.
        const sheet = await fetch(`${url}/api/agencies/so-tai-chinh/sheet`, {
          method: 'PUT',
          headers: { ...bearer(admin), 'Content-Type': 'application/json' },
          body: JSON.stringify({
            url: 'https://docs.google.com/spreadsheets/d/1AbcdefghijklmnopqrstuvwxyzABCDEFG/edit#gid=0',
          }),
        })
        expect(sheet.status).toBe(200)
        const issued = (await (
          await fetch(`${url}/api/tokens`, {
            method: 'POST',
            headers: { ...bearer(admin), 'Content-Type': 'application/json' },
            body: JSON.stringify({ label: 'Add-in Sở Tư pháp', agency: 'so-tu-phap' }),
          })
        ).json()) as { id: string; token: string }
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
        expect(await page.textContent('#tile-submitted')).toBe('2/121')
        expect(await page.locator('#agency-body tr[data-agency]').count()).toBe(121)
        expect(await page.textContent('#agency-body tr[data-agency="so-noi-vu"]')).toContain(
          'Đã nộp',
        )
        expect(await page.textContent('#agency-body tr[data-agency="so-tai-chinh"]')).toContain(
          'Chưa nộp',
        )
        // The administrator sees the API tokens (and revokes one) and the security log.
        const tokenRow = page.locator(`#token-body tr[data-token="${issued.id}"]`)
        await tokenRow.waitFor()
        expect(await tokenRow.textContent()).toContain('Add-in Sở Tư pháp')
        await tokenRow.locator('button').click()
        await page.waitForFunction(() =>
          document.getElementById('message')?.textContent?.startsWith('Đã thu hồi mã'),
        )
        expect(await tokenRow.textContent()).toContain('Đã thu hồi')
        expect(
          await page.locator('#security-body tr[data-event="login.ok"]').count(),
        ).toBeGreaterThan(0)
        expect((await fetch(`${url}/api/me`, { headers: bearer(issued.token) })).status).toBe(401)
        // Each agency's source and its Google Sheet's last pull.
        expect(await page.textContent('#agency-body tr[data-agency="so-noi-vu"] .origin')).toBe(
          'Nguồn: Tải lên',
        )
        expect(await page.textContent('#agency-body tr[data-agency="so-tai-chinh"] .origin')).toBe(
          'Google Sheet: đã đăng ký, chưa lấy',
        )
        expect(await page.locator('#chart .barrow').count()).toBe(2)
        expect(await page.textContent('#missing-list')).toContain('Sở Tài chính')
        expect(await page.inputValue('#reminder')).toContain('Sở Nội vụ chưa nhận được báo cáo')
        // Sở Tư pháp's task due in Tháng 12 năm 2025 is not started: overdue by the Q3 cut-off.
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
          () => document.getElementById('tile-submitted')?.textContent === '3/121',
        )
        expect(await page.textContent('#message')).toContain('Đã nhận báo cáo của so-tai-chinh')
        expect(store.countSubmissions()).toBe(5)

        const download = page.waitForEvent('download')
        await page.click('#download')
        const file = await download
        expect(file.suggestedFilename()).toBe(`tong-hop-cchc-${period.period}.xlsx`)
        mkdirSync(outDir, { recursive: true })
        await page.screenshot({ path: join(outDir, 'dashboard.png'), fullPage: true })
        // Nothing secret is kept in the browser's storage.
        expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe('{}')

        // A new user finds a xã by typing part of its name without diacritics, then a sở.
        await page.fill('#search', 'buon ma thuot')
        await page.dispatchEvent('#search', 'input')
        expect(
          await page.locator('#agency-body tr[data-agency]:visible').allTextContents(),
        ).toEqual([expect.stringContaining('Phường Buôn Ma Thuột')])
        await page.selectOption('#filter-kind', 'so')
        await page.fill('#search', '')
        await page.selectOption('#filter-state', 'submitted')
        await page.dispatchEvent('#search', 'input')
        expect(await page.textContent('#filter-count')).toBe('3/121 cơ quan')
        await page.click('#agency-body tr[data-agency="so-noi-vu"] a')
        await page.waitForFunction(() => document.querySelectorAll('#version-body tr').length === 3)
        expect(await page.textContent('#agency-title')).toBe('Sở Nội vụ')
        const versions = await page.locator('#version-body tr').allTextContents()
        expect(versions[0]).toContain('Sở Nội vụ nộp thay')
        expect(versions[2]).toContain('Quý II/2026')
        // Version 1 and version 2 side by side: the one task reported done since.
        await page.waitForFunction(
          () => document.querySelectorAll('#diff-body tr.changed').length > 0,
        )
        expect(await page.textContent('#diff-from-head')).toBe('Quý III/2026 — phiên bản 1')
        expect(await page.textContent('#diff-to-head')).toBe('Quý III/2026 — phiên bản 2')
        const progress = page.locator(`#diff-body tr[data-row="${changed.row}"]`, {
          hasText: 'Tiến độ',
        })
        expect(await progress.locator('td.before').textContent()).toBe('Chưa thực hiện')
        expect(await progress.locator('td.after').textContent()).toBe('Đã hoàn thành')
        // The quarter's trend: Q2 and Q3 drawn, Q1 and Q4 not submitted.
        expect(await page.locator('#agency-trend circle.completionRate').count()).toBe(2)
        expect(await page.locator('#agency-trend text', { hasText: 'chưa nộp' }).count()).toBe(2)
        expect(
          await page.locator('#issues-body tr[data-code="row/evidence-unverifiable"]').count(),
        ).toBeGreaterThan(0)
        await page.click('#compare-quarter')
        await page.waitForFunction(
          () =>
            document.getElementById('diff-from-head')?.textContent === 'Quý II/2026 — phiên bản 1',
        )
        expect(await page.inputValue('#agency-reminder')).toContain('Kính gửi: Sở Nội vụ.')
        await page.screenshot({ path: join(outDir, 'dashboard-agency.png'), fullPage: true })
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
