import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { seedDemoSubmissions } from '../../server/demo/province.ts'
import { createApp } from '../../server/http/app.ts'
import { seedStore } from '../../server/http/serve.ts'
import { readCatalog } from '../../server/province/catalog.ts'
import { hashPassword } from '../../server/store/passwords.ts'
import { createStore } from '../../server/store/index.ts'
import { createIntake, defaultQuotas } from '../../server/intake/receive.ts'
import { useSharedParsePool } from '../../server/jobs/parse-pool.ts'
import type { SheetsPullOptions } from '../../server/sheets/pull.ts'
import { resolveChromium } from './tools.ts'

/** Where the dashboard tests write their screenshots and printouts for a reviewer (git-ignored). */
export const screenshotDir = new URL('../../test-output/dashboard/', import.meta.url).pathname

export const officer = { email: 'can-bo@sonoivu.daklak.gov.vn', password: 'mat-khau-Dak-Lak-2026' }
export const clerk = {
  email: 'van-thu@sotuphap.daklak.gov.vn',
  password: 'mat-khau-So-Tu-Phap-2026',
  agency: 'so-tu-phap',
}

/**
 * The demo province on a real SQLite file, served on a loopback port with a settable clock: the
 * year's reports up to the clock's quarter (40 agencies, some missing at quarter-end), an officer's
 * account and an agency clerk's account. `reports: false` leaves the reports out (a faster start for
 * pages that do not show them); `sheetsPull` stands in for Google in `POST /api/sheets/pull`.
 */
export async function startDemoService(
  now: Date,
  options: { sheetsPull?: SheetsPullOptions; reports?: boolean } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-dashboard-'))
  const store = createStore(join(dir, 'cchc.sqlite'))
  const catalog = await readCatalog()
  const clock = { now }
  const { adminToken } = seedStore(store, catalog, now)
  const intake = createIntake({
    store,
    catalog,
    parsePool: useSharedParsePool(),
    quotas: defaultQuotas,
    now: () => clock.now,
  })
  if (options.reports !== false) await seedDemoSubmissions(intake, store, catalog, now)
  store.addUser(
    {
      ...officer,
      role: 'admin',
      agencyId: null,
      passwordHash: await hashPassword(officer.password),
    },
    now.toISOString(),
  )
  store.addUser(
    {
      email: clerk.email,
      role: 'agency',
      agencyId: clerk.agency,
      passwordHash: await hashPassword(clerk.password),
    },
    now.toISOString(),
  )
  const app = createApp({
    store,
    catalog,
    intake,
    now: () => clock.now,
    serveAddin: null,
    log: null,
    ...(options.sheetsPull ? { sheetsPull: options.sheetsPull } : {}),
  })
  const server = await new Promise<ServerType>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s))
  })
  const address = server.address()
  const url = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}`
  return {
    store,
    clock,
    url,
    adminToken: adminToken!,
    close: async () => {
      await new Promise((done) => server.close(done))
      store.close()
    },
  }
}

/** One headless Chromium for a test file. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true })
  return chromium.launch({
    executablePath: resolveChromium(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}

/** Page errors and console messages (CSP violations among them), collected for the test to assert. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text()))
      problems.push(`console ${m.type()}: ${m.text()}`)
  })
  return problems
}

/**
 * The two screens a dashboard test looks through: a desk (1366×768) and a phone (390×844, touch), in
 * Vietnamese, each page's errors and console collected.
 */
export async function openDeskAndPhone(browser: Browser) {
  const desk = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })
  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
    locale: 'vi-VN',
    isMobile: true,
    hasTouch: true,
  })
  return { desk, phone, problems: { desk: watchConsole(desk), phone: watchConsole(phone) } }
}

/** Signs in through the sign-in page, as a person would. */
export async function signInAs(page: Page, url: string, who: { email: string; password: string }) {
  await page.goto(`${url}/login`)
  await page.fill('#email', who.email)
  await page.fill('#password', who.password)
  await page.click('#login-form button')
  await page.waitForURL(`${url}/`)
  await page.locator('#who').waitFor()
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/**
 * Runs axe-core (WCAG 2 A/AA and best practices) on the page as it is and answers the serious and
 * critical violations, one line each. axe is evaluated through the DevTools protocol, which the
 * page's CSP (script-src 'self') does not apply to, so the page keeps its real policy.
 */
export async function findAccessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<AxeResults> } }).axe
    type AxeResults = {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[]
    }
    const results = await axe.run({ resultTypes: ['violations'] })
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }))
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(' ')}`)
}

/** Saves a screenshot of the viewport (or the whole page) into the reviewers' folder. */
export async function saveScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage })
}

/** Whether the page scrolls sideways (the phone check: nothing wider than the screen). */
export function measureOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}

/** Saves a screenshot of one part of the page (a section a reviewer would look at). */
export async function saveSectionScreenshot(page: Page, selector: string, name: string) {
  await page.locator(selector).screenshot({ path: join(screenshotDir, `${name}.png`) })
}
