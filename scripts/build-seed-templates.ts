/**
 * Builds the shipped Đắk Lắk 2026 plan definitions and the provisional PAR/SIPAS scoring profile
 * from the seed documents in tests/fixtures/seeds, using the core reader itself: continuation rows split
 * by page breaks are joined, HTML remnants removed, and the one deadline shifted into the
 * cooperating-agency column moved back. Run: node --import tsx scripts/build-seed-templates.ts
 */
import { writeFileSync } from 'node:fs'
import {
  foldText,
  parseDeadline,
  parseTargets,
  readTable,
  type FieldKey,
  type Grid,
} from '../core/index.ts'
import type { PlanDefinition } from '../server/province/config.ts'
import { planAppendixTitle, readParSipasGrid, readPlanAppendixGrid } from './seeds.ts'

function readPlanRows(grid: Grid, columns: FieldKey[]) {
  const table = readTable(grid)
  if (!table) throw new Error(`no table in ${grid.sheet}`)
  return table.rows.map((row) => {
    const out: Partial<Record<FieldKey, string>> = {}
    for (const f of columns) {
      const text = row.cells[f]?.text
      if (text) out[f] = text
    }
    if (row.kind === 'heading' && out.stt) {
      out.content = out.stt
      delete out.stt
    }
    const shifted = out.coop && !out.deadline ? parseDeadline(out.coop, 2026) : null
    if (shifted && shifted.kind !== 'invalid' && out.coop) {
      out.deadline = out.coop
      delete out.coop
    }
    return { row, out }
  })
}

const parColumns: FieldKey[] = ['stt', 'criterion', 'content', 'executing', 'lead', 'deadline']
const parRows = readPlanRows(readParSipasGrid(), parColumns)
const par: PlanDefinition = {
  id: 'dak-lak-2026-par-sipas',
  name: 'Phân công nhiệm vụ cải thiện Chỉ số PAR Index, SIPAS tỉnh Đắk Lắk năm 2026',
  province: 'Đắk Lắk',
  year: 2026,
  templateVersion: '1',
  source:
    'Phụ lục kèm theo Kế hoạch của UBND tỉnh Đắk Lắk năm 2026 (tests/fixtures/seeds/dak-lak-2026-phu-luc-par-sipas.txt)',
  title: [
    'PHỤ LỤC',
    'Phân công nhiệm vụ triển khai thực hiện cải thiện và nâng cao Chỉ số PAR Index, Chỉ số SIPAS của tỉnh Đắk Lắk năm 2026',
    '(Ban hành kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND tỉnh)',
  ],
  columns: parColumns,
  progressColumns: ['progress', 'doneDate', 'achieved', 'evidence', 'selfScore'],
  profile: 'profiles/dak-lak-2026-par-sipas.provisional.json',
  rows: parRows.map((r) => r.out),
}

const planColumns: FieldKey[] = ['stt', 'content', 'product', 'lead', 'coop', 'deadline']
const plan: PlanDefinition = {
  id: 'dak-lak-2026-ke-hoach-cchc',
  name: 'Kế hoạch cụ thể triển khai các nhiệm vụ cải cách hành chính tỉnh Đắk Lắk năm 2026',
  province: 'Đắk Lắk',
  year: 2026,
  templateVersion: '1',
  source:
    'Phụ lục Kế hoạch 0156/KH-UBND ngày 26/12/2025 của UBND tỉnh Đắk Lắk (tests/fixtures/seeds/dak-lak-2026-ke-hoach-cchc.txt)',
  title: planAppendixTitle,
  columns: planColumns,
  rows: readPlanRows(readPlanAppendixGrid(), planColumns).map((r) => r.out),
}

const items: Record<
  string,
  { maxPoints: number; method: 'self' | 'survey'; rule: 'binary' | 'proportional'; label: string }
> = {}
for (const { row, out } of parRows) {
  if (row.kind !== 'task' || !row.stt) continue
  const criterion = out.criterion ?? ''
  const survey = row.section === 'II' || /dieu tra (xhh|xa hoi hoc)/.test(foldText(criterion))
  const percent = parseTargets(out.content ?? '').some((t) => t.unit === '%')
  items[`${row.section}.${row.stt}`] = {
    maxPoints: 1,
    method: survey ? 'survey' : 'self',
    rule: percent ? 'proportional' : 'binary',
    label: criterion,
  }
}
const profile = {
  name: 'Đắk Lắk 2026 PAR/SIPAS (tạm thời, 1 điểm mỗi tiêu chí)',
  year: 2026,
  provisional: true,
  note: 'Thang điểm TẠM THỜI: mỗi tiêu chí thành phần 1 điểm. Không phải điểm chính thức theo QĐ 876/QĐ-BNV; Sở Nội vụ thay bằng thang điểm chính thức. Các tiêu chí đánh giá qua điều tra XHH và Chỉ số SIPAS được nhập từ kết quả điều tra, không tính.',
  items,
}

writeFileSync('templates/plans/dak-lak-2026-par-sipas.json', `${JSON.stringify(par, null, 2)}\n`)
writeFileSync(
  'templates/plans/dak-lak-2026-ke-hoach-cchc.json',
  `${JSON.stringify(plan, null, 2)}\n`,
)
writeFileSync(
  'templates/profiles/dak-lak-2026-par-sipas.provisional.json',
  `${JSON.stringify(profile, null, 2)}\n`,
)
console.log(
  `plans: ${par.rows.length} + ${plan.rows.length} rows; profile: ${Object.keys(items).length} items`,
)
