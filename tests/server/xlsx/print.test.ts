import { mkdirSync, writeFileSync } from 'node:fs'
import { checkAndLoad } from '../../helpers/check-and-load.ts'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { statusLabels, taskStatuses } from '../../../core/index.ts'
import { readPlan, readRegistry } from '../../../server/province/config.ts'
import { templatesDir } from '../../../server/paths.ts'
import { markWorkbook } from '../../../server/xlsx/mark.ts'
import { computePrintScale, computeRowHeight } from '../../../server/xlsx/print.ts'
import { buildTemplate } from '../../../server/xlsx/template.ts'
import {
  convertToPdf,
  findOverlappingWords,
  readPdfPages,
  readTextSize,
  renderPdfPage,
} from '../../helpers/pdf.ts'
import {
  findPageSheet,
  readHeaders,
  readMissingWords,
  squash,
} from '../../helpers/printed-sheets.ts'
import {
  bearer,
  buildFilledWorkbook,
  createTestService,
  createUpload,
} from '../../helpers/service.ts'

const outDir = new URL('../../../test-output/print/', import.meta.url).pathname

describe('computePrintScale', () => {
  it('fits a sheet to the page width while its text stays at 8 pt or more, else prints across pages', () => {
    // 110 characters of width: about 770 points, at full size.
    expect(computePrintScale([10, 100])).toEqual({ fit: true, scale: 100 })
    // 145: 1015 points, fitted at 77 %: 11 pt becomes 8.5 pt.
    expect(computePrintScale([45, 100])).toEqual({ fit: true, scale: 77 })
    // 160: 1120 points would need 70 %, 7.7 pt: across pages at 77 %.
    expect(computePrintScale([60, 100])).toEqual({ fit: false, scale: 77 })
    // A grid of 8 pt codes prints across pages at full size.
    expect(computePrintScale([22, ...Array(150).fill(2.9)], 8)).toEqual({ fit: false, scale: 100 })
  })
})

describe('computeRowHeight', () => {
  // 11 pt Times New Roman: 13.75 pt a line plus 2.2; about 1.2 characters per unit of column width.
  const done = 'Văn bản được cập nhật trên Cơ sở dữ liệu' // 40 characters
  const split = 'Tự kiểm tra văn bản QPPL\n\nHĐND, UBND cấp xã' // lines of 24, 0 and 17

  it('sizes a row for its tallest wrapped cell, each line break starting a line', () => {
    expect(computeRowHeight([done, split], [10, 20])).toBe(57.25) // 4 lines of 12 characters
    expect(computeRowHeight([done, split], [40, 10])).toBe(71) // 2 + 1 + 2 lines of 12
    expect(computeRowHeight([null, '', undefined], [10, 10, 10])).toBe(16) // one line
    expect(computeRowHeight(['x'.repeat(5000)], [10])).toBe(409) // Excel's tallest row
  })

  it('wraps at word boundaries, as Excel and LibreOffice do', () => {
    // 8 characters to a line: "Tỷ lệ" / "hoàn" / "thành" / "(%)", not 20 / 8 = 3 lines.
    expect(computeRowHeight(['Tỷ lệ hoàn thành (%)'], [7])).toBe(57.25)
  })

  it('sizes smaller text smaller, with more characters to a line', () => {
    // 8 pt: 10 pt a line plus 1.6; 1.65 characters per unit, so a 40-character name fits 25 units.
    expect(computeRowHeight([done], [25], 8)).toBe(11.75)
    expect(computeRowHeight([done], [20], 8)).toBe(21.75)
  })
})

