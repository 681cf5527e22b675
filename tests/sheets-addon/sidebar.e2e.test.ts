import { Script, createContext } from 'node:vm'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { buildSheetsAddon } from '../../scripts/build-sheets-addon.ts'
import { createAppsScriptGlobals, FakeHost } from '../helpers/fake-apps-script.ts'
import { createProblemWorkbook } from '../helpers/fake-annex.ts'
import { createSpreadsheetFromWorkbook, readSheetLook } from '../helpers/fake-sheets/from-grid.ts'
import { resolveChromium } from '../helpers/tools.ts'

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
        await expect.poll(() => page.inputValue('#period')).toMatch(/^\d{4}-Q\d$/)
        await page.fill('#as-of', '2026-09-14')
        await page.click('#check')
        await page.waitForSelector('#problem-list li')
        expect(await page.textContent('#summary-line')).toContain('4 nhiệm vụ')
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
})
