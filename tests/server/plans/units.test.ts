import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AgencyRegistry } from '../../../core/index.ts'
import { templatesDir } from '../../../server/paths.ts'
import { buildUnitTemplate, buildUnitTemplates, unitParts } from '../../../server/plans/units.ts'
import { readPlan, readRegistry, type PlanDefinition } from '../../../server/province/config.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { readZipParts } from '../../helpers/hostile.ts'

let registry: AgencyRegistry
let plan: PlanDefinition
beforeAll(async () => {
  registry = await readRegistry(join(templatesDir, 'agencies', 'dak-lak-2026.json'))
  plan = await readPlan(join(templatesDir, 'plans', 'dak-lak-2026-par-sipas.json'))
})

async function load(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}

describe('buildUnitTemplate', () => {
  it('titles the unit and the period, parts A and B, the hidden unit id, and the locks and drop-downs of cchc template', async () => {
    const workbook = buildUnitTemplate(
      plan,
      registry,
      { id: 'so-tu-phap', name: 'Sở Tư pháp' },
      'Quý III/2026',
    )!
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const read = await load(bytes)
    const ws = read.getWorksheet('Phụ lục')!
    const column = (c: number) =>
      Array.from({ length: ws.rowCount }, (_, i) => ws.getCell(i + 1, c).value)
    expect(column(1).slice(0, 6)).toEqual([
      'PHỤ LỤC',
      'Phân công nhiệm vụ triển khai thực hiện cải thiện và nâng cao Chỉ số PAR Index, Chỉ số SIPAS của tỉnh Đắk Lắk năm 2026',
      '(Ban hành kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND tỉnh)',
      'Đơn vị: Sở Tư pháp',
      'Kỳ báo cáo: Quý III/2026',
      null,
    ])
    expect(column(1).filter((v) => v === unitParts.lead || v === unitParts.coop)).toEqual([
      unitParts.lead,
      unitParts.coop,
    ])
    const meta = read.getWorksheet('_cchc')!
    expect(meta.state).toBe('veryHidden')
    const entries = Object.fromEntries(
      meta.getSheetValues().flatMap((r) => (Array.isArray(r) ? [[r[1], r[2]]] : [])),
    )
    expect(entries).toMatchObject({
      planId: 'dak-lak-2026-par-sipas',
      year: 2026,
      templateVersion: '1',
      agency: 'so-tu-phap',
    })
    // The first task row of part A: plan cells locked, progress unlocked with its drop-down.
    const first = column(1).indexOf('1.5') + 1
    expect(ws.getCell(first, 2).protection?.locked).not.toBe(false)
    expect(ws.getCell(first, 7).protection).toMatchObject({ locked: false })
    expect(ws.getCell(first, 7).dataValidation).toMatchObject({ type: 'list' })
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({
      sheet: true,
    })
    // Checked as a unit's template: no error, and its numbering gaps are no warning.
    const { report } = checkWorkbook(bytes, { asOf: '2026-09-14', registry })
    expect({
      errors: report.errorCount,
      warnings: report.warningCount,
      tasks: report.summary.tasks,
    }).toEqual({
      errors: 0,
      warnings: 0,
      tasks: 82,
    })
  })

  it('is null for a unit the plan gives nothing to', () => {
    expect(buildUnitTemplate(plan, registry, { id: 'khong-co', name: 'Không có' })).toBeNull()
  })
})

describe('buildUnitTemplates', () => {
  it('zips every unit’s workbook, named by its id, leaving out units without tasks', async () => {
    const units = [
      { id: 'so-noi-vu', name: 'Sở Nội vụ' },
      { id: 'khong-co', name: 'Không có' },
      { id: 'phuong-tuy-hoa', name: 'Phường Tuy Hòa' },
    ]
    const { bytes, count } = await buildUnitTemplates({
      plan,
      registry,
      agencies: units,
      period: null,
      single: false,
    })
    expect(count).toBe(2)
    const parts = readZipParts(bytes!)
    expect(parts.map((p) => p.name)).toEqual([
      'dak-lak-2026-par-sipas/so-noi-vu.xlsx',
      'dak-lak-2026-par-sipas/phuong-tuy-hoa.xlsx',
    ])
    const ward = await load(new Uint8Array(parts[1]!.data))
    expect(ward.getWorksheet('Phụ lục')!.getCell(4, 1).value).toBe('Đơn vị: Phường Tuy Hòa')
    expect(ward.getWorksheet('Phụ lục')!.getCell(5, 1).value).toBe('Kỳ báo cáo: Năm 2026')
  })
})
