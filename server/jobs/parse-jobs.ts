import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import {
  parsePeriodInput,
  type AgencyRegistry,
  type ColumnChoices,
  type IsoDate,
  type ScoringProfile,
} from '../../core/index.ts'
import type { Catalog } from '../province/catalog.ts'
import { serializeReport, type SerializedReport } from '../store/types.ts'
import { checkWorkbook, recheckFixed, type CheckOptions } from '../xlsx/check.ts'
import { openPackage } from '../xlsx/guard.ts'
import type { JobFailure } from './worker-pool.ts'
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
 * What a check needs of the catalog (registry and profiles; the plans stay behind), as a job carries
 * it to its worker: serialized once by the service, a string crosses to the worker as a plain copy,
 * and the worker keeps the catalog it last read, so each job reuses the same registry (and core's
 * index of its names) instead of rebuilding them.
 */
export function serializeCatalogPart(catalog: Catalog): string {
  return JSON.stringify({ registry: catalog.registry, profiles: [...catalog.profiles] })
}

let lastCatalog: { json: string; catalog: Catalog } | null = null

function readCatalogPart(json: string): Catalog {
  if (lastCatalog?.json !== json) {
    const part = JSON.parse(json) as {
      registry: Catalog['registry']
      profiles: [string, ScoringProfile][]
    }
    lastCatalog = {
      json,
      catalog: { registry: part.registry, profiles: new Map(part.profiles), plans: new Map() },
    }
  }
  return lastCatalog.catalog
}

/** Every job a parse worker runs; ExcelJS is loaded only in the worker. */
export type ParseJob =
  | {
      kind: 'upload'
      bytes: Uint8Array
      fileName: string | null
      asOf: IsoDate
      /** serializeCatalogPart's JSON. */
      catalog: string
    }
  | { kind: 'table'; bytes: Uint8Array; catalog: string }
  | {
      kind: 'validate'
      bytes: Uint8Array
      options: ValidateOptions
      output: string | null
      fix: boolean
    }
  | { kind: 'clear'; bytes: Uint8Array; output: string }

/** What a service job answers: the report serialized in the worker, ready for the store and the answer. */
export type UploadResult = { report: SerializedReport; planId: string | null }
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
    report: serializeReport(checked.report),
  }
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
      return { report: serializeReport(report), planId } satisfies UploadResult
    }
    case 'table':
      return runTableJob(job.bytes, readCatalogPart(job.catalog))
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
  }
}

/** A failure as it crosses back to the thread that owns the pool. */
export function describeFailure(error: unknown): JobFailure {
  if (error instanceof AppError)
    return { kind: 'app', code: error.code, ...(error.detail ? { detail: error.detail } : {}) }
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) }
}
