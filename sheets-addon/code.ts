import {
  computeFixes,
  computeKeyColumns,
  computeMarkPlan,
  computePeriod,
  computeVietnamDate,
  parseIssuedValue,
  parsePeriodInput,
  validateTable,
  type Report,
  type ReportState,
  type Review,
} from '../core/index.ts'
import { findSheetsProfile, sheetsRegistry } from './catalog.ts'
import { clearMarks, applyMarks } from './mark.ts'
import { readActive } from './read.ts'
import { addonText } from './text.ts'

// The add-on's entry: Apps Script calls these by name (menu items, triggers, google.script.run).
// The build exposes each as a top-level function.

const menuName = 'CCHC'

/** Adds the add-on's menu (Extensions → CCHC Annex when published; a "CCHC" menu when bound). */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(addonText.menuCheck, 'runCheckFromMenu')
    .addItem(addonText.menuSidebar, 'showSidebar')
    .addItem(addonText.menuClear, 'runClearFromMenu')
    .addToUi()
}

/** Installing from the Marketplace runs onInstall, not onOpen, for the open document. */
export function onInstall(): void {
  onOpen()
}

/** Opens the sidebar "Bảng CCHC". */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(addonText.sidebarTitle)
  SpreadsheetApp.getUi().showSidebar(html)
}

/** The report date the pane proposes: the cut-off of the current period (Vietnam time). */
export function readDefaults(): {
  asOf: string
  period: string
  server: string
  hasToken: boolean
} {
  const period = computePeriod(computeVietnamDate(Date.now()))
  const props = PropertiesService.getUserProperties()
  return {
    asOf: period.cutOff,
    period: period.id,
    server: props.getProperty('cchc.server') ?? '',
    hasToken: Boolean(props.getProperty('cchc.token')),
  }
}

/** Saves the sync service's address and the agency's token (for this user only). */
export function saveSettings(settings: { server: string; token: string }): void {
  const props = PropertiesService.getUserProperties()
  props.setProperty('cchc.server', settings.server.trim().replace(/\/$/, ''))
  if (settings.token.trim()) props.setProperty('cchc.token', settings.token.trim())
}

function checkRead(read: ReturnType<typeof readActive>, asOf: string, issued?: string): Report {
  return validateTable(read.grid, {
    asOf,
    // The plan's issue date from the sidebar, for deadlines counted from it; else the sheet's title.
    issued: parseIssuedValue(issued ?? '') ?? null,
    file: read.spreadsheet.getName(),
    meta: read.meta,
    profile: findSheetsProfile(read.meta?.planId ?? null),
    registry: sheetsRegistry,
  })
}

/** "Kiểm tra": checks the active sheet and marks it in place; returns the report for the pane. */
export function checkActiveSheet(asOf?: string, issued?: string): Report {
  const date = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : readDefaults().asOf
  const read = readActive(SpreadsheetApp.getActiveSpreadsheet())
  const report = checkRead(read, date, issued)
  if (!report.header) throw new Error(addonText.notAnnex)
  const plan = computeMarkPlan(
    report,
    read.record?.sheetId === read.sheet.getSheetId() ? read.record.added : [],
    read.grid.merges,
  )
  applyMarks(read, plan, computeKeyColumns(report.header))
  return report
}

/** "Sửa tự động": writes the safe fixes (HTML removed, TCVN3/VNI converted, NFC), then checks again. */
export function fixActiveSheet(asOf?: string, issued?: string): { fixed: number; report: Report } {
  const date = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : readDefaults().asOf
  const read = readActive(SpreadsheetApp.getActiveSpreadsheet())
  const fixes = computeFixes(checkRead(read, date, issued))
  // Fixes are few and scattered; each is its own cell write.
  for (const fix of fixes) read.sheet.getRange(fix.address).setValue(fix.value)
  return { fixed: fixes.length, report: checkActiveSheet(date, issued) }
}

