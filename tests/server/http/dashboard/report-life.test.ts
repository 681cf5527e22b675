import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSampleGrid } from '../../../../server/demo/province.ts'
import { readCatalog } from '../../../../server/province/catalog.ts'
import {
  clerk,
  findAccessibilityViolations,
  launchChromium,
  openDeskAndPhone,
  measureOverflow,
  officer,
  saveScreenshot,
  saveSectionScreenshot,
  signInAs,
  startDemoService,
} from '../../../helpers/dashboard.ts'
import { buildFilledWorkbook } from '../../../helpers/service.ts'

// A report's life seen from both sides: Sở Nội vụ's officer at a desk (1366×768) and Sở Tư pháp's
// clerk on a phone (390×844), on the demo province two days after the Quý III due date.
const now = new Date('2026-09-18T02:00:00Z')
const reason = 'Thiếu tài liệu kiểm chứng cho nhiệm vụ 1.1'

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

/** The sample workbook with one deadline no one can read: a report with an error. */
async function buildWorkbookWithError(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await buildFilledWorkbook()) as unknown as ArrayBuffer)
  const ws = workbook.getWorksheet('Phụ lục')!
  let column = 0
  let changed = false
  ws.eachRow((row) =>
    row.eachCell((cell, col) => {
      if (!column && /^Thời (gian|hạn)/i.test(String(cell.value))) column = col
      else if (column && !changed && col === column && /\d{4}/.test(String(cell.value))) {
        cell.value = 'Tháng 13/2026'
        changed = true
      }
    }),
  )
  expect(changed).toBe(true)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Waits for a page to show something (the shared machine can be slow). */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 })

beforeAll(async () => {
  service = await startDemoService(now)
  browser = await launchChromium()
  ;({ desk, phone, problems } = await openDeskAndPhone(browser))
  await phone.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  for (const page of [desk, phone]) page.on('dialog', (d) => void d.accept())
  await signInAs(desk, service.url, officer)
  await signInAs(phone, service.url, clerk)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await service?.close()
})

