import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../../server/province/catalog.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { checkUploadedTable, jsonSubmissionSchema } from '../../../server/intake/table.ts'
import { checkSheetMerges, prepareSheet, scanSheet } from '../../../server/xlsx/extent.ts'
import { readSheetXml } from '../../../server/xlsx/sheet-xml.ts'
import { readDateStyles } from '../../../server/xlsx/styles.ts'
import { decodeEscapes, decodeXml, XmlCursor } from '../../../server/xlsx/xml.ts'
import { readZipParts } from '../../helpers/hostile.ts'
import { createZip } from '../../helpers/zip.ts'

describe('the XML cursor', () => {
  it('reads attributes by local name inside the tag only, prefixes and odd spacing allowed', () => {
    const cursor = new XmlCursor('<x:c r = "B7" x:t=\'s\' bare s="2"/><c r="C1">')
    expect(cursor.next()).toBe(true)
    expect([cursor.name, cursor.kind]).toEqual(['c', 'empty'])
    expect([cursor.attribute('r'), cursor.attribute('t'), cursor.attribute('s')]).toEqual([
      'B7',
      's',
      '2',
    ])
    // An attribute of the next tag is never found from this one.
    expect(new XmlCursor('<c t="s"><v r="1"/>').next() && cursor.attribute('q')).toBeNull()
    const first = new XmlCursor('<c t="s"/><c r="A1"/>')
    first.next()
    expect(first.attribute('r')).toBeNull()
  })

  it('seeks elements by local name, whatever their prefix, skipping longer names', () => {
    const xml =
      '<worksheet><mergeCells count="2"><x:mergeCell ref="A1:B1"/><mergeCell ref="C2:D3"/>' +
      '</mergeCells><t>mergeCell</t></worksheet>'
    const cursor = new XmlCursor(xml)
    const found: (string | null)[] = []
    while (cursor.seek('mergeCell')) found.push(cursor.attribute('ref'))
    expect(found).toEqual(['A1:B1', 'C2:D3'])
  })
})

/**
 * The best of a few runs, in ms of this process's CPU (not of the clock: on a shared machine the
 * clock also counts the time other processes held the cores).
 */
function timeBest(run: () => void, runs = 5): number {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage()
    try {
      run()
    } catch {
      // Refusing the input is an answer too: its cost is what is measured.
    }
    const used = process.cpuUsage(start)
    best = Math.min(best, (used.user + used.system) / 1000)
  }
  return best
}

/** `unit` repeated to about `bytes` characters, between `head` and `tail`. */
function repeat(unit: string, bytes: number, head = '', tail = ''): string {
  return head + unit.repeat(Math.ceil(bytes / unit.length)) + tail
}

const MB = 1024 * 1024

/** One plain pass over an input: what touching twice the bytes costs this machine right now. */
function readThrough(input: unknown): number {
  let sum = 0
  if (typeof input === 'string') for (let i = 0; i < input.length; i++) sum += input.charCodeAt(i)
  else if (input instanceof Uint8Array) for (const byte of input) sum += byte
  return sum
}

/**
 * The best CPU times of a scan over a small and a large input, in ms, floored at 10 ms (under that
 * the clock decides; a scan that goes back over its input costs seconds on 1 MB). Runs alternate,
 * so that a burst of other work weighs on both sizes alike. When a plain pass over the inputs
 * itself costs more than twice as much for the large one (caches shared with other processes), the
 * large time is scaled down by that excess, never up.
 */
function measure<T>(scan: (input: T) => unknown, small: T, large: T): { a: number; b: number } {
  timeBest(() => scan(small), 1)
  let [a, b, plainA, plainB] = [Infinity, Infinity, Infinity, Infinity]
  for (let i = 0; i < 7; i++) {
    a = Math.min(
      a,
      timeBest(() => scan(small), 1),
    )
    b = Math.min(
      b,
      timeBest(() => scan(large), 1),
    )
    plainA = Math.min(
      plainA,
      timeBest(() => readThrough(small), 1),
    )
    plainB = Math.min(
      plainB,
      timeBest(() => readThrough(large), 1),
    )
  }
  const excess = Math.max(plainB / Math.max(plainA, 0.01) / 2, 1)
  if (process.env.SCAN_TIMES) console.log(a.toFixed(1), b.toFixed(1), excess.toFixed(2))
  return { a: Math.max(a, 10), b: Math.max(b / excess, 10) }
}
const context = { strings: [], dateStyles: [], date1904: false }

