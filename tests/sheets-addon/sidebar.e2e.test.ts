import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Script, createContext } from 'node:vm'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { buildSheetsAddon } from '../../scripts/build-sheets-addon.ts'
import { createAppsScriptGlobals, FakeHost } from '../helpers/fake-apps-script.ts'
import { createProblemWorkbook } from '../helpers/fake-annex.ts'
import { createSpreadsheetFromWorkbook, readSheetLook } from '../helpers/fake-sheets/from-grid.ts'
import { resolveChromium } from '../helpers/tools.ts'
import { screenshotDir } from '../helpers/dashboard.ts'
import {
  bearer,
  buildChangedWorkbook,
  buildFilledWorkbook,
  createTestService,
  createUpload,
} from '../helpers/service.ts'

// google.script.run as Apps Script gives it to a sidebar: asynchronous calls with success and failure handlers.
function installScriptRun() {
  type Handler = ((value: unknown) => void) | null
  const bridge = (
    window as unknown as {
      gasCall: (name: string, args: unknown[]) => Promise<{ ok?: unknown; error?: string }>
    }
  ).gasCall
  const runner = (ok: Handler, fail: Handler): unknown =>
    new Proxy(
      {},
      {
        get: (_, name: string) => {
          if (name === 'withSuccessHandler') return (h: Handler) => runner(h, fail)
          if (name === 'withFailureHandler') return (h: Handler) => runner(ok, h)
          return (...args: unknown[]) =>
            void bridge(name, args).then((r) =>
              r.error !== undefined ? fail?.(new Error(r.error)) : ok?.(r.ok),
            )
        },
      },
    )
  ;(window as unknown as { google: unknown }).google = { script: { run: runner(null, null) } }
}

