import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../../server/http/app.ts'
import { readShippedSettings } from '../../../../server/province/catalog.ts'
import {
  convertToPdf,
  findOverlappingWords,
  readPdfPages,
  readTextSize,
  renderPdfPage,
  type PdfPage,
  type PdfWord,
} from '../../../helpers/pdf.ts'
import { buildQuarterStore } from '../../../helpers/quarter.ts'
import { bearer } from '../../../helpers/service.ts'
import { runOpenpyxl } from '../../../helpers/tools.ts'
import { createPlanGrid } from '../../../helpers/grid.ts'
import { validateTable } from '../../../../core/index.ts'

const outDir = new URL('../../../../test-output/print/', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'cchc-reminders-'))
// A quarter of the province: the last three units have not reported; reports arrive on the 15th,
// every seventh on the 19th (late); every unit has overdue tasks, every sixth a report with errors.
const quarter = await buildQuarterStore(dir, 20, 3)
const settings = {
  ...(await readShippedSettings()),
  signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
}
const now = new Date('2026-09-20T03:00:00Z')
const app = createApp({
  store: quarter.store,
  catalog: quarter.catalog,
  now: () => now,
  provinceSettings: settings,
})
const admin = quarter.store.addToken(null, now.toISOString()).token
const missing = quarter.agencies.at(-3)!

/** The paragraphs of a .docx and its section's page settings, read with Python's zipfile and ElementTree. */
function readDocx(bytes: Uint8Array) {
  const path = join(dir, `doc-${Math.random().toString(36).slice(2)}.docx`)
  writeFileSync(path, bytes)
  const script = `
import json, sys, zipfile, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))
paragraphs = [''.join(t.text or '' for t in p.iter(W + 't')) for p in root.iter(W + 'p')]
fonts = sorted({f.get(W + 'ascii') for f in root.iter(W + 'rFonts')})
# The sizes of runs that hold text (the short rules under the heading are empty paragraphs).
sizes = sorted({int(r.find(W + 'rPr').find(W + 'sz').get(W + 'val')) for r in root.iter(W + 'r')
                if ''.join(t.text or '' for t in r.iter(W + 't')) and r.find(W + 'rPr') is not None and r.find(W + 'rPr').find(W + 'sz') is not None})
sections = [{'page': {k[len(W):]: v for k, v in s.find(W + 'pgSz').attrib.items()},
             'margins': {k[len(W):]: v for k, v in s.find(W + 'pgMar').attrib.items()}} for s in root.iter(W + 'sectPr')]
print(json.dumps({'paragraphs': paragraphs, 'fonts': fonts, 'sizes': sizes, 'sections': sections}, ensure_ascii=False))`
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' }),
  ) as {
    paragraphs: string[]
    fonts: string[]
    sizes: number[]
    sections: { page: Record<string, string>; margins: Record<string, string> }[]
  }
}

/**
 * Where a line of text sits on a page: pdftotext splits Vietnamese words at some marks ("T Ỉ NH"), so
 * words are joined into runs (same baseline, gaps under 12 pt) and compared without spaces.
 */
function findLine(page: PdfPage, text: string): { x0: number; y0: number; x1: number; y1: number } {
  const squash = (t: string) => t.normalize('NFC').replace(/\s+/g, '')
  const words = [...page.words].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
  const runs: PdfWord[][] = []
  for (const w of words) {
    const run = runs.find(
      (r) => Math.abs(r[0]!.y0 - w.y0) < 2 && w.x0 - r.at(-1)!.x1 < 12 && w.x0 >= r.at(-1)!.x0,
    )
    if (run) run.push(w)
    else runs.push([w])
  }
  const wanted = squash(text)
  for (const run of runs) {
    const joined = run.map((w) => squash(w.text))
    const all = joined.join('')
    const at = all.indexOf(wanted)
    if (at < 0) continue
    // The words the text spans within the run.
    let start = 0
    let length = 0
    const span: PdfWord[] = []
    for (const [i, piece] of joined.entries()) {
      if (start + piece.length > at && length < wanted.length) {
        span.push(run[i]!)
        length += piece.length
      }
      start += piece.length
    }
    return {
      x0: Math.min(...span.map((w) => w.x0)),
      y0: Math.min(...span.map((w) => w.y0)),
      x1: Math.max(...span.map((w) => w.x1)),
      y1: Math.max(...span.map((w) => w.y1)),
    }
  }
  throw new Error(`“${text}” is not on the page`)
}

