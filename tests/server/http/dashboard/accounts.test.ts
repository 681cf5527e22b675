import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../../../server/store/passwords.ts'
import { startServer } from '../../../../server/http/serve.ts'
import { resolveChromium } from '../../../helpers/tools.ts'
import { findAccessibilityViolations } from '../../../helpers/dashboard.ts'

const adminEmail = 'can-bo@sonoivu.daklak.gov.vn'
const adminPassword = 'mat-khau-Dak-Lak-2026'
const newEmail = 'van-thu@xabuondon.daklak.gov.vn'
const outDir = new URL('../../../../test-output/dashboard/', import.meta.url).pathname

describe('dashboard accounts section in headless Chromium', () => {
  it(
    'adds an agency account, shows its password once, lists it and locks it; changes its own password',
    { timeout: 60_000 },
    async () => {
      const { server, store, url } = await startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir: mkdtempSync(join(tmpdir(), 'cchc-accounts-')),
        log: null,
      })
      store.addUser(
        {
          email: adminEmail,
          role: 'admin',
          agencyId: null,
          passwordHash: await hashPassword(adminPassword),
        },
        '2026-09-01T00:00:00Z',
      )
      const browser = await chromium.launch({
        executablePath: resolveChromium(),
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      })
      const signIn = (password: string) =>
        fetch(`${url}/api/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: newEmail, password }),
        })
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } })
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        page.on('dialog', (d) => void d.accept())
        await page.goto(`${url}/login`)
        await page.fill('#email', adminEmail)
        await page.fill('#password', adminPassword)
        await page.click('#login-form button')
        await page.waitForURL(`${url}/`)
        // "Tài khoản" is a page of its own in the header's navigation.
        await page.click('nav a[href="#/tai-khoan"]')
        const own = page.locator(`#account-body tr[data-email="${adminEmail}"]`)
        await own.waitFor()
        expect(await own.textContent()).toContain('Tài khoản của bạn')
        expect(await own.locator('button').count()).toBe(0)

        // The agency choice is offered only for an agency account.
        await page.selectOption('#account-role', 'admin')
        expect(await page.isVisible('#account-agency')).toBe(false)
        await page.selectOption('#account-role', 'agency')
        expect(await page.isVisible('#account-agency')).toBe(true)
        await page.fill('#account-email', newEmail)
        await page.selectOption('#account-agency', 'xa-buon-don')
        await page.click('#account-form button')
        await page.locator('#account-password').waitFor()
        const password = await page.inputValue('#account-password-value')
        expect(password.length).toBeGreaterThanOrEqual(20)
        expect(await page.textContent('#account-password-text')).toContain(
          'chỉ hiện một lần và không được lưu lại',
        )
        const row = page.locator(`#account-body tr[data-email="${newEmail}"]`)
        await row.waitFor()
        expect(await row.locator('td').allTextContents()).toEqual([
          newEmail,
          'Đơn vị',
          'Xã Buôn Đôn',
          expect.any(String),
          'Đang dùng',
          'Đặt lại mật khẩu Khóa',
        ])
        expect((await signIn(password)).status).toBe(200)
        mkdirSync(outDir, { recursive: true })
        await page.locator('#accounts').screenshot({ path: join(outDir, 'accounts.png') })
        expect(await findAccessibilityViolations(page)).toEqual([])

        // The same email again: refused in Vietnamese; the password box is gone.
        await page.fill('#account-email', newEmail)
        await page.click('#account-form button')
        await page.waitForFunction(() =>
          document.getElementById('message')?.textContent?.includes('Email này đã có tài khoản'),
        )
        expect(await page.isVisible('#account-password')).toBe(false)

        await row.locator('button.lock').click()
        await page.waitForFunction(
          (email) =>
            document.querySelector(`#account-body tr[data-email="${email}"] td.state`)
              ?.textContent === 'Đã khóa',
          newEmail,
        )
        expect(await row.locator('button.lock').textContent()).toBe('Mở khóa')
        expect((await signIn(password)).status).toBe(401)

        // The administrator changes their own password: a mismatch is caught in the page, a wrong
        // current password by the service; then every session ends and only the new one signs in.
        const changed = 'Mật-khẩu-mới-Sở-Nội-vụ-2027'
        await page.click('#change-password')
        await page.fill('#password-current', adminPassword)
        await page.fill('#password-new', changed)
        await page.fill('#password-repeat', `${changed}x`)
        await page.click('#password-form button')
        await page.waitForFunction(() =>
          document.getElementById('message')?.textContent?.includes('không giống nhau'),
        )
        await page.fill('#password-current', 'không-phải-mật-khẩu')
        await page.fill('#password-repeat', changed)
        await page.click('#password-form button')
        await page.waitForFunction(() =>
          document.getElementById('message')?.textContent?.includes('Mật khẩu hiện tại không đúng'),
        )
        await page.fill('#password-current', adminPassword)
        await page.click('#password-form button')
        await page.waitForURL(`${url}/login`)
        const adminSignIn = (p: string) =>
          fetch(`${url}/api/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ email: adminEmail, password: p }),
          })
        expect((await adminSignIn(adminPassword)).status).toBe(401)
        expect((await adminSignIn(changed)).status).toBe(200)
        expect(errors).toEqual([])
      } finally {
        await browser.close()
        await new Promise((done) => server.close(done))
        store.close()
      }
    },
  )
})
