import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'
import { computeVietnamDate } from '../../core/index.ts'
import { readColumnsFlag } from './columns.ts'
import { checkFlags, describeCliError, parseIssuedFlag } from './io.ts'
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

export const sheetsHelp = `cchc sheets — kiểm tra phụ lục CCHC ngay trong Google Sheets

  cchc sheets login [--client client_secret.json] [--no-browser]
      Đăng nhập Google (OAuth cho ứng dụng máy tính, PKCE); mã lưu trong thư mục cấu hình, chỉ người dùng đọc được.
  cchc sheets logout
  cchc sheets validate ĐƯỜNG_DẪN|MÃ [--sheet TÊN] [--as-of YYYY-MM-DD] [--year Y] [--profile P.json]
                       [--agencies A.json] [--columns TRƯỜNG=CỘT,…] [--issued YYYY-MM-DD] [--json]
                       [--no-write] [--fix] [--lang en]
      Kiểm tra và ghi kết quả ngay vào bảng tính (trang theo gid trong đường dẫn). --no-write chỉ đọc.
      --columns chọn cột, --issued ngày ban hành Kế hoạch như "cchc validate".
  cchc sheets clear ĐƯỜNG_DẪN|MÃ
      Xóa đánh dấu, trả lại hình thức ban đầu.

Thông tin đăng nhập: CCHC_GOOGLE_ACCESS_TOKEN, GOOGLE_APPLICATION_CREDENTIALS (tài khoản dịch vụ) hoặc "cchc sheets login".
Máy chủ API: CCHC_SHEETS_API_URL (mặc định của Google).
`

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

async function runLogin(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { client: { type: 'string' }, 'no-browser': { type: 'boolean' } },
  })
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

async function runValidate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...checkFlags,
      'no-write': { type: 'boolean' },
      columns: { type: 'string' },
    },
  })
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

async function runClearCommand(args: string[]): Promise<number> {
  const input = args[0]
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

/** `cchc sheets …`: returns the exit code (0 no errors, 1 errors found, 2 could not run). */
export async function runSheets(args: string[]): Promise<number> {
  const [action, ...rest] = args
  try {
    switch (action) {
      case 'login':
        return await runLogin(rest)
      case 'logout':
        print((await logout()) ? 'Đã đăng xuất / Signed out.' : 'Chưa đăng nhập / Not signed in.')
        return 0
      case 'validate':
        return await runValidate(rest)
      case 'clear':
        return await runClearCommand(rest)
      default:
        process.stdout.write(sheetsHelp)
        return action === undefined || action === 'help' ? 0 : 2
    }
  } catch (error) {
    process.stderr.write(`${describeCliError(error, sheetsHelp)}\n`)
    return 2
  }
}
