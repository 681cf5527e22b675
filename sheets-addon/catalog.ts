import type { AgencyRegistry, ScoringProfile } from '../core/index.ts'
import registry from '../templates/agencies/dak-lak-2026.json' with { type: 'json' }
import parSipas from '../templates/profiles/dak-lak-2026-par-sipas.provisional.json' with { type: 'json' }

// The province's files the add-on is bundled with (the same files the service and the CLI read).

/** The agency registry the add-on checks names against. */
export const sheetsRegistry = registry as AgencyRegistry

/** The scoring profile of a template's plan (its hidden plan id), as the plans' `profile` field names it. */
export function findSheetsProfile(planId: string | null): ScoringProfile | null {
  return planId === 'dak-lak-2026-par-sipas' ? (parSipas as ScoringProfile) : null
}
