export { columnLetter, columnNumber, cellText, isDateCell, computeFilledCells } from './grid.ts'
export type { CellValue, DateCell, Grid, MergeArea, TemplateMeta } from './grid.ts'
export {
  computeExcelSerial,
  computeMonthEnd,
  computeVietnamDate,
  convertExcelSerial,
  createIsoDate,
  formatVietnameseDate,
  formatVietnamTime,
  parseDayFirstDate,
} from './date.ts'
export type { IsoDate } from './date.ts'
export { parseDeadline, parseDeadlineRange, deadlineKinds } from './deadline.ts'
export type { Deadline, DeadlineKind } from './deadline.ts'
export {
  fieldKeys,
  fieldSpecs,
  fieldNames,
  formatColumnReading,
  matchField,
  computedFields,
  unusedColumnName,
} from './fields.ts'
export type { FieldKey, FieldRole } from './fields.ts'
export { createIssue, issueCodes, severities } from './issue.ts'
export type { Bilingual, Issue, IssueCode, Severity } from './issue.ts'
export { issueCatalogue, statusCodes, statusLabels, severityLabels } from './messages.ts'
export { parseProgress, isProgress, progressChoices, progressStates } from './progress.ts'
export type { Progress, ProgressProblem, ProgressState } from './progress.ts'
export { computeStatus, taskStatuses } from './status.ts'
export type { TaskStatus } from './status.ts'
export { parseTargets, parseAchieved, computeTargetsResult, computeTargetMet } from './target.ts'
export type { Target, Achieved } from './target.ts'
export { computeScore, findProfileItem } from './profile.ts'
export type { ScoringProfile, ProfileItem } from './profile.ts'
export {
  createAgencyIndex,
  parseAgencies,
  suggestName,
  computeAgencyIds,
  agencyKinds,
} from './agency.ts'
export type { Agency, AgencyGroup, AgencyKind, AgencyRegistry, AgencyMention } from './agency.ts'
export { inspectText, stripHtml, cleanText } from './hygiene.ts'
export { detectLegacyEncoding, convertLegacyText } from './legacy.ts'
export { parseStt } from './stt.ts'
export { readTable } from './table.ts'
export { validateTable, findTitleYear } from './validate.ts'
export type { ValidateOptions } from './validate.ts'
export { parseDateValue } from './row-checks.ts'
export { roundScore } from './score.ts'
export type { Report, TaskEntry, ReportSummary } from './report.ts'
export { foldText } from './text.ts'
export { computeCurrentPeriod, computePeriod, parsePeriod, formatPeriod } from './period.ts'
export type { Period } from './period.ts'
export {
  checkSheetName,
  computeFixes,
  computeMarkPlan,
  formatSheetReference,
  marksSheetName,
  renderNote,
  severityFills,
  statusFills,
} from './marks.ts'
export type { MarkColumn, MarkNote, MarkPlan, MarkValue } from './marks.ts'
export type { CheckSheetColumn, CheckSheetPlan } from './check-sheet.ts'
export {
  chooseColumn,
  formatColumnChoices,
  parseColumnChoices,
  resolveColumnChoices,
} from './columns.ts'
export type { ColumnChoices, ColumnReading } from './columns.ts'
export { scoreHeaderText } from './header-score.ts'
export { readFiguresInText } from './achieved.ts'
export {
  chooseCheckSheetName,
  computeKeyColumns,
  computeRowKey,
  computeRowMapping,
  formatHexColor,
  moveAddress,
  parseHexColor,
  parseMarkRecord,
  recordChunkSize,
  serializeMarkRecord,
} from './marks-record.ts'
export type {
  ColorModel,
  FillModel,
  MarkRecord,
  RowMapping,
  SavedCell,
  SheetIdentity,
} from './marks-record.ts'
export { metaSheetName, parseTemplateMeta } from './template-meta.ts'
export { computeDiffKey, computeRowDiff, diffFieldLabels, diffFields } from './diff.ts'
export type { DiffField, DiffRow, FieldChange, RowChange, RowDiff } from './diff.ts'
export {
  checkEvidence,
  computeEvidenceWindow,
  evidenceProblems,
  parseEvidence,
  validateEvidence,
} from './evidence.ts'
export type { DocumentReference, EvidenceProblem } from './evidence.ts'
