import type { AgencyRegistry, IsoDate, ScoringProfile } from '../../core/index.ts'
import type { Progress } from './sheet.ts'

/** What a check needs besides the workbook: the report date and what to check against. */
export type CheckOptions = {
  asOf: IsoDate
  file?: string | null
  year?: number | null
  /** The plan's issue date typed in the pane, over the workbook's and the title's. */
  issued?: IsoDate | null
  registry?: AgencyRegistry | null
  /** The scoring profile for the template's plan id, when the plan has one. */
  profileFor?: ((planId: string | null) => ScoringProfile | null) | null
  /** Whether the host has the notes API (ExcelApi 1.18); without it problems are shown by fills only. */
  notes: boolean
  onProgress?: (progress: Progress) => void
}
