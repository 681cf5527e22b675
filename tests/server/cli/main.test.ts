import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../server/cli/main.ts'
import { capture, output } from '../../helpers/output.ts'

const dir = 'test-output/cli'

beforeAll(async () => {
  mkdirSync(dir, { recursive: true })
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Phụ lục')
  ws.addRow(['PHỤ LỤC NHIỆM VỤ CCHC NĂM 2026'])
  ws.addRow([
    'STT',
    'Nội dung, nhiệm vụ',
    'Cơ quan chủ trì',
    'Thời gian thực hiện',
    'Tình hình thực hiện',
  ])
  ws.addRow([1, 'Ban hành kế hoạch', 'Sở Nội vụ', 'Quý I/2026', 'Đã hoàn thành'])
  ws.addRow([2, 'Tổ chức đối thoại', 'Sở Tư pháp', 'Quý IV/2026', 'Đang thực hiện'])
  writeFileSync(join(dir, 'clean.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()))
  ws.addRow([3, 'Kiểm tra', 'Sở Nội vụ', 'Tháng 13/2026', null])
  writeFileSync(join(dir, 'errors.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()))
  writeFileSync(join(dir, 'not.xlsx'), 'STT,Nội dung\n1,abc\n')
  writeFileSync(
    join(dir, 'legacy.xls'),
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]),
  )
  const good = new Uint8Array(await wb.xlsx.writeBuffer())
  writeFileSync(join(dir, 'truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)))
})

afterEach(() => vi.restoreAllMocks())

describe('cchc validate', () => {
  it('exits 0 on a table without errors and prints a Vietnamese summary', async () => {
    capture()
    expect(await runCli(['validate', join(dir, 'clean.xlsx'), '--as-of', '2026-09-14'])).toBe(0)
    expect(output.out).toContain('Hoàn thành đúng hạn: 1')
    expect(output.out).toContain('Không có lỗi.')
  })

  it('exits 1 with errors, and --json prints the SPEC report', async () => {
    capture()
    expect(
      await runCli(['validate', join(dir, 'errors.xlsx'), '--as-of', '2026-09-14', '--json']),
    ).toBe(1)
    const report = JSON.parse(output.out)
    expect(report).toMatchObject({
      sheet: 'Phụ lục',
      planYear: 2026,
      asOf: '2026-09-14',
      valid: false,
      errorCount: 1,
      header: { row: 2 },
    })
    expect(report.issues[0]).toMatchObject({
      code: 'cell/invalid-deadline',
      severity: 'error',
      row: 5,
      column: 'D',
      field: 'deadline',
      value: 'Tháng 13/2026',
    })
    expect(report.tasks[0]).toMatchObject({
      row: 3,
      stt: '1',
      level: 1,
      kind: 'task',
      deadline: { kind: 'period', due: '2026-03-31' },
      status: 'done-on-time',
    })
  })

  it('writes a marked copy with -o', async () => {
    capture()
    const target = join(dir, 'marked.xlsx')
    expect(
      await runCli(['validate', join(dir, 'errors.xlsx'), '--as-of', '2026-09-14', '-o', target]),
    ).toBe(1)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(target)
    expect(wb.getWorksheet('Kiểm tra')).toBeDefined()
    expect(wb.getWorksheet('Phụ lục')!.getCell('F4').value).toBe('Đang thực hiện')
  })

  it.each([
    ['not.xlsx', 'không phải là bảng tính Excel'],
    ['legacy.xls', 'Excel cũ (.xls)'],
    ['truncated.xlsx', 'bị hỏng'],
    ['missing.xlsx', 'Không tìm thấy tệp'],
  ])('exits 2 with a clear message for %s', async (file, message) => {
    capture()
    expect(await runCli(['validate', join(dir, file)])).toBe(2)
    expect(output.err).toContain(message)
    expect(output.err).not.toMatch(/at .*\.ts:\d+/)
  })

  it('exits 2 for a bad --as-of', async () => {
    capture()
    expect(await runCli(['validate', join(dir, 'clean.xlsx'), '--as-of', '14/09/2026'])).toBe(2)
  })
})

describe('cchc as installed', () => {
  it('runs from bin/cchc.mjs: template, then validate with the exit code', () => {
    const tpl = join(dir, 'template.xlsx')
    execFileSync(
      'node',
      ['bin/cchc.mjs', 'template', 'templates/plans/dak-lak-2026-ke-hoach-cchc.json', '-o', tpl],
      { encoding: 'utf8' },
    )
    const run = spawnSync(
      'node',
      ['bin/cchc.mjs', 'validate', tpl, '--as-of', '2026-09-14', '--json'],
      { encoding: 'utf8' },
    )
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.summary.tasks).toBe(59)
    expect(report.summary.byStatus.overdue).toBe(1)
  })
})

describe('cchc validate --columns', () => {
  it('reads a table with unknown headers once its columns are chosen, and says so in the summary', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Bảng')
    ws.addRow(['THEO DÕI NHIỆM VỤ NĂM 2026'])
    ws.addRow(['#', 'Làm gì', 'Ai lo', 'Chốt'])
    ws.addRow([1, 'Ban hành kế hoạch', 'Sở Nội vụ', 'Quý IV/2026'])
    const file = join(dir, 'unknown-headers.xlsx')
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()))
    capture()
    expect(await runCli(['validate', file, '--as-of', '2026-09-14'])).toBe(1)
    capture()
    const columns = 'stt=A,content=B,lead=C,deadline=D'
    expect(await runCli(['validate', file, '--as-of', '2026-09-14', '--columns', columns])).toBe(0)
    expect(output.out).toContain('Cột D “Chốt” → Thời hạn (đã chỉ định)')
    capture()
    expect(await runCli(['validate', file, '--columns', 'han=D'])).toBe(2)
    expect(output.err).toContain('--columns')
  })
})