let letterPdf: PdfPage[] = []
let manyPdf: PdfPage[] = []
let listPdf: PdfPage[] = []
let listPath = ''

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true })
  const one = await app.request(
    `/api/agencies/${missing.id}/reminder.docx?period=2026-Q3&deadline=2026-09-28`,
    { headers: bearer(admin) },
  )
  expect(one.status).toBe(200)
  writeFileSync(join(outDir, 'cong-van-mot-don-vi.docx'), new Uint8Array(await one.arrayBuffer()))
  const many = await app.request('/api/reminders.docx?period=2026-Q3&deadline=2026-09-28', {
    headers: bearer(admin),
  })
  expect(many.status).toBe(200)
  writeFileSync(
    join(outDir, 'cong-van-nhieu-don-vi.docx'),
    new Uint8Array(await many.arrayBuffer()),
  )
  const list = await app.request('/api/reminders.xlsx?period=2026-Q3', { headers: bearer(admin) })
  listPath = join(outDir, 'danh-sach-don-doc.xlsx')
  writeFileSync(listPath, new Uint8Array(await list.arrayBuffer()))
  const [a, b] = convertToPdf(
    [
      join(outDir, 'cong-van-mot-don-vi.docx'),
      join(outDir, 'cong-van-nhieu-don-vi.docx'),
      listPath,
    ],
    outDir,
  )
  letterPdf = readPdfPages(a!)
  listPdf = readPdfPages(join(outDir, 'danh-sach-don-doc.pdf'))
  manyPdf = readPdfPages(b!)
  renderPdfPage(a!, 1, join(outDir, 'cong-van-trang-1'), 80)
  renderPdfPage(b!, manyPdf.length, join(outDir, 'cong-van-danh-sach'), 80)
}, 240_000)

