import type { sheets_v4 } from '@googleapis/sheets'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  clerk,
  findAccessibilityViolations,
  launchChromium,
  openDeskAndPhone,
  measureOverflow,
  officer,
  saveScreenshot,
  signInAs,
  startDemoService,
} from '../../../helpers/dashboard.ts'

// The Google Sheets approval flow on the dashboard: Sở Tư pháp's clerk on a phone (390×844) asks
// for a sheet, Sở Nội vụ's officer at a desk (1366×768) approves it, refuses the next one, registers
// a unit's sheet directly and pulls. Google stands in as a service that cannot open any sheet.
const now = new Date('2026-09-18T02:00:00Z')
const first =
  'https://docs.google.com/spreadsheets/d/1SoTuPhapBaoCaoCCHCQuyIII2026abcdefghijk/edit#gid=0'
const second =
  'https://docs.google.com/spreadsheets/d/1SoTuPhapBanMoiChuaDuyetXYZ0123456789abc/edit'
const direct =
  'https://docs.google.com/spreadsheets/d/1SoNoiVuDangKyTrucTiep0123456789abcdefgh/edit'
const invalid = 'Vietnamese message for a link that is not a Google Sheets link'
const refusal = 'Đường dẫn Google Sheet không hợp lệ (https://docs.google.com/spreadsheets/d/…).'

/** A Sheets API whose every read answers 404, as Google does for a sheet not shared with it. */
const unreadable = {
  spreadsheets: {
    get: () =>
      Promise.reject(Object.assign(new Error('Requested entity was not found.'), { status: 404 })),
  },
} as unknown as sheets_v4.Sheets

let service: Awaited<ReturnType<typeof startDemoService>>
let browser: Browser
let desk: Page
let phone: Page
let problems: { desk: string[]; phone: string[] }

/** Loads a page of the dashboard afresh (as a person opening it later) and waits until it shows. */
async function open(page: Page, hash: string, ready: string) {
  await page.goto(`${service.url}/?t=${Date.now()}${hash}`)
  await page.locator(ready).first().waitFor()
}

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 })

beforeAll(async () => {
  // The demo province's units and accounts, without its reports: this page does not show them.
  service = await startDemoService(now, {
    reports: false,
    // Two seconds between sheets (Google's pacing is 1.2 s): long enough to see the pull running.
    sheetsPull: {
      createApi: async () => unreadable,
      sleep: () => new Promise((done) => setTimeout(done, 2000)),
    },
  })
  browser = await launchChromium()
  ;({ desk, phone, problems } = await openDeskAndPhone(browser))
  for (const page of [desk, phone]) page.on('dialog', (d) => void d.accept())
  await signInAs(desk, service.url, officer)
  await signInAs(phone, service.url, clerk)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await service?.close()
})

