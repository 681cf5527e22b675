import {
  computePlanDraft,
  foldText,
  readTable,
  type AgencyRegistry,
  type FieldKey,
  type IssuingDocument,
  type PlanDraft,
} from '../../core/index.ts'
import { readDocxBlocks } from '../docx/read.ts'
import type { PlanFile } from '../province/config.ts'
import { readWorkbookView } from '../xlsx/book.ts'
import { openPackage } from '../xlsx/guard.ts'
import { listOwnSheets } from '../xlsx/select.ts'
import { readZipEntries } from '../xlsx/zip.ts'
import { collectAppendixGrids, type AppendixGrid } from './appendix.ts'
import { isHtml, readHtmlBlocks } from './html.ts'
import { AppError } from '../errors/index.ts'

// From a plan's appendix (Word, Excel or a web page) to a plan definition: the document's tables
// become core grids, core reads each, and the appendix with the most tasks (or the one asked for)
// becomes the plan. `cchc plan import`, POST /api/plans and the dashboard all come through here.

export const planFormats = ['docx', 'xlsx', 'html'] as const
export type PlanFormat = (typeof planFormats)[number]

export type ImportOptions = {
  fileName?: string | null
  year?: number | null
  id?: string | null
  name?: string | null
  source?: string | null
  registry?: AgencyRegistry | null
  /** Which appendix (1-based, in document order) when the file holds several. */
  table?: number | null
  /** The sheet of a workbook to read (name or 1-based number). */
  sheet?: string | null
  /** The issuing document's number or date, when the text does not give them. */
  document?: Partial<IssuingDocument>
  profile?: string | null
  progressColumns?: FieldKey[] | null
}

/** One appendix found in the file: its title and how many tasks core read in it. */
export type FoundAppendix = { index: number; title: string; tasks: number }

export type ImportedPlan = {
  format: PlanFormat
  plan: PlanFile
  draft: PlanDraft
  appendices: FoundAppendix[]
  chosen: number
}

/** What kind of plan document the bytes are: a Word or Excel package, or a web page. */
export function detectPlanFormat(bytes: Uint8Array, fileName: string | null = null): PlanFormat {
  const extension = /\.(\w+)$/.exec(fileName ?? '')?.[1]?.toLowerCase() ?? ''
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let names: string[] = []
    try {
      names = readZipEntries(bytes, 5_000).map((e) => e.name)
    } catch {
      return extension === 'xlsx' ? 'xlsx' : 'docx'
    }
    if (names.some((n) => n.startsWith('word/'))) return 'docx'
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx'
    throw new AppError('document/not-supported')
  }
  // OLE files: a legacy .doc/.xls or an encrypted package; each reader names what to do.
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf)
    return extension === 'xls' || extension === 'xlsx' ? 'xlsx' : 'docx'
  if (isHtml(bytes)) return 'html'
  throw new AppError('document/not-supported')
}

/** The appendix grids of a file, whatever its format. */
export function readAppendixGrids(
  bytes: Uint8Array,
  format: PlanFormat,
  sheet: string | null = null,
): AppendixGrid[] {
  if (format === 'docx') return collectAppendixGrids(readDocxBlocks(bytes))
  if (format === 'html') return collectAppendixGrids(readHtmlBlocks(bytes))
  const book = readWorkbookView(openPackage(bytes))
  const own = listOwnSheets(book)
  const sheets = sheet
    ? book.sheets.filter((s, i) => s.name === sheet || String(i + 1) === sheet)
    : book.sheets.filter((s) => s.state === 'visible' && !own.has(s.name))
  return sheets
    .map((s) => s.readGrid())
    .filter((grid) => readTable(grid) !== null)
    .map((grid) => ({ grid, context: [] }))
}

/** A plan id from the province, the year and the first words of the plan's name. */
export function computePlanId(province: string, year: number | null, name: string): string {
  const words = foldText(name)
    .split(' ')
    .filter((w) => w && !foldText(province).split(' ').includes(w) && !/^\d{4}$/.test(w))
  const parts = [foldText(province), year ? String(year) : '', ...words.slice(0, 6)]
  return parts
    .join(' ')
    .trim()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '')
}

/**
 * Reads a plan's appendix into a plan definition (the shape of templates/plans/*.json): id, name,
 * title, issuing document, year, sections, every row with how core read it, and the doubts.
 * Throws DocumentError (or WorkbookError for a workbook) when the file cannot be read or holds no table.
 */
export function importPlanDocument(bytes: Uint8Array, options: ImportOptions = {}): ImportedPlan {
  const format = detectPlanFormat(bytes, options.fileName ?? null)
  const grids = readAppendixGrids(bytes, format, options.sheet ?? null)
  const registry = options.registry ?? null
  const drafts = grids.flatMap((g) => {
    const draft = computePlanDraft(g.grid, {
      year: options.year ?? null,
      registry,
      context: g.context,
      ...(options.document ? { document: options.document } : {}),
    })
    return draft ? [draft] : []
  })
  if (!drafts.length) throw new AppError('document/no-table')
  const appendices = drafts.map((d, i) => ({
    index: i + 1,
    title: d.title.join(' ') || d.name,
    tasks: d.report.summary.tasks,
  }))
  let chosen = options.table ?? 0
  if (chosen < 1 || chosen > drafts.length)
    chosen = appendices.reduce((best, a) => (a.tasks > best.tasks ? a : best)).index
  const draft = drafts[chosen - 1]!
  draft.report.file = options.fileName ?? null
  const name = options.name ?? draft.name
  const province = registry?.province ?? ''
  const plan: PlanFile = {
    id: options.id ?? computePlanId(province, draft.year, name),
    name,
    province,
    year: draft.year ?? 0,
    templateVersion: '1',
    ...(draft.document.date ? { issued: draft.document.date } : {}),
    source: options.source ?? options.fileName ?? `phu-luc.${format}`,
    document: draft.document,
    ...(draft.amends ? { amends: draft.amends } : {}),
    title: draft.title,
    columns: draft.columns,
    ...(options.progressColumns ? { progressColumns: options.progressColumns } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(draft.sections.length ? { sections: draft.sections } : {}),
    rows: draft.rows,
    doubts: draft.doubts,
  }
  return { format, plan, draft, appendices, chosen }
}