describe('the Công văn đôn đốc as a Word document', () => {
  it("is A4 portrait with the decree's margins, in Times New Roman 11–14 pt, saying what is true of the unit", async () => {
    const res = await app.request(
      `/api/agencies/${missing.id}/reminder.docx?period=2026-Q3&deadline=2026-09-28`,
      { headers: bearer(admin) },
    )
    const doc = readDocx(new Uint8Array(await res.arrayBuffer()))
    expect(doc.fonts).toEqual(['Times New Roman'])
    expect(doc.sizes.every((s) => s >= 22 && s <= 28)).toBe(true)
    // 20 mm top and bottom, 30 mm left, 15 mm right (twips).
    expect(doc.sections[0]).toMatchObject({
      page: { w: '11906', h: '16838' },
      margins: { top: '1134', bottom: '1134', left: '1701', right: '851' },
    })
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        'UBND TỈNH ĐẮK LẮK',
        'SỞ NỘI VỤ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Đắk Lắk, ngày 20 tháng 9 năm 2026',
        `Kính gửi: Ủy ban nhân dân ${missing.name.charAt(0).toLowerCase()}${missing.name.slice(1)}.`,
        'Đến ngày 20/09/2026, Sở Nội vụ chưa nhận được báo cáo của quý cơ quan (chậm 4 ngày so với thời hạn).',
        '- Gửi báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính Quý III/2026 về Sở Nội vụ trước ngày 28/09/2026.',
        'Nơi nhận:',
        '- Như trên;',
        '- Lưu: VT, CCHC.',
        'KT. GIÁM ĐỐC',
        'PHÓ GIÁM ĐỐC',
        'Nguyễn Văn An',
      ]),
    )
  })

  it('prints through LibreOffice with Quốc hiệu, Tiêu ngữ, số/ký hiệu, Nơi nhận and the signer in their places', () => {
    const page = letterPdf[0]!
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842])
    const middle = page.width / 2
    const nation = findLine(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    const motto = findLine(page, 'Độc lập - Tự do - Hạnh phúc')
    const governing = findLine(page, 'UBND TỈNH ĐẮK LẮK')
    const number = findLine(page, 'Số:')
    const to = findLine(page, 'Kính gửi:')
    const recipients = findLine(page, 'Nơi nhận:')
    const authority = findLine(page, 'KT. GIÁM ĐỐC')
    const title = findLine(page, 'PHÓ GIÁM ĐỐC')
    const name = findLine(page, 'Nguyễn Văn An')
    // The heading in two columns: the bodies and the number at left, the national title at right.
    expect(governing.x0).toBeLessThan(middle * 0.6)
    expect(number.x0).toBeLessThan(middle * 0.6)
    expect(nation.x0).toBeGreaterThan(governing.x1)
    expect(Math.abs(nation.y0 - governing.y0)).toBeLessThan(3)
    expect(motto.y0).toBeGreaterThan(nation.y0)
    expect(motto.x0).toBeGreaterThan(middle * 0.8)
    expect(to.y0).toBeGreaterThan(number.y1)
    // Nơi nhận at left, the signer at right on the same band, room for the signature and seal.
    expect(recipients.y0).toBeGreaterThan(to.y1)
    expect(recipients.x0).toBeLessThan(middle)
    expect(authority.x0).toBeGreaterThan(middle)
    expect(Math.abs(authority.y0 - recipients.y0)).toBeLessThan(3)
    expect(title.y0).toBeGreaterThan(authority.y0)
    expect(name.y0 - title.y1).toBeGreaterThan(60)
    // Body text in 13–14 pt, the least (Nơi nhận's list) 11 pt; no words drawn over each other.
    const sizes = page.words.map(readTextSize)
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10.9)
    expect(readTextSize(to)).toBeGreaterThanOrEqual(13.9)
    expect(findOverlappingWords(page)).toEqual([])
  })

  it('to many units, says "theo danh sách kèm theo" and attaches the list, missing units first', () => {
    const squash = (t: string) => t.normalize('NFC').replace(/\s+/g, '')
    expect(squash(manyPdf[0]!.text)).toContain(
      squash('Kính gửi: Các cơ quan, đơn vị (theo danh sách kèm theo).'),
    )
    const annex = manyPdf
      .slice(1)
      .map((p) => squash(p.text))
      .join('')
    expect(annex).toContain(squash('DANH SÁCH CƠ QUAN, ĐƠN VỊ CẦN ĐÔN ĐỐC'))
    const order = quarter.agencies.slice(-3).map((a) => annex.indexOf(squash(a.name)))
    const late = annex.indexOf(squash(quarter.agencies[3]!.name))
    expect(order.every((i) => i > 0 && i < late)).toBe(true)
    const last = manyPdf.at(-1)!
    expect(last.width).toBeGreaterThan(last.height)
  })

  it('answers the text for the dashboard, refuses a deadline not after today and a unit with nothing to remind', async () => {
    const text = await app.request(
      `/api/agencies/${missing.id}/reminder?period=2026-Q3&deadline=2026-10-02`,
      { headers: bearer(admin) },
    )
    expect(((await text.json()) as { text: string }).text).toContain('trước ngày 02/10/2026.')
    for (const deadline of ['2026-09-20', '2026-02-30', 'mai'])
      expect(
        (
          await app.request(
            `/api/agencies/${missing.id}/reminder?period=2026-Q3&deadline=${deadline}`,
            {
              headers: bearer(admin),
            },
          )
        ).status,
      ).toBe(400)
    // A unit that reported on time, all done, no error: nothing to remind it of.
    const clean = validateTable(
      createPlanGrid([[1, 'Ban hành kế hoạch', 'Sở Nội vụ', null, 'Quý I/2026', 'Đã hoàn thành']]),
      { asOf: '2026-06-14' },
    )
    quarter.store.addSubmission({
      agencyId: 'so-noi-vu',
      period: '2026-Q2',
      submittedAt: '2026-06-10T02:00:00Z',
      submittedBy: null,
      fileName: null,
      contentType: 'application/json',
      file: new Uint8Array(16),
      planId: null,
      report: clean,
    })
    const fine = await app.request('/api/agencies/so-noi-vu/reminder.docx?period=2026-Q2', {
      headers: bearer(admin),
    })
    expect(fine.status).toBe(409)
    const said = await app.request('/api/agencies/so-noi-vu/reminder?period=2026-Q2', {
      headers: bearer(admin),
    })
    expect(await said.json()).toEqual({
      letter: null,
      text: null,
      nothing:
        'Cơ quan này đã gửi báo cáo đúng hạn, không có nhiệm vụ quá hạn và không còn lỗi: không có nội dung cần đôn đốc. (Sở Nội vụ)',
    })
    const agency = quarter.store.addToken('so-noi-vu', now.toISOString()).token
    expect((await app.request('/api/reminders.docx', { headers: bearer(agency) })).status).toBe(403)
  })
})

