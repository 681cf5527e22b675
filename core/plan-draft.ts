import { createAgencyIndex, parseAgencies, type AgencyRegistry } from './agency.ts'
import type { IsoDate } from './date.ts'
import type { Deadline } from './deadline.ts'
import { fieldKeys, fieldSpecs, type FieldKey } from './fields.ts'
import { cellText, type Grid, type MergeArea } from './grid.ts'
import { createIssue, type Issue } from './issue.ts'
import {
  parseAmendedDocument,
  parseIssuingDocument,
  type AmendedDocument,
} from './plan-document.ts'
import type { IssuingDocument } from './plan-document.ts'
import type { Report } from './report.ts'
import { readTable, type RowKind } from './table.ts'
import { parseTargets, type Target } from './target.ts'
import { foldText, squeezeSpaces } from './text.ts'
import { findTitleYear, validateTable } from './validate.ts'

/** How one plan row was read: what it is, where it sits, its deadline, targets and agencies. */
export type PlanRowReading = {
  kind: RowKind
  section: string | null
  level: number
  deadline?: Deadline | null
  targets?: Target[]
  /** Agency ids, and the names of groups ("Các sở, ban, ngành"), as the registry resolves them. */
  lead?: string[]
  executing?: string[]
  coop?: string[]
}

/** One row of a plan: the text of each plan column, and how core read it. */
export type PlanRow = Partial<Record<FieldKey, string>> & { read?: PlanRowReading }

/** A column of a plan: a field, or a field with the header text the province gives it. */
export type PlanColumn = FieldKey | { field: FieldKey; header: string }

export type PlanSection = { code: string; title: string }

/** Something in a plan a person should look at, with the task it concerns ("I.1.3"). */
export type PlanDoubt = { task: string | null; issue: Issue }

/** What reading a plan's appendix gives: the parts of a plan definition, the doubts and the report. */
export type PlanDraft = {
  name: string
  title: string[]
  year: number | null
  document: IssuingDocument
  amends: AmendedDocument | null
  columns: PlanColumn[]
  sections: PlanSection[]
  rows: PlanRow[]
  doubts: PlanDoubt[]
  /** The reading exactly as `cchc validate` reports it. */
  report: Report
}

export type PlanDraftOptions = {
  year?: number | null
  registry?: AgencyRegistry | null
  /** Lines around the appendix (the document's heading) where its number and date may be found. */
  context?: string[]
  /** The issuing document when the user names it; wins over what the text says. */
  document?: Partial<IssuingDocument>
}

const planFields = fieldKeys.filter((f) => fieldSpecs[f].role === 'plan')
const foldedSynonyms = Object.fromEntries(
  fieldKeys.map((f) => [f, new Set(fieldSpecs[f].synonyms.map(foldText))]),
) as Record<FieldKey, Set<string>>

/** The title lines above the header: each row's distinct texts (a merged title counts once). */
function readTitleLines(grid: Grid, headerRow: number): string[] {
  const lines: string[] = []
  for (const row of grid.cells.slice(0, Math.max(0, headerRow - grid.top))) {
    const texts = [...new Set(row.map((v) => squeezeSpaces(cellText(v))).filter(Boolean))]
    if (texts.length) lines.push(texts.join(' '))
  }
  return lines
}

