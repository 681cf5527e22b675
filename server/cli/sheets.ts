import { spawn } from 'node:child_process'
import { computeVietnamDate } from '../../core/index.ts'
import { readColumnsFlag } from './columns.ts'
import type { Args, loginFlags, sheetsValidateFlags } from './flags.ts'
import { parseIssuedFlag } from './io.ts'
import { readProfile, readRegistry } from '../province/config.ts'
import { renderSummary, type Lang } from './summary.ts'
import {
  createAuthClient,
  createSheetsApi,
  loginWithBrowser,
  logout,
  readClientSecret,
} from '../sheets/auth.ts'
import { checkSpreadsheet, clearSpreadsheet } from '../sheets/check.ts'
import { parseSheetTarget } from '../sheets/target.ts'
import { AppError } from '../errors/index.ts'

function print(text: string) {
  process.stdout.write(`${text}\n`)
}

function openInBrowser(url: string) {
  const command =
    process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open'
  try {
    spawn(command, [url], { stdio: 'ignore', detached: true })
      .on('error', () => undefined)
      .unref()
  } catch {
    // The link is printed anyway.
  }
}

/** `cchc sheets login`: desktop OAuth (PKCE); the token is kept readable by the user only. */
export async function runLogin({ values }: Args<typeof loginFlags>): Promise<number> {
  const secret = await readClientSecret(values.client)
  const path = await loginWithBrowser({
    ...secret,
    open: (url) => {
      print(`Mở liên kết sau để đăng nhập Google / Open this link to sign in:\n${url}`)
      if (!values['no-browser']) openInBrowser(url)
    },
  })
  print(`Đã đăng nhập; mã lưu tại / Signed in; token saved to ${path}`)
  return 0
}

/** `cchc sheets validate LINK|ID`: the same check as `cchc validate`, written back in the sheet. */
export async function runSheetsValidate({
  values,
  positionals,
}: Args<typeof sheetsValidateFlags>): Promise<number> {
  const input = positionals[0]
  if (!input) throw new AppError('cli/usage', 'Thiếu đường dẫn bảng tính / Missing the sheet link.')
  const asOf = values['as-of'] ?? computeVietnamDate(Date.now())
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new AppError('cli/usage', `--as-of cần dạng YYYY-MM-DD / expects YYYY-MM-DD: ${asOf}`)
  const year = values.year !== undefined ? Number(values.year) : null
  if (year !== null && !Number.isInteger(year))
    throw new AppError('cli/usage', `--year: ${values.year}`)
  const issued = parseIssuedFlag(values.issued)
  const target = parseSheetTarget(input)
  const api = createSheetsApi(await createAuthClient())
  const { report, plan, read } = await checkSpreadsheet(api, target, {
    asOf,
    sheet: values.sheet ?? null,
    year,
    issued,
    profile: values.profile ? await readProfile(values.profile) : null,
    registry: values.agencies ? await readRegistry(values.agencies) : null,
    columns: values.columns !== undefined ? readColumnsFlag(values.columns) : null,
    write: !values['no-write'],
    fix: values.fix ?? false,
  })
  const lang: Lang = values.lang === 'en' ? 'en' : 'vi'
  print(values.json ? JSON.stringify(report, null, 2) : renderSummary(report, lang))
  if (plan && !values.json)
    print(
      lang === 'en'
        ? `\nMarked in place in “${read.sheetName}” (https://docs.google.com/spreadsheets/d/${read.spreadsheetId}/edit#gid=${read.sheetId}).`
        : `\nĐã ghi kết quả vào trang “${read.sheetName}” (https://docs.google.com/spreadsheets/d/${read.spreadsheetId}/edit#gid=${read.sheetId}).`,
    )
  return report.errorCount > 0 ? 1 : 0
}

/** `cchc sheets clear LINK|ID`: removes the marks of an earlier check. */
export async function runSheetsClear({ positionals }: Args<Record<never, never>>): Promise<number> {
  const input = positionals[0]
  if (!input) throw new AppError('cli/usage', 'Cách dùng / Usage: cchc sheets clear ĐƯỜNG_DẪN|MÃ')
  const api = createSheetsApi(await createAuthClient())
  const cleared = await clearSpreadsheet(api, parseSheetTarget(input))
  print(
    cleared
      ? 'Đã xóa đánh dấu / Marks cleared.'
      : 'Bảng tính chưa có đánh dấu nào / No marks to clear.',
  )
  return 0
}

/** `cchc sheets logout`. */
export async function runLogout(): Promise<number> {
  print((await logout()) ? 'Đã đăng xuất / Signed out.' : 'Chưa đăng nhập / Not signed in.')
  return 0
}
