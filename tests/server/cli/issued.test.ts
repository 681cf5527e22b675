import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Report } from '../../../core/index.ts'
import { runCli } from '../../../server/cli/main.ts'
import { capture, output } from '../../helpers/output.ts'

const dir = 'test-output/cli-issued'
const phrase = '100 ngày kể từ ngày ban hành Kế hoạch'
const agencies = ['Sở Nội vụ', 'Sở Tư pháp', 'Văn phòng UBND thành phố', 'UBND các xã, phường']

/** A city's 100-day plan as offices lay it out: 14 tasks counted from the plan, one group with items. */
async function buildPlan(title: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Phụ lục')
  for (const line of title) ws.addRow([line])
  ws.addRow(['STT', 'Nội dung, nhiệm vụ', 'Sản phẩm', 'Cơ quan chủ trì', 'Thời gian hoàn thành'])
  for (let i = 1; i <= 14; i++)
    ws.addRow([i, `Nhiệm vụ cao điểm số ${i}`, 'Báo cáo', agencies[i % 4], phrase])
  ws.addRow([15, 'Rà soát, đơn giản hóa thủ tục hành chính', 'Quyết định', 'Sở Tư pháp', phrase])
  ws.addRow([null, 'a) Rà soát thủ tục lĩnh vực đất đai', null, 'Sở Nội vụ', null])
  ws.addRow([null, 'b) Rà soát thủ tục lĩnh vực xây dựng', null, 'Sở Tư pháp', 'Quý III/2026'])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'plan.xlsx'), await buildPlan(['KẾ HOẠCH 100 NGÀY CAO ĐIỂM CCHC']))
  writeFileSync(
    join(dir, 'titled.xlsx'),
    await buildPlan([
      'KẾ HOẠCH 100 NGÀY CAO ĐIỂM CCHC',
      '(Kèm theo Kế hoạch số 45/KH-UBND ngày 14/7/2026 của UBND thành phố)',
    ]),
  )
})

afterEach(() => vi.restoreAllMocks())

async function validate(file: string, ...flags: string[]): Promise<[number, Report]> {
  capture()
  const code = await runCli([
    'validate',
    join(dir, file),
    '--as-of',
    '2026-09-14',
    '--json',
    ...flags,
  ])
  return [code, JSON.parse(output.out) as Report]
}

describe('cchc validate --issued', () => {
  it('counts "100 ngày kể từ ngày ban hành Kế hoạch" from the date given, on all 14 rows, with no error', async () => {
    const [code, report] = await validate('plan.xlsx', '--issued', '2026-07-14')
    expect(code).toBe(0)
    expect(report).toMatchObject({ issued: '2026-07-14', planYear: 2026, errorCount: 0 })
    expect(report.warningCount).toBe(0)
    const tasks = report.tasks.filter((t) => t.kind === 'task')
    expect(tasks).toHaveLength(16)
    // 14/07/2026 + 100 days (counted from the day after) = Thursday 22/10/2026.
    expect(tasks.slice(0, 14).map((t) => [t.stt, t.deadline, t.status])).toEqual(
      Array.from({ length: 14 }, (_, i) => [
        String(i + 1),
        { kind: 'relative', due: '2026-10-22', start: '2026-07-14' },
        'not-started',
      ]),
    )
    expect(report.tasks.slice(14).map((t) => [t.row, t.kind, t.stt, t.deadline])).toEqual([
      [17, 'group', '15', { kind: 'relative', due: '2026-10-22', start: '2026-07-14' }],
      [
        18,
        'task',
        '15.a',
        { kind: 'relative', due: '2026-10-22', start: '2026-07-14', inherited: true },
      ],
      [19, 'task', '15.b', { kind: 'period', due: '2026-09-30', start: '2026-07-01' }],
    ])
    expect(report.issues.map((i) => [i.code, i.row])).toEqual([['row/deadline-inherited', 18]])
  })

  it('reads the issue date from the title when no flag is given', async () => {
    const [code, report] = await validate('titled.xlsx')
    expect(code).toBe(0)
    expect(report.issued).toBe('2026-07-14')
    expect(report.tasks[0]!.deadline).toEqual({
      kind: 'relative',
      due: '2026-10-22',
      start: '2026-07-14',
    })
  })

  it('without any issue date keeps the rows relative with no due date, no error and one note', async () => {
    const [code, report] = await validate('plan.xlsx')
    expect(code).toBe(0)
    expect(report.tasks[0]!.deadline).toEqual({ kind: 'relative', due: null })
    expect(report.issues.map((i) => [i.code, i.severity])).toEqual([
      ['report/issued-unknown', 'info'],
      ['row/deadline-inherited', 'info'],
    ])
  })

  it('refuses an issue date that is no calendar day (exit 2)', async () => {
    capture()
    expect(await runCli(['validate', join(dir, 'plan.xlsx'), '--issued', '2026-02-30'])).toBe(2)
    expect(output.err).toContain('--issued cần ngày ban hành dạng YYYY-MM-DD')
  })

  it('shows an inherited deadline in the marked copy’s note and on the "Kiểm tra" sheet', async () => {
    capture()
    const target = join(dir, 'marked.xlsx')
    const args = ['validate', join(dir, 'plan.xlsx'), '--issued', '2026-07-14', '-o', target]
    expect(await runCli(args)).toBe(0)
    expect(output.out).toContain('ban hành 14/07/2026')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(target)
    const note = wb.getWorksheet('Phụ lục')!.getCell('E18').note
    const text = typeof note === 'string' ? note : JSON.stringify(note)
    expect(text).toContain('lấy thời hạn của nhóm 15')
    const listed = wb.getWorksheet('Kiểm tra')!.getSheetValues().flat().map(String)
    expect(listed).toContain('row/deadline-inherited')
  })
})
