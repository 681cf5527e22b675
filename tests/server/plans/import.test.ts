import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  parseDeadline,
  readTable,
  type AgencyRegistry,
  type FieldKey,
  type Grid,
} from '../../../core/index.ts'
import { AppError } from '../../../server/errors/index.ts'
import { templatesDir } from '../../../server/paths.ts'
import { detectPlanFormat, importPlanDocument } from '../../../server/plans/import.ts'
import { readRegistry, type PlanFile } from '../../../server/province/config.ts'
import { readPlanAppendixPage, seedPlans } from '../../../scripts/seed-documents.ts'
import { readParSipasGrid, readPlanAppendixGrid } from '../../../scripts/seeds.ts'

let registry: AgencyRegistry
beforeAll(async () => {
  registry = await readRegistry(join(templatesDir, 'agencies', 'dak-lak-2026.json'))
})

const readShipped = (file: string) =>
  JSON.parse(readFileSync(join(templatesDir, 'plans', `${file}.json`), 'utf8')) as PlanFile

const optionsOf = (seed: (typeof seedPlans)[number]) => ({
  ...seed.options,
  progressColumns: 'progressColumns' in seed.options ? [...seed.options.progressColumns] : null,
})

const textsOf = (rows: PlanFile['rows']) => rows.map(({ read: _r, ...texts }) => texts)

/**
 * The plan rows as the developer script derived them before the importer existed: the seed texts
 * read by core, field by field, a heading's text moved to the content, and the one deadline shifted
 * into the cooperating column moved back.
 */
function readLegacyRows(grid: Grid, columns: FieldKey[]) {
  return readTable(grid)!.rows.map((row) => {
    const out: Partial<Record<FieldKey, string>> = {}
    for (const f of columns) {
      const text = row.cells[f]?.text
      if (text) out[f] = text
    }
    if (row.kind === 'heading' && out.stt) {
      out.content = out.stt
      delete out.stt
    }
    const shifted = out.coop && !out.deadline ? parseDeadline(out.coop, 2026) : null
    if (shifted && shifted.kind !== 'invalid' && out.coop) {
      out.deadline = out.coop
      delete out.coop
    }
    return out
  })
}

describe('the seed plans re-derived by the importer', () => {
  it.each(seedPlans)(
    'the shipped $file plan is the output of `cchc plan import` on its rebuilt .docx',
    async (seed) => {
      const { plan, format, appendices } = importPlanDocument(await seed.buildDocx(), {
        ...optionsOf(seed),
        fileName: `${seed.file}.docx`,
        registry,
      })
      expect(format).toBe('docx')
      // The PAR/SIPAS appendix is 21 tables, one per page, each under its repeated header: one appendix.
      expect(appendices).toHaveLength(1)
      expect(plan).toEqual(readShipped(seed.file))
    },
  )

  it('the shipped plans equal the definitions the seed texts gave before, task for task', () => {
    const legacy = {
      'dak-lak-2026-ke-hoach-cchc': readLegacyRows(readPlanAppendixGrid(), [
        'stt',
        'content',
        'product',
        'lead',
        'coop',
        'deadline',
      ]),
      'dak-lak-2026-par-sipas': readLegacyRows(readParSipasGrid(), [
        'stt',
        'criterion',
        'content',
        'executing',
        'lead',
        'deadline',
      ]),
    }
    for (const [file, rows] of Object.entries(legacy)) {
      expect(textsOf(readShipped(file).rows)).toEqual(rows)
      expect(rows.length).toBeGreaterThan(50)
    }
  })

  it.each(seedPlans)(
    'the Excel copy of $file reads to the same rows, readings and sections',
    async (seed) => {
      const { plan, format } = importPlanDocument(await seed.buildWorkbook(), {
        ...optionsOf(seed),
        fileName: `${seed.file}.xlsx`,
        registry,
      })
      const shipped = readShipped(seed.file)
      expect(format).toBe('xlsx')
      expect(plan.rows).toEqual(shipped.rows)
      expect({ title: plan.title, columns: plan.columns, sections: plan.sections }).toEqual({
        title: shipped.title,
        columns: shipped.columns,
        sections: shipped.sections,
      })
      // The Excel copy holds the appendix alone: the plan's number and date are in the Word document.
      expect(plan.document).toEqual({ kind: 'Kế hoạch', number: null, date: null })
    },
  )

  it('reads the task appendix published as a web page, its heading row spanning the table', () => {
    const [header, ...rows] = readPlanAppendixPage()
    const cell = (c: string) => `<td>${c.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</td>`
    const html =
      '<html><body><p>KẾ HOẠCH CỤ THỂ TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026</p>' +
      `<table><thead><tr>${header!.cells.map((c) => `<th>${c}</th>`).join('')}</tr></thead>` +
      rows
        .map((r) =>
          r.cells.filter(Boolean).length === 1 && r.cells[0]
            ? `<tr><td colspan="6">${r.cells[0]}</td></tr>`
            : `<tr>${r.cells.map(cell).join('')}</tr>`,
        )
        .join('') +
      '</table></body></html>'
    const { plan, format } = importPlanDocument(new TextEncoder().encode(html), {
      fileName: 'ke-hoach.html',
      registry,
    })
    expect(format).toBe('html')
    expect(plan.rows).toEqual(readShipped('dak-lak-2026-ke-hoach-cchc').rows)
    expect(plan).toMatchObject({
      id: 'dak-lak-2026-ke-hoach-cu-the-trien-khai',
      name: 'Kế hoạch cụ thể triển khai các nhiệm vụ cải cách hành chính năm 2026',
      province: 'Đắk Lắk',
      year: 2026,
    })
  })
})

