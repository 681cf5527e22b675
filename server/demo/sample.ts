import type ExcelJS from 'exceljs'
import type { PlanDefinition } from '../province/config.ts'
import { parseTargets, type IsoDate } from '../../core/index.ts'

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
  // (a ceiling, "Dưới 1%", is met below it and missed above it)
  const ceiling = (t: (typeof targets)[number]) => t.op === '<' || t.op === '<='
  const meet = targets.length
    ? targets.map((t) => figure(ceiling(t) ? t.value! / 2 : t.value!, t.unit)).join('; ')
    : undefined
  const short =
    targets.every((t) => t.unit === '%') && targets.length
      ? targets
          .map((t) => figure(ceiling(t) ? t.value! + 10 : Math.max(0, t.value! - 10), '%'))
          .join('; ')
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