describe('Google Sheets on the dashboard (Chromium)', () => {
  it(
    'an agency asks, Sở Nội vụ approves or refuses, registers directly and pulls',
    { timeout: 60_000 },
    async () => {
      // The clerk's own page: no sheet yet; an invalid link is refused in Vietnamese.
      await open(phone, '#/', '#agency-sheet-form')
      await poll(() => phone.textContent('#agency-sheet-current')).toContain(
        'Sở Tư pháp chưa đăng ký Google Sheet nào.',
      )
      await phone.fill('#agency-sheet-url', invalid)
      await phone.click('#agency-sheet-form button[type=submit]')
      await poll(() => phone.textContent('#agency-sheet-error')).toBe(`Không gửi được: ${refusal}`)
      expect(await phone.locator('#sheet-request').count()).toBe(0)

      // A Google link (as the browser's bar shows it) waits for approval, rebuilt in Google's form.
      await phone.fill('#agency-sheet-url', first.replace('/edit#gid=0', '/edit?usp=sharing#gid=0'))
      await phone.click('#agency-sheet-form button[type=submit]')
      await poll(() => phone.textContent('#sheet-request p')).toBe(
        `Đang chờ Sở Nội vụ duyệt: ${first}, gửi lúc 18/09/2026 09:00.`,
      )
      expect(await phone.textContent('#agency-sheet-error')).toBe('')
      expect(await phone.inputValue('#agency-sheet-url')).toBe('')
      expect(await measureOverflow(phone)).toBe(0)
      await phone.locator('#agency-sheet').scrollIntoViewIfNeeded()
      await saveScreenshot(phone, 'sheets-agency-waiting-phone')
      expect(await findAccessibilityViolations(phone)).toEqual([])

      // The officer's "Google Sheets" page: the request first, with the unit's name and who asked.
      await open(desk, '#/', '#who')
      await desk.click('nav a[href="#/google-sheets"]')
      const request = desk.locator('[data-request="so-tu-phap"]')
      await request.waitFor()
      expect(await desk.textContent('#sheet-requests-title')).toBe('Đề nghị chờ duyệt (1)')
      expect((await request.innerText()).split('\n').filter(Boolean)).toEqual([
        'Sở Tư pháp',
        `Đường dẫn đề nghị: ${first}`,
        `Người gửi: ${clerk.email}, lúc 18/09/2026 09:00`,
        'Chưa có bảng tính nào được đăng ký.',
        'Duyệt Từ chối',
      ])
      expect(await desk.textContent('#sheet-list .empty')).toContain(
        'Chưa cơ quan nào có Google Sheet được đăng ký',
      )
      expect(await findAccessibilityViolations(desk)).toEqual([])
      await saveScreenshot(desk, 'sheets-officer-waiting', true)

      await request.locator('button.approve').click()
      await poll(() => desk.locator('[data-request]').count()).toBe(0)
      expect(await desk.textContent('#sheet-requests .empty')).toBe(
        'Không có đề nghị đổi Google Sheet nào đang chờ duyệt.',
      )
      expect(await desk.textContent('#message')).toContain(
        'Đã duyệt: Sở Tư pháp dùng bảng tính mới từ lần lấy dữ liệu tới.',
      )
      expect(await desk.locator('#sheet-body tr').allInnerTexts()).toEqual([
        `Sở Tư pháp\t${first}\tChưa lấy dữ liệu lần nào\t—\tBỏ đăng ký`,
      ])

      // The clerk sees the approved sheet and no request.
      await open(phone, '#/', '#agency-sheet-current a')
      expect(await phone.textContent('#agency-sheet-current a')).toBe(first)
      expect(await phone.locator('#sheet-request').count()).toBe(0)

      // A second change is refused: the clerk keeps the approved sheet, no request left.
      await phone.fill('#agency-sheet-url', second)
      await phone.click('#agency-sheet-form button[type=submit]')
      await phone.locator('#sheet-request').waitFor()
      await open(desk, '#/google-sheets', '[data-request="so-tu-phap"]')
      expect(await desk.textContent('[data-request="so-tu-phap"] .requested-old')).toBe(
        `Đang dùng: ${first}`,
      )
      // By keyboard: from "Kéo dữ liệu ngay", Tab reaches the request's "Từ chối"; Enter presses it.
      await desk.focus('#pull-now')
      for (let i = 0; i < 10; i++) {
        await desk.keyboard.press('Tab')
        if (await desk.evaluate(() => document.activeElement?.classList.contains('refuse'))) break
      }
      expect(await desk.evaluate(() => document.activeElement?.textContent)).toBe('Từ chối')
      await desk.keyboard.press('Enter')
      await poll(() => desk.locator('[data-request]').count()).toBe(0)
      expect(await desk.textContent('#message')).toContain('Đã từ chối đề nghị của Sở Tư pháp.')
      await open(phone, '#/', '#agency-sheet-current a')
      expect(await phone.textContent('#agency-sheet-current a')).toBe(first)
      expect(await phone.locator('#sheet-request').count()).toBe(0)

      // The clerk may also withdraw a request before Sở Nội vụ answers it.
      await phone.fill('#agency-sheet-url', second)
      await phone.click('#agency-sheet-form button[type=submit]')
      await phone.locator('#sheet-request').waitFor()
      await phone.click('#cancel-sheet-request')
      await poll(() => phone.locator('#sheet-request').count()).toBe(0)
      expect(await phone.textContent('#message')).toContain('Đã hủy đề nghị đổi Google Sheet.')
      expect(await phone.textContent('#agency-sheet-current a')).toBe(first)

      // The officer registers a unit's sheet directly: a bad link, then another unit's spreadsheet,
      // are refused with the service's words; Google's link goes in.
      await desk.selectOption('#sheet-agency', 'so-noi-vu')
      await desk.fill('#sheet-url', 'https://docs.google.com.evil.example/spreadsheets/d/1abc/edit')
      await desk.click('#sheet-form button[type=submit]')
      await poll(() => desk.textContent('#sheet-form-error')).toBe(`Không lưu được: ${refusal}`)
      await desk.fill('#sheet-url', first)
      await desk.click('#sheet-form button[type=submit]')
      await poll(() => desk.textContent('#sheet-form-error')).toContain(
        'đã được đăng ký cho một cơ quan khác',
      )
      await desk.fill('#sheet-url', direct)
      await desk.click('#sheet-form button[type=submit]')
      await poll(() => desk.locator('#sheet-body tr').count()).toBe(2)
      expect(await desk.textContent('#sheet-form-error')).toBe('')

      // "Kéo dữ liệu ngay": Google cannot open either sheet; each unit's result says so.
      await desk.click('#pull-now')
      await poll(() => desk.textContent('#pull-progress p')).toMatch(
        /^Đang lấy dữ liệu Quý III\/2026: [01]\/2 bảng tính…$/,
      )
      expect(await desk.isDisabled('#pull-now')).toBe(true)
      await poll(() => desk.textContent('#pull-progress p')).toBe(
        'Lần lấy gần nhất (Quý III/2026) xong lúc 18/09/2026 09:00: 0 bảng tính lấy được, 2 bảng tính lỗi.',
      )
      await poll(() => desk.textContent('[data-sheet="so-tu-phap"] td.pull-failed')).toBe(
        'Lỗi: Không mở được bảng tính: kiểm tra đường dẫn và quyền chia sẻ với tài khoản đang dùng.',
      )
      expect(await desk.textContent('[data-sheet="so-noi-vu"] td:nth-of-type(2)')).toBe(
        '18/09/2026 09:00 (Quý III/2026)',
      )
      expect(await findAccessibilityViolations(desk)).toEqual([])
      await saveScreenshot(desk, 'sheets-officer-pulled', true)

      // The same page on a phone: one column, nothing wider than the screen.
      const officerPhone = await browser.newPage({
        viewport: { width: 390, height: 844 },
        locale: 'vi-VN',
        isMobile: true,
        hasTouch: true,
      })
      await signInAs(officerPhone, service.url, officer)
      await open(officerPhone, '#/google-sheets', '#sheet-body tr')
      expect(await measureOverflow(officerPhone)).toBe(0)
      expect(await findAccessibilityViolations(officerPhone)).toEqual([])
      await saveScreenshot(officerPhone, 'sheets-officer-phone', true)
      await open(phone, '#/', '#agency-sheet-current a')
      await phone.locator('#agency-sheet').scrollIntoViewIfNeeded()
      await saveScreenshot(phone, 'sheets-agency-pulled-phone')
      await officerPhone.close()

      // The refusals the test asked for are the only failed requests; no script error, no CSP report.
      const refused = /Failed to load resource: the server responded with a status of (400|409)/
      expect(problems.desk.filter((p) => !refused.test(p))).toEqual([])
      expect(problems.phone.filter((p) => !refused.test(p))).toEqual([])
      expect(problems.desk.length).toBe(2)
    },
  )
})
