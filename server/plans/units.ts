import { crc32 } from 'node:zlib'
import type { AgencyRegistry } from '../../core/index.ts'
import type { PlanDefinition } from '../province/config.ts'
import { buildTemplate, type TemplateRow } from '../xlsx/template.ts'
import { writeZip } from '../xlsx/zip.ts'
import { selectUnitRows } from './unit-rows.ts'

// Every unit's own template: the tasks it leads, then (in a second part) those it cooperates on or
// carries out, each under its heading, section and group rows; a task led by a group ("UBND cấp xã",
// "Các sở, ban, ngành") goes to every unit of the group.

/** The banners above the two parts of a unit's template. */
export const unitParts = {
  lead: 'A. NHIỆM VỤ CHỦ TRÌ',
  coop: 'B. NHIỆM VỤ PHỐI HỢP, THỰC HIỆN',
} as const

/** A unit's template, or null when it neither leads nor cooperates on any task. */
export function buildUnitTemplate(
  plan: PlanDefinition,
  registry: AgencyRegistry,
  agency: { id: string; name: string },
  period: string | null = null,
) {
  const { lead, coop } = selectUnitRows(plan, registry, agency.id)
  if (!lead.length && !coop.length) return null
  const rows: TemplateRow[] = [
    ...(lead.length ? [{ banner: unitParts.lead }, ...lead] : []),
    ...(coop.length ? [{ banner: unitParts.coop }, ...coop] : []),
  ]
  const label = period ?? `Năm ${plan.year}`
  return buildTemplate(plan, {
    rows,
    subtitle: [`Đơn vị: ${agency.name}`, `Kỳ báo cáo: ${label}`],
    meta: [['agency', agency.id]],
    period: label,
  })
}

/** One .zip of every unit's template (units without tasks left out), named by the unit's id. */
export async function buildUnitTemplatesZip(
  plan: PlanDefinition,
  registry: AgencyRegistry,
  agencies: { id: string; name: string }[],
  period: string | null = null,
): Promise<{ zip: Uint8Array; count: number }> {
  const parts = []
  for (const agency of agencies) {
    const workbook = buildUnitTemplate(plan, registry, agency, period)
    if (!workbook) continue
    const body = Buffer.from(await workbook.xlsx.writeBuffer())
    // Workbooks are zips already: stored as they are.
    parts.push({
      name: `${plan.id}/${agency.id}.xlsx`,
      body,
      method: 0 as const,
      crc: crc32(body),
      size: body.length,
    })
  }
  return { zip: writeZip(parts), count: parts.length }
}

/** What a worker needs to build units' templates: the plan, the registry, the units, the period. */
export type UnitTemplateRequest = {
  plan: PlanDefinition
  registry: AgencyRegistry
  agencies: { id: string; name: string }[]
  period: string | null
  /** One unit's workbook (the first of `agencies`) rather than a .zip of all. */
  single: boolean
}

/** Builds what a request asks for: one unit's .xlsx (null without tasks), or the .zip of all. */
export async function buildUnitTemplates(
  request: UnitTemplateRequest,
): Promise<{ bytes: Uint8Array | null; count: number }> {
  const { plan, registry, agencies, period } = request
  if (request.single) {
    const workbook = agencies[0] ? buildUnitTemplate(plan, registry, agencies[0], period) : null
    if (!workbook) return { bytes: null, count: 0 }
    return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), count: 1 }
  }
  const { zip, count } = await buildUnitTemplatesZip(plan, registry, agencies, period)
  return { bytes: zip, count }
}