describe('the reminder list', () => {
  it('lists missing units first, then late, then overdue tasks, with deadline, days late and contact, grid lines, on A4', () => {
    const script = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['Cần đôn đốc']
rows = [[c.value.isoformat()[:10] if hasattr(c.value, 'isoformat') else c.value for c in r] for r in ws.iter_rows(min_row=2)]
borders = all(c.border.left.style == 'thin' and c.border.bottom.style == 'thin' for r in ws.iter_rows(min_row=2) for c in r)
print(json.dumps({'rows': rows, 'borders': borders, 'paper': ws.page_setup.paperSize, 'title': ws['A1'].value}, ensure_ascii=False))`
    const read = JSON.parse(runOpenpyxl(script, [listPath])) as {
      rows: unknown[][]
      borders: boolean
      paper: number
      title: string
    }
    expect(read.title).toBe(
      'DANH SÁCH CƠ QUAN, ĐƠN VỊ CẦN ĐÔN ĐỐC — QUÝ III/2026 (hạn nộp 16/09/2026)',
    )
    expect(read.rows[0]).toEqual([
      'STT',
      'Cơ quan, đơn vị',
      'Tình trạng',
      'Hạn nộp',
      'Ngày nộp',
      'Số ngày chậm',
      'Số nhiệm vụ quá hạn',
      'Nhiệm vụ quá hạn (STT theo thời hạn)',
      'Lỗi cần sửa',
      'Liên hệ',
    ])
    const groups = read.rows.filter((r) => r[0] === null).map((r) => String(r[1]))
    expect(groups).toEqual([
      'Chưa gửi báo cáo (3)',
      expect.stringMatching(/^Gửi báo cáo chậm \(\d+\)$/),
      expect.stringMatching(/^Có nhiệm vụ quá hạn \(\d+\)$/),
    ])
    const first = read.rows[2]!
    expect(first).toEqual([
      1,
      missing.name,
      'Chưa nộp',
      '2026-09-16',
      '—',
      4,
      null,
      null,
      null,
      '—',
    ])
    const late = read.rows.find((r) => r[2] === 'Nộp muộn, có nhiệm vụ quá hạn')!
    expect(late.slice(3, 6)).toEqual(['2026-09-16', '2026-09-19', 3])
    expect(read.borders).toBe(true)
    expect(read.paper).toBe(9)
    // Printed: A4 landscape pages, nothing under 8 pt, the table's header on every page.
    for (const page of listPdf) {
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595])
      expect(Math.min(...page.words.map(readTextSize))).toBeGreaterThanOrEqual(8)
      expect(page.text.normalize('NFC').replace(/\s+/g, '')).toContain('Liênhệ')
    }
  })
})
