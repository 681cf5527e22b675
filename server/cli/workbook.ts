import {
  computeVietnamDate,
  type AgencyRegistry,
  type Report,
  type ScoringProfile,
} from '../../core/index.ts'
import { readColumnsFlag } from './columns.ts'
import { readBoundedFile } from '../files.ts'
import type { Args, fileToFileFlags, validateFlags } from './flags.ts'
import { parseIsoDate, parseIssuedFlag, writeOut } from './io.ts'
import { runCliJob, startCliWorker } from '../jobs/cli-pool.ts'
import { renderSummary, type Lang } from './summary.ts'
import type { ClearOutcome } from '../xlsx/clear.ts'
import { AppError } from '../errors/index.ts'

// The commands that read or write workbooks. validate and clear parse in a bounded worker (ExcelJS never
// loads in this thread); template builds our own workbook here (ExcelJS is loaded on demand).

/** `cchc validate`: checks a workbook, prints the summary or the report, optionally writes a marked copy. */
export async function runValidate({
  values,
  positionals,
}: Args<typeof validateFlags>): Promise<number> {
  startCliWorker()
  const file = positionals[0]
  if (!file) throw new AppError('cli/usage', 'Thiếu tên tệp / Missing file name. Xem: cchc help')
  const lang: Lang = values.lang === 'en' ? 'en' : 'vi'
  const columns = values.columns !== undefined ? readColumnsFlag(values.columns) : null
  const asOf = parseIsoDate(values['as-of'], '--as-of') ?? computeVietnamDate(Date.now())
  const year = values.year !== undefined ? Number(values.year) : null
  if (year !== null && !Number.isInteger(year))
    throw new AppError('cli/usage', `--year: ${values.year}`)
  const issued = parseIssuedFlag(values.issued)
  // The configuration schemas (zod) load only when a configuration file is given.
  const config = values.profile || values.agencies ? await import('../province/config.ts') : null
  const profile: ScoringProfile | null = values.profile
    ? await config!.readProfile(values.profile, lang)
    : null
  const registry: AgencyRegistry | null = values.agencies
    ? await config!.readRegistry(values.agencies)
    : null
  const bytes = await readBoundedFile(file)
  // The workbook is parsed (and the marked copy written) in a bounded worker: ExcelJS never loads here.
  const { report } = await runCliJob<{ report: Report }>({
    kind: 'validate',
    bytes,
    options: { asOf, file, sheet: values.sheet ?? null, year, issued, profile, registry, columns },
    output: values.output ?? null,
    fix: Boolean(values.fix),
  })
  process.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderSummary(report, lang)}\n`,
  )
  return report.errorCount > 0 ? 1 : 0
}

/** Reads `FILE -o OUT`, the arguments of clear and template; either missing is a usage error. */
function readInputAndOutput(
  { values, positionals }: Args<typeof fileToFileFlags>,
  usage: string,
): { file: string; output: string } {
  const file = positionals[0]
  if (!file || !values.output) throw new AppError('cli/usage', `Cách dùng / Usage: ${usage}`)
  return { file, output: values.output }
}

/** `cchc clear`: removes the marks of an earlier check. */
export async function runClear(args: Args<typeof fileToFileFlags>): Promise<number> {
  const { file, output } = readInputAndOutput(args, 'cchc clear TỆP.xlsx -o RA.xlsx')
  // Parsed, cleared and written in the bounded worker. Rows are found again by STT, content and
  // position; cells whose rows are gone are listed, never a reason to refuse the whole file.
  const { outcome, unrestored } = await runCliJob<ClearOutcome>({
    kind: 'clear',
    bytes: await readBoundedFile(file),
    output,
  })
  if (unrestored.length)
    process.stderr.write(
      `Không khôi phục được ${unrestored.length} ô vì dòng của chúng đã bị xóa hoặc sửa khác hẳn: ${unrestored.slice(0, 20).join(', ')}${unrestored.length > 20 ? '…' : ''}. Các ô khác đã trở lại như trước.\n` +
        `(${unrestored.length} cells could not be restored: their rows were deleted or rewritten. Everything else was restored.)\n`,
    )
  process.stdout.write(
    outcome === 'cleared'
      ? `Đã xóa đánh dấu → ${output}\n`
      : `Tệp chưa có đánh dấu nào; đã sao chép → ${output}\n`,
  )
  return 0
}

/** `cchc template`: builds the fill-in workbook of a plan. */
export async function runTemplate(args: Args<typeof fileToFileFlags>): Promise<number> {
  const { file, output } = readInputAndOutput(args, 'cchc template KẾ_HOẠCH.json -o RA.xlsx')
  const plan = await (await import('../province/config.ts')).readPlan(file)
  const { buildTemplate } = await import('../xlsx/template.ts')
  const workbook = buildTemplate(plan)
  await writeOut(output, await workbook.xlsx.writeBuffer())
  process.stdout.write(`Đã tạo biểu mẫu “${plan.name}” (${plan.rows.length} dòng) → ${output}\n`)
  return 0
}
