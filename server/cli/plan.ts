import { basename } from 'node:path'
import { fieldKeys, type FieldKey, type IssuingDocument } from '../../core/index.ts'
import { startCliWorker } from '../jobs/cli-pool.ts'
import { parseIsoDate, writeOut } from './io.ts'
import { readBoundedFile } from '../files.ts'
import { readRegistryOption } from './plan-args.ts'
import { renderSummary, type Lang } from './summary.ts'
import { AppError } from '../errors/index.ts'
import type { Args, planImportFlags } from './flags.ts'

// `cchc plan …`: a plan's appendix read into a plan definition, the units' templates built from it,
// and its versions published in the service's database — the same code path as the API and the
// dashboard's "Kế hoạch" page (server/plans/).

function readYear(value: string | undefined): number | null {
  if (value === undefined) return null
  const year = Number(value)
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError(
      'cli/usage',
      `--year cần một năm như 2027 / expects a year such as 2027: ${value}`,
    )
  return year
}

/** `cchc plan import`: reads a plan's appendix into a plan definition and lists its doubts. */
export async function runImport({
  values,
  positionals,
}: Args<typeof planImportFlags>): Promise<number> {
  const pool = startCliWorker()
  const file = positionals[0]
  if (!file) throw new AppError('cli/usage', 'Thiếu tên tệp / Missing file name.')
  const lang: Lang = values.lang === 'en' ? 'en' : 'vi'
  if (values.id !== undefined && !/^[a-z0-9-]{2,60}$/.test(values.id))
    throw new AppError(
      'cli/usage',
      `--id chỉ gồm a-z, 0-9 và "-" / --id takes a-z, 0-9 and "-": ${values.id}`,
    )
  const table = values.table !== undefined ? Number(values.table) : null
  if (table !== null && (!Number.isInteger(table) || table < 1))
    throw new AppError('cli/usage', `--table: ${values.table}`)
  const document: Partial<IssuingDocument> = {}
  if (values.document) document.number = values.document
  const issued = parseIsoDate(values.issued, '--issued')
  if (issued) document.date = issued
  const progress = values.progress?.split(',').map((f) => f.trim())
  if (progress?.some((f) => !(fieldKeys as readonly string[]).includes(f)))
    throw new AppError('cli/usage', `--progress: ${values.progress} (${fieldKeys.join(', ')})`)
  const registry = await readRegistryOption(values.agencies)
  const bytes = await readBoundedFile(file)
  const { runPlanImport } = await import('../plans/import-job.ts')
  const imported = await runPlanImport(pool, bytes, {
    fileName: basename(file),
    year: readYear(values.year),
    id: values.id ?? null,
    name: values.name ?? null,
    source: values.source ?? null,
    profile: values.profile ?? null,
    progressColumns: (progress as FieldKey[] | undefined) ?? null,
    registry,
    table,
    sheet: values.sheet ?? null,
    ...(Object.keys(document).length ? { document } : {}),
  })
  const { plan, draft } = imported
  const output = values.output ?? `${plan.id}.json`
  await writeOut(output, new TextEncoder().encode(`${JSON.stringify(plan, null, 2)}\n`))
  if (values.json) process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`)
  else {
    const { renderPlanSummary } = await import('../plans/summary.ts')
    process.stdout.write(
      `${renderSummary(draft.report, lang)}\n\n${renderPlanSummary(plan, imported.appendices, imported.chosen, lang)}\n\n` +
        `${lang === 'en' ? 'Written' : 'Đã ghi'} → ${output}\n`,
    )
  }
  return plan.doubts?.some((d) => d.issue.severity === 'error') ? 1 : 0
}
