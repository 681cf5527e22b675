/**
 * Builds the shipped Đắk Lắk 2026 plan definitions and the provisional PAR/SIPAS scoring profile with
 * the plan importer itself: each seed in tests/fixtures/seeds is rebuilt as the Word document Sở Nội vụ
 * works from (merged cells, page-break continuation rows, tables split across pages) and read by
 * `cchc plan import`'s code path, so templates/plans/*.json are exactly its output.
 * Run: node --import tsx scripts/build-seed-templates.ts
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { foldText } from '../core/index.ts'
import { templatesDir } from '../server/paths.ts'
import { importPlanDocument } from '../server/plans/import.ts'
import { readRegistry } from '../server/province/config.ts'
import { seedPlans } from './seed-documents.ts'

const registry = await readRegistry(join(templatesDir, 'agencies', 'dak-lak-2026.json'))
const items: Record<
  string,
  { maxPoints: number; method: 'self' | 'survey'; rule: 'binary' | 'proportional'; label: string }
> = {}
for (const seed of seedPlans) {
  const { plan } = importPlanDocument(await seed.buildDocx(), {
    ...seed.options,
    progressColumns: 'progressColumns' in seed.options ? [...seed.options.progressColumns] : null,
    fileName: `${seed.file}.docx`,
    registry,
  })
  writeFileSync(
    join(templatesDir, 'plans', `${seed.file}.json`),
    `${JSON.stringify(plan, null, 2)}\n`,
  )
  if (!('profile' in seed.options)) continue
  // The provisional profile: one point per sub-criterion, survey items (SIPAS, XHH) never computed.
  for (const row of plan.rows) {
    if (row.read?.kind !== 'task' || !row.stt) continue
    const criterion = row.criterion ?? ''
    const survey =
      row.read.section === 'II' || /dieu tra (xhh|xa hoi hoc)/.test(foldText(criterion))
    const percent = (row.read.targets ?? []).some((t) => t.unit === '%')
    items[`${row.read.section}.${row.stt}`] = {
      maxPoints: 1,
      method: survey ? 'survey' : 'self',
      rule: percent ? 'proportional' : 'binary',
      label: criterion,
    }
  }
}
const profile = {
  name: 'Đắk Lắk 2026 PAR/SIPAS (tạm thời, 1 điểm mỗi tiêu chí)',
  year: 2026,
  provisional: true,
  note: 'Thang điểm TẠM THỜI: mỗi tiêu chí thành phần 1 điểm. Không phải điểm chính thức theo QĐ 876/QĐ-BNV; Sở Nội vụ thay bằng thang điểm chính thức. Các tiêu chí đánh giá qua điều tra XHH và Chỉ số SIPAS được nhập từ kết quả điều tra, không tính.',
  items,
}
writeFileSync(
  join(templatesDir, 'profiles', 'dak-lak-2026-par-sipas.provisional.json'),
  `${JSON.stringify(profile, null, 2)}\n`,
)
console.log(
  `plans: ${seedPlans.map((s) => s.file).join(', ')}; profile: ${Object.keys(items).length} items`,
)
