import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { computeCurrentPeriod } from '../../core/index.ts'
import { fillSampleProgress } from '../demo/sample.ts'
import { templatesDir } from '../paths.ts'
import { readPlan, readProfile, readRegistry } from '../province/config.ts'
import { checkWorkbook } from '../xlsx/check.ts'
import { openPackage } from '../xlsx/guard.ts'
import { markWorkbook } from '../xlsx/mark.ts'
import { loadWorkbook } from '../xlsx/read.ts'
import { buildTemplate } from '../xlsx/template.ts'
import { renderSummary } from './summary.ts'

/** `cchc demo`: builds the Đắk Lắk 2026 PAR/SIPAS template, fills sample progress, checks and marks it. */
export async function runDemo(): Promise<number> {
  const outDir = 'data/demo'
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
  // Checked and inflated once: the check and ExcelJS take the same package.
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
