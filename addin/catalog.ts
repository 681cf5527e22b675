import type { AgencyRegistry, ScoringProfile } from '../core/index.ts'
import registry from '../templates/agencies/dak-lak-2026.json' with { type: 'json' }
import parSipasProfile from '../templates/profiles/dak-lak-2026-par-sipas.provisional.json' with { type: 'json' }

/** The agency registry the add-in checks names against (the same file the server and CLI read). */
export const addinRegistry = registry as AgencyRegistry

/** Plan id (from a template's hidden metadata) → its scoring profile, as in the plans' `profile` field. */
export const addinProfiles: Record<string, ScoringProfile> = {
  'dak-lak-2026-par-sipas': parSipasProfile as ScoringProfile,
}

export function findAddinProfile(planId: string | null): ScoringProfile | null {
  return planId ? (addinProfiles[planId] ?? null) : null
}
