import { createWriteStream, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { parsePeriod } from '../../../core/index.ts'
import { readConsolidatedInput } from '../../../server/consolidation/period-status.ts'
import { computeConsolidatedSheets } from '../../../server/consolidation/plan.ts'
import type { PlannedSheet } from '../../../server/consolidation/types.ts'
import { writeConsolidated } from '../../../server/xlsx/consolidated.ts'
import {
  convertToPdf,
  findOverlappingWords,
  readPdfPages,
  readTextSize,
  renderPdfPage,
  type PdfPage,
} from '../../helpers/pdf.ts'
import {
  findPageSheet,
  readHeaders,
  readMissingWords,
  squash,
  type PrintedSheet,
} from '../../helpers/printed-sheets.ts'
import { buildQuarterStore } from '../../helpers/quarter.ts'

// The consolidated book of a quarter of the whole province — 121 units, 115 of them reporting 150
// tasks each — printed through LibreOffice and read back with pdftotext. Its sheets but the per-row
// detail print as one run; the detail, whose page count grows with every row (about 17,000 here, a
// quarter of an hour for LibreOffice alone), prints in a second run from the rows of three units,
// laid out by the same builder.

const outDir = new URL('../../../test-output/print/', import.meta.url).pathname
const ids = /\b(so|xa|phuong)-[a-z0-9-]+\b/

async function writeBook(path: string, sheets: PlannedSheet[], period: string) {
  const out = createWriteStream(path)
  await writeConsolidated(sheets, out, { province: 'Đắk Lắk', period })
  await finished(out)
}

let book: { pages: PdfPage[]; sheets: PrintedSheet[] }
let detail: { pages: PdfPage[]; sheets: PrintedSheet[] }
let planned: PlannedSheet[]

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'cchc-quarter-'))
  const { store, catalog, agencies } = await buildQuarterStore(dir, 150, 6)
  const input = readConsolidatedInput(
    store,
    parsePeriod('2026-Q3')!,
    new Date('2026-09-20T03:00:00Z'),
    catalog,
  )
  planned = computeConsolidatedSheets(input)
  store.close()
  expect([input.agencies.length, input.submissions.length]).toEqual([121, 115])
  const main = join(outDir, 'tong-hop-quy.xlsx')
  await writeBook(
    main,
    planned.filter((s) => s.name !== 'Chi tiết'),
    input.label,
  )
  const few = new Set(agencies.slice(0, 3).map((a) => a.name))
  const rows = planned.find((s) => s.name === 'Chi tiết')!
  const part = join(outDir, 'chi-tiet-quy.xlsx')
  await writeBook(
    part,
    [{ ...rows, rows: rows.rows.filter((r) => few.has(String(r[0]))) }],
    input.label,
  )
  const [a, b] = convertToPdf([main, part], outDir)
  book = { pages: readPdfPages(a!), sheets: await readHeaders(main, () => 2) }
  detail = { pages: readPdfPages(b!), sheets: await readHeaders(part, () => 2) }
  for (const page of [1, 5, 20, book.pages.length])
    renderPdfPage(a!, page, join(outDir, `tong-hop-quy-trang-${page}`), 70)
  renderPdfPage(b!, 1, join(outDir, 'chi-tiet-quy-trang-1'), 70)
}, 600_000)

/** Checks every page of a printed book: A4 landscape, 8 pt or more, its sheet's header, no id or ISO date. */
function checkPages(printed: { pages: PdfPage[]; sheets: PrintedSheet[] }) {
  const bySheet = new Map<string, PdfPage[]>()
  printed.pages.forEach((page, p) => {
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595])
    const sheet = findPageSheet(page, printed.sheets)
    expect(sheet, `page ${p + 1} names its sheet`).toBeDefined()
    bySheet.set(sheet!.name, [...(bySheet.get(sheet!.name) ?? []), page])
    const sizes = page.words.map(readTextSize)
    expect(Math.min(...sizes), `page ${p + 1} (${sheet!.name})`).toBeGreaterThanOrEqual(8)
    // The header row on every page: its first column, and (fitted to the width) its last.
    expect(readMissingWords(page.text, sheet!.first), `page ${p + 1}`).toEqual([])
    if (!sheet!.across)
      expect(readMissingWords(page.text, sheet!.last), `page ${p + 1} (${sheet!.name})`).toEqual([])
    expect(page.text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/)
    expect(page.text).not.toMatch(ids)
    expect(findOverlappingWords(page), `page ${p + 1}`).toEqual([])
  })
  // A sheet printed across pages shows every one of its columns on some page: none is cut off.
  for (const sheet of printed.sheets.filter((s) => s.across)) {
    const text = squash((bySheet.get(sheet.name) ?? []).map((p) => p.text).join(' '))
    expect(sheet.texts.filter((t) => readMissingWords(text, t).length)).toEqual([])
  }
  return bySheet
}

describe('the consolidated book of a quarter, printed', () => {
  it('prints its sheets but the detail in fewer than 60 A4 pages, nothing under 8 pt, headers on every page', () => {
    const bySheet = checkPages(book)
    const counts = Object.fromEntries([...bySheet].map(([name, pages]) => [name, pages.length]))
    expect(Object.keys(counts)).toEqual([
      'Tổng hợp',
      'Theo nhiệm vụ',
      'Điểm',
      'Quá hạn',
      'Đối chiếu',
      'Xu hướng',
    ])
    expect(book.pages.length, JSON.stringify(counts)).toBeLessThan(60)
    // The wide grids print across pages, the agencies' names repeated at the left of each.
    expect(book.sheets.filter((s) => s.across).map((s) => s.name)).toEqual([
      'Theo nhiệm vụ',
      'Điểm',
    ])
    for (const page of bySheet.get('Theo nhiệm vụ')!)
      expect(squash(page.text)).toContain(squash('Ký hiệu: HT hoàn thành đúng hạn'))
    // Titles carry the period and dates as people write them.
    expect(squash(bySheet.get('Tổng hợp')![0]!.text)).toContain(
      squash('Quý III/2026 (số liệu đến 14/09/2026; đã nộp 115/121 cơ quan)'),
    )
  })

  it('prints the detail without its provenance columns, its header on every page', () => {
    expect(detail.pages.length).toBeGreaterThan(3)
    checkPages(detail)
    const text = squash(detail.pages.map((p) => p.text).join(' '))
    for (const hidden of ['Mã bản nộp', 'SHA-256', 'Dòng trong tệp', 'Mã cơ quan'])
      expect(text).not.toContain(squash(hidden))
    expect(text).not.toMatch(/[0-9a-f]{64}/)
    // The provenance is still in the workbook, hidden, for tracing and filtering.
    const columns = planned.find((s) => s.name === 'Chi tiết')!.columns.map((c) => c.header)
    expect(columns.slice(-6)).toEqual([
      'Mã cơ quan',
      'Mã bản nộp',
      'Phiên bản',
      'Mã băm tệp (SHA-256)',
      'Thời gian nộp',
      'Dòng trong tệp',
    ])
  })
})
