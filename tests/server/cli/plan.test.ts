import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../server/cli/main.ts'
import { templatesDir } from '../../../server/paths.ts'
import { capture, output } from '../../helpers/output.ts'
import { readZipParts } from '../../helpers/hostile.ts'
import { buildPlan2027Docx } from '../../helpers/plan-documents.ts'
import { seedPlans } from '../../../scripts/seed-documents.ts'

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-plan-cli-'))
  writeFileSync(join(dir, 'par.docx'), await seedPlans[1].buildDocx())
  writeFileSync(join(dir, 'ke-hoach-2027.docx'), await buildPlan2027Docx())
})

afterEach(() => vi.restoreAllMocks())

describe('cchc plan import', () => {
  it('writes exactly the shipped plan from its Word appendix, and shows the reading as cchc validate does', async () => {
    const seed = seedPlans[1]
    const out = join(dir, 'par.json')
    capture()
    const code = await runCli([
      'plan',
      'import',
      join(dir, 'par.docx'),
      '-o',
      out,
      '--id',
      seed.options.id,
      '--name',
      seed.options.name,
      '--source',
      seed.options.source,
      '--profile',
      seed.options.profile,
      '--progress',
      seed.options.progressColumns.join(','),
    ])
    expect(code).toBe(0)
    const shipped = readFileSync(join(templatesDir, 'plans', `${seed.file}.json`), 'utf8')
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({
      ...JSON.parse(shipped),
      // The CLI names the file it read.
      source: seed.options.source,
    })
    expect(output.out).toContain('Cách đọc cột:')
    expect(output.out).toContain('Cột B “LĨNH VỰC, TIÊU CHÍ, TIÊU CHÍ THÀNH PHẦN”')
    expect(output.out).toContain('2 mục, 8 nhóm, 82 nhiệm vụ')
    expect(output.out).toContain('Cần xem lại (9):')
    expect(output.out).toContain(`Đã ghi → ${out}`)
  })

  it('exits 1 when a doubt is an error, names the plan from the document, and --json prints the plan', async () => {
    capture()
    const code = await runCli([
      'plan',
      'import',
      join(dir, 'ke-hoach-2027.docx'),
      '-o',
      join(dir, 'kh-2027.json'),
      '--json',
    ])
    expect(code).toBe(1)
    const plan = JSON.parse(output.out)
    expect(plan).toMatchObject({
      id: 'dak-lak-2027-ke-hoach-cai-cach-hanh-chinh',
      name: 'Kế hoạch cải cách hành chính tỉnh Đắk Lắk năm 2027',
      year: 2027,
      document: { kind: 'Kế hoạch', number: '12/KH-UBND', date: '2027-01-05' },
    })
    expect(plan.doubts.map((d: { issue: { code: string } }) => d.issue.code)).toEqual([
      'cell/invalid-deadline',
      'cell/required',
    ])
  })

  it('refuses a file it cannot read with a Vietnamese message and exit 2', async () => {
    writeFileSync(join(dir, 'bad.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0, 0, 0]))
    capture()
    expect(await runCli(['plan', 'import', join(dir, 'bad.doc')])).toBe(2)
    expect(output.err).toContain('Tệp là văn bản Word cũ (.doc)')
    capture()
    expect(await runCli(['plan', 'import', join(dir, 'par.docx'), '--id', 'Sai Mã'])).toBe(2)
    expect(output.err).toContain('--id')
  })
})

describe('cchc plan template, publish and list', () => {
  it('builds one unit’s template and the .zip of all', async () => {
    const plan = join(templatesDir, 'plans', 'dak-lak-2026-ke-hoach-cchc.json')
    capture()
    const one = join(dir, 'so-tu-phap.xlsx')
    expect(
      await runCli([
        'plan',
        'template',
        plan,
        '--agency',
        'so-tu-phap',
        '--period',
        '2026-Q3',
        '-o',
        one,
      ]),
    ).toBe(0)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(one)
    expect(workbook.getWorksheet('Phụ lục')!.getCell(4, 1).value).toBe('Kỳ báo cáo: Quý III/2026')
    const all = join(dir, 'all.zip')
    expect(await runCli(['plan', 'template', plan, '--all', '-o', all])).toBe(0)
    expect(output.out).toContain('Đã tạo biểu mẫu cho 121 đơn vị')
    expect(readZipParts(readFileSync(all))).toHaveLength(121)
  })

  it('publishes a plan and its amendment into the database, and lists the versions', async () => {
    const data = join(dir, 'data')
    const plan = JSON.parse(
      readFileSync(join(templatesDir, 'plans', 'dak-lak-2026-ke-hoach-cchc.json'), 'utf8'),
    )
    capture()
    expect(
      await runCli([
        'plan',
        'publish',
        join(templatesDir, 'plans', 'dak-lak-2026-ke-hoach-cchc.json'),
        '--data',
        data,
      ]),
    ).toBe(2)
    expect(output.err).toContain('giống hệt phiên bản đang có hiệu lực')
    plan.rows = plan.rows.filter((r: { stt?: string }) => r.stt !== '49')
    plan.document = { kind: 'Quyết định', number: '77/QĐ-UBND', date: '2026-08-01' }
    writeFileSync(join(dir, 'amended.json'), JSON.stringify(plan))
    capture()
    expect(await runCli(['plan', 'publish', join(dir, 'amended.json'), '--data', data])).toBe(0)
    expect(output.out).toContain('phiên bản 2, hiệu lực từ 01/08/2026')
    expect(output.out).toContain('bãi bỏ 49:')
    capture()
    expect(await runCli(['plan', 'list', '--data', data])).toBe(0)
    expect(output.out).toContain('phiên bản 1: hiệu lực từ 01/01/2026, 59 nhiệm vụ')
    expect(output.out).toContain('phiên bản 2: hiệu lực từ 01/08/2026, 58 nhiệm vụ, 1 thay đổi')
  })
})
