import { applyPlansInForce } from '../consolidation/in-force.ts'
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, stat } from 'node:fs/promises'
import { basename, dirname, extname } from 'node:path'
import { finished } from 'node:stream/promises'
import {
  foldText,
  formatVietnameseDate,
  type AgencyRegistry,
  type IsoDate,
  type Report,
} from '../../core/index.ts'
import type { Catalog } from '../province/catalog.ts'
import { readBoundedFile } from '../files.ts'
import { runCliJob } from '../jobs/cli-pool.ts'
import { computeConsolidatedSheets } from '../consolidation/plan.ts'
import type { ConsolidatedInput, ConsolidatedSubmission } from '../consolidation/types.ts'
import { convertReportRows, type AgencyRecord } from '../store/index.ts'
import { writeConsolidated } from '../xlsx/consolidated.ts'

/** The agency a file belongs to: a registry agency whose id or name the file name spells, else the file name itself. */
export function findFileAgency(path: string, registry: AgencyRegistry | null): AgencyRecord {
  const stem = basename(path, extname(path))
  const folded = foldText(stem)
  for (const a of registry?.agencies ?? []) {
    const names = [a.id.replace(/-/g, ' '), a.name, ...(a.aliases ?? [])].map(foldText)
    if (names.some((n) => n === folded || folded.startsWith(`${n} `) || folded.endsWith(` ${n}`)))
      return { id: a.id, name: a.name, kind: a.kind }
  }
  return { id: folded.replace(/ /g, '-') || 'tep', name: stem, kind: 'other' }
}

export type MergeOptions = {
  files: string[]
  output: string
  asOf: IsoDate
  catalog: Catalog
  /** List every agency of this registry, including those without a file. */
  listRegistry: boolean
  onProgress?: (done: number, total: number, file: string) => void
}

/** `cchc merge`: checks each agency workbook and writes the consolidated workbook with the server's builder. */
export async function runMerge(options: MergeOptions): Promise<{
  input: ConsolidatedInput
  reports: { file: string; agency: string; report: Report }[]
}> {
  const submissions: ConsolidatedSubmission[] = []
  const reports: { file: string; agency: string; report: Report }[] = []
  const seen = new Map<string, AgencyRecord>()
  // Each file is read bounded and parsed in one bounded worker, as `cchc validate` does.
  for (const [i, file] of options.files.entries()) {
    const bytes = await readBoundedFile(file)
    const { report, planId } = await runCliJob<{ report: Report; planId: string | null }>({
      kind: 'validate',
      bytes,
      options: {
        asOf: options.asOf,
        file,
        sheet: null,
        year: null,
        profile: null,
        registry: options.catalog.registry,
        profiles: options.catalog.profiles,
      },
      output: null,
      fix: false,
    })
    const agency = findFileAgency(file, options.catalog.registry)
    // Two files for one agency: the later one on the command line counts, as a later version would.
    const existing = submissions.findIndex((s) => s.agencyId === agency.id)
    if (existing >= 0) submissions.splice(existing, 1)
    seen.set(agency.id, agency)
    submissions.push({
      id: i + 1,
      agencyId: agency.id,
      version: 1,
      submittedAt: (await stat(file)).mtime.toISOString(),
      fileHash: createHash('sha256').update(bytes).digest('hex'),
      tasks: report.summary.tasks,
      errors: report.errorCount,
      warnings: report.warningCount,
      score: report.summary.score,
      maxScore: report.summary.maxScore,
      byStatus: report.summary.byStatus,
      late: false,
      planId,
      rows: convertReportRows(report, i + 1),
    })
    reports.push({ file, agency: agency.id, report })
    options.onProgress?.(i + 1, options.files.length, file)
  }
  const registered = options.listRegistry
    ? options.catalog.registry.agencies.map((a) => ({ id: a.id, name: a.name, kind: a.kind }))
    : []
  const agencies = [
    ...registered,
    ...[...seen.values()].filter((a) => !registered.some((r) => r.id === a.id)),
  ]
  const input: ConsolidatedInput = {
    period: options.asOf,
    label: `số liệu đến ${formatVietnameseDate(options.asOf)}`,
    asOf: options.asOf,
    generatedAt: new Date().toISOString(),
    agencies,
    submissions,
    province: options.catalog.registry.province,
  }
  applyPlansInForce(input, options.catalog)
  await mkdir(dirname(options.output), { recursive: true })
  const out = createWriteStream(options.output)
  await writeConsolidated(computeConsolidatedSheets(input), out, {
    province: input.province ?? '',
    period: `Số liệu đến ${formatVietnameseDate(options.asOf)}`,
  })
  await finished(out)
  return { input, reports }
}
