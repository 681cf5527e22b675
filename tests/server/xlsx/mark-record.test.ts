import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import {
  computeRowIdentity,
  serializeMarkBook,
  type MarkBook,
  type MarkRecord,
} from '../../../core/index.ts'
import { runCli } from '../../../server/cli/main.ts'
import { capture, output } from '../../helpers/output.ts'
import { readPlanAppendixRows } from '../../../scripts/seeds.ts'

const dir = mkdtempSync(join(tmpdir(), 'cchc-record-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => vi.restoreAllMocks())

const dde = "cmd|'/c calc'!A1"
const link = '=HYPERLINK("http://x.invalid","bấm")'
// A real bulleted task of the plan appendix (it starts with "- ").
const bullet = readPlanAppendixRows()
  .flat()
  .find((c) => c.startsWith('- '))!

/** An annex with a hidden marks record crafted by someone else: formulas and links as "saved values". */
async function buildCraftedWorkbook(record: unknown): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Phụ lục')
  ws.addRow(['PHỤ LỤC NHIỆM VỤ CCHC NĂM 2026'])
  ws.addRow(['STT', 'Nội dung, nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện'])
  ws.addRow([1, bullet, 'Sở Nội vụ', 'Quý IV/2026'])
  ws.addRow([2, 'Tổ chức đối thoại', 'Sở Tư pháp', 'Quý IV/2026'])
  const marks = wb.addWorksheet('_cchc_marks', { state: 'veryHidden' })
  const chunks = Array.isArray(record)
    ? record
    : record === textBook
      ? serializeMarkBook(textBook)
      : [JSON.stringify(record)]
  for (const chunk of chunks) marks.addRow([chunk])
  const path = join(dir, `crafted-${Math.random().toString(36).slice(2)}.xlsx`)
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()))
  return path
}

/** Every cell of a sheet as openpyxl (an independent reader) sees it: type, value, hyperlink. */
function readWithOpenpyxl(path: string, sheet: string) {
  const script = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]
print(json.dumps([[c.coordinate, c.data_type, str(c.value), c.hyperlink.target if c.hyperlink else None]
  for row in ws.iter_rows() for c in row if c.value is not None], ensure_ascii=False))`
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script, path, sheet], { encoding: 'utf8' }),
  ) as [string, string, string, string | null][]
}

const legacyCrafted = {
  sheet: 'Phụ lục',
  added: [],
  cells: [
    { address: 'B3', value: { formula: dde, result: 0 }, fill: null, note: null },
    {
      address: 'C3',
      value: { text: 'bấm', hyperlink: 'http://x.invalid' },
      fill: null,
      note: null,
    },
  ],
}
const textRecord: MarkRecord = {
  sheet: { name: 'Phụ lục', id: null },
  checkSheet: null,
  headerRow: 2,
  lastRow: 4,
  added: [],
  keyColumns: { stt: 'A', content: 'B' },
  rows: [],
  cells: [
    { address: 'E3', value: link, format: 'General' },
    { address: 'E4', value: `=${dde}`, format: 'General' },
  ],
}
const textBook: MarkBook = { version: 3, records: [textRecord] }

describe('a crafted marks record never produces formulas or links in visible cells', () => {
  it.each([
    ['a formula and a hyperlink object', legacyCrafted],
    ['formula-looking text', textBook],
  ])('`cchc clear` with %s', async (_, record) => {
    const path = await buildCraftedWorkbook(record)
    const out = join(dir, 'cleared.xlsx')
    capture()
    expect(await runCli(['clear', path, '-o', out])).toBe(0)
    const cells = readWithOpenpyxl(out, 'Phụ lục')
    expect(cells.filter(([, type, , target]) => type === 'f' || target !== null)).toEqual([])
    expect(cells).toContainEqual(['B3', 's', bullet, null])
    if (record === textBook) expect(cells).toContainEqual(['E3', 's', link, null])
  })

  it('`cchc validate -o` replaces a crafted record without restoring formulas', async () => {
    const path = await buildCraftedWorkbook(legacyCrafted)
    const out = join(dir, 'validated.xlsx')
    capture()
    await runCli(['validate', path, '--as-of', '2026-09-14', '-o', out])
    const cells = readWithOpenpyxl(out, 'Phụ lục')
    expect(cells.filter(([, type, , target]) => type === 'f' || target !== null)).toEqual([])
    expect(cells).toContainEqual(['B3', 's', bullet, null])
  })

  it('a record split over several cells is read back whole; cells of rows it cannot find are listed', async () => {
    const cells = Array.from({ length: 1500 }, (_, i) => ({
      address: `F${i + 3}`,
      value: bullet,
      format: '@',
    }))
    // Rows 3 and 4 are still there; the row that was 5 has been deleted.
    const rows = [
      computeRowIdentity(3, 1, bullet),
      computeRowIdentity(4, 2, 'Tổ chức đối thoại'),
      computeRowIdentity(5, 3, 'Dòng đã bị xóa'),
    ]
    const chunks = serializeMarkBook({
      version: 3,
      records: [{ ...textRecord, lastRow: 5, cells, rows }],
    })
    expect(chunks.length).toBeGreaterThan(1)
    capture()
    const out = join(dir, 'split.xlsx')
    expect(await runCli(['clear', await buildCraftedWorkbook(chunks), '-o', out])).toBe(0)
    expect(output.err).toContain('Không khôi phục được 1 ô')
    expect(output.err).toContain('Phụ lục!F5')
    expect(readWithOpenpyxl(out, 'Phụ lục')).toContainEqual(['F4', 's', bullet, null])
  })
})

describe('a sheet named "Kiểm tra" that is the user’s', () => {
  it('an annex named "Kiểm tra" is checked, marked beside a "Kiểm tra (2)" and never deleted', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Ghi chú').addRow(['Ghi chú của đơn vị'])
    const ws = wb.addWorksheet('Kiểm tra')
    ws.addRow(['PHỤ LỤC NHIỆM VỤ CCHC NĂM 2026'])
    ws.addRow(['STT', 'Nội dung, nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện'])
    ws.addRow([1, bullet, 'Sở Nội vụ', 'Tháng 13/2026'])
    const path = join(dir, 'kiem-tra.xlsx')
    writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()))
    const marked = join(dir, 'kiem-tra-marked.xlsx')
    const again = join(dir, 'kiem-tra-again.xlsx')
    const cleared = join(dir, 'kiem-tra-cleared.xlsx')
    capture()
    expect(await runCli(['validate', path, '--as-of', '2026-09-14', '-o', marked])).toBe(1)
    expect(await runCli(['validate', marked, '--as-of', '2026-09-14', '-o', again])).toBe(1)
    expect(await runCli(['clear', again, '-o', cleared])).toBe(0)
    const names = (file: string) => {
      const script = `import sys, openpyxl\nprint('|'.join(openpyxl.load_workbook(sys.argv[1]).sheetnames))`
      return execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }).trim()
    }
    expect(names(again)).toBe('Ghi chú|Kiểm tra|Kiểm tra (2)|_cchc_marks')
    expect(names(cleared)).toBe('Ghi chú|Kiểm tra')
    expect(readWithOpenpyxl(cleared, 'Kiểm tra')).toContainEqual(['B3', 's', bullet, null])
  })
})
