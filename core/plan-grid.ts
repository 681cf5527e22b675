import { fieldSpecs, type FieldKey } from './fields.ts'
import type { CellValue, Grid } from './grid.ts'
import type { PlanColumn, PlanRow } from './plan-draft.ts'

/**
 * Lays a plan definition out as the table it came from: its title lines, a header row (the plan's own
 * header texts, else the canonical ones), then its rows. A plan corrected by hand is read again
 * through this grid, so its reading and doubts come from the same core reading as an import.
 */
export function buildPlanGrid(plan: {
  title: string[]
  columns: PlanColumn[]
  rows: PlanRow[]
}): Grid {
  const fields: FieldKey[] = plan.columns.map((c) => (typeof c === 'string' ? c : c.field))
  const header = plan.columns.map((c) => (typeof c === 'string' ? fieldSpecs[c].label : c.header))
  const cells: CellValue[][] = [
    ...plan.title.map((t) => [t]),
    header,
    ...plan.rows.map((row) => fields.map((f) => row[f] ?? null)),
  ]
  return { sheet: 'Phụ lục', top: 1, left: 1, cells, merges: [] }
}
