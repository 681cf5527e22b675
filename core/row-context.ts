import type { AgencyIndex, AgencyRegistry } from './agency.ts'
import type { IsoDate } from './date.ts'
import type { Deadline } from './deadline.ts'
import type { FieldKey } from './fields.ts'
import type { Issue } from './issue.ts'
import type { ScoringProfile } from './profile.ts'
import type { RowCell } from './table.ts'

/** What every row check needs: the plan year, the cut-off, the profile, the registry and the issue list. */
export type RowContext = {
  planYear: number | null
  /**
   * Without a plan year, the year of the report date: a deadline without a year is read in it, and
   * `yearAssumed` holds those deadline texts, told once for the table.
   */
  fallbackYear: number
  yearAssumed: string[]
  /** The one day the title names (a meeting's programme): a time of day in the deadline column is on it. */
  titleDay: IsoDate | null
  /**
   * A meeting's programme: a title day and times of day in the deadline column. Every item falls on
   * that day, one with no time of its own too ("Bế mạc Hội nghị"), and an item needs no one named to
   * lead it (the meeting's chair leads, "Thủ tướng Chính phủ phát biểu chỉ đạo").
   */
  programme: boolean
  /**
   * The first year of the school year the title names ("NĂM HỌC 2025-2026"): a day or month without
   * a year falls in the first year from September, in the second up to July.
   */
  schoolYear: number | null
  /**
   * A table of no year whose every time counts from the period reported ("15/9 năm sau", "Ngày 12
   * tháng sau") or comes round by itself: a reporting regime, whose times come round every period.
   */
  regime: boolean
  /** A plan for several years ("GIAI ĐOẠN 2026 - 2030"): a day of "năm liền kề" comes every year. */
  severalYears: boolean
  /** The month a monthly plan is for ("KẾ HOẠCH CÔNG TÁC THÁNG 10/2026"): "Trong tháng", "Tuần 3" fall in it. */
  planMonth: { year: number; month: number } | null
  /** The plan's issue date, which deadlines such as "30 ngày kể từ ngày ban hành" count from. */
  issued: IsoDate | null
  asOf: IsoDate
  profile: ScoringProfile | null
  registry: AgencyRegistry | null
  index: AgencyIndex | null
  issues: Issue[]
  /** Whether the progress is read across a workflow's steps, which no agency typed. */
  progressFromSteps: boolean
  /** The fields the table has a column for, and their letters. */
  columns: Set<FieldKey>
  letters: Partial<Record<FieldKey, string>>
  /** Rows whose numeric target met a result in words: told once for the table, never row by row. */
  unjudged: number
  /**
   * Each deadline text read once for this table (annexes repeat "Trong năm 2026" on most rows), so
   * that the same text reads the same on every row; a cache of the call, never of the module.
   */
  deadlines: Map<string, Deadline | null>
}

/** Where an issue about a row's cell points. */
export function placeCell(cell: RowCell, row: number, field: FieldKey) {
  return { row, column: cell.column, field, value: cell.text }
}
