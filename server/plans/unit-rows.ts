import {
  computeAgencyIds,
  computePlanTaskKey,
  createAgencyIndex,
  parseAgencies,
  parseStt,
  type AgencyRegistry,
  type PlanRow,
  type RowKind,
} from '../../core/index.ts'
import type { PlanDefinition } from '../province/config.ts'

// Which rows of a plan each unit reports: the tasks it leads, and those it cooperates on or carries
// out; a task led by a group ("UBND cấp xã", "Các sở, ban, ngành") goes to every unit of the group.

/** A unit's rows of a plan: the two parts, and the keys of the tasks it must report. */
export type UnitRows = { lead: PlanRow[]; coop: PlanRow[]; keys: Set<string> }

type Placed = { row: PlanRow; kind: RowKind; section: string | null; code: string | null }

/** Each row's kind and section: as core read it, else from its number (a plan written by hand). */
function placeRows(rows: PlanRow[]): Placed[] {
  let section: string | null = null
  return rows.map((row, i) => {
    if (row.read)
      return { row, kind: row.read.kind, section: row.read.section, code: row.stt ?? null }
    const stt = row.stt ? parseStt(row.stt) : null
    if (!stt) return { row, kind: 'heading', section, code: null }
    if (stt.kind === 'section') {
      section = stt.code
      return { row, kind: 'section', section, code: stt.code }
    }
    const next = rows.slice(i + 1).find((r) => r.stt && parseStt(r.stt)?.kind === 'numbered')
    const child = next?.stt ? parseStt(next.stt)?.code.startsWith(`${stt.code}.`) : false
    return { row, kind: child ? 'group' : 'task', section, code: stt.code }
  })
}

/**
 * The rows of a plan for one unit: tasks it leads (the lead column, or the executing column when the
 * plan has no lead column) in part A; tasks it cooperates on or carries out in part B; each part
 * with the headings, sections and groups above its tasks (a group already in part A is not repeated).
 */
export function selectUnitRows(
  plan: PlanDefinition,
  registry: AgencyRegistry,
  agencyId: string,
): UnitRows {
  const index = createAgencyIndex(registry)
  const ids = (text: string | undefined) =>
    text ? computeAgencyIds(parseAgencies(text, index), registry) : []
  const placed = placeRows(plan.rows)
  const keys = new Set<string>()
  // Each task's role first: a group both parts need is written in part A only.
  const roles = new Map<Placed, 'lead' | 'coop'>()
  for (const p of placed) {
    if (p.kind !== 'task' || !p.code) continue
    const lead = ids(p.row.lead ?? p.row.executing).includes(agencyId)
    const coop =
      ids(p.row.coop).includes(agencyId) ||
      (p.row.lead !== undefined && ids(p.row.executing).includes(agencyId))
    if (!lead && !coop) continue
    roles.set(p, lead ? 'lead' : 'coop')
    keys.add(computePlanTaskKey(p.section, p.code))
  }
  const inLead = new Set<PlanRow>()
  const collect = (role: 'lead' | 'coop'): PlanRow[] => {
    const part: PlanRow[] = []
    const context: Placed[] = []
    for (const p of placed) {
      if (p.kind === 'heading') context.splice(0, context.length, p)
      else if (p.kind === 'section') {
        const heading = context.find((c) => c.kind === 'heading')
        context.splice(0, context.length, ...(heading ? [heading] : []), p)
      } else if (p.kind === 'group') {
        while (context.length) {
          const last = context[context.length - 1]!
          if (last.kind === 'group' && !p.code?.startsWith(`${last.code}.`)) context.pop()
          else break
        }
        context.push(p)
      }
      if (roles.get(p) !== role) continue
      for (const c of context) {
        const relevant = c.kind !== 'group' || p.code!.startsWith(`${c.code}.`)
        if (!relevant || part.includes(c.row) || (role === 'coop' && inLead.has(c.row))) continue
        part.push(c.row)
        if (role === 'lead' && c.kind === 'group') inLead.add(c.row)
      }
      part.push(p.row)
    }
    return part
  }
  const parts = { lead: collect('lead'), coop: collect('coop') }
  return { ...parts, keys }
}
