import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it, vi } from 'vitest'
import type { Report } from '../../../core/index.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { runParseJob } from '../../../server/jobs/parse-jobs.ts'
import { openPackage } from '../../../server/xlsx/guard.ts'
import { buildLoadableZip } from '../../../server/xlsx/loadable.ts'
import { loadWorkbook } from '../../../server/xlsx/read.ts'
import { readZipEntries } from '../../../server/xlsx/zip.ts'
import type * as Zip from '../../../server/xlsx/zip.ts'
import { readZipParts } from '../../helpers/hostile.ts'
import { createZip } from '../../helpers/zip.ts'

// Every inflation of a zip entry goes through zip.ts's inflateEntry: counted here by name.
const inflated = vi.hoisted(() => [] as string[])
vi.mock('../../../server/xlsx/zip.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Zip>()
  return {
    ...real,
    inflateEntry: (...args: Parameters<typeof real.inflateEntry>) => {
      inflated.push(args[1].name)
      return real.inflateEntry(...args)
    },
  }
})

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** A small annex with cells that have automatic fixes (HTML, TCVN3) and a picture. */
async function buildFixableWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Phụ lục')
  ws.addRow(['STT', 'Nội dung thực hiện', 'Cơ quan chủ trì', 'Thời gian thực hiện', 'Tiến độ'])
  ws.addRow([1, '<p>Cập nhật văn bản</p>', 'Së Néi vô', 'Quý IV/2026', 'Đang thực hiện'])
  ws.addRow([2, 'Rà soát thủ tục hành chính', 'Sở Nội vụ', 'Quý IV/2026', 'Chưa thực hiện'])
  ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'G2:H4')
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const options = {
  asOf: '2026-09-14',
  file: 'phu-luc.xlsx',
  sheet: null,
  year: null,
  profile: null,
  registry: null,
}

describe('the checked package', () => {
  it('is inflated once for `cchc validate -o --fix`: the check, ExcelJS and the fixes take it', async () => {
    const bytes = await buildFixableWorkbook()
    const names = readZipEntries(bytes, 100).map((e) => e.name)
    expect(names).toContain('xl/media/image1.png')
    const output = join(mkdtempSync(join(tmpdir(), 'guard-')), 'ra.xlsx')
    const before = checkWorkbook(bytes, { asOf: '2026-09-14' }).report
    expect(before.issues.filter((i) => i.fix !== undefined).map((i) => i.code)).toEqual([
      'cell/html-markup',
      'cell/legacy-encoding',
    ])
    inflated.length = 0
    const { report } = (await runParseJob({
      kind: 'validate',
      bytes,
      options,
      output,
      fix: true,
    })) as { report: Report }
    expect(inflated.sort()).toEqual([...names].sort())
    // The marks describe the corrected sheet, and the copy holds the fixed texts and the picture.
    expect(report.issues.filter((i) => i.fix !== undefined)).toEqual([])
    const marked = new ExcelJS.Workbook()
    await marked.xlsx.readFile(output)
    const sheet = marked.getWorksheet('Phụ lục')!
    expect([sheet.getCell('B2').value, sheet.getCell('C2').value]).toEqual([
      'Cập nhật văn bản',
      'Sở Nội vụ',
    ])
    expect(sheet.getImages().length).toBe(1)
  })

  it('reaches ExcelJS as stored parts, so ExcelJS inflates nothing', async () => {
    const pkg = openPackage(await buildFixableWorkbook(), { write: true })
    const entries = readZipEntries(buildLoadableZip(pkg), 100)
    const files = pkg.entries.filter((e) => !e.name.endsWith('/'))
    expect(entries.map((e) => [e.name, e.method])).toEqual(files.map((e) => [e.name, 0]))
    inflated.length = 0
    const workbook = await loadWorkbook(pkg)
    expect(inflated).toEqual([])
    expect(workbook.getWorksheet('Phụ lục')!.getCell('C3').value).toBe('Sở Nội vụ')
  })

  it('lists embedded objects, never opens them, and checks and marks the workbook', async () => {
    const real = await buildFixableWorkbook()
    const inner = await buildFixableWorkbook()
    // An OLE object as Office stores one: large and mostly zeros (it compresses far past 250:1).
    const ole = Buffer.alloc(3 * 1024 * 1024)
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole)
    const bytes = createZip([
      ...readZipParts(real),
      { name: 'xl/embeddings/Microsoft_Excel_Worksheet.xlsx', data: Buffer.from(inner) },
      { name: 'xl/embeddings/oleObject1.bin', data: ole },
    ])
    inflated.length = 0
    const pkg = openPackage(bytes)
    expect(pkg.embedded).toEqual([
      'xl/embeddings/Microsoft_Excel_Worksheet.xlsx',
      'xl/embeddings/oleObject1.bin',
    ])
    expect(inflated.filter((n) => n.startsWith('xl/embeddings/'))).toEqual([])
    expect(checkWorkbook(pkg, { asOf: '2026-09-14' }).report).toEqual(
      checkWorkbook(real, { asOf: '2026-09-14' }).report,
    )
    const workbook = await loadWorkbook(bytes)
    expect(workbook.getWorksheet('Phụ lục')!.getCell('B3').value).toBe('Rà soát thủ tục hành chính')
  })

  it('names an .xlsb workbook and says to save it as .xlsx', () => {
    const xlsb = createZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.bin', data: Buffer.from([0x83, 0x01, 0x00]) },
    ])
    expect(() => openPackage(xlsb)).toThrow(
      expect.objectContaining({
        code: 'workbook/xlsb',
        text: {
          vi: expect.stringContaining('Lưu thành (Save As) → Sổ làm việc Excel (.xlsx)'),
          en: expect.stringContaining('.xlsb'),
        },
      }),
    )
  })

  it('refuses an archive outside the embedded objects, and a part compressed past 250:1', () => {
    const base = [{ name: '[Content_Types].xml', data: '<Types/>' }]
    expect(() =>
      openPackage(createZip([...base, { name: 'xl/nested/bomb.zip', data: 'PK' }])),
    ).toThrow(expect.objectContaining({ code: 'workbook/unsafe' }))
    const spaces = { name: 'xl/sharedStrings.xml', data: Buffer.alloc(4 * 1024 * 1024, 0x20) }
    expect(() => openPackage(createZip([...base, spaces]))).toThrow(
      expect.objectContaining({ code: 'workbook/unsafe' }),
    )
  })
})
