import { fieldSpecs, matchField, type FieldKey } from './fields.ts'
import { cellText, columnLetter, type CellValue } from './grid.ts'
import { createIssue, type Issue } from './issue.ts'

/** Where the table's header is and which sheet column (1-based) holds each field. */
export type HeaderInfo = {
  /** Sheet row of the (first) header row. */
  row: number
  /** Number of header rows (2 for "Thời gian thực hiện" over "Bắt đầu | Hoàn thành"). */
  height: number
  /** First sheet row after the header (and after a column-numbering row "(1) (2) (3)"). */
  dataStart: number
  columns: Partial<Record<FieldKey, number>>
  lastColumn: number
  issues: Issue[]
}

/** Matches a header cell, also without a trailing parenthesis ("Thời hạn (dự kiến)"). */
function matchHeaderCell(value: CellValue): FieldKey | null {
  const text = cellText(value)
  if (!text || text.length > 120) return null
  return matchField(text) ?? matchField(text.replace(/\([^)]*\)/g, ' '))
}

function isRequiredSatisfied(fields: Set<FieldKey>): boolean {
  return (
    fields.has('stt') &&
    (fields.has('content') || fields.has('criterion')) &&
    (fields.has('lead') || fields.has('executing')) &&
    (fields.has('deadline') || fields.has('end'))
  )
}

/** A row that only numbers the columns: "(1) (2) (3)" or "1 2 3 4". */
function isNumberingRow(row: CellValue[]): boolean {
  const texts = row.map((v) => cellText(v).trim()).filter(Boolean)
  if (texts.length < 3) return false
  const nums = texts.map((t) => /^\(?(\d{1,2})\)?$/.exec(t)?.[1]).map(Number)
  return nums.every((n, i) => Number.isFinite(n) && n > 0 && (i === 0 || n > nums[i - 1]!))
}

/**
 * Finds the header row: the row (with the one below, for two-row headers) whose cells name the
 * most known fields, preferring rows that name every required field. Rows are scanned from the top;
 * title rows above it are skipped.
 */
export function locateHeader(
  values: CellValue[][],
  covered: boolean[][],
  top: number,
  left: number,
): HeaderInfo | null {
  let best: { r: number; score: number; complete: boolean } | null = null
  const limit = Math.min(values.length, 60)
  for (let r = 0; r < limit; r++) {
    const fields = new Set<FieldKey>()
    for (const v of values[r] ?? []) {
      const f = matchHeaderCell(v)
      if (f) fields.add(f)
    }
    for (const v of values[r + 1] ?? []) {
      const f = matchHeaderCell(v)
      if (f === 'start' || f === 'end') fields.add(f)
    }
    const complete = isRequiredSatisfied(fields)
    const score = fields.size + (complete ? 100 : 0)
    if (fields.size >= 3 && (!best || score > best.score)) best = { r, score, complete }
    if (complete && best?.r === r) break
  }
  if (!best) return null
  return buildHeader(values, covered, best.r, top, left)
}

function buildHeader(
  values: CellValue[][],
  covered: boolean[][],
  r: number,
  top: number,
  left: number,
): HeaderInfo {
  const headerRow = values[r] ?? []
  const below = values[r + 1] ?? []
  const columns: Partial<Record<FieldKey, number>> = {}
  const issues: Issue[] = []
  let height = 1
  let lastColumn = left
  const width = Math.max(headerRow.length, below.length)
  for (let c = 0; c < width; c++) {
    if (cellText(headerRow[c] ?? null).trim() || cellText(below[c] ?? null).trim())
      lastColumn = left + c
    const sub = matchHeaderCell(below[c] ?? null)
    let field = matchHeaderCell(headerRow[c] ?? null)
    if (sub === 'start' || sub === 'end') {
      field = sub
      height = 2
    }
    // A merged header cell is read once, at its top-left.
    if (field === null || (covered[r]?.[c] && field !== sub)) continue
    const sheetColumn = left + c
    if (columns[field] === undefined) columns[field] = sheetColumn
    else {
      issues.push(
        createIssue(
          'header/duplicate-column',
          {
            row: top + r,
            column: columnLetter(sheetColumn),
            field,
            value: cellText(headerRow[c] ?? null),
          },
          { field: fieldSpecs[field].label },
        ),
      )
    }
  }
  let dataStart = r + height
  if (isNumberingRow(values[dataStart] ?? [])) dataStart++
  for (const missing of findMissingFields(columns)) {
    issues.push(
      createIssue(
        'header/missing-column',
        { row: top + r, field: missing, value: null },
        { field: fieldSpecs[missing].label },
      ),
    )
  }
  return { row: top + r, height, dataStart: top + dataStart, columns, lastColumn, issues }
}

/** Required fields the header lacks: stt, content or criterion, lead or executing, deadline or end. */
export function findMissingFields(columns: Partial<Record<FieldKey, number>>): FieldKey[] {
  const missing: FieldKey[] = []
  if (columns.stt === undefined) missing.push('stt')
  if (columns.content === undefined && columns.criterion === undefined) missing.push('content')
  if (columns.lead === undefined && columns.executing === undefined) missing.push('lead')
  if (columns.deadline === undefined && columns.end === undefined) missing.push('deadline')
  return missing
}