describe('a report’s life on the dashboard (Chromium)', () => {
  it('is returned with a reason, read by the agency, sent again with its own code and accepted', async () => {
    await open(desk, '#/agency/so-tu-phap', '#report-state')
    expect(await desk.textContent('#report-state')).toBe(
      'Đã gửi — phiên bản 1, gửi lúc 10/09/2026 09:00',
    )
    await desk.click('#return')
    await desk.fill('#return-reason', reason)
    await desk.click('#return-form button[type=submit]')
    await poll(() => desk.textContent('#report-state')).toBe(
      `Trả lại: ${reason} — phiên bản 1, gửi lúc 10/09/2026 09:00`,
    )
    expect(await desk.textContent('#message')).toContain(
      `Đã trả lại phiên bản 1 của Sở Tư pháp kèm lý do; cơ quan sẽ thấy “Trả lại: ${reason}”.`,
    )
    expect(await desk.textContent('#version-body tr:first-child .decisions')).toBe(
      `Trả lại (${reason}) bởi ${officer.email} lúc 18/09/2026 09:00`,
    )
    await saveScreenshot(desk, 'agency-returned-officer')

    // The clerk's own page is Sở Tư pháp's: the return and its reason, no decision buttons.
    await open(phone, '#/', '#report-state')
    expect(await phone.textContent('#agency-title')).toBe('Sở Tư pháp')
    expect(await phone.textContent('#report-state')).toBe(
      `Trả lại: ${reason} — phiên bản 1, gửi lúc 10/09/2026 09:00`,
    )
    expect(await phone.textContent('#current-report .decided')).toContain(
      `Trả lại bởi ${officer.email} lúc 18/09/2026 09:00.`,
    )
    expect(await phone.locator('#accept, #return').count()).toBe(0)
    expect(await measureOverflow(phone)).toBe(0)
    await saveScreenshot(phone, 'agency-returned-clerk-phone')

    // The clerk issues the access code for the add-in: shown once, copied.
    await phone.click('nav a[href="#/ma-truy-cap"]')
    await phone.fill('#code-label', 'Máy văn thư — Excel')
    await phone.click('#code-form button[type=submit]')
    const code = await phone.locator('#code-value').inputValue()
    expect(code).toMatch(/^cchc_[\w-]{32}$/)
    await phone.click('#copy-code')
    expect(await phone.evaluate(() => navigator.clipboard.readText())).toBe(code)
    expect(await phone.locator('#token-body tr').allTextContents()).toEqual([
      expect.stringMatching(/^Máy văn thư — ExcelSở Tư pháp18\/09\/2026 09:0017\/12\/2026 09:00/),
    ])
    expect(await measureOverflow(phone)).toBe(0)
    await saveScreenshot(phone, 'codes-clerk-phone', true)

    // The add-in sends the corrected table with that code: a new version, sent again.
    const catalog = await readCatalog()
    const plan = [...catalog.plans.values()][0]!
    const sent = await fetch(`${service.url}/api/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${code}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        period: 'Quý III/2026',
        table: buildSampleGrid(plan, 99, '2026-09-14'),
        fileName: 'so-tu-phap.xlsx',
      }),
    })
    expect(sent.status).toBe(201)
    await open(phone, '#/', '#report-state')
    expect(await phone.textContent('#report-state')).toBe(
      'Đã gửi — phiên bản 2, gửi lúc 18/09/2026 09:00 (trễ 2 ngày)',
    )

    await open(desk, '#/agency/so-tu-phap', '#accept')
    expect(await desk.textContent('#accept')).toBe('Tiếp nhận phiên bản 2')
    await desk.click('#accept')
    await poll(() => desk.textContent('#report-state')).toContain('Đã tiếp nhận')
    expect(await desk.locator('#version-body td[class^="state-"]').allTextContents()).toEqual([
      `Đã tiếp nhậnTiếp nhận bởi ${officer.email} lúc 18/09/2026 09:00`,
      `Đã có bản mới hơnTrả lại (${reason}) bởi ${officer.email} lúc 18/09/2026 09:00`,
      'Đã gửi',
      'Đã gửi',
    ])
    expect(await desk.textContent('#version-body tr:first-child')).toContain(
      'Mã truy cập “Máy văn thư — Excel”',
    )
    await open(phone, '#/', '#report-state')
    expect(await phone.textContent('#report-state')).toContain('Đã tiếp nhận — phiên bản 2')
    for (const [page, name] of [
      [desk, 'officer'],
      [phone, 'clerk'],
    ] as const)
      expect({ name, violations: await findAccessibilityViolations(page) }).toEqual({
        name,
        violations: [],
      })
  })

  it('starts an agency page clean for each unit, names the compared pair, and marks a step back', async () => {
    await open(desk, '#/agency/so-noi-vu', '#diff-body tr')
    expect(await desk.textContent('#diff-summary')).toMatch(
      /^Quý III\/2026 — phiên bản 1 → Quý III\/2026 — phiên bản 2: \d+ nhiệm vụ thay đổi/,
    )
    const worse = desk.locator('#diff-body tr.worse')
    expect(await worse.count()).toBeGreaterThan(0)
    expect(new Set(await worse.locator('td.direction').allTextContents())).toEqual(
      new Set(['Lùi lại']),
    )
    expect(
      await worse
        .first()
        .locator('td.after')
        .evaluate((td) => getComputedStyle(td).backgroundColor),
    ).toBe('rgb(254, 226, 226)')
    expect(
      new Set(await desk.locator('#diff-body tr.better td.direction').allTextContents()),
    ).toEqual(new Set(['Tiến bộ']))
    // A done task reported not done again is a step back, never shown as progress.
    const statusRows = await desk
      .locator('#diff-body tr', { has: desk.locator('td', { hasText: /^Trạng thái$/ }) })
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.className,
          r.querySelector('.before')?.textContent,
          r.querySelector('.after')?.textContent,
        ]),
      )
    for (const [className, before, after] of statusRows)
      if (before?.startsWith('Hoàn thành') && !after?.startsWith('Hoàn thành'))
        expect(className).toBe('changed worse')
    await saveSectionScreenshot(desk, '#compare', 'agency-compare')

    await desk.click('#compare-quarter')
    await poll(() => desk.textContent('#diff-from-head')).toBe('Quý II/2026 — phiên bản 2')
    const picked = async (id: string) =>
      desk.locator(`#${id}`).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)
    // (the heading and the pickers are set one after the other: wait for each)
    await poll(() => picked('compare-from')).toMatch(/^Quý II\/2026 — phiên bản 2 /)
    await poll(() => picked('compare-to')).toMatch(/^Quý III\/2026 — phiên bản 2 /)

    // An agency that never sent: while its page loads, nothing of Sở Nội vụ's stays; then each
    // section says in a sentence that there is nothing.
    const silent = (
      (await (
        await fetch(`${service.url}/api/trends?year=2026`, {
          headers: { Authorization: `Bearer ${service.adminToken}` },
        })
      ).json()) as { agencies: { id: string; name: string; points: { submitted: number }[] }[] }
    ).agencies.find((a) => a.points.every((p) => !p.submitted))!
    let release = () => {}
    const held = new Promise<void>((r) => (release = r))
    await desk.route(`**/api/agencies/${silent.id}/history`, async (route) => {
      await held
      await route.continue()
    })
    await desk.evaluate((id) => (location.hash = `#/agency/${id}`), silent.id)
    await poll(() => desk.textContent('main h1')).toBe('Trang cơ quan')
    expect(await desk.textContent('main')).not.toContain('phiên bản')
    expect(await desk.locator('#version-body, #diff-body, #compare-from').count()).toBe(0)
    release()
    await poll(() => desk.textContent('#agency-title')).toBe(silent.name)
    await desk.locator('#report-state').waitFor()
    await desk.unroute(`**/api/agencies/${silent.id}/history`)
    expect(await desk.textContent('#agency-summary')).toBe(
      `${silent.name} chưa gửi phiên bản báo cáo nào.`,
    )
    expect(await desk.textContent('#report-state')).toBe('Chưa gửi (trễ 2 ngày)')
    expect(await desk.locator('main .empty').allTextContents()).toEqual([
      `${silent.name} chưa gửi phiên bản báo cáo nào.`,
      'Chưa có phiên bản nào để xem vấn đề.',
      'Cần ít nhất hai phiên bản để so sánh; cơ quan mới gửi 0.',
      `${silent.name} chưa gửi báo cáo quý nào trong năm 2026.`,
    ])
    expect(await desk.locator('#version-body, #diff-body, #compare-from').count()).toBe(0)
    await saveScreenshot(desk, 'agency-never-sent', true)
    expect(await findAccessibilityViolations(desk)).toEqual([])
  })

  it('uploads on behalf after naming the period, never greets a report with errors in green, and names the officer', async () => {
    await open(desk, '#/', '#upload-form')
    await desk.selectOption('#upload-agency', 'so-xay-dung')
    await desk.setInputFiles('#upload-file', {
      name: 'so-xay-dung-quy-3.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await buildWorkbookWithError(),
    })
    expect(await desk.textContent('#upload-target')).toBe(
      'Báo cáo sẽ vào Quý III/2026 (số liệu đến 14/09/2026, hạn nộp 16/09/2026); máy chủ kiểm tra tệp với ngày số liệu này.',
    )
    await desk.selectOption('#upload-period', '2026-Q2')
    await desk.click('#upload-form button[type=submit]')
    expect(await desk.textContent('#upload-question')).toBe(
      'Nộp tệp “so-xay-dung-quy-3.xlsx” thay cho Sở Xây dựng vào Quý II/2026? Lưu ý: hôm nay (18/09/2026) thuộc Quý III/2026, không thuộc Quý II/2026.',
    )
    await desk.selectOption('#upload-period', '2026-Q3')
    expect(await desk.locator('#upload-confirm').count()).toBe(0)
    await desk.click('#upload-form button[type=submit]')
    expect(await desk.textContent('#upload-question')).toBe(
      'Nộp tệp “so-xay-dung-quy-3.xlsx” thay cho Sở Xây dựng vào Quý III/2026?',
    )
    await saveSectionScreenshot(desk, '#upload', 'upload-confirm')
    await desk.click('#upload-send')
    await desk.locator('#message.warn').waitFor()
    const notice = (await desk.textContent('#message'))!
    expect(notice).toMatch(
      /^Đã lưu phiên bản 1 của Sở Xây dựng cho Quý III\/2026 \(\d+ nhiệm vụ, 1 lỗi, \d+ cảnh báo\), nhưng báo cáo còn lỗi: cần sửa trước khi tiếp nhận\./,
    )
    expect(
      await desk.locator('#message').evaluate((m) => getComputedStyle(m).backgroundColor),
    ).toBe('rgb(254, 243, 199)')
    await poll(() => desk.textContent('#missing-title')).toBe('Chưa gửi báo cáo: 88/121 cơ quan')

    await open(desk, '#/agency/so-xay-dung', '#version-body tr')
    expect(await desk.locator('#version-body tr:first-child td').allTextContents()).toEqual([
      'Quý III/2026',
      '1',
      '18/09/2026 09:00 (muộn)',
      'Sở Nội vụ nộp thay',
      `${officer.email} (Sở Nội vụ) thay cho Sở Xây dựng`,
      expect.any(String),
      '1',
      expect.any(String),
      expect.any(String),
      'Đã gửi',
      'Xem vấn đề Tải tệp gốc',
    ])
    expect(await desk.textContent('#review-actions .warn-text')).toBe(
      'Phiên bản 1 còn 1 lỗi: nên trả lại để cơ quan sửa.',
    )
    expect(await desk.locator('#issues-body tr[data-code="cell/invalid-deadline"]').count()).toBe(1)
    await saveScreenshot(desk, 'agency-upload-with-error')
  })

  it('issues and revokes an agency’s code, and keeps its security log in Vietnamese', async () => {
    await open(desk, '#/ma-truy-cap', '#code-form')
    await desk.selectOption('#code-agency', 'xa-buon-don')
    await desk.selectOption('#code-days', '30')
    await desk.click('#code-form button[type=submit]')
    const code = await desk.locator('#code-value').inputValue()
    expect(await desk.textContent('#code-once p')).toBe(
      'Mã truy cập “Bảng CCHC — Xã Buôn Đôn” của Xã Buôn Đôn (hết hạn 18/10/2026 09:00). Mã chỉ hiện một lần và không được lưu lại: hãy sao chép ngay và dán vào mục “Cài đặt” của Bảng CCHC (bổ trợ Excel hoặc Google Trang tính), ô “Mã truy cập của cơ quan”.',
    )
    const me = () =>
      fetch(`${service.url}/api/me`, { headers: { Authorization: `Bearer ${code}` } })
    expect((await me()).status).toBe(200)
    await saveScreenshot(desk, 'codes-officer')
    const row = desk.locator('#token-body tr', { hasText: 'Bảng CCHC — Xã Buôn Đôn' })
    expect(await row.locator('td').nth(1).textContent()).toBe('Xã Buôn Đôn')
    await row.locator('button.revoke').click()
    await poll(() => row.locator('td').nth(5).textContent()).toMatch(/^Đã thu hồi/)
    expect((await me()).status).toBe(401)
    expect(await findAccessibilityViolations(desk)).toEqual([])

    await open(desk, '#/nhat-ky', '#security-body tr')
    const events = await desk.locator('#security-body tr td:nth-child(2)').allTextContents()
    expect(events).toContain('Đăng nhập thành công')
    expect(events).toContain('Cấp mã truy cập')
    expect(events).toContain('Thu hồi mã truy cập')
    expect(events).toContain('Mã truy cập sai')
    expect(events.filter((e) => /^[a-z]+\.[a-z-]+$/.test(e))).toEqual([])
    expect(await desk.textContent('#security-body')).toContain(
      'Cho Xã Buôn Đôn — “Bảng CCHC — Xã Buôn Đôn”',
    )
    await saveScreenshot(desk, 'security-log')
    expect(await findAccessibilityViolations(desk)).toEqual([])
    expect(problems.desk).toEqual([])
    expect(problems.phone).toEqual([])
  })
})
