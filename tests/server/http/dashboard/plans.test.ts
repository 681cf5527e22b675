import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startServer } from '../../../../server/http/serve.ts'
import { hashPassword } from '../../../../server/store/passwords.ts'
import { buildPlan2027Docx } from '../../../helpers/plan-documents.ts'
import { findAccessibilityViolations } from '../../../helpers/dashboard.ts'
import { resolveChromium } from '../../../helpers/tools.ts'

const adminEmail = 'ke-hoach@sonoivu.daklak.gov.vn'
const adminPassword = 'mat-khau-Ke-Hoach-2027'
const outDir = new URL('../../../../test-output/', import.meta.url).pathname

describe('the dashboard’s “Kế hoạch” page in headless Chromium', () => {
  it(
    'takes a newcomer from a Word appendix to a published plan and a unit’s template, without editing JSON',
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cchc-plans-page-'))
      const docx = join(dir, 'ke-hoach-2027.docx')
      writeFileSync(docx, await buildPlan2027Docx())
      const { server, store, url } = await startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir: join(dir, 'data'),
        log: null,
      })
      store.addUser(
        {
          email: adminEmail,
          role: 'admin',
          agencyId: null,
          passwordHash: await hashPassword(adminPassword),
        },
        '2027-01-06T00:00:00Z',
      )
      const browser = await chromium.launch({
        executablePath: resolveChromium(),
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      })
      try {
        const page = await browser.newPage({
          viewport: { width: 1366, height: 900 },
          acceptDownloads: true,
        })
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        // Script errors and CSP refusals (a refused request's status is the page's business).
        page.on('console', (m) => {
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
            errors.push(m.text())
        })
        page.on('dialog', (d) => void d.accept())
        await page.goto(`${url}/login`)
        await page.fill('#email', adminEmail)
        await page.fill('#password', adminPassword)
        await page.click('#login-form button')
        await page.waitForURL(`${url}/`)
        await page.click('nav a[href="#/ke-hoach"]')
        await page.locator('#plan-upload').waitFor()
        // The shipped plans are listed with their version in force.
        await page.locator('#plans-page tr[data-plan]').first().waitFor()
        expect(await page.locator('#plans-page tr[data-plan]').count()).toBe(2)

        await page.setInputFiles('#plan-file', docx)
        await page.fill('#plan-id', 'dak-lak-2027-ke-hoach-cchc')
        await page.click('#plan-upload button')
        await page.locator('#plan-draft').waitFor()
        const doubts = await page.locator('#plan-doubts li').allTextContents()
        expect(doubts).toEqual([
          expect.stringContaining('3 — Không hiểu được thời hạn “Tháng 13/2027”'),
          expect.stringContaining('4 — Ô “Cơ quan chủ trì” không được để trống'),
        ])
        expect(await page.inputValue('#plan-draft input[name="number"]')).toBe('12/KH-UBND')
        expect(await page.locator('#plan-draft tr.doubt').count()).toBe(2)
        mkdirSync(outDir, { recursive: true })
        await page
          .locator('#plans-page')
          .screenshot({ path: join(outDir, 'dashboard-plan-draft.png') })

        // Publishing with errors is refused, in Vietnamese.
        await page.click('#plan-publish')
        await page.waitForFunction(() =>
          document.getElementById('message')?.textContent?.includes('còn điểm lỗi cần sửa'),
        )
        // The officer corrects the two cells and saves: the plan is read again.
        const cell = (row: number, column: number) =>
          page.locator(`#plan-draft tr[data-row="${row}"] td:nth-child(${column}) textarea`)
        await cell(2, 6).fill('Quý III/2027')
        await cell(3, 4).fill('Sở Nội vụ')
        await page.click('#plan-save')
        await page.waitForFunction(() =>
          document.querySelector('#plan-draft h2')?.textContent?.includes('Không có điểm nào'),
        )
        await page.click('#plan-publish')
        await page.waitForFunction(() =>
          document.getElementById('message')?.textContent?.includes('Đã ban hành'),
        )
        const row = page.locator('#plans-page tr[data-plan="dak-lak-2027-ke-hoach-cchc"]')
        await row.waitFor()
        expect(await row.locator('td').nth(2).textContent()).toContain('1 (từ 01/01/2027)')
        expect(await row.locator('td').nth(3).textContent()).toBe(
          'Kế hoạch số 12/KH-UBND ngày 05/01/2027',
        )
        await page.locator('#plans-page').screenshot({ path: join(outDir, 'dashboard-plans.png') })
        expect(await findAccessibilityViolations(page)).toEqual([])

        // A unit's template downloads from the list.
        await row.locator('select.plan-unit').selectOption('so-tu-phap')
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          row.locator('button.plan-template').click(),
        ])
        expect(download.suggestedFilename()).toBe(
          'bieu-mau-dak-lak-2027-ke-hoach-cchc-so-tu-phap.xlsx',
        )
        expect(errors).toEqual([])
      } finally {
        await browser.close()
        server.close()
        store.close()
      }
    },
  )
})