/** A plan's name from its title: the line that is neither "PHỤ LỤC" nor "(Kèm theo …)", in sentence case. */
function computeName(title: string[], province: string | null): string {
  const line =
    title.find((l) => !/^\(/.test(l) && !/^phu luc\b/.test(foldText(l))) ?? title[0] ?? ''
  if (line !== line.toUpperCase()) return line
  let name = line.charAt(0) + line.slice(1).toLowerCase()
  if (province) name = name.replace(new RegExp(province, 'iu'), province)
  return name.replace(/\bcchc\b/giu, 'CCHC')
}

/** Whether a cell is a copy a horizontal merge spread along its row (its text belongs to the first). */
function isSpreadCell(merges: MergeArea[], row: number, column: number): boolean {
  // Cells below the first column of a merge repeat its text on purpose (a lead merged down its tasks).
  return merges.some((m) => row >= m.top && row <= m.bottom && column > m.left && column <= m.right)
}

function readAgencies(text: string | undefined, registry: AgencyRegistry | null): string[] {
  if (!text || !registry) return []
  const out: string[] = []
  for (const m of parseAgencies(text, createAgencyIndex(registry))) {
    const id = 'agencyId' in m ? m.agencyId : 'group' in m ? m.group.name : null
    if (id && !out.includes(id)) out.push(id)
  }
  return out
}

/**
 * Reads a plan's appendix table into the parts of a plan definition with the same core reading as
 * `cchc validate` (headers by meaning, STT hierarchy, sections, continuation rows joined, merged cells,
 * HTML removed, deadlines): each row's plan columns (a deadline written in a neighbouring column moved
 * back), how each row was read, the sections, the issuing document, and every doubt. Null when the
 * grid holds no annex table.
 */
export function computePlanDraft(grid: Grid, options: PlanDraftOptions = {}): PlanDraft | null {
  const table = readTable(grid)
  if (!table) return null
  const registry = options.registry ?? null
  const title = readTitleLines(grid, table.header.row)
  const found = parseIssuingDocument(title, options.context ?? [])
  const document: IssuingDocument = {
    kind: options.document?.kind ?? found.kind,
    number: options.document?.number ?? found.number,
    date: options.document?.date ?? found.date,
  }
  const year =
    options.year ??
    findTitleYear(table.titleText) ??
    (document.date ? Number(document.date.slice(0, 4)) : null)
  const asOf: IsoDate = document.date ?? `${year ?? 2000}-01-01`
  // Deadlines counted from the plan's issue date ("30 ngày kể từ ngày ban hành") count from its document's.
  const report = validateTable(grid, { asOf, year, registry, issued: document.date })
  const shifted = new Map<number, FieldKey>()
  for (const i of report.issues)
    if (i.code === 'row/shifted-cells' && i.row !== null && i.field) shifted.set(i.row, i.field)

  // Plan columns in the table's own order, so each row lists its fields as the table shows them.
  const present = planFields
    .filter((f) => table.header.columns[f] !== undefined)
    .sort((a, b) => table.header.columns[a]! - table.header.columns[b]!)
  const titleField: FieldKey = present.includes('content') ? 'content' : 'criterion'
  const rows: PlanRow[] = table.rows.map((row, index) => {
    const out: PlanRow = {}
    for (const f of present) {
      const cell = row.cells[f]
      if (cell?.text && !isSpreadCell(grid.merges, row.row, table.header.columns[f]!))
        out[f] = cell.text
    }
    if (row.kind === 'heading') {
      const text = present.map((f) => row.cells[f]?.text).find(Boolean) ?? ''
      return { [titleField]: text, read: { kind: row.kind, section: row.section, level: 0 } }
    }
    const moved = shifted.get(row.row)
    if (moved && out[moved] && !out.deadline) {
      out.deadline = out[moved]
      delete out[moved]
    }
    const task = report.tasks[index]
    const read: PlanRowReading = { kind: row.kind, section: row.section, level: row.level }
    if (row.kind !== 'section') {
      read.deadline = task?.deadline ?? null
      const targets = parseTargets([out.content, out.expected].filter(Boolean).join('\n'))
      if (targets.length) read.targets = targets
      read.lead = readAgencies(out.lead ?? out.executing, registry)
      if (out.lead && out.executing) read.executing = readAgencies(out.executing, registry)
      read.coop = readAgencies(out.coop, registry)
    }
    return { ...out, read }
  })

  const sections = table.rows
    .filter((r) => r.kind === 'section' && r.stt)
    .map((r) => ({
      code: r.stt!,
      title: r.cells.criterion?.text ?? r.cells.content?.text ?? '',
    }))
  const columns: PlanColumn[] = present.map((field) => {
    const header = table.header.mapping.find((m) => m.field === field)?.header ?? ''
    return !header || foldedSynonyms[field].has(foldText(header))
      ? field
      : { field, header: squeezeSpaces(header) }
  })
  return {
    name: computeName(title, registry?.province ?? null),
    title,
    year,
    document,
    amends: parseAmendedDocument(title),
    columns,
    sections,
    rows,
    doubts: collectDoubts(report, table.rows, document, year),
    report,
  }
}

const autoFixed = new Set(['cell/html-markup', 'cell/unnormalized-text'])

/** The doubts of a reading: the report's errors and warnings, each with its task, and the plan's own. */
function collectDoubts(
  report: Report,
  rows: { row: number; stt: string | null; section: string | null; kind: RowKind }[],
  document: IssuingDocument,
  year: number | null,
): PlanDoubt[] {
  const taskOf = (row: number | null): string | null => {
    if (row === null) return null
    let found: (typeof rows)[number] | undefined
    for (const r of rows) {
      if (r.row > row) break
      found = r
    }
    if (!found?.stt) return null
    return found.section && found.kind !== 'section' ? `${found.section}.${found.stt}` : found.stt
  }
  const doubts: PlanDoubt[] = []
  if (year === null) doubts.push({ task: null, issue: createIssue('plan/no-year') })
  if (!document.number || !document.date) {
    const field =
      !document.number && !document.date
        ? undefined
        : document.number
          ? 'ngày ban hành'
          : 'số, ký hiệu'
    doubts.push({ task: null, issue: createIssue('plan/no-document', {}, { field }) })
  }
  if (report.header && report.summary.tasks === 0)
    doubts.push({ task: null, issue: createIssue('plan/no-tasks') })
  // Text hygiene is already applied to the plan's text (tags removed, Unicode normalised): no doubt.
  for (const issue of report.issues)
    if (issue.severity !== 'info' && !autoFixed.has(issue.code))
      doubts.push({ task: taskOf(issue.row), issue })
  return doubts
}