describe('printing through LibreOffice', () => {
  it(
    'prints the consolidated workbook, the template and the marked copy as A4 landscape pages with headers repeated, no column cut and no text overlapping',
    { timeout: 240_000 },
    async () => {
      mkdirSync(outDir, { recursive: true })
      const { app, adminToken, agencyToken } = await createTestService()
      for (const [agency, plan] of [
        ['so-noi-vu', 'dak-lak-2026-par-sipas'],
        ['so-tu-phap', 'dak-lak-2026-ke-hoach-cchc'],
      ] as const) {
        const res = await app.request('/api/submissions', {
          method: 'POST',
          headers: bearer(agencyToken(agency)),
          body: createUpload(await buildFilledWorkbook(plan), { period: '2026-Q3' }),
        })
        expect(res.status).toBe(201)
      }
      const consolidated = join(outDir, 'tong-hop.xlsx')
      const res = await app.request('/api/consolidated.xlsx?period=2026-Q3', {
        headers: bearer(adminToken),
      })
      writeFileSync(consolidated, new Uint8Array(await res.arrayBuffer()))

      const plan = await readPlan(join(templatesDir, 'plans', 'dak-lak-2026-ke-hoach-cchc.json'))
      const template = join(outDir, 'bieu-mau.xlsx')
      await buildTemplate(plan).xlsx.writeFile(template)
      const templateHeader = plan.title.length + 2

      const registry = await readRegistry(join(templatesDir, 'agencies/dak-lak-2026.json'))
      const checked = await checkAndLoad(await buildFilledWorkbook(), {
        asOf: '2026-09-14',
        registry,
      })
      markWorkbook(checked.workbook, checked.sheetName, checked.report)
      const marked = join(outDir, 'da-kiem-tra.xlsx')
      await checked.workbook.xlsx.writeFile(marked)
      const checkHeader = (
        checked.workbook.getWorksheet('Kiểm tra')!.views[0] as { ySplit: number }
      ).ySplit

      const books = [
        { path: consolidated, headerRow: () => 2 },
        { path: template, headerRow: () => templateHeader },
        {
          path: marked,
          headerRow: (sheet: string) =>
            sheet === 'Kiểm tra' ? checkHeader : checked.report.header!.row,
        },
      ]
      const pdfs = convertToPdf(
        books.map((b) => b.path),
        outDir,
      )
      for (const [i, book] of books.entries()) {
        const headers = await readHeaders(book.path, book.headerRow)
        const pages = readPdfPages(pdfs[i]!)
        expect(pages.length).toBeGreaterThan(0)
        const seen = new Set<string>()
        pages.forEach((page, p) => {
          // A4 landscape: 842 × 595 points.
          expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595])
          // The footer numbers the pages: "Trang X/Y", Y the whole printout. (LibreOffice restarts X
          // at a sheet that follows a hidden one, as in the marked copy.)
          const number = /Trang\s*(\d+)\s*\/\s*(\d+)(?!\d)/.exec(page.text.normalize('NFC'))
          expect(number, `page ${p + 1} has "Trang X/Y"`).not.toBeNull()
          expect(Number(number![2])).toBe(pages.length)
          expect(Number(number![1])).toBeLessThanOrEqual(p + 1)
          // The header names the province and the sheet; the sheet's table header is repeated on
          // the page with its first and its last column: no column is cut off to another page.
          const sheet = findPageSheet(page, headers)
          expect(sheet, `page ${p + 1} of ${book.path} names its sheet`).toBeDefined()
          seen.add(sheet!.name)
          // A sheet fitted to the width shows its first and last column on every page; one printed
          // across pages shows its title column on every page, and every column on some page.
          expect(readMissingWords(page.text, sheet!.first)).toEqual([])
          if (!sheet!.across) expect(readMissingWords(page.text, sheet!.last)).toEqual([])
          expect(squash(page.text)).toContain(squash('Tỉnh Đắk Lắk'))
          // The documents of this project set nothing under 8 pt (the agency's own annex sheet keeps
          // its own look, fitted to the width); no ISO date, no issue code in what prints.
          if (i === 0 || sheet!.name.startsWith('Kiểm tra'))
            expect(
              Math.min(...page.words.map(readTextSize)),
              `page ${p + 1} of ${book.path}`,
            ).toBeGreaterThanOrEqual(8)
          expect(page.text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/)
          expect(page.text).not.toMatch(/\b(cell|row|header|table|report)\/[a-z-]+/)
          expect(findOverlappingWords(page)).toEqual([])
        })
        expect([...seen].sort()).toEqual(headers.map((h) => h.name).sort())
        for (const sheet of headers.filter((h) => h.across)) {
          const printed = squash(
            pages
              .filter((page) => squash(page.text).includes(squash(`— ${sheet.name}`)))
              .map((page) => page.text)
              .join(' '),
          )
          expect(sheet.texts.filter((t) => readMissingWords(printed, t).length)).toEqual([])
        }
        if (i === 2) {
          // The "Kiểm tra" sheet speaks to the clerk: the date as dd/mm/yyyy, every label whole.
          const check = squash(
            pages
              .filter((page) => squash(page.text).includes(squash('— Kiểm tra')))
              .map((page) => page.text)
              .join(' '),
          )
          const { byStatus } = checked.report.summary
          expect(check).toContain(squash('Ngày báo cáo (số liệu đến): 14/09/2026'))
          for (const status of taskStatuses.filter((t) => byStatus[t]))
            expect(check).toContain(squash(`${statusLabels[status].vi}: ${byStatus[status]}`))
        }
        // The first page rendered as an image a person can look at: landscape.
        const image = renderPdfPage(pdfs[i]!, 1, join(outDir, `page-${i + 1}`))
        expect(image.width).toBeGreaterThan(image.height)
      }
    },
  )
})
