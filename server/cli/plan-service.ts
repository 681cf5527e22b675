import { existsSync } from 'node:fs'
import { formatPeriod, formatVietnameseDate, parsePeriod } from '../../core/index.ts'
import { computeDatabasePath } from '../http/serve.ts'
import { readCatalog } from '../province/catalog.ts'
import { readPlan, type PlanDefinition } from '../province/config.ts'
import { createPlanBook } from '../plans/book.ts'
import { formatDocument } from '../plans/summary.ts'
import { buildUnitTemplate, buildUnitTemplatesZip } from '../plans/units.ts'
import { createStore } from '../store/index.ts'
import { writeOut } from './io.ts'
import { readBoundedFile } from '../files.ts'
import { readRegistryOption } from './plan-args.ts'
import { AppError } from '../errors/index.ts'
import type { Args, dataFlags, planPublishFlags, planTemplateFlags } from './flags.ts'

// The `cchc plan` commands that work with the service's database or build workbooks.

const changeWords = { added: 'bổ sung', removed: 'bãi bỏ', changed: 'sửa đổi' } as const

function openBook(dataDir: string) {
  const store = createStore(computeDatabasePath(dataDir))
  return readCatalog().then((catalog) => ({ store, catalog, book: createPlanBook(store, catalog) }))
}

/** `cchc plan publish PLAN.json [--from YYYY-MM-DD] [--data data]`. */
export async function runPlanPublish({
  values,
  positionals,
}: Args<typeof planPublishFlags>): Promise<number> {
  const file = positionals[0]
  if (!file) throw new AppError('cli/usage', 'Thiếu tệp kế hoạch / Missing the plan file.')
  const data = JSON.parse(new TextDecoder().decode(await readBoundedFile(file, 20 * 1024 * 1024)))
  const { store, book } = await openBook(values.data)
  try {
    const v = book.publishDefinition(data, {
      effectiveFrom: values.from ?? null,
      by: 'cli',
      now: new Date(),
    })
    const lines = [
      `Đã ban hành “${v.definition.name}” (${v.planId}) phiên bản ${v.version}, hiệu lực từ ${formatVietnameseDate(v.effectiveFrom)}.`,
      `${formatDocument(v.definition.document)}`,
      ...v.changes.map((c) => `  ${changeWords[c.kind]} ${c.task}: ${c.content.slice(0, 100)}`),
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
    return 0
  } finally {
    store.close()
  }
}

/** `cchc plan list [--data data]`. */
export async function runPlanList({ values }: Args<typeof dataFlags>): Promise<number> {
  const { store, book } = await openBook(values.data)
  try {
    const lines: string[] = []
    for (const p of book.listPlans()) {
      lines.push(`${p.id} — ${p.name} (năm ${p.year})${p.shipped ? ' [mẫu có sẵn]' : ''}`)
      for (const v of p.versions)
        lines.push(
          `  phiên bản ${v.version}: hiệu lực từ ${formatVietnameseDate(v.effectiveFrom)}, ${v.tasks} nhiệm vụ` +
            (v.changes.length ? `, ${v.changes.length} thay đổi` : '') +
            (v.document?.number ? ` — ${formatDocument(v.document)}` : ''),
        )
    }
    process.stdout.write(`${lines.join('\n')}\n`)
    return 0
  } finally {
    store.close()
  }
}

/** The plan a template command names: a plan file, else a plan id in the database or the shipped plans. */
async function readNamedPlan(name: string, dataDir: string): Promise<PlanDefinition> {
  if (existsSync(name)) return readPlan(name)
  const catalog = await readCatalog()
  if (existsSync(computeDatabasePath(dataDir))) {
    const store = createStore(computeDatabasePath(dataDir))
    try {
      return createPlanBook(store, catalog).getVersion(name).definition
    } finally {
      store.close()
    }
  }
  const plan = catalog.plans.get(name)
  if (!plan) throw new AppError('cli/usage', `Không có kế hoạch / No plan: ${name}`)
  return plan
}

/** `cchc plan template PLAN (--agency ID -o OUT.xlsx | --all -o OUT.zip)`. */
export async function runPlanTemplate({
  values,
  positionals,
}: Args<typeof planTemplateFlags>): Promise<number> {
  const name = positionals[0]
  if (!name || !values.output || (!values.agency && !values.all))
    throw new AppError(
      'cli/usage',
      'Cần kế hoạch, -o và --agency MÃ hoặc --all / A plan, -o and --agency ID or --all are needed.',
    )
  const period = values.period ? parsePeriod(values.period) : null
  if (values.period && !period) throw new AppError('cli/usage', `--period: ${values.period}`)
  const label = period ? formatPeriod(period.id) : null
  const plan = await readNamedPlan(name, values.data)
  const registry = await readRegistryOption(values.agencies)
  if (!registry)
    throw new AppError(
      'cli/usage',
      'Cần danh mục cơ quan / A registry is needed: --agencies A.json',
    )
  if (values.all) {
    const { zip, count } = await buildUnitTemplatesZip(plan, registry, registry.agencies, label)
    await writeOut(values.output, zip)
    process.stdout.write(`Đã tạo biểu mẫu cho ${count} đơn vị → ${values.output}\n`)
    return 0
  }
  const agency = registry.agencies.find((a) => a.id === values.agency)
  if (!agency) throw new AppError('cli/usage', `Không có đơn vị / No unit: ${values.agency}`)
  const workbook = buildUnitTemplate(plan, registry, agency, label)
  if (!workbook)
    throw new AppError(
      'cli/usage',
      `${agency.name} không chủ trì hay phối hợp nhiệm vụ nào của kế hoạch.`,
    )
  await writeOut(values.output, await workbook.xlsx.writeBuffer())
  process.stdout.write(`Đã tạo biểu mẫu của ${agency.name} → ${values.output}\n`)
  return 0
}
