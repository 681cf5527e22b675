import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import ExcelJS from 'exceljs'
import { parseStt } from '../core/index.ts'
import { planAppendixTitle, readPlanAppendixRows, readSeed } from './seeds.ts'

// The seed plans rebuilt as the documents Sở Nội vụ works from: Word documents written with the `docx`
// library and Excel copies written with ExcelJS, with the originals' merged cells (a heading row merged
// across the table, section titles across their row, an agency or a deadline merged down the tasks
// sharing it), the page-break continuation rows, and the tables split at page breaks with the header
// repeated. The shipped plan definitions are the importer's reading of these (scripts/build-seed-templates.ts).

/** One table row as the seed has it: its cells, and which merge each starts. */
type SeedRow = { cells: string[]; header?: boolean }
/** A block of rows printed on one page (the PAR/SIPAS appendix repeats its header on each). */
type SeedPage = SeedRow[]

/** A merged area in 0-based row/column indexes of one page's rows. */
type Span = { row: number; column: number; rows: number; columns: number }

const font = 'Times New Roman'

function text(value: string, bold = false): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: value, font, size: 24, bold })] })
}

/**
 * The merges of a page: a row whose only text is in its first cell (a heading) or a section row ("I",
 * then one title) is merged across; a column listed in `down` is merged down consecutive task rows
 * holding the same text.
 */
function computeSpans(page: SeedPage, down: number[]): Span[] {
  const spans: Span[] = []
  page.forEach((row, r) => {
    const filled = row.cells.map((c, i) => (c ? i : -1)).filter((i) => i >= 0)
    const width = row.cells.length
    if (row.header) return
    if (filled.length === 1 && filled[0] === 0)
      spans.push({ row: r, column: 0, rows: 1, columns: width })
    else if (filled.length === 2 && filled[1] === 1 && parseStt(row.cells[0]!)?.kind === 'section')
      spans.push({ row: r, column: 1, rows: 1, columns: width - 1 })
  })
  const isTask = (row: SeedRow | undefined) =>
    !!row && !row.header && parseStt(row.cells[0] ?? '')?.kind === 'numbered'
  for (const column of down) {
    let r = 0
    while (r < page.length) {
      const value = page[r]!.cells[column]
      let end = r + 1
      if (isTask(page[r]) && value)
        while (end < page.length && isTask(page[end]) && page[end]!.cells[column] === value) end++
      if (end - r > 1) spans.push({ row: r, column, rows: end - r, columns: 1 })
      r = end
    }
  }
  return spans
}

function buildTable(page: SeedPage, down: number[]): Table {
  const spans = computeSpans(page, down)
  const covered = new Set<string>()
  for (const s of spans)
    for (let r = s.row; r < s.row + s.rows; r++)
      for (let c = s.column; c < s.column + s.columns; c++)
        if (r !== s.row || c !== s.column) covered.add(`${r}:${c}`)
  const rows = page.map((row, r) => {
    const children: TableCell[] = []
    row.cells.forEach((value, c) => {
      if (covered.has(`${r}:${c}`)) return
      const span = spans.find((s) => s.row === r && s.column === c)
      children.push(
        new TableCell({
          children: [text(value, row.header)],
          ...(span && span.columns > 1 ? { columnSpan: span.columns } : {}),
          ...(span && span.rows > 1 ? { rowSpan: span.rows } : {}),
        }),
      )
    })
    return new TableRow({ children, tableHeader: row.header ?? false, cantSplit: false })
  })
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } })
}

function buildDocx(
  heading: (Paragraph | Table)[],
  title: string[],
  pages: SeedPage[],
  down: number[],
) {
  const children: (Paragraph | Table)[] = [...heading]
  title.forEach((line, i) =>
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        pageBreakBefore: i === 0 && heading.length > 0,
        children: [new TextRun({ text: line, font, size: 26, bold: !line.startsWith('(') })],
      }),
    ),
  )
  pages.forEach((page, i) => {
    if (i > 0) children.push(new Paragraph({ pageBreakBefore: true, children: [] }))
    children.push(buildTable(page, down))
  })
  const doc = new Document({ creator: 'CCHC Annex tests', sections: [{ children }] })
  return Packer.toBuffer(doc).then((b) => new Uint8Array(b))
}

/** The PAR/SIPAS appendix (seed 001) as its pages: title lines, then rows, a header atop each page. */
export function readParSipasPages(): { title: string[]; pages: SeedPage[] } {
  const lines = readSeed('dak-lak-2026-phu-luc-par-sipas.txt')
    .split('\n')
    .filter((l) => l.trim())
  const title: string[] = []
  const pages: SeedPage[] = []
  for (const line of lines) {
    const cells = line.split('\t').map((c) => c.trim())
    if (cells[0] === 'STT') pages.push([{ cells, header: true }])
    else if (!pages.length) title.push(line.trim())
    else pages[pages.length - 1]!.push({ cells: [...cells, ...Array(6).fill('')].slice(0, 6) })
  }
  return { title, pages }
}

