import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { computeVietnamDate, type AgencyRegistry, type ScoringProfile } from '../core/index.ts'
import { checkWorkbook } from './check.ts'
import { runAgency, runBackup, runMergeCommand, runServe, UsageError } from './cli-service.ts'
import { ConfigError, readPlan, readProfile, readRegistry } from './config.ts'
import { runDemo } from './demo.ts'
import { renderSummary, type Lang } from './summary.ts'
import { WorkbookError } from './xlsx/errors.ts'
import { applyFixes, clearMarks, markWorkbook } from './xlsx/mark.ts'
import { loadWorkbook } from './xlsx/read.ts'
import { buildTemplate } from './xlsx/template.ts'

export const helpText = `cchc — kiểm tra và tổng hợp phụ lục kế hoạch cải cách hành chính (CCHC)

Cách dùng / Usage:
  cchc validate TỆP.xlsx [--sheet S] [--as-of YYYY-MM-DD] [--year Y] [--profile P.json]
                [--agencies A.json] [--json] [-o RA.xlsx] [--fix] [--lang en]
      Kiểm tra bảng phụ lục; -o ghi bản sao có đánh dấu (cột tính toán, tô màu, ghi chú, trang "Kiểm tra").
      --fix áp dụng các sửa tự động an toàn vào bản sao. Mã thoát: 0 không lỗi, 1 có lỗi, 2 không đọc được tệp.
  cchc clear TỆP.xlsx -o RA.xlsx
      Xóa đánh dấu của lần kiểm tra trước, trả lại hình thức ban đầu.
  cchc template KẾ_HOẠCH.json -o RA.xlsx
      Tạo biểu mẫu cho cơ quan điền tiến độ từ định nghĩa kế hoạch (templates/plans/*.json).
  cchc merge TỆP1.xlsx TỆP2.xlsx … -o TỔNG_HỢP.xlsx [--as-of YYYY-MM-DD] [--agencies A.json] [--json]
      Tổng hợp báo cáo của nhiều cơ quan thành một sổ (Tổng hợp, Chi tiết, Theo nhiệm vụ, Điểm, Quá hạn).
  cchc serve [--port 8787] [--host 127.0.0.1] [--data data]
      Chạy máy chủ đồng bộ và bảng điều khiển của Sở Nội vụ (npm start).
  cchc agency add MÃ "Tên" [--kind so|xa|other] | list | token MÃ|admin | revoke MÃ_TOKEN  [--data data]
      Quản lý cơ quan và mã truy cập.
  cchc backup [-o TỆP.sqlite] [--data data]
      Sao lưu nhất quán cơ sở dữ liệu đang chạy.
  cchc demo
      Tạo biểu mẫu Đắk Lắk 2026, điền tiến độ mẫu và kiểm tra.
  cchc help
`

function fail(message: string): number {
  process.stderr.write(`${message}\n`)
  return 2
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path)
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new UsageError(
      code === 'ENOENT'
        ? `Không tìm thấy tệp / File not found: ${path}`
        : `Không đọc được tệp / Cannot read file: ${path} (${code})`,
    )
  }
}

async function writeOut(path: string, data: ArrayBuffer | Uint8Array) {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, data instanceof Uint8Array ? data : new Uint8Array(data))
}

function parseIsoDate(text: string | undefined, flag: string): string | undefined {
  if (text === undefined) return undefined
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
    throw new UsageError(`${flag} cần dạng YYYY-MM-DD / expects YYYY-MM-DD: ${text}`)
  return text
}

async function runValidate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sheet: { type: 'string' },
      'as-of': { type: 'string' },
      year: { type: 'string' },
      profile: { type: 'string' },
      agencies: { type: 'string' },
      json: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      fix: { type: 'boolean' },
      lang: { type: 'string' },
    },
  })
  const file = positionals[0]
  if (!file) throw new UsageError('Thiếu tên tệp / Missing file name. Xem: cchc help')
  const asOf = parseIsoDate(values['as-of'], '--as-of') ?? computeVietnamDate(Date.now())
  const year = values.year !== undefined ? Number(values.year) : null
  if (year !== null && !Number.isInteger(year)) throw new UsageError(`--year: ${values.year}`)
  const profile: ScoringProfile | null = values.profile ? await readProfile(values.profile) : null
  const registry: AgencyRegistry | null = values.agencies
    ? await readRegistry(values.agencies)
    : null
  const bytes = await readBytes(file)
  const { report, workbook, sheetName } = await checkWorkbook(bytes, {
    asOf,
    file,
    sheet: values.sheet ?? null,
    year,
    profile,
    registry,
  })
  if (values.output) {
    if (values.fix && applyFixes(workbook, sheetName, report) > 0) {
      // Re-check the fixed cells so the marks describe the corrected sheet.
      const fixed = await checkWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), {
        asOf,
        file,
        sheet: sheetName,
        year,
        profile,
        registry,
      })
      markWorkbook(fixed.workbook, fixed.sheetName, fixed.report)
      await writeOut(values.output, await fixed.workbook.xlsx.writeBuffer())
    } else {
      markWorkbook(workbook, sheetName, report)
      await writeOut(values.output, await workbook.xlsx.writeBuffer())
    }
  }
  const lang: Lang = values.lang === 'en' ? 'en' : 'vi'
  process.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderSummary(report, lang)}\n`,
  )
  return report.errorCount > 0 ? 1 : 0
}

async function runClear(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' } },
  })
  const file = positionals[0]
  if (!file || !values.output)
    throw new UsageError('Cách dùng / Usage: cchc clear TỆP.xlsx -o RA.xlsx')
  const workbook = await loadWorkbook(await readBytes(file))
  const cleared = clearMarks(workbook)
  await writeOut(values.output, await workbook.xlsx.writeBuffer())
  process.stdout.write(
    cleared
      ? `Đã xóa đánh dấu → ${values.output}\n`
      : `Tệp chưa có đánh dấu nào; đã sao chép → ${values.output}\n`,
  )
  return 0
}

async function runTemplate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' } },
  })
  const file = positionals[0]
  if (!file || !values.output)
    throw new UsageError('Cách dùng / Usage: cchc template KẾ_HOẠCH.json -o RA.xlsx')
  const plan = await readPlan(file)
  const workbook = buildTemplate(plan)
  await writeOut(values.output, await workbook.xlsx.writeBuffer())
  process.stdout.write(
    `Đã tạo biểu mẫu “${plan.name}” (${plan.rows.length} dòng) → ${values.output}\n`,
  )
  return 0
}

/** Runs the CLI and returns its exit code; bad input gets a message, never a stack trace. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'validate':
        return await runValidate(rest)
      case 'clear':
        return await runClear(rest)
      case 'template':
        return await runTemplate(rest)
      case 'demo':
        return await runDemo()
      case 'merge':
        return await runMergeCommand(rest)
      case 'serve':
        return await runServe(rest)
      case 'agency':
        return await runAgency(rest)
      case 'backup':
        return await runBackup(rest)
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(helpText)
        return 0
      default:
        return fail(`Lệnh không hợp lệ / Unknown command: ${command}\n\n${helpText}`)
    }
  } catch (error) {
    if (error instanceof WorkbookError) return fail(`${error.text.vi}\n${error.text.en}`)
    if (error instanceof UsageError || error instanceof ConfigError) return fail(error.message)
    if (
      error instanceof TypeError &&
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    )
      return fail(`${error.message}\n\n${helpText}`)
    return fail(`Lỗi không mong đợi / Unexpected error: ${(error as Error).message}`)
  }
}
