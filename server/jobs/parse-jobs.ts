import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import {
  parsePeriodInput,
  type AgencyRegistry,
  type ColumnChoices,
  type IsoDate,
  type Report,
  type ScoringProfile,
} from '../../core/index.ts'
import type { Catalog } from '../province/catalog.ts'
import { serializeReport, type SerializedReport } from '../store/types.ts'
import type { ImportOptions } from '../plans/import.ts'
import type { UnitTemplateRequest } from '../plans/units.ts'
import { checkWorkbook, recheckFixed, type CheckOptions } from '../xlsx/check.ts'
import { openPackage } from '../xlsx/guard.ts'
import type { JobFailure } from './worker-pool.ts'
import { readCatalogPart } from './catalog-part.ts'
import { AppError } from '../errors/index.ts'

/** What `cchc validate` asks of a worker (the file's bytes, already read and bounded). */
export type ValidateOptions = {
  asOf: IsoDate
  file: string
  sheet: string | null
  year: number | null
  /** The plan's issue date (`--issued`). */
  issued?: IsoDate | null
  profile: ScoringProfile | null
  registry: AgencyRegistry | null
  profiles?: Map<string, ScoringProfile>
  /** The user's `--columns` choices. */
  columns?: ColumnChoices | null
}

/**
 * The largest report the service keeps: a small file whose long texts repeat on every row (one shared
 * string of 30,000 characters on 2,000 rows) must not become a report of 80 MB, whose rows every later
 * read of its period would load. A real annex's report takes about 2 KB a task, so this holds some
 * 4,000 tasks; a period holding one at the limit is read in about 0.15 s.
 */
export const reportLimits = { bytes: 8 * 1024 * 1024 }

/** Every job a parse worker runs; ExcelJS is loaded only in the worker. */
export type ParseJob =
  | {
      kind: 'upload'
      bytes: Uint8Array
      fileName: string | null
      asOf: IsoDate
      /** serializeCatalogPart's JSON. */
      catalog: string
      /** The bytes were handed over (transferred): the worker hands them back with the result. */
      handedOver?: boolean
    }
  | { kind: 'table'; bytes: Uint8Array; catalog: string; handedOver?: boolean }
  | {
      kind: 'validate'
      bytes: Uint8Array
      options: ValidateOptions
      output: string | null
      fix: boolean
    }
  | { kind: 'clear'; bytes: Uint8Array; output: string }
  /** A plan's appendix read into a plan definition (`cchc plan import`, POST /api/plans). */
  | { kind: 'plan-import'; bytes: Uint8Array; options: ImportOptions }
  /** Units' templates of a plan: one workbook, or a .zip of every unit's (server/plans/units.ts). */
  | { kind: 'plan-templates'; request: UnitTemplateRequest }

/**
 * What a service job answers: the report serialized in the worker, ready for the store and the
 * answer, and the job's bytes when they were handed over (they come back the same way).
 */
export type UploadResult = { report: SerializedReport; planId: string | null; bytes?: Uint8Array }
export type TableResult = UploadResult & {
  period: string
  agency: string | null
  fileName: string | null
}

async function writeOut(path: string, data: ArrayBuffer) {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, new Uint8Array(data))
}

async function runValidateJob(job: Extract<ParseJob, { kind: 'validate' }>) {
  const o = job.options
  const options: CheckOptions = {
    asOf: o.asOf,
    file: o.file,
    sheet: o.sheet,
    year: o.year,
    issued: o.issued ?? null,
    profile: o.profile,
    registry: o.registry,
    columns: o.columns ?? null,
    profileFor: (id) => (id ? (o.profiles?.get(id) ?? null) : null),
  }
  // The package is checked and inflated once; the check, ExcelJS and the fixes all take it.
  const pkg = openPackage(job.bytes, { write: Boolean(job.output) })
  let checked = checkWorkbook(pkg, options)
  if (job.output) {
    const [{ applyFixes, markWorkbook }, { loadWorkbook }] = await Promise.all([
      import('../xlsx/mark.ts'),
      import('../xlsx/read.ts'),
    ])
    const workbook = await loadWorkbook(pkg)
    // The marks describe the corrected sheet: the fixed cells are checked again.
    if (job.fix && applyFixes(workbook, checked.sheetName, checked.report) > 0)
      checked = recheckFixed(checked, options)
    markWorkbook(workbook, checked.sheetName, checked.report)
    await writeOut(job.output, await workbook.xlsx.writeBuffer())
  }
  return { report: checked.report, planId: checked.planId }
}

