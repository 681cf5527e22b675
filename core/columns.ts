import { fieldKeys, type FieldKey } from './fields.ts'
import { columnNumber } from './grid.ts'
import type { Bilingual } from './issue-codes.ts'
import type { ReadingBasis } from './messages-mapping.ts'
import { foldText } from './text.ts'

/**
 * A user's correction of how columns are read: for a field, a column letter ("F") or a header text
 * ("Thời gian dự kiến hoàn thành"), or null for "no column holds this field".
 */
export type ColumnChoices = Partial<Record<FieldKey, string | null>>

/** How one column of the table was read: shown in the CLI summary, the task pane and the "Kiểm tra" sheet. */
export type ColumnReading = {
  column: string
  header: string
  field: FieldKey | null
  /** 0–1: how sure the engine is (1 for a user's choice). */
  confidence: number
  /** What decided: the header words, the cells under it, both, or the user's choice. */
  basis: ReadingBasis
  /** Why, in Vietnamese and English ("ô trong cột: 9/10 là thời hạn"). */
  reason: Bilingual
  /** Set when the user chose the field (`--columns`, a plan's `columns`, the task pane). */
  chosen?: true
  /** Set when a required field had no column with enough evidence and this, the best candidate, was used. */
  guessed?: true
}

const fieldSet = new Set<string>(fieldKeys)

/**
 * Parses column choices written as "deadline=F,expected=C,note=" (an empty value unmaps the field)
 * or as a JSON object {"deadline": "Thời gian dự kiến hoàn thành"}. Unknown field names are returned
 * in `unknown` so that the caller can say which.
 * @example parseColumnChoices('deadline=F,note=') // { choices: { deadline: 'F', note: null }, unknown: [] }
 */
export function parseColumnChoices(text: string): { choices: ColumnChoices; unknown: string[] } {
  const choices: ColumnChoices = {}
  const unknown: string[] = []
  const set = (key: string, value: unknown) => {
    const field = key.trim()
    if (!fieldSet.has(field)) {
      unknown.push(field)
      return
    }
    const v = typeof value === 'string' ? value.trim() : ''
    choices[field as FieldKey] = v ? v : null
  }
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) {
    try {
      const data = JSON.parse(trimmed) as Record<string, unknown>
      for (const [k, v] of Object.entries(data)) set(k, v)
    } catch {
      unknown.push(trimmed)
    }
    return { choices, unknown }
  }
  for (const part of trimmed.split(/[,;]/)) {
    if (!part.trim()) continue
    const [key, ...rest] = part.split('=')
    if (!rest.length) unknown.push(part.trim())
    else set(key!, rest.join('='))
  }
  return { choices, unknown }
}

/** Writes choices back as "deadline=F,note=" (letters) or JSON (header texts). */
export function formatColumnChoices(choices: ColumnChoices): string {
  const entries = Object.entries(choices) as [FieldKey, string | null][]
  if (entries.some(([, v]) => v !== null && !isColumnLetter(v))) return JSON.stringify(choices)
  return entries.map(([k, v]) => `${k}=${v ?? ''}`).join(',')
}

function isColumnLetter(value: string): boolean {
  return /^[A-Za-z]{1,3}$/.test(value)
}

/**
 * Resolves choices against a header: a letter names its column, a header text the column whose
 * header reads the same (ignoring case, diacritics and punctuation). Returns 0-based indexes from
 * `left`, the fields to leave unmapped, and the choices that name no column of the table.
 */
export function resolveColumnChoices(
  choices: ColumnChoices,
  headers: readonly string[],
  left: number,
): { fixed: Partial<Record<FieldKey, number>>; excluded: Set<FieldKey>; missing: string[] } {
  const fixed: Partial<Record<FieldKey, number>> = {}
  const excluded = new Set<FieldKey>()
  const missing: string[] = []
  const folded = headers.map(foldText)
  for (const [field, value] of Object.entries(choices) as [FieldKey, string | null][]) {
    if (value === null) {
      excluded.add(field)
      continue
    }
    const index = isColumnLetter(value)
      ? columnNumber(value) - left
      : folded.findIndex((h) => h === foldText(value))
    if (index < 0 || index >= headers.length) missing.push(`${field}=${value}`)
    else {
      // A column holds one field: a later choice of the same column wins.
      for (const [f, i] of Object.entries(fixed) as [FieldKey, number][])
        if (i === index) delete fixed[f]
      fixed[field] = index
    }
  }
  return { fixed, excluded, missing }
}

/**
 * A user's choice of meaning for one column, added to earlier choices: the field moves to the
 * column (no other field keeps it), or with `field` null the column's current field is unmapped.
 * @example chooseColumn({ deadline: 'E' }, 'F', 'deadline', null) // { deadline: 'F' }
 */
export function chooseColumn(
  choices: ColumnChoices,
  column: string,
  field: FieldKey | null,
  current: FieldKey | null,
): ColumnChoices {
  const next: ColumnChoices = {}
  for (const [f, v] of Object.entries(choices) as [FieldKey, string | null][])
    if (v === null || v.toUpperCase() !== column.toUpperCase()) next[f] = v
  if (field) next[field] = column.toUpperCase()
  else if (current) next[current] = null
  return next
}
