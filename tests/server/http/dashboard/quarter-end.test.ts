import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PeriodStatus } from '../../../../server/consolidation/period-status.ts'
import {
  findAccessibilityViolations,
  launchChromium,
  openDeskAndPhone,
  measureOverflow,
  officer,
  saveScreenshot,
  screenshotDir,
  signInAs,
  startDemoService,
} from '../../../helpers/dashboard.ts'
import { readPdfPages } from '../../../helpers/pdf.ts'

// Sở Nội vụ at quarter-end: 18/09/2026, two days after the Quý III due date, on the demo province
// (40 agencies report each quarter; at this quarter's end 32 have sent and 89 have not).
const now = new Date('2026-09-18T02:00:00Z')

let service: Awaited<ReturnType<typeof startDemoService>>
let browser: Browser
let desk: Page
let phone: Page
let q3: PeriodStatus
let problems: { desk: string[]; phone: string[] }

const readStatus = async (period: string) =>
  (await (
    await fetch(`${service.url}/api/status?period=${period}`, {
      headers: { Authorization: `Bearer ${service.adminToken}` },
    })
  ).json()) as PeriodStatus

/** The names shown in the table's rows of a group, top to bottom. */
const readNames = (page: Page, group: 'so' | 'xa') =>
  page.locator(`#agency-table tbody[data-group="${group}"] tr[data-agency] th a`).allTextContents()

/** Types a period into the picker as a person would, and presses Enter. */
async function choosePeriod(page: Page, text: string) {
  await page.fill('#period', text)
  await page.press('#period', 'Enter')
}

/** Waits for a page to show something (the shared machine can be slow). */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 })

beforeAll(async () => {
  service = await startDemoService(now)
  q3 = await readStatus('2026-Q3')
  browser = await launchChromium()
  ;({ desk, phone, problems } = await openDeskAndPhone(browser))
  for (const page of [desk, phone]) {
    await signInAs(page, service.url, officer)
    await page.locator('#missing li').first().waitFor()
  }
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await service?.close()
})