// Inputs built to make a scanner go back over what it has read: tags that never close, quotes
// that never close, names and prefixes that almost match, entities and escapes that never end.
const adversarial: Record<string, (bytes: number) => string> = {
  'cells that never close': (n) =>
    repeat('<c r="A1" t="s"', n, '<worksheet><sheetData><row r="1">'),
  'merges that never close': (n) => repeat('<mergeCell ref="A1:B2"', n, '<mergeCells>'),
  'prefixes without a tag': (n) => repeat('x:mergeCell:c ', n),
  'one tag of bare names': (n) => repeat('a ', n, '<c ', 'r="A1"/>'),
  'tags of bare names': (n) => repeat('<c a b c d e f g r="A1" t="n"/>', n, '<row r="1">'),
  'a quote that never closes': (n) => repeat('A', n, '<c r="'),
  'quotes past the tag': (n) => repeat('<c r="A1" a"', n),
  'entities that never end': (n) => repeat('&a&#x1', n, '<sst><si><t>'),
  'escapes that never end': (n) => repeat('_x00', n, '<sst><si><t>'),
  'a comment that never closes': (n) => repeat('<c r="A1">', n, '<!--'),
  'text that never closes': (n) => repeat('<t>a<r>', n, '<sst><si>'),
  'values that never close': (n) => repeat('<v>1', n, '<sheetData><row r="1"><c r="A1">'),
  'ordinary cells': (n) =>
    repeat('<c r="B2" t="inlineStr"><is><t>Sở Nội vụ &amp; _x000D_</t></is></c>', n, '<row r="2">'),
}

const scanners: Record<string, (xml: string) => unknown> = {
  scanSheet,
  checkSheetMerges,
  prepareSheet,
  readSheetXml: (xml) => readSheetXml('S', xml, context),
  readDateStyles,
  decodeXml,
  decodeEscapes,
  walk: (xml) => {
    const cursor = new XmlCursor(xml)
    while (cursor.next()) if (cursor.kind === 'open') cursor.readText()
  },
}

// A scan that goes back over its input costs 4× for twice the input (and seconds on 1 MB); a linear
// one costs 2×, sometimes 3× when the garbage collector or another process weighs on the larger run:
// a timing that misses is measured again (retry), a quadratic scan misses every time.
describe('every scan over untrusted XML is linear in its input', () => {
  for (const [name, build] of Object.entries(adversarial)) {
    it(
      `costs about twice as much for 2 MB as for 1 MB: ${name}`,
      { timeout: 120_000, retry: 2 },
      () => {
        const small = build(MB)
        const large = build(2 * MB)
        for (const [scanner, scan] of Object.entries(scanners)) {
          const { a, b } = measure((input) => scan(input), small, large)
          expect({ scanner, slower: b / a <= 2.5 }, `${scanner}: ${a} ms → ${b} ms`).toEqual({
            scanner,
            slower: true,
          })
        }
      },
    )
  }

  it(
    'checks a 1.5 KB workbook that never closes a tag, repeated to 1 MB and 2 MB, in linear time',
    { timeout: 60_000, retry: 2 },
    async () => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('Phụ lục')
      ws.addRow(['STT', 'Nội dung thực hiện', 'Cơ quan chủ trì', 'Thời gian thực hiện'])
      ws.addRow([1, 'Rà soát thủ tục hành chính', 'Sở Nội vụ', 'Quý IV/2026'])
      ws.mergeCells('A3:D3')
      const parts = readZipParts(new Uint8Array(await wb.xlsx.writeBuffer()))
      const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!
      // The sheet's own XML, every `>` gone: about 1.5 KB in which no tag ever closes.
      const shape = sheet.data.toString('utf8').replace(/>/g, ' ')
      expect(shape.length).toBeGreaterThan(1000)
      expect(shape.length).toBeLessThan(2000)
      const build = (bytes: number) => {
        const xml = repeat(shape, bytes)
        return createZip(
          parts.map((p) =>
            /sheet1\.xml$|sharedStrings\.xml$|styles\.xml$/.test(p.name)
              ? { name: p.name, data: xml }
              : p,
          ),
        )
      }
      const [small, large] = [build(MB), build(2 * MB)]
      const { a, b } = measure(
        (bytes) => checkWorkbook(bytes, { asOf: '2026-09-14' }),
        small,
        large,
      )
      expect(b / a, `${a} ms → ${b} ms`).toBeLessThanOrEqual(2.5)
    },
  )

  it(
    'reads the JSON table of the add-in in linear time',
    { timeout: 60_000, retry: 2 },
    async () => {
      const catalog = await readCatalog()
      const body = (bytes: number) => {
        const row = [1, 'Rà soát <p>thủ tục</p> &nbsp; Së Néi vô', 'Sở Nội vụ', 'Quý IV/2026']
        const rows = Math.ceil(bytes / JSON.stringify(row).length)
        const cells = [['STT', 'Nội dung thực hiện', 'Cơ quan chủ trì', 'Thời gian thực hiện']]
        for (let i = 0; i < rows; i++) cells.push(row as string[])
        const json = JSON.stringify({
          period: '2026-Q3',
          table: { sheet: 'S', top: 1, left: 1, cells, merges: [] },
        })
        return new TextEncoder().encode(json)
      }
      const run = (raw: Uint8Array) => {
        const parsed = jsonSubmissionSchema.parse(JSON.parse(new TextDecoder().decode(raw)))
        checkUploadedTable(parsed, raw, '2026-09-14', catalog)
      }
      const { a, b } = measure(run, body(MB), body(2 * MB))
      expect(b / a, `${a} ms → ${b} ms`).toBeLessThanOrEqual(2.5)
    },
  )
})