/** "Xóa đánh dấu": restores what the check changed. */
export function clearActiveSheet(): boolean {
  return clearMarks(readActive(SpreadsheetApp.getActiveSpreadsheet(), true))
}

/** Selects a problem's cell on the checked sheet (from the pane's list). */
export function selectCell(sheetName: string, address: string): void {
  if (!/^[A-Z]{1,3}\d{1,7}$/.test(address)) throw new Error(addonText.badAddress)
  const ss = SpreadsheetApp.getActiveSpreadsheet()
  const sheet = ss.getSheetByName(sheetName)
  if (!sheet) throw new Error(addonText.badAddress)
  sheet.activate()
  sheet.getRange(address).activate()
}

/** "Gửi báo cáo": sends the checked table to the sync service, as the Excel add-in does. */
export function sendReport(periodText: string): {
  id: number
  version: number
  period: string
  submittedAt: string
} {
  const period = parsePeriodInput(periodText)
  if (!period) throw new Error(addonText.badPeriod)
  const { server, token } = readConnection()
  if (!server || !token) throw new Error(addonText.noSettings)
  const read = readActive(SpreadsheetApp.getActiveSpreadsheet())
  const body = {
    period: period.id,
    fileName: read.spreadsheet.getName(),
    ...(read.meta ? { meta: read.meta } : {}),
    table: read.grid,
  }
  const response = UrlFetchApp.fetch(`${server}/api/submissions`, {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: `Bearer ${token}` },
    payload: JSON.stringify(body),
    muteHttpExceptions: true,
  })
  const json = JSON.parse(response.getContentText() || '{}') as {
    id?: number
    version?: number
    submittedAt?: string
    error?: { message?: string }
  }
  if (response.getResponseCode() !== 201)
    throw new Error(
      json.error?.message ?? `${addonText.sendFailed} (${response.getResponseCode()})`,
    )
  return { id: json.id!, version: json.version!, period: period.id, submittedAt: json.submittedAt! }
}

function readConnection(): { server: string | null; token: string | null } {
  const props = PropertiesService.getUserProperties()
  return { server: props.getProperty('cchc.server'), token: props.getProperty('cchc.token') }
}

/** The agency's report for a period as Sở Nội vụ sees it: sent, accepted, or returned with a reason. */
export type ReportStanding = { state: ReportState; version: number | null; review: Review | null }

/**
 * Where the agency's report of a period stands (`GET /api/status` with its code), so the sidebar can
 * say "Trả lại: lý do"; null without settings. A failure to reach the service is an Error in Vietnamese.
 */
export function readReportState(periodText: string): ReportStanding | null {
  const period = parsePeriodInput(periodText)
  const { server, token } = readConnection()
  if (!period || !server || !token) return null
  const response = UrlFetchApp.fetch(`${server}/api/status?period=${period.id}`, {
    method: 'get',
    headers: { Authorization: `Bearer ${token}` },
    muteHttpExceptions: true,
  })
  const json = JSON.parse(response.getContentText() || '{}') as {
    agencies?: ReportStanding[]
    error?: { message?: string }
  }
  if (response.getResponseCode() !== 200)
    throw new Error(
      json.error?.message ?? `${addonText.stateFailed} (${response.getResponseCode()})`,
    )
  const own = json.agencies?.[0]
  return own ? { state: own.state, version: own.version, review: own.review } : null
}

/** Menu "Kiểm tra": the one-click check, with a toast instead of a pane. */
export function runCheckFromMenu(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet()
  try {
    const report = checkActiveSheet()
    ss.toast(
      addonText.checked(report.summary.tasks, report.errorCount, report.warningCount),
      menuName,
    )
  } catch (error) {
    ss.toast((error as Error).message, menuName)
  }
}

/** Menu "Xóa đánh dấu". */
export function runClearFromMenu(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet()
  ss.toast(clearActiveSheet() ? addonText.cleared : addonText.nothingToClear, menuName)
}