describe('the dashboard at quarter-end (Chromium, 1366×768 and 390×844)', () => {
  it('answers "who has not sent?" on the first screen, grouped, with days late', async () => {
    const missing = q3.agencies.filter((a) => !a.submitted)
    expect([q3.agencies.length, missing.length]).toEqual([121, 89])
    for (const [page, name] of [
      [desk, 'overview-desktop'],
      [phone, 'overview-phone'],
    ] as const) {
      expect(await page.textContent('#quarter-title')).toBe('Báo cáo Quý III/2026')
      expect(await page.textContent('.deadline')).toBe(
        'Số liệu đến 14/09/2026 · Hạn nộp 16/09/2026 · đã quá hạn 2 ngày (hôm nay 18/09/2026)',
      )
      expect(await page.textContent('#missing-title')).toBe('Chưa gửi báo cáo: 89/121 cơ quan')
      // The first missing unit is on the first screen, without scrolling.
      const first = await page.locator('#missing li').first().boundingBox()
      expect(first!.y + first!.height).toBeLessThan(page.viewportSize()!.height)
      await saveScreenshot(page, name)
    }
    const groups = await desk.locator('#missing .missing-group h3').allTextContents()
    expect(groups).toEqual(['Sở, ban, ngành và đơn vị cấp tỉnh (3)', 'Xã, phường (86)'])
    const items = await desk.locator('#missing li').allTextContents()
    expect(items).toHaveLength(89)
    expect(items).toContain('Sở Xây dựng · trễ 2 ngày')
    expect(new Set(await desk.locator('#missing li a').allTextContents())).toEqual(
      new Set(missing.map((a) => a.name)),
    )
    expect(await desk.textContent('#tile-missing')).toBe('89 Chưa gửi /121 cơ quan')
    expect(await desk.textContent('#tile-late')).toBe('89 Trễ hạn /121 cơ quan')
    // The reminder never asks for a date already past.
    await desk.click('#missing summary')
    const reminder = await desk.inputValue('#reminder')
    expect(reminder).toContain('Hạn gửi báo cáo là ngày 16/09/2026, đã quá 2 ngày.')
    expect(reminder).not.toContain('trước ngày 16/09/2026')
    // The list exports as a workbook.
    const download = desk.waitForEvent('download')
    await desk.click('#download-missing')
    const file = await download
    expect(file.suggestedFilename()).toBe('chua-gui-2026-Q3.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await file.path())!)
    let rows = 0
    workbook.getWorksheet('Chưa gửi báo cáo')!.eachRow((r, n) => n > 2 && rows++)
    expect(rows).toBe(89 + 2)
  })

  it('filters the table by its tiles, sorts every column, and says when nothing matches', async () => {
    await desk.click('#tile-missing')
    expect(await desk.getAttribute('#tile-missing', 'aria-pressed')).toBe('true')
    expect(await desk.textContent('#filter-count')).toBe('Đang hiện 89/121 cơ quan')
    expect(await desk.locator('#agency-table tr[data-agency]').count()).toBe(89)
    await desk.click('#tile-missing')
    expect(await desk.locator('#agency-table tr[data-agency]').count()).toBe(121)

    const header = (label: string) => desk.locator('#agency-table thead th', { hasText: label })
    const tasks = () =>
      desk.locator('#agency-table tbody[data-group="so"] td[data-column="tasks"]').allTextContents()
    await header('Số nhiệm vụ').locator('button').click()
    expect(await header('Số nhiệm vụ').getAttribute('aria-sort')).toBe('ascending')
    const ascending = await tasks()
    const filled = ascending.filter(Boolean).map(Number)
    expect(filled).toEqual([...filled].sort((a, b) => a - b))
    // Agencies that have not sent have no value: last, whichever way.
    expect(ascending.slice(filled.length).every((t) => t === '')).toBe(true)
    await header('Số nhiệm vụ').locator('button').click()
    expect(await header('Số nhiệm vụ').getAttribute('aria-sort')).toBe('descending')
    const descending = (await tasks()).filter(Boolean).map(Number)
    expect(descending).toEqual([...filled].sort((a, b) => b - a))
    // Every column sorts (by its header button), the name column in Vietnamese order.
    for (const label of ['Tình trạng', 'Số ngày trễ', 'Thời gian gửi', 'Điểm', 'Kiểm chứng được'])
      await header(label).locator('button').click()
    expect(await desk.locator('#agency-table thead th[aria-sort]').count()).toBe(1)
    await desk.selectOption('#sort-column', 'name|descending')
    const names = await readNames(desk, 'xa')
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare).reverse())
    expect(await header('Cơ quan').getAttribute('aria-sort')).toBe('descending')
    await desk.selectOption('#sort-column', '')

    // A new user finds a xã by part of its name, without diacritics.
    await desk.fill('#search', 'buon ma thuot')
    expect(await readNames(desk, 'xa')).toEqual(['Phường Buôn Ma Thuột'])
    await desk.fill('#search', 'không có nơi nào tên này')
    expect(await desk.textContent('#agency-table .empty')).toBe(
      'Không có cơ quan nào khớp với bộ lọc: tên có “không có nơi nào tên này”. Bỏ lọc',
    )
    await desk.click('#agency-table .empty button')
    expect(await desk.locator('#agency-table tr[data-agency]').count()).toBe(121)
  })

  it('reads the period as people write it, and never shows another period’s figures', async () => {
    for (const [text, title] of [
      ['Quý 3/2026', 'Báo cáo Quý III/2026'],
      ['Q3/2026', 'Báo cáo Quý III/2026'],
      ['2026-Q3', 'Báo cáo Quý III/2026'],
      ['6 tháng đầu năm 2026', 'Báo cáo 6 tháng đầu năm 2026'],
      ['Năm 2026', 'Báo cáo Năm 2026'],
      ['Quý III/2026', 'Báo cáo Quý III/2026'],
    ] as const) {
      await choosePeriod(desk, text)
      await poll(() => desk.textContent('#quarter-title')).toBe(title)
      await desk.locator('#tile-missing').waitFor()
      expect(await desk.inputValue('#period')).toBe(title.replace('Báo cáo ', ''))
    }
    await choosePeriod(desk, 'Quý V/2026')
    expect(await desk.textContent('#period-error')).toContain('Không hiểu kỳ “Quý V/2026”')
    expect(await desk.getAttribute('#period', 'aria-invalid')).toBe('true')
    expect(await desk.textContent('#quarter-title')).toBe('Báo cáo Quý III/2026')

    // While Quý II loads, its heading shows and no figure of Quý III stays under it.
    let release = () => {}
    const held = new Promise<void>((r) => (release = r))
    await desk.route(/\/api\/status\?period=2026-Q2$/, async (route) => {
      await held
      await route.continue()
    })
    await choosePeriod(desk, 'Quý 2/2026')
    await poll(() => desk.textContent('#quarter-title')).toBe('Báo cáo Quý II/2026')
    expect(await desk.textContent('.quarter .loading')).toBe('Đang tải số liệu Quý II/2026…')
    for (const part of ['.tiles', '#missing', '#agency-table', '#overdue'])
      expect(await desk.locator(part).count()).toBe(0)
    await saveScreenshot(desk, 'period-loading')
    release()
    const q2 = await readStatus('2026-Q2')
    await poll(() => desk.textContent('#missing-title')).toBe(
      `Chưa gửi báo cáo: ${q2.agencies.filter((a) => !a.submitted).length}/121 cơ quan`,
    )
    await desk.unroute(/\/api\/status\?period=2026-Q2$/)

    // A failed load says why in Vietnamese and shows no figures either.
    await desk.route(/\/api\/status\?period=2026-Q1$/, (route) =>
      route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' }),
    )
    await choosePeriod(desk, 'Quý I/2026')
    await poll(() => desk.textContent('.quarter .failed')).toBe(
      'Không tải được số liệu Quý I/2026: Máy chủ tạm thời không trả lời (mã lỗi 502). Hãy thử lại sau ít phút. Thử lại',
    )
    expect(await desk.locator('.tiles, #missing, #agency-table').count()).toBe(0)
    await desk.unroute(/\/api\/status\?period=2026-Q1$/)
    await desk.route(/\/api\/status\?period=2026-Q4$/, (route) =>
      route.abort('internetdisconnected'),
    )
    await choosePeriod(desk, 'Q4/2026')
    await poll(() => desk.textContent('.quarter .failed')).toContain(
      'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại',
    )
    await saveScreenshot(desk, 'period-error')
    await desk.unroute(/\/api\/status\?period=2026-Q4$/)
    // The browser logs the two failures it was made to meet, and nothing else.
    expect(problems.desk.splice(0)).toEqual([
      expect.stringContaining('502'),
      expect.stringContaining('ERR_INTERNET_DISCONNECTED'),
    ])
    await choosePeriod(desk, 'Quý III/2026')
    await desk.locator('#missing li').first().waitFor()
  })

  it('prints the whole filtered list on A4 pages, with the column headings on each', async () => {
    await desk.click('#tile-missing')
    const pdf = join(screenshotDir, 'print-missing.pdf')
    await desk.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true })
    const pages = readPdfPages(pdf)
    expect(pages.length).toBeGreaterThan(1)
    let names = ''
    let states: string[] = []
    for (const page of pages) {
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595])
      // The heading row on every page: its first, second and last columns.
      const words = new Set(page.words.map((w) => w.text))
      for (const word of ['Cơ', 'quan', 'Tình', 'trạng', 'Kiểm', 'chứng', 'được'])
        expect(words).toContain(word)
      // Nothing but the list: no buttons, tiles or filter boxes.
      expect(page.text).not.toContain('In danh sách')
      expect(page.text).not.toContain('Tải danh sách')
      // The first two columns read down the page: a wrapped name stays whole.
      // (The heading "Tình" of the state column, not the title's "Tình hình" at the margin.)
      const state = page.words.find((w) => w.text === 'Tình' && w.x0 > page.width / 10)!
      const next = page.words.find((w) => w.text === 'Số' && w.x0 > state.x0)!
      const column = (from: number, to: number) =>
        page.words
          .filter((w) => w.x0 >= from && w.x1 <= to)
          .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
          .map((w) => w.text)
      names += ` ${column(0, state.x0 - 1).join(' ')}`
      states = states.concat(column(state.x0 - 1, next.x0 - 1))
    }
    for (const a of q3.agencies.filter((x) => !x.submitted)) expect(names).toContain(a.name)
    // One "Chưa gửi" per printed row, and no other state.
    expect(states.filter((w) => w === 'Chưa')).toHaveLength(89)
    expect(states).not.toContain('Đã')
    await desk.click('#tile-missing')
  })

  it('fits a phone, passes axe-core and keeps to its CSP on every overview screen', async () => {
    expect(await measureOverflow(phone)).toBe(0)
    await phone.click('#tile-missing')
    expect(await measureOverflow(phone)).toBe(0)
    await phone.locator('#agency-table').scrollIntoViewIfNeeded()
    await saveScreenshot(phone, 'overview-phone-cards')
    await phone.click('#tile-missing')
    for (const [page, name] of [
      [desk, 'desktop'],
      [phone, 'phone'],
    ] as const)
      expect({ name, violations: await findAccessibilityViolations(page) }).toEqual({
        name,
        violations: [],
      })
    await saveScreenshot(desk, 'overview-desktop-full', true)
  })

  it('keeps no secret in the browser, downloads the workbook, shows Google Sheets and signs out', async () => {
    expect(await desk.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0)
    // The session, and the browser's mark that lets its owner through a lock-out (sign-in only).
    expect(await desk.context().cookies()).toEqual([
      expect.objectContaining({
        name: 'cchc_device',
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api/login',
      }),
      expect.objectContaining({ name: 'cchc_session', httpOnly: true, sameSite: 'Strict' }),
    ])
    const download = desk.waitForEvent('download')
    await desk.click('#download')
    expect((await download).suggestedFilename()).toBe('tong-hop-cchc-2026-Q3.xlsx')
    // Sở Tài chính keeps its annex in a Google Sheet, registered but not pulled yet.
    const sheet = await fetch(`${service.url}/api/agencies/so-tai-chinh/sheet`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${service.adminToken}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        url: 'https://docs.google.com/spreadsheets/d/1AbcdefghijklmnopqrstuvwxyzABCDEFG/edit#gid=0',
      }),
    })
    expect(sheet.status).toBe(200)
    await desk.reload()
    const origin = desk.locator('#agency-table tr[data-agency="so-tai-chinh"] .origin')
    await origin.waitFor()
    expect(await origin.textContent()).toBe(
      'Nguồn: Bổ trợ Excel · Google Sheet: đã đăng ký, chưa lấy',
    )
    await desk.click('#logout')
    await desk.waitForURL(`${service.url}/login`)
    await desk.locator('#login-form').waitFor()
    expect(await findAccessibilityViolations(desk)).toEqual([])
    await saveScreenshot(desk, 'sign-in')
    expect(problems).toEqual({ desk: [], phone: [] })
    expect(await desk.evaluate(async () => (await fetch('/api/session')).status)).toBe(401)
  })
})
