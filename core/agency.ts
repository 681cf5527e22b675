import { computeEditDistance, foldText } from './text.ts'

export const agencyKinds = ['so', 'xa', 'other'] as const
export type AgencyKind = (typeof agencyKinds)[number]

/**
 * A reporting unit. `formerNames` are the units merged into it (the 2025 rearrangement of xã/phường);
 * `code` is its official administrative-unit code when it has one; `contact` whom to call or write
 * to about its reports, when the registry knows.
 */
export type Agency = {
  id: string
  name: string
  kind: AgencyKind
  aliases?: string[]
  code?: string
  formerNames?: string[]
  contact?: string
}
/** A collective name ("Các sở, ban, ngành") standing for every agency of some kinds, or none in particular. */
export type AgencyGroup = { name: string; aliases?: string[]; kinds: AgencyKind[] }
/** A name used before a reorganisation, resolved to the agency that took over on `date`. */
export type AgencyRename = { from: string; to: string; date: string }

/** A province's registry of agencies for a period (JSON in templates/agencies/). */
export type AgencyRegistry = {
  province: string
  year: number
  agencies: Agency[]
  groups: AgencyGroup[]
  renames: AgencyRename[]
}

/** One part of an agency cell, as written, and what it resolved to. */
export type AgencyMention =
  | { text: string; agencyId: string; renamed?: boolean }
  | { text: string; group: AgencyGroup }
  | { text: string; unknown: true; suggestion: string | null }

type IndexEntry = { agencyId?: string; group?: AgencyGroup; renamed?: boolean; display: string }

/** A registry prepared for matching: folded names, aliases, groups and old names. */
export type AgencyIndex = {
  byName: Map<string, IndexEntry>
  names: { folded: string; display: string }[]
}

const indexes = new WeakMap<AgencyRegistry, AgencyIndex>()

/**
 * Prepares a registry for matching names without case or diacritics. The index is kept for the
 * registry object (a service checks every upload against the same one); registries are not mutated.
 */
export function createAgencyIndex(registry: AgencyRegistry): AgencyIndex {
  let index = indexes.get(registry)
  if (!index) indexes.set(registry, (index = buildAgencyIndex(registry)))
  return index
}

function buildAgencyIndex(registry: AgencyRegistry): AgencyIndex {
  const byName = new Map<string, IndexEntry>()
  const add = (name: string, entry: IndexEntry) => {
    const folded = foldText(name)
    if (folded && !byName.has(folded)) byName.set(folded, entry)
  }
  for (const a of registry.agencies) {
    for (const n of [a.name, ...(a.aliases ?? [])]) add(n, { agencyId: a.id, display: a.name })
  }
  for (const g of registry.groups) {
    for (const n of [g.name, ...(g.aliases ?? [])]) add(n, { group: g, display: g.name })
  }
  for (const r of registry.renames) {
    const target = registry.agencies.find((a) => a.id === r.to)
    add(r.from, { agencyId: r.to, renamed: true, display: target?.name ?? r.to })
  }
  for (const [name, agency] of computeUniqueFormerNames(registry.agencies))
    add(name, { agencyId: agency.id, renamed: true, display: agency.name })
  const names = [...byName.entries()].map(([folded, e]) => ({ folded, display: e.display }))
  return { byName, names }
}

/**
 * Former names that point at one agency only: "Xã Cư Êbur" → Phường Buôn Ma Thuột. A unit split
 * between two new ones ("Phường 9") or a name that two districts used resolves to nothing.
 */
function computeUniqueFormerNames(agencies: Agency[]): Map<string, Agency> {
  const owners = new Map<string, Set<Agency>>()
  for (const a of agencies)
    for (const f of a.formerNames ?? []) {
      const name = f.replace(/\s*\([^)]*\)\s*$/, '')
      let set = owners.get(foldText(name))
      if (!set) owners.set(foldText(name), (set = new Set()))
      set.add(a)
    }
  const out = new Map<string, Agency>()
  for (const [name, set] of owners) if (set.size === 1) out.set(name, [...set][0]!)
  return out
}

const separator = /(\s*[,;\n]\s*|\s+và\s+|\s+-\s+)/i
/** Words that join names and mean nothing alone ("các", "có liên quan"). */
const filler = new Set([
  '',
  'va',
  'cac',
  'co lien quan',
  'lien quan',
  'cac co quan lien quan',
  'dong thoi',
])

/**
 * Splits an agency cell and resolves each part. Parts are rejoined greedily so that names that
 * contain a comma or "và" ("Sở Văn hóa, Thể thao và Du lịch") still match as one.
 * @example parseAgencies('Sở Nội vụ, Văn phòng UBND tỉnh và các cơ quan có liên quan', index)
 */
export function parseAgencies(text: string, index: AgencyIndex): AgencyMention[] {
  const pieces = text.replace(/^[\s\-–•+]+/, '').split(separator)
  const parts: string[] = []
  const seps: string[] = []
  pieces.forEach((p, i) => (i % 2 === 0 ? parts.push(p) : seps.push(p)))
  const out: AgencyMention[] = []
  let i = 0
  while (i < parts.length) {
    let matched = false
    for (let j = Math.min(parts.length - 1, i + 4); j >= i; j--) {
      let candidate = parts[i]!
      for (let k = i; k < j; k++) candidate += seps[k]! + parts[k + 1]!
      const entry = index.byName.get(foldText(candidate))
      if (entry) {
        out.push(createMention(candidate.trim(), entry))
        i = j + 1
        matched = true
        break
      }
    }
    if (matched) continue
    const part = parts[i]!.trim()
      .replace(/^[-–•+]\s*/, '')
      .replace(/[.]+$/, '')
    if (!filler.has(foldText(part)))
      out.push({ text: part, unknown: true, suggestion: suggestName(part, index) })
    i++
  }
  return out
}

function createMention(text: string, entry: IndexEntry): AgencyMention {
  if (entry.group) return { text, group: entry.group }
  const mention: AgencyMention = { text, agencyId: entry.agencyId! }
  if (entry.renamed) mention.renamed = true
  return mention
}

/** The closest known name, when one is close enough to be a likely typo. */
export function suggestName(text: string, index: AgencyIndex): string | null {
  const folded = foldText(text)
  let best: { display: string; d: number } | null = null
  for (const n of index.names) {
    const d = computeEditDistance(folded, n.folded)
    if (!best || d < best.d) best = { display: n.display, d }
  }
  if (!best) return null
  return best.d <= Math.max(3, Math.floor(folded.length * 0.4)) ? best.display : null
}

/** The agency ids a cell names: agencies directly, and every member of a group by kind. */
export function computeAgencyIds(mentions: AgencyMention[], registry: AgencyRegistry): string[] {
  const ids = new Set<string>()
  for (const m of mentions) {
    if ('agencyId' in m) ids.add(m.agencyId)
    else if ('group' in m) {
      for (const a of registry.agencies) if (m.group.kinds.includes(a.kind)) ids.add(a.id)
    }
  }
  return [...ids]
}