// The service's modules (zod schemas) load only in a service's worker: `cchc validate` starts faster.
async function runTableJob(bytes: Uint8Array, catalog: Catalog): Promise<TableResult> {
  const { checkUploadedTable, jsonSubmissionSchema } = await import('../intake/table.ts')
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    throw new AppError('request/invalid-body')
  }
  const parsed = jsonSubmissionSchema.safeParse(json)
  if (!parsed.success)
    throw new AppError('request/invalid-body', parsed.error.issues[0]?.path.join('.') ?? '')
  const period = parsePeriodInput(parsed.data.period)
  if (!period) throw new AppError('request/invalid-period', parsed.data.period.slice(0, 40))
  const checked = checkUploadedTable(parsed.data, bytes, period.cutOff, catalog)
  return {
    period: period.id,
    agency: parsed.data.agency ?? null,
    fileName: checked.fileName,
    planId: checked.planId,
    report: serializeBoundedReport(checked.report),
  }
}

/** Serializes a report for the service, refusing one past `reportLimits` (nothing is stored then). */
export function serializeBoundedReport(report: Report): SerializedReport {
  const serialized = serializeReport(report)
  if (serialized.json.byteLength > reportLimits.bytes)
    throw new AppError(
      'workbook/report-too-large',
      `${Math.ceil(serialized.json.byteLength / 1048576)} MB > ${reportLimits.bytes / 1048576} MB`,
    )
  return serialized
}

/** A service job's result, with its bytes when they were handed over. */
function returnBytes<T extends UploadResult>(
  result: T,
  job: { bytes: Uint8Array; handedOver?: boolean },
) {
  return job.handedOver ? { ...result, bytes: job.bytes } : result
}

/**
 * The buffers a worker hands back without a copy: the serialized report and the job's bytes (which
 * arrived as a buffer of their own). A report on a shared pool (a small Buffer) is copied instead:
 * handing the pool over would take it from the worker.
 */
export function listResultTransfers(value: unknown): ArrayBuffer[] {
  const result = value as Partial<UploadResult> | null
  const json = result?.report?.json
  const own = json instanceof Uint8Array && json.byteOffset === 0
  return [
    ...(own && json.buffer.byteLength === json.byteLength ? [json.buffer as ArrayBuffer] : []),
    ...(result?.bytes instanceof Uint8Array ? [result.bytes.buffer as ArrayBuffer] : []),
  ]
}

/** Runs one job inside a parse worker. */
export async function runParseJob(job: ParseJob): Promise<unknown> {
  switch (job.kind) {
    case 'upload': {
      const { checkUploadedWorkbook } = await import('../intake/table.ts')
      const { report, planId } = await checkUploadedWorkbook(
        job.bytes,
        job.fileName,
        job.asOf,
        readCatalogPart(job.catalog),
      )
      return returnBytes({ report: serializeBoundedReport(report), planId }, job)
    }
    case 'table':
      return returnBytes(await runTableJob(job.bytes, readCatalogPart(job.catalog)), job)
    case 'validate':
      return runValidateJob(job)
    case 'clear': {
      const [{ clearMarks }, { loadWorkbook }] = await Promise.all([
        import('../xlsx/mark.ts'),
        import('../xlsx/read.ts'),
      ])
      const workbook = await loadWorkbook(job.bytes)
      const cleared = clearMarks(workbook)
      await writeOut(job.output, await workbook.xlsx.writeBuffer())
      return cleared
    }
    case 'plan-import':
      return (await import('../plans/import.ts')).importPlanDocument(job.bytes, job.options)
    case 'plan-templates':
      return (await import('../plans/units.ts')).buildUnitTemplates(job.request)
  }
}

/** A failure as it crosses back to the thread that owns the pool. */
export function describeFailure(error: unknown): JobFailure {
  if (error instanceof AppError)
    return { kind: 'app', code: error.code, ...(error.detail ? { detail: error.detail } : {}) }
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) }
}
