import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import { computeCurrentPeriod, parseTargets, type IsoDate } from '../../core/index.ts'
import { checkWorkbook } from '../xlsx/check.ts'
import { readPlan, readProfile, readRegistry, type PlanDefinition } from '../province/config.ts'
import { templatesDir } from '../paths.ts'
import { renderSummary } from '../cli/summary.ts'
import { markWorkbook } from '../xlsx/mark.ts'
import { openPackage } from '../xlsx/guard.ts'
import { loadWorkbook } from '../xlsx/read.ts'
import { buildTemplate } from '../xlsx/template.ts'

/** The progress an agency reports for the i-th task of a sample: a fixed, varied pattern. */
export type SampleProgress = {
  progress: string
  doneDate?: IsoDate
  achieved?: string
  evidence?: string
}

/** A deterministic mix of done, late, in-progress and not-started answers, for demos and tests. */
export function createSampleProgress(
  index: number,
  content: string,
  asOf: IsoDate,
): SampleProgress {
  const year = asOf.slice(0, 4)
  // One figure per judgeable target, separated by ";", as the annex asks.
  const targets = parseTargets(content).filter((t) => t.value !== null && t.op !== 'baseline')
  const figure = (value: number, unit: string) => (unit === '%' ? `${value}%` : String(value))
  const meet = targets.length ? targets.map((t) => figure(t.value!, t.unit)).join('; ') : undefined
  const short =
    targets.every((t) => t.unit === '%') && targets.length
      ? targets.map((t) => figure(Math.max(0, t.value! - 10), '%')).join('; ')
      : undefined
  switch (index % 5) {
    case 0:
      return {
        progress: 'Đã hoàn thành',
        doneDate: `${year}-03-20`,
        evidence: `Báo cáo số ${index + 10}/BC-UBND ngày 15/3/${year} của UBND tỉnh`,
        ...(meet ? { achieved: meet } : {}),
      }
    case 1:
      return { progress: 'Đang thực hiện', ...(short ? { achieved: short } : {}) }
    case 2:
      return { progress: '60%' }
    case 3:
      return {
        progress: 'Hoàn thành',
        doneDate: `${year}-06-30`,
        evidence: `Kế hoạch số ${index}/KH-UBND`,
        ...(meet ? { achieved: meet } : {}),
      }
    default:
      return { progress: 'Chưa thực hiện' }
  }
}

/** Fills a template workbook's progress columns as an agency would, returning how many rows were filled. */
export function fillSampleProgress(
  workbook: ExcelJS.Workbook,
  plan: PlanDefinition,
  asOf: IsoDate,
): number {
  const ws = workbook.getWorksheet('Phụ lục')!
  const columns = [
    ...plan.columns,
    ...(plan.progressColumns ?? ['progress', 'doneDate', 'achieved', 'evidence']),
  ]
  const col = (f: string) => columns.indexOf(f as never) + 1
  const first = plan.title.length + 3
  let filled = 0
  plan.rows.forEach((row, i) => {
    if (!row.stt || (!row.deadline && !row.lead && !row.executing)) return
    const isGroup = plan.rows[i + 1]?.stt?.startsWith(`${row.stt}.`)
    if (isGroup) return
    const sample = createSampleProgress(filled, row.content ?? '', asOf)
    const r = ws.getRow(first + i)
    r.getCell(col('progress')).value = sample.progress
    if (sample.doneDate && col('doneDate'))
      r.getCell(col('doneDate')).value = new Date(`${sample.doneDate}T00:00:00Z`)
    if (sample.achieved && col('achieved')) r.getCell(col('achieved')).value = sample.achieved
    if (sample.evidence && col('evidence')) r.getCell(col('evidence')).value = sample.evidence
    filled++
  })
  return filled
}

/** `cchc demo`: builds the Đắk Lắk 2026 PAR/SIPAS template, fills sample progress, checks and marks it. */
export async function runDemo(outDir = 'data/demo'): Promise<number> {
  const plan = await readPlan(join(templatesDir, 'plans/dak-lak-2026-par-sipas.json'))
  const profile = await readProfile(
    join(templatesDir, 'profiles/dak-lak-2026-par-sipas.provisional.json'),
  )
  const registry = await readRegistry(join(templatesDir, 'agencies/dak-lak-2026.json'))
  const asOf = computeCurrentPeriod(Date.now()).cutOff
  await mkdir(outDir, { recursive: true })
  const template = buildTemplate(plan)
  const templatePath = join(outDir, 'bieu-mau-par-sipas-2026.xlsx')
  await writeFile(templatePath, new Uint8Array(await template.xlsx.writeBuffer()))
  fillSampleProgress(template, plan, asOf)
  const filledPath = join(outDir, 'da-dien-mau.xlsx')
  const bytes = new Uint8Array(await template.xlsx.writeBuffer())
  await writeFile(filledPath, bytes)
  const pkg = openPackage(bytes, { write: true })
  const { report, sheetName } = checkWorkbook(pkg, {
    asOf,
    file: filledPath,
    profile,
    registry,
  })
  const workbook = await loadWorkbook(pkg)
  markWorkbook(workbook, sheetName, report)
  const markedPath = join(outDir, 'da-kiem-tra.xlsx')
  await writeFile(markedPath, new Uint8Array(await workbook.xlsx.writeBuffer()))
  process.stdout.write(
    `${renderSummary(report)}\n\nBiểu mẫu: ${templatePath}\nĐã điền mẫu: ${filledPath}\nĐã kiểm tra và đánh dấu: ${markedPath}\n`,
  )
  process.stdout.write(
    `Thử lại: npx cchc validate ${filledPath} --as-of ${asOf} --profile templates/profiles/dak-lak-2026-par-sipas.provisional.json -o ${markedPath}\n`,
  )
  return 0
}
