import { runOpenpyxl } from '../../helpers/tools.ts'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { statusLabels, taskStatuses, type Report } from '../../../core/index.ts'
import { runCli } from '../../../server/cli/main.ts'
import { convertWithLibreOffice } from '../../helpers/readers.ts'
import {
  bearer,
  buildFilledWorkbook,
  createTestService,
  createUpload,
} from '../../helpers/service.ts'

const outDir = new URL('../../../test-output/', import.meta.url).pathname

/** Reads a workbook with openpyxl (Debian's python3-openpyxl): values, formulas, panes and filters per sheet. */
function readWithOpenpyxl(path: string) {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cached = openpyxl.load_workbook(sys.argv[1], data_only=True)
plain = lambda v: v.isoformat()[:10] if hasattr(v, 'isoformat') else v
out = {}
for ws in wb:
    rows = [[plain(c.value) for c in r] for r in ws.iter_rows()]
    values = [[plain(c.value) for c in r] for r in cached[ws.title].iter_rows()]
    out[ws.title] = {'rows': rows, 'values': values, 'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref, 'types': [[c.data_type for c in r] for r in ws.iter_rows()]}
print(json.dumps(out))`
  return JSON.parse(runOpenpyxl(script, [path])) as Record<
    string,
    {
      rows: unknown[][]
      values: unknown[][]
      freeze: string | null
      filter: string | null
      types: string[][]
    }
  >
}

describe('consolidated provincial workbook', () => {
  it(
    'has the seven sheets, every agency (missing ones too), and totals equal to the per-agency reports',
    { timeout: 180_000 },
    async () => {
      const { app, adminToken, agencyToken } = await createTestService()
      const reports = new Map<string, Report>()
      const uploads: [string, Uint8Array][] = [
        ['so-noi-vu', await buildFilledWorkbook('dak-lak-2026-par-sipas')],
        ['so-tu-phap', await buildFilledWorkbook('dak-lak-2026-ke-hoach-cchc')],
        ['so-tai-chinh', await buildFilledWorkbook('dak-lak-2026-par-sipas', '2026-03-14')],
      ]
      for (const [agency, bytes] of uploads) {
        const res = await app.request('/api/submissions', {
          method: 'POST',
          headers: bearer(agencyToken(agency)),
          body: createUpload(bytes, { period: '2026-Q3' }),
        })
        reports.set(agency, ((await res.json()) as { report: Report }).report)
      }
      const res = await app.request('/api/consolidated.xlsx?period=2026-Q3', {
        headers: bearer(adminToken),
      })
      expect(res.status).toBe(200)
      mkdirSync(outDir, { recursive: true })
      const path = join(outDir, 'tong-hop-2026-Q3.xlsx')
      writeFileSync(path, new Uint8Array(await res.arrayBuffer()))

      const book = readWithOpenpyxl(path)
      expect(Object.keys(book)).toEqual([
        'Tổng hợp',
        'Chi tiết',
        'Theo nhiệm vụ',
        'Điểm',
        'Quá hạn',
        'Đối chiếu',
        'Xu hướng',
      ])
      // Frozen under the header (and beside the agency's column in the grids), filtered from row 2.
      expect(Object.values(book).map((s) => s.freeze)).toEqual([
        'A3',
        'A3',
        'B3',
        'C4',
        'A3',
        'A3',
        'A3',
      ])
      for (const sheet of Object.values(book)) expect(sheet.filter).toMatch(/^A2:/)
      const summary = book['Tổng hợp']!
      const header = summary.rows[1] as string[]
      const agencyRows = summary.rows.slice(2, -1)
      expect(agencyRows).toHaveLength(121)
      expect(agencyRows.filter((r) => r[2] === 'Chưa nộp')).toHaveLength(118)
      // The registry's id is the last column (hidden: people read names).
      const idCol = header.indexOf('Mã cơ quan')
      expect(idCol).toBe(header.length - 1)
      for (const [agency, report] of reports) {
        const row = agencyRows.find((r) => r[idCol] === agency)!
        expect(row[header.indexOf('Số nhiệm vụ')]).toBe(report.summary.tasks)
        for (const s of taskStatuses)
          expect(row[header.indexOf(statusLabels[s].vi)]).toBe(report.summary.byStatus[s])
        expect(row[header.indexOf('Lỗi')]).toBe(report.errorCount)
      }
      // The totals row holds formulas; their cached values (what Excel shows before recalculating) equal the reports' sums.
      const total = summary.rows.at(-1)!
      expect(total[header.indexOf('Số nhiệm vụ')]).toBe('=SUM(G3:G123)')
      const cachedTotal = summary.values.at(-1)!
      const result = (col: string) => cachedTotal[header.indexOf(col)] as number
      // And each cached total is the sum of the agency rows above it, as recalculation would give.
      for (const col of ['Số nhiệm vụ', 'Lỗi', ...taskStatuses.map((s) => statusLabels[s].vi)]) {
        const c = header.indexOf(col)
        expect(result(col)).toBe(
          agencyRows.reduce<number>(
            (n, r) => n + (typeof r[c] === 'number' ? (r[c] as number) : 0),
            0,
          ),
        )
      }
      const exceljs = new ExcelJS.Workbook()
      await exceljs.xlsx.readFile(path)
      expect(exceljs.worksheets.map((w) => w.name)).toEqual(Object.keys(book))
      const sum = (f: (r: Report) => number) => [...reports.values()].reduce((a, r) => a + f(r), 0)
      expect(result('Số nhiệm vụ')).toBe(sum((r) => r.summary.tasks))
      expect(result(statusLabels.overdue.vi)).toBe(sum((r) => r.summary.byStatus.overdue))
      expect(result('Đã nộp')).toBe(3)
      expect(result('Điểm')).toBeCloseTo(
        sum((r) => r.summary.score ?? 0),
        6,
      )

      const detail = book['Chi tiết']!
      expect(detail.rows.length - 2).toBe(sum((r) => r.summary.tasks))
      const labels = new Set<unknown>(taskStatuses.map((s) => statusLabels[s].vi))
      expect(detail.rows.slice(2).every((r) => labels.has(r[7]))).toBe(true)
      // "Quá hạn": one row per agency with overdue tasks, the oldest deadline first.
      const overdue = book['Quá hạn']!.rows.slice(2)
      expect(overdue.reduce((n, r) => n + Number(r[2]), 0)).toBe(
        sum((r) => r.summary.byStatus.overdue),
      )
      const dues = overdue.map((r) => String(r[3]))
      expect(dues).toEqual([...dues].sort())
      // "Theo nhiệm vụ": one row per reporting agency, one column per task, counts below.
      const byTask = book['Theo nhiệm vụ']!
      const names = byTask.rows.slice(2).map((r) => r[0])
      expect(names.slice(0, 6)).toEqual([
        'Sở Nội vụ',
        'Sở Tư pháp',
        'Sở Tài chính',
        'Số cơ quan báo cáo',
        'Hoàn thành',
        'Quá hạn',
      ])
      // Below the counts, only the plan's notes (amended tasks, rows not in the plan) may follow.
      expect(names.slice(6).every((n) => n === 'Theo kế hoạch' || /: /.test(String(n)))).toBe(true)
      const counted = byTask.values[2 + names.indexOf('Quá hạn')]!.slice(1) as number[]
      expect(counted.reduce((n, v) => n + v, 0)).toBe(sum((r) => r.summary.byStatus.overdue))
      const scores = book['Điểm']!
      expect(scores.rows.slice(2).map((r) => r[0])).toEqual([
        'Điểm tối đa',
        'Sở Nội vụ',
        'Sở Tư pháp',
        'Sở Tài chính',
      ])
      // "Xu hướng": the province first, then every agency, one column per quarter and measure.
      const trend = book['Xu hướng']!
      const trendHeader = trend.rows[1] as string[]
      expect(trendHeader.slice(0, 3)).toEqual([
        'STT',
        'Cơ quan',
        'Tỷ lệ hoàn thành (%) — Quý I/2026',
      ])
      expect(trend.rows.slice(2)).toHaveLength(122)
      const q3 = trendHeader.indexOf('Tỷ lệ hoàn thành (%) — Quý III/2026')
      const done = sum((r) => r.summary.byStatus['done-on-time'] + r.summary.byStatus['done-late'])
      expect(trend.rows[2]![1]).toBe('Toàn tỉnh')
      expect(trend.rows[2]![q3]).toBeCloseTo((done / sum((r) => r.summary.tasks)) * 100, 1)
      const overdueQ3 = trendHeader.indexOf('Nhiệm vụ quá hạn — Quý III/2026')
      expect(trend.rows[2]![overdueQ3]).toBe(sum((r) => r.summary.byStatus.overdue))
      expect(book['Đối chiếu']!.rows[1]).toEqual([
        'STT',
        'Loại đối chiếu',
        'Nhiệm vụ (STT)',
        'Nội dung nhiệm vụ',
        'Cơ quan và nội dung báo cáo',
        'Chi tiết',
      ])

      // LibreOffice opens it without complaint and its totals row agrees with the agency rows.
      const sheets = convertWithLibreOffice(path)
      expect(Object.keys(sheets).sort()).toEqual(Object.keys(book).sort())
      const lo = sheets['Tổng hợp']!
      const loTotal = lo.at(-1)!
      expect(loTotal[1]).toBe('Tổng cộng')
      for (const col of ['Số nhiệm vụ', 'Điểm', ...taskStatuses.map((s) => statusLabels[s].vi)]) {
        const c = header.indexOf(col)
        const expected = lo.slice(2, -1).reduce((n, r) => n + Number(r[c] || 0), 0)
        expect(Number(loTotal[c])).toBeCloseTo(expected, 6)
      }
    },
  )

  it('`cchc merge` builds the same workbook from files', { timeout: 60_000 }, async () => {
    mkdirSync(join(outDir, 'merge'), { recursive: true })
    const a = join(outDir, 'merge', 'so-noi-vu.xlsx')
    const b = join(outDir, 'merge', 'Sở Tư pháp.xlsx')
    writeFileSync(a, await buildFilledWorkbook('dak-lak-2026-par-sipas'))
    writeFileSync(b, await buildFilledWorkbook('dak-lak-2026-ke-hoach-cchc'))
    const out = join(outDir, 'merge', 'tong-hop.xlsx')
    const write = process.stdout.write
    const err = process.stderr.write
    let printed = ''
    process.stdout.write = ((s: string) => ((printed += s), true)) as typeof write
    process.stderr.write = (() => true) as typeof err
    let code: number
    try {
      code = await runCli(['merge', a, b, '-o', out, '--as-of', '2026-09-14', '--json'])
    } finally {
      process.stdout.write = write
      process.stderr.write = err
    }
    expect(code).toBe(0)
    const json = JSON.parse(printed) as { files: { agency: string; report: Report }[] }
    expect(json.files.map((f) => f.agency)).toEqual(['so-noi-vu', 'so-tu-phap'])
    const book = readWithOpenpyxl(out)
    const agencyRows = book['Tổng hợp']!.rows.slice(2, -1)
    expect(agencyRows.map((r) => r.at(-1))).toEqual(['so-noi-vu', 'so-tu-phap'])
    expect(book['Chi tiết']!.rows.length - 2).toBe(
      json.files.reduce((n, f) => n + f.report.summary.tasks, 0),
    )
  })
})