describe('the add-on sidebar in headless Chromium, over the add-on running in node:vm', () => {
  it(
    'checks, lists problems that select their cell, fixes and clears, all in Vietnamese',
    { timeout: 120_000 },
    async () => {
      const files = await buildSheetsAddon()
      const original = createSpreadsheetFromWorkbook(
        '1SidebarSheetAbcdefghijKLMNO',
        'Báo cáo quý 3',
        createProblemWorkbook(),
      )
      const host = new FakeHost(structuredClone(original))
      const context = createContext({ ...createAppsScriptGlobals(host) })
      new Script(files.get('Code.js')!).runInContext(context)
      const browser = await chromium.launch({
        executablePath: resolveChromium(),
        args: ['--headless', '--no-sandbox', '--disable-gpu'],
      })
      try {
        const page = await browser.newPage({ viewport: { width: 300, height: 900 } })
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        await page.exposeFunction('gasCall', (name: string, args: unknown[]) => {
          try {
            const fn = (context as Record<string, (...a: unknown[]) => unknown>)[name]!
            return { ok: JSON.parse(JSON.stringify(fn(...args) ?? null)) as unknown }
          } catch (error) {
            return { error: (error as Error).message }
          }
        })
        await page.addInitScript(installScriptRun)
        await page.route('https://script.google.com/**', (route) =>
          route.fulfill({
            contentType: 'text/html; charset=utf-8',
            body: files.get('Sidebar.html')!,
          }),
        )
        await page.goto('https://script.google.com/sidebar')
        await expect.poll(() => page.inputValue('#period')).toMatch(/^Quý [IV]+\/\d{4}$/)
        await page.fill('#as-of', '2026-09-14')
        await expect.poll(() => page.inputValue('#period')).toBe('Quý III/2026')
        await page.click('#check')
        await page.waitForSelector('#problem-list li')
        expect(await page.textContent('#summary-line')).toContain('4 nhiệm vụ')
        const mapping = await page.locator('#mapping-list li').allTextContents()
        expect(mapping[0]).toMatch(/^Cột A “STT” → Số thứ tự/)
        const items = await page.locator('#problem-list li').allTextContents()
        expect(items).toContain(
          'D5 · Lỗi: Không hiểu được thời hạn “Tháng 13/2026”: phần “Tháng 13” không đọc được.',
        )
        expect(host.book.sheets.map((s) => s.properties.title)).toContain('Kiểm tra')
        await page.locator('#problem-list li', { hasText: 'D5 ·' }).click()
        await expect.poll(() => host.selection).toEqual({ sheet: 'Báo cáo Q3', address: 'D5:D5' })
        await page.click('#fix')
        await expect.poll(() => page.textContent('#message')).toBe('Đã sửa 2 ô và kiểm tra lại.')
        await page.click('#clear')
        await expect
          .poll(() => page.textContent('#message'))
          .toBe('Đã xóa đánh dấu, trả lại hình thức ban đầu.')
        expect(host.book.sheets.map((s) => s.properties.title)).toEqual(['Báo cáo Q3', 'Ghi chú'])
        const fixedOriginal = readSheetLook(original.sheets[0]!).map((c) =>
          c[0] === 'B6'
            ? ([c[0], 'Cập nhật văn bản', c[2], c[3]] as typeof c)
            : c[0] === 'C6'
              ? ([c[0], 'Sở Nội vụ', c[2], c[3]] as typeof c)
              : c,
        )
        expect(readSheetLook(host.book.sheets[0]!)).toEqual(fixedOriginal)
        expect(errors).toEqual([])
      } finally {
        await browser.close()
      }
    },
  )

  it(
    'sends to the period of the report date, asks before another period or with errors, and shows “Trả lại: lý do”',
    { timeout: 120_000 },
    async () => {
      // The service's real answers for Sở Nội vụ's Quý III: returned with a reason, then sent again.
      const service = await createTestService()
      const token = service.agencyToken('so-noi-vu')
      const reason = 'Thiếu tài liệu kiểm chứng cho nhiệm vụ 1.1'
      const upload = async () =>
        (await (
          await service.app.request('/api/submissions', {
            method: 'POST',
            headers: bearer(token),
            body: createUpload(await buildFilledWorkbook(), { period: '2026-Q3' }),
          })
        ).json()) as { id: number }
      const first = await upload()
      await service.app.request(`/api/submissions/${first.id}/return`, {
        method: 'POST',
        headers: { ...bearer(service.adminToken), 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason }),
      })
      const readStatus = async (period = '2026-Q3') =>
        (
          await service.app.request(`/api/status?period=${period}`, { headers: bearer(token) })
        ).text()
      const returned = await readStatus()
      const receipt = await (
        await service.app.request('/api/submissions', {
          method: 'POST',
          headers: bearer(token),
          body: createUpload((await buildChangedWorkbook()).bytes, { period: '2026-Q3' }),
        })
      ).text()
      const sentAgain = await readStatus()
      const nextQuarter = await readStatus('2026-Q4')

      const files = await buildSheetsAddon()
      const host = new FakeHost(
        createSpreadsheetFromWorkbook(
          '1SidebarSendAbcdefghijKLMNOP',
          'Báo cáo quý 3',
          createProblemWorkbook(),
        ),
      )
      const posted: { url: string; options: Record<string, unknown> }[] = []
      const properties = new Map([
        ['cchc.server', 'https://cchc.example.gov.vn'],
        ['cchc.token', token],
      ])
      const context = createContext({
        ...createAppsScriptGlobals(host, properties, (url, options) => {
          if (options.method === 'post') {
            posted.push({ url, options })
            return { code: 201, body: receipt }
          }
          if (url.endsWith('period=2026-Q4')) return { code: 200, body: nextQuarter }
          return { code: 200, body: posted.length ? sentAgain : returned }
        }),
      })
      new Script(files.get('Code.js')!).runInContext(context)
      const browser = await chromium.launch({
        executablePath: resolveChromium(),
        args: ['--headless', '--no-sandbox', '--disable-gpu'],
      })
      try {
        const page = await browser.newPage({ viewport: { width: 300, height: 1000 } })
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        await page.exposeFunction('gasCall', (name: string, args: unknown[]) => {
          try {
            const fn = (context as Record<string, (...a: unknown[]) => unknown>)[name]!
            return { ok: JSON.parse(JSON.stringify(fn(...args) ?? null)) as unknown }
          } catch (error) {
            return { error: (error as Error).message }
          }
        })
        await page.addInitScript(installScriptRun)
        await page.route('https://script.google.com/**', (route) =>
          route.fulfill({
            contentType: 'text/html; charset=utf-8',
            body: files.get('Sidebar.html')!,
          }),
        )
        await page.goto('https://script.google.com/sidebar')
        await expect.poll(() => page.inputValue('#as-of')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        await page.fill('#as-of', '2026-09-14')
        await expect.poll(() => page.inputValue('#period')).toBe('Quý III/2026')
        expect(await page.textContent('#period-note')).toBe(
          'Báo cáo sẽ gửi vào Quý III/2026 (số liệu đến 14/09/2026).',
        )
        await expect
          .poll(() => page.textContent('#report-state'))
          .toMatch(
            new RegExp(
              `^Báo cáo Quý III/2026 tại Sở Nội vụ: Trả lại: ${reason}, phiên bản 1 \\(Mã quản trị của Sở Nội vụ, 15/09/2026 10:00\\)\\.$`,
            ),
          )
        await page.click('#send')
        expect(await page.textContent('#message')).toBe('Hãy bấm “Kiểm tra” trước khi gửi báo cáo.')
        await page.click('#check')
        await page.waitForSelector('#problem-list li')
        const errorCount = (await page.locator('#problem-list li.error').count()) as number

        // Another period than the report date's: asked, with the errors, before anything is sent.
        await page.fill('#period', 'Q4/2026')
        await page.dispatchEvent('#period', 'change')
        expect(await page.inputValue('#period')).toBe('Quý IV/2026')
        await expect
          .poll(() => page.textContent('#report-state'))
          .toBe('Báo cáo Quý IV/2026 tại Sở Nội vụ: Chưa gửi.')
        await page.click('#send')
        expect(await page.isVisible('#confirm')).toBe(true)
        expect(await page.textContent('#confirm-text')).toBe(
          `Số liệu đến ngày 14/09/2026 thuộc Quý III/2026, nhưng báo cáo sẽ được gửi vào Quý IV/2026. Vẫn gửi vào Quý IV/2026? Báo cáo còn ${errorCount} lỗi: Sở Nội vụ có thể trả lại để sửa. Nên sửa các ô được đánh dấu đỏ trước khi gửi. Vẫn gửi?`,
        )
        mkdirSync(screenshotDir, { recursive: true })
        await page.screenshot({ path: join(screenshotDir, 'sidebar-confirm.png'), fullPage: true })
        await page.click('#confirm-cancel')
        expect(posted).toEqual([])

        await page.fill('#period', 'Quý 3/2026')
        await page.dispatchEvent('#period', 'change')
        await page.click('#send')
        expect(await page.textContent('#confirm-send')).toBe('Vẫn gửi vào Quý III/2026')
        await page.click('#confirm-send')
        await expect
          .poll(() => page.textContent('#receipt'))
          .toMatch(/^Đã gửi vào Quý III\/2026: phiên bản 2 \(mã \d+\) lúc 15\/09\/2026 10:00\.$/)
        expect(JSON.parse(posted[0]!.options.payload as string)).toMatchObject({
          period: '2026-Q3',
        })
        await expect
          .poll(() => page.textContent('#report-state'))
          .toBe('Báo cáo Quý III/2026 tại Sở Nội vụ: Đã gửi, phiên bản 2.')
        expect(errors).toEqual([])
      } finally {
        await browser.close()
      }
    },
  )
})