/** The plan's task appendix (seed 000) as one page, under its header row. */
export function readPlanAppendixPage(): SeedPage {
  const [header, ...rows] = readPlanAppendixRows()
  const pad = (cells: string[]) => [...cells, ...Array<string>(6).fill('')].slice(0, 6)
  return [{ cells: pad(header!), header: true }, ...rows.map((cells) => ({ cells: pad(cells) }))]
}

/** The opening of Kế hoạch 0156/KH-UBND: its heading (number and date) and the body's lines. */
function buildPlanHeading(): (Paragraph | Table)[] {
  const lines = readSeed('dak-lak-2026-ke-hoach-cchc.txt').split('\n')
  const start = lines.findIndex((l) => l.startsWith('CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC'))
  const end = lines.findIndex((l) => l.startsWith('KẾ HOẠCH CỤ THỂ'))
  const cell = (parts: string[]) =>
    new TableCell({ children: parts.map((p) => text(p, !p.startsWith('Số') && !p.includes(','))) })
  const heading = new Table({
    rows: [
      new TableRow({
        children: [
          cell(['ỦY BAN NHÂN DÂN', 'TỈNH ĐẮK LẮK', 'Số: 0156/KH-UBND']),
          cell([
            'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
            'Độc lập - Tự do - Hạnh phúc',
            'Đắk Lắk, ngày 26 tháng 12 năm 2025',
          ]),
        ],
      }),
    ],
  })
  const body = lines
    .slice(start, end)
    .filter((l) => l.trim() && !/^\|+$/.test(l))
    .map((l) => text(l.replace(/\s*\|$/, '')))
  return [heading, text('KẾ HOẠCH', true), ...body]
}

/** Seed 000 as the Word document of Kế hoạch 0156/KH-UBND: heading, body, then the task appendix. */
export function buildPlanAppendixDocx(): Promise<Uint8Array> {
  return buildDocx(buildPlanHeading(), planAppendixTitle, [readPlanAppendixPage()], [])
}

/** Seed 001 as a Word appendix: one table per page, the header repeated, agencies and deadlines merged down. */
export function buildParSipasDocx(): Promise<Uint8Array> {
  const { title, pages } = readParSipasPages()
  return buildDocx([], title, pages, [3, 5])
}

/** An Excel copy of a seed: title rows, the rows as they run across pages, the same merged cells. */
async function buildWorkbook(title: string[], pages: SeedPage[], down: number[]) {
  const workbook = new ExcelJS.Workbook()
  const ws = workbook.addWorksheet('Phụ lục')
  for (const line of title) ws.addRow([line])
  for (const page of pages) {
    const first = ws.rowCount + 1
    for (const row of page) ws.addRow(row.cells.map((c) => c || null))
    for (const s of computeSpans(page, down))
      ws.mergeCells(first + s.row, s.column + 1, first + s.row + s.rows - 1, s.column + s.columns)
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

export function buildPlanAppendixWorkbook(): Promise<Uint8Array> {
  return buildWorkbook(planAppendixTitle, [readPlanAppendixPage()], [])
}

export function buildParSipasWorkbook(): Promise<Uint8Array> {
  const { title, pages } = readParSipasPages()
  return buildWorkbook(title, pages, [3, 5])
}

/** The shipped plans and the import options that give them (`cchc plan import … --id … --name …`). */
export const seedPlans = [
  {
    file: 'dak-lak-2026-ke-hoach-cchc',
    buildDocx: buildPlanAppendixDocx,
    buildWorkbook: buildPlanAppendixWorkbook,
    options: {
      id: 'dak-lak-2026-ke-hoach-cchc',
      name: 'Kế hoạch cụ thể triển khai các nhiệm vụ cải cách hành chính tỉnh Đắk Lắk năm 2026',
      source:
        'Kế hoạch 0156/KH-UBND ngày 26/12/2025 của UBND tỉnh Đắk Lắk, dựng lại thành .docx từ tests/fixtures/seeds/dak-lak-2026-ke-hoach-cchc.txt',
    },
  },
  {
    file: 'dak-lak-2026-par-sipas',
    buildDocx: buildParSipasDocx,
    buildWorkbook: buildParSipasWorkbook,
    options: {
      id: 'dak-lak-2026-par-sipas',
      name: 'Phân công nhiệm vụ cải thiện Chỉ số PAR Index, SIPAS tỉnh Đắk Lắk năm 2026',
      source:
        'Phụ lục kèm theo Kế hoạch của UBND tỉnh Đắk Lắk năm 2026, dựng lại thành .docx từ tests/fixtures/seeds/dak-lak-2026-phu-luc-par-sipas.txt',
      profile: 'profiles/dak-lak-2026-par-sipas.provisional.json',
      progressColumns: ['progress', 'doneDate', 'achieved', 'evidence', 'selfScore'] as const,
    },
  },
] as const