describe('importPlanDocument', () => {
  const row = (cells: string[]) =>
    new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) })
  const header = ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian thực hiện']

  async function buildTwoAppendices(): Promise<Uint8Array> {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('PHỤ LỤC I: NHIỆM VỤ TRỌNG TÂM NĂM 2027'),
            new Table({
              rows: [row(header), row(['1', 'Ban hành kế hoạch', 'Sở Nội vụ', 'Quý I/2027'])],
            }),
            new Paragraph({ pageBreakBefore: true, children: [] }),
            new Paragraph('PHỤ LỤC II: NHIỆM VỤ THƯỜNG XUYÊN NĂM 2027'),
            new Table({
              rows: [
                row(header),
                row(['1', 'Rà soát thủ tục', 'Văn phòng UBND tỉnh', 'Thường xuyên']),
                row(['2', 'Tháng 13 kiểm tra', 'Sở Tư pháp', 'Tháng 13/2027']),
                row(['3', 'Tập huấn', '', 'Quý II/2027']),
              ],
            }),
          ],
        },
      ],
    })
    return new Uint8Array(await Packer.toBuffer(doc))
  }

  it('takes the appendix with the most tasks, lists the others, and lists every doubt', async () => {
    const result = importPlanDocument(await buildTwoAppendices(), {
      fileName: 'ke-hoach-2027.docx',
      registry,
      document: { number: '45/KH-UBND', date: '2027-01-05' },
    })
    expect(result.appendices).toEqual([
      { index: 1, title: 'PHỤ LỤC I: NHIỆM VỤ TRỌNG TÂM NĂM 2027', tasks: 1 },
      { index: 2, title: 'PHỤ LỤC II: NHIỆM VỤ THƯỜNG XUYÊN NĂM 2027', tasks: 3 },
    ])
    expect(result.chosen).toBe(2)
    expect(result.plan).toMatchObject({
      year: 2027,
      document: { kind: null, number: '45/KH-UBND', date: '2027-01-05' },
      columns: ['stt', 'content', 'lead', 'deadline'],
    })
    expect(
      result.plan.doubts!.map((d) => ({ task: d.task, code: d.issue.code, field: d.issue.field })),
    ).toEqual([
      { task: '2', code: 'cell/invalid-deadline', field: 'deadline' },
      { task: '3', code: 'cell/required', field: 'lead' },
    ])
    expect(result.plan.rows[0]!.read).toEqual({
      kind: 'task',
      section: null,
      level: 1,
      deadline: { kind: 'recurring', due: null },
      lead: ['van-phong-ubnd-tinh'],
      coop: [],
    })
    const first = importPlanDocument(await buildTwoAppendices(), { table: 1, registry })
    expect(first.plan.rows).toHaveLength(1)
  })

  it('tells the formats apart by their bytes and refuses what it cannot read', async () => {
    expect(detectPlanFormat(await seedPlans[0].buildDocx())).toBe('docx')
    expect(detectPlanFormat(await seedPlans[0].buildWorkbook())).toBe('xlsx')
    expect(() => importPlanDocument(new TextEncoder().encode('STT;Nội dung'))).toThrow(
      expect.objectContaining({ code: 'document/not-supported' }),
    )
    const noTable = new Document({ sections: [{ children: [new Paragraph('Không có bảng')] }] })
    const bytes = new Uint8Array(await Packer.toBuffer(noTable))
    expect(() => importPlanDocument(bytes)).toThrow(AppError)
  })
})
