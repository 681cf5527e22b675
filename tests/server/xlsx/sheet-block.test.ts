import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Report } from '../../../core/index.ts'
import { runCli } from '../../../server/cli/main.ts'
import { jsonSubmissionSchema } from '../../../server/intake/table.ts'
import { readSheetXml } from '../../../server/xlsx/sheet-xml.ts'
import { readZipParts } from '../../helpers/hostile.ts'
import { capture, output } from '../../helpers/output.ts'
import { createZip } from '../../helpers/zip.ts'

afterEach(() => vi.restoreAllMocks())

const context = { strings: [], dateStyles: [], date1904: false }
const text = (ref: string, value: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`
const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`
const read = (rows: string, merges = '') =>
  readSheetXml('S', `<worksheet><sheetData>${rows}</sheetData>${merges}</worksheet>`, context)

describe('a sheet placed into the grid by the values it holds', () => {
  it('reads a table as it is, from row 1 and column A', () => {
    expect(
      read(row(2, text('B2', 'STT') + text('C2', 'Nội dung')) + row(3, text('B3', '1'))),
    ).toEqual({
      sheet: 'S',
      top: 1,
      left: 1,
      cells: [[], [null, 'STT', 'Nội dung'], [null, '1']],
      merges: [],
    })
  })

  it('keeps a value past 500 empty rows, or 50 empty columns, aside as a stray', () => {
    const grid = read(
      row(1, text('A1', 'STT') + text('B1', 'Nội dung') + text('CA1', 'ghi chú xa')) +
        row(2, text('A2', '1') + text('B2', 'Rà soát')) +
        row(1_048_576, text('XFD1048576', 'x')),
    )
    expect(grid).toEqual({
      sheet: 'S',
      top: 1,
      left: 1,
      cells: [
        ['STT', 'Nội dung'],
        ['1', 'Rà soát'],
      ],
      merges: [],
      strays: [
        { row: 1, column: 79, value: 'ghi chú xa' },
        { row: 1_048_576, column: 16_384, value: 'x' },
      ],
      strayCount: 2,
    })
  })

  it('keeps empty bands up to 500 rows and 50 columns inside the table', () => {
    const grid = read(row(1, text('A1', 'a') + text('AZ1', 'b')) + row(502, text('A502', 'c')))
    expect([grid.cells.length, grid.cells[0]!.length, grid.strays]).toEqual([502, 52, undefined])
  })

  it('starts the block at the first value when that lies past a long empty band', () => {
    const grid = read(row(900, text('BZ900', 'STT') + text('CA900', 'Nội dung')))
    expect(grid).toMatchObject({ top: 900, left: 78, cells: [['STT', 'Nội dung']] })
  })

  it('reads 5,000 values padded to column XFD as one column, bounded by what is there', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row(i + 1, text(`XFD${i + 1}`, 'x')))
    const grid = read(rows.join(''))
    expect([grid.top, grid.left, grid.cells.length, grid.cells[4999]]).toEqual([
      1,
      16_384,
      5000,
      ['x'],
    ])
  })

  it('counts every stray and keeps the first hundred', () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(2000 + i, text(`A${2000 + i}`, 'x')))
    const grid = read(row(1, text('A1', 'a')) + rows.join(''))
    expect([grid.cells, grid.strays?.length, grid.strayCount]).toEqual([[['a']], 100, 300])
  })

  it('clips text to the 32,767 characters a cell holds, as every reader does', () => {
    const long = 'Sở Nội vụ '.repeat(4000)
    const grid = read(row(1, text('A1', long)))
    expect((grid.cells[0]![0] as string).length).toBe(32_767)
    const table = jsonSubmissionSchema.parse({
      period: '2026-Q3',
      table: { sheet: 'S', top: 1, left: 1, cells: [[long]], merges: [] },
    })
    expect(table.table.cells[0]![0]).toBe(long.slice(0, 32_767))
  })

  it(
    'refuses a block that is really that large: 100,001 rows of values',
    { timeout: 30_000 },
    () => {
      const rows = Array.from({ length: 100_001 }, (_, i) => row(i + 1, text(`A${i + 1}`, 'x')))
      expect(() => read(rows.join(''))).toThrow(
        expect.objectContaining({ code: 'workbook/too-large' }),
      )
    },
  )
})

/** A small annex (about 3 KB) whose only oddity is one value in the sheet's last row. */
async function buildStrayWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Phụ lục')
  ws.addRow(['STT', 'Nội dung thực hiện', 'Cơ quan chủ trì', 'Thời gian thực hiện'])
  ws.addRow([1, 'Rà soát thủ tục hành chính', 'Sở Nội vụ', 'Quý IV/2026'])
  ws.addRow([2, 'Cập nhật cơ sở dữ liệu', 'Sở Tư pháp', 'Trong năm 2026'])
  const parts = readZipParts(new Uint8Array(await wb.xlsx.writeBuffer()))
  const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!
  sheet.data = Buffer.from(
    sheet.data
      .toString('utf8')
      .replace('</sheetData>', `${row(1_048_576, text('XFD1048576', 'x'))}</sheetData>`),
  )
  return createZip(parts)
}

describe('cchc validate on a sheet with a stray far value', () => {
  it('checks the table, reports the stray and writes a marked copy (exit 0/1, never 2)', async () => {
    const bytes = await buildStrayWorkbook()
    expect(bytes.length).toBeLessThan(8 * 1024)
    const file = join(tmpdir(), 'la-xa.xlsx')
    writeFileSync(file, bytes)
    capture()
    const code = await runCli([
      'validate',
      file,
      '--as-of',
      '2026-09-14',
      '--json',
      '-o',
      join(tmpdir(), 'ra.xlsx'),
    ])
    vi.restoreAllMocks()
    expect(output.err).toBe('')
    expect(code).toBeLessThan(2)
    const report = JSON.parse(output.out) as Report
    expect(report.summary.tasks).toBe(2)
    expect(report.issues.filter((i) => i.code === 'cell/stray-value')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        row: 1_048_576,
        column: 'XFD',
        value: 'x',
        message: expect.objectContaining({ vi: expect.stringContaining('nằm xa dữ liệu') }),
      }),
    ])
    const marked = new ExcelJS.Workbook()
    await marked.xlsx.readFile(join(tmpdir(), 'ra.xlsx'))
    expect(marked.getWorksheet('Phụ lục')!.getCell('XFD1048576').value).toBe('x')
  })
})
