import { resolveChromium } from '../helpers/tools.ts'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startServer } from '../../server/http/serve.ts'
import { readFakeSheets, unlockComputedColumns } from '../helpers/fake-from-xlsx.ts'
import { buildFilledWorkbook } from '../helpers/service.ts'

const outDir = new URL('../../test-output/', import.meta.url).pathname

async function buildFakeHost(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('../helpers/fake-office-host.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

type FakeCellView = { value: unknown; fill: string | null }

describe('task pane in headless Chromium with the fake Excel host', () => {
  it(
    'checks the seed table with one click, lists the problems, selects a cell, and sends the report',
    { timeout: 120_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cchc-pane-'))
      const { server, store, url } = await startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir,
        adminToken: 'cchc_pane-Admin-3d8f71a2c9b64e',
      })
      const token = store.addToken('so-noi-vu', '2026-09-01T00:00:00Z').token
      const sheets = await readFakeSheets(await buildFilledWorkbook())
      // A planted problem: an impossible month in the first task's deadline.
      const index = sheets.findIndex((s) => s.name === 'Phụ lục')
      const annex = (sheets[index] = unlockComputedColumns(sheets[index]!))
      const headerRow = annex.rows.findIndex((r) =>
        r.some((v) => typeof v === 'string' && /^Thời (gian|hạn)/.test(v)),
      )
      const deadlineCol = annex.rows[headerRow]!.findIndex(
        (v) => typeof v === 'string' && /^Thời (gian|hạn)/.test(v),
      )
      const taskRow = annex.rows.findIndex(
        (r, i) =>
          i > headerRow + 1 &&
          typeof r[deadlineCol] === 'string' &&
          r[0] !== undefined &&
          /^\d+\.\d+$/.test(String(r[0])),
      )
      annex.rows[taskRow]![deadlineCol] = 'Tháng 13/2026'
      const plantedCell = `${String.fromCharCode(65 + deadlineCol)}${taskRow + 1}`

      const fakeHost = await buildFakeHost()
      const browser = await chromium.launch({
        executablePath: resolveChromium(),
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      })
      try {
        const page = await browser.newPage({ viewport: { width: 420, height: 1100 } })
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        await page.route('https://appsforoffice.microsoft.com/**', (route) =>
          route.fulfill({ contentType: 'text/javascript', body: fakeHost }),
        )
        await page.addInitScript((data) => {
          ;(window as unknown as { __cchcFakeSheets: unknown }).__cchcFakeSheets = data
          localStorage.setItem(
            'cchc.addin.settings',
            JSON.stringify({ asOf: '2026-09-14', period: '2026-Q3' }),
          )
        }, sheets)
        await page.goto(`${url}/addin/taskpane.html`)
        await page.waitForSelector('body[data-ready="true"]')
        expect(await page.inputValue('#as-of')).toBe('2026-09-14')

        await page.click('#check')
        await page.waitForSelector('#problem-list li')
        expect(await page.textContent('#summary-line')).toContain('82 nhiệm vụ')
        const items = await page.locator('#problem-list li').allTextContents()
        expect(items.some((t) => t.startsWith(plantedCell) && t.includes('Tháng 13/2026'))).toBe(
          true,
        )
        expect(await page.textContent('#message')).toContain('lỗi')

        // The marks are in the (fake) workbook: computed status column, the planted cell filled red with a note.
        const marks = await page.evaluate((cell) => {
          const model = (
            window as unknown as {
              __cchcFake: {
                model: {
                  sheets: {
                    name: string
                    cells: Map<string, FakeCellView>
                    notes: Map<string, string>
                  }[]
                }
              }
            }
          ).__cchcFake.model
          const sheet = model.sheets.find((s) => s.name === 'Phụ lục')!
          return {
            sheets: model.sheets.map((s) => s.name),
            planted: sheet.cells.get(cell)?.fill ?? null,
            note: sheet.notes.get(cell) ?? null,
            statuses: [...sheet.cells.values()].filter((c) => c.value === 'Hoàn thành đúng hạn')
              .length,
          }
        }, plantedCell)
        expect(marks.sheets).toEqual(expect.arrayContaining(['Phụ lục', 'Kiểm tra', '_cchc_marks']))
        expect(marks.planted).toBe('#FFC7CE')
        // The template leaves "Edit objects" allowed: the planted cell has the check's note.
        expect(marks.note).toContain('Tháng 13/2026')
        expect(marks.statuses).toBeGreaterThan(10)

        // Filter to errors and step to the first: the cell is selected in the sheet.
        await page.selectOption('#filter', 'error')
        await page.click('#next')
        await page.waitForSelector('#problem-list li.current')
        const selection = await page.evaluate(
          () =>
            (window as unknown as { __cchcFake: { model: { selection: unknown } } }).__cchcFake
              .model.selection,
        )
        expect(selection).toEqual({ sheet: 'Phụ lục', address: plantedCell })
        mkdirSync(outDir, { recursive: true })
        await page.screenshot({ path: join(outDir, 'taskpane.png'), fullPage: true })

        // Send without a token: a clear Vietnamese message; then with the agency's token.
        await page.click('#send')
        expect(await page.textContent('#message')).toContain('Chưa có mã truy cập')
        await page.click('details summary')
        await page.fill('#token', token)
        await page.click('#save-settings')
        // The clerk corrects the planted deadline by hand after the check: what is sent is the
        // sheet as it is now, read and checked again, shown with its period before it goes.
        await page.evaluate(
          ({ cell }) => {
            const model = (
              window as unknown as {
                __cchcFake: {
                  model: { sheets: { name: string; cells: Map<string, { value: unknown }> }[] }
                }
              }
            ).__cchcFake.model
            model.sheets.find((s) => s.name === 'Phụ lục')!.cells.get(cell)!.value = 'Quý IV/2026'
          },
          { cell: plantedCell },
        )
        // A period typed as people write it that does not hold the report date: the pane asks.
        await page.fill('#period', 'Quý 2/2026')
        await page.click('#send')
        await page.waitForSelector('#confirm-send:not([hidden])')
        expect(await page.textContent('#confirm-text')).toContain(
          'Số liệu đến ngày 14/09/2026 thuộc Quý III/2026, nhưng báo cáo sẽ được gửi vào Quý II/2026. Vẫn gửi vào Quý II/2026?',
        )
        await page.click('#send-cancel')
        await page.fill('#period', 'Q3/2026')
        await page.click('#send')
        await page.waitForSelector('#confirm-send:not([hidden])')
        const confirm = await page.textContent('#confirm-text')
        expect(confirm).toContain('vào Quý III/2026 (số liệu đến 14/09/2026)')
        expect(confirm).not.toContain('Vẫn gửi')
        expect(confirm).toContain('82 nhiệm vụ')
        await page.screenshot({ path: join(outDir, 'taskpane-send.png'), fullPage: true })
        await page.click('#send-confirm')
        await page.waitForFunction(() =>
          document.getElementById('receipt')?.textContent?.includes('phiên bản'),
        )
        expect(await page.textContent('#receipt')).toContain('phiên bản 1')
        const stored = store.listSubmissions({ agencyId: 'so-noi-vu' })
        expect(stored).toHaveLength(1)
        expect(stored[0]).toMatchObject({
          period: '2026-Q3',
          contentType: 'application/json',
          tasks: 82,
        })
        const sent = JSON.parse(store.getSubmissionReportJson(stored[0]!.id)!) as {
          issues: { code: string }[]
        }
        expect(sent.issues.filter((i) => i.code === 'cell/invalid-deadline')).toEqual([])

        await page.click('#clear')
        await page.waitForFunction(() =>
          document.getElementById('message')?.textContent?.includes('Đã xóa đánh dấu'),
        )
        const after = await page.evaluate(() =>
          (
            window as unknown as { __cchcFake: { model: { sheets: { name: string }[] } } }
          ).__cchcFake.model.sheets.map((s) => s.name),
        )
        expect(after).not.toContain('Kiểm tra')
        expect(errors).toEqual([])

        // The same pane in Office 2021 (no notes API) says so before anything is checked.
        const older = await browser.newPage({ viewport: { width: 420, height: 600 } })
        await older.route('https://appsforoffice.microsoft.com/**', (route) =>
          route.fulfill({ contentType: 'text/javascript', body: fakeHost }),
        )
        await older.addInitScript((data) => {
          const scope = window as unknown as { __cchcFakeSheets: unknown; __cchcFakeHost: unknown }
          scope.__cchcFakeSheets = data
          scope.__cchcFakeHost = { name: 'Office 2021', notes: false }
        }, sheets)
        await older.goto(`${url}/addin/taskpane.html`)
        await older.waitForSelector('body[data-ready="true"]')
        expect(await older.isVisible('#host-limits')).toBe(true)
        expect(await older.textContent('#host-limits')).toContain('Office 2021/2024')
        await older.screenshot({ path: join(outDir, 'taskpane-office2021.png') })
      } finally {
        await browser.close()
        await new Promise((done) => server.close(done))
        store.close()
      }
    },
  )
})
