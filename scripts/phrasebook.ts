import { readFileSync } from 'node:fs'
import type { CellValue, FieldKey, MergeArea } from '../core/index.ts'

type Entry = { text: string; source: string; note?: string }
type HeaderEntry = Entry & { field: string; parent: string | null }

/** The sample of real wording (tests/fixtures/phrasebook-sample.json, sources named inside). */
export const phrasebook = JSON.parse(
  readFileSync(new URL('../tests/fixtures/phrasebook-sample.json', import.meta.url), 'utf8'),
) as {
  sources: { id: string; kind: string; year: number }[]
  headers: HeaderEntry[]
  deadlines: Entry[]
  progress: Entry[]
  achieved: Entry[]
  targets: Entry[]
}

// The sample names fields in its own words; "other:…" is a column we do not use.
const sampleFields: Record<string, FieldKey> = {
  task: 'content',
  target: 'expected',
  cooperating: 'coop',
  completion_date: 'doneDate',
}

/** The field a sample header should map to, or null for a trap column. */
export function expectField(entry: HeaderEntry): FieldKey | null {
  if (entry.field.startsWith('other:')) return null
  return sampleFields[entry.field] ?? (entry.field as FieldKey)
}

/** Values the sample says a column holds: quoted in its note, or the source's progress words. */
export function findSampleValues(entry: HeaderEntry): string[] {
  const quoted = /values|e\.g\.|cells/.test(entry.note ?? '')
    ? [...(entry.note ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!)
    : []
  if (quoted.length) return quoted
  if (expectField(entry) === 'progress')
    return phrasebook.progress.filter((p) => p.source === entry.source).map((p) => p.text)
  return []
}

/** A sample table: one header per field (the k-th of each), children under their merged parent. */
export type SampleTable = {
  source: string
  headers: HeaderEntry[]
  rows: CellValue[][]
  merges: MergeArea[]
}

/** Builds the tables of one source: as many as it needs so that no field appears twice in one. */
export function buildSampleTables(source: string): SampleTable[] {
  const entries = phrasebook.headers.filter((h) => h.source === source)
  const parents = new Set(entries.map((h) => h.parent).filter(Boolean))
  const columns = entries.filter((h) => !parents.has(h.text))
  const tables: HeaderEntry[][] = []
  for (const h of columns) {
    const field = expectField(h)
    let table = tables.find((t) => !field || !t.some((o) => expectField(o) === field))
    if (!table) tables.push((table = []))
    table.push(h)
  }
  return tables.map((headers) => {
    const twoRows = headers.some((h) => h.parent)
    const top: CellValue[] = headers.map((h) => h.parent ?? h.text)
    const below: CellValue[] = headers.map((h) => (h.parent ? h.text : (h.text as CellValue)))
    const merges: MergeArea[] = []
    if (twoRows) {
      headers.forEach((h, i) => {
        if (!h.parent) merges.push({ top: 2, left: i + 1, bottom: 3, right: i + 1 })
        else if (headers[i - 1]?.parent !== h.parent) {
          let right = i
          while (headers[right + 1]?.parent === h.parent) right++
          if (right > i) merges.push({ top: 2, left: i + 1, bottom: 2, right: right + 1 })
        }
      })
    }
    const values = headers.map(findSampleValues)
    const height = Math.max(0, ...values.map((v) => v.length))
    const data = Array.from({ length: height }, (_, r) => values.map((v) => v[r] ?? null))
    const title: CellValue[] = [`BẢNG MẪU ${source.toUpperCase()}`]
    const rows = twoRows ? [title, top, below, ...data] : [title, top, ...data]
    return { source, headers, rows, merges }
  })
}

const fullDate = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g

function toIso(m: RegExpMatchArray): string {
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
}

/**
 * The due date the sample gives a deadline text: the dates its note names (the latest, as the SPEC
 * decides for several), else a date written in full in the text; null for durations and negative
 * examples; undefined when the sample names no date.
 */
export function expectDue(entry: Entry): string | null | undefined {
  const note = entry.note ?? ''
  if (/duration|negative example|no (single )?due date|no date/i.test(note)) return null
  const inNote = [...note.matchAll(fullDate)].map(toIso)
  const dates = inNote.length ? inNote : [...entry.text.matchAll(fullDate)].map(toIso)
  if (!dates.length) return undefined
  return dates.sort().at(-1)!
}
