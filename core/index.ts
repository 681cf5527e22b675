export {
  columnLetter,
  columnNumber,
  cellText,
  isDateCell,
  computeFilledCells,
  clipCellText,
  maxCellChars,
} from './grid.ts'
export type { CellValue, DateCell, Grid, MergeArea, StrayCell, TemplateMeta } from './grid.ts'
export {
  computeDayCount,
  computeExcelSerial,
  date1904Offset,
  computeMonthEnd,
  computeVietnamDate,
  convertExcelSerial,
  createIsoDate,
  formatVietnameseDate,
  formatVietnamTime,
  parseDayFirstDate,
  parseExportedDate,
  readDatePrecision,
  showDateAs,
  stripFormatLiterals,
} from './date.ts'
export type { DatePrecision, IsoDate } from './date.ts'
export { parseDeadline, parseDeadlineRange, deadlineKinds } from './deadline.ts'
export type { Deadline, DeadlineKind } from './deadline.ts'
export {
  fieldKeys,
  fieldSpecs,
  fieldNames,
  matchField,
  computedFields,
  unusedColumnName,
  requiredFields,
  findMissingRequired,
} from './fields.ts'
export type { FieldKey, FieldRole, RequiredField } from './fields.ts'
export { createIssue, issueCodes, issueLimits, issueParamKeys, severities } from './issue.ts'
export type { IssueParams } from './issue.ts'
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
export { formatPoints, roundScore } from './score.ts'
export { reportLimits } from './report.ts'
export type { Report, TaskEntry, ReportSummary } from './report.ts'
export { foldText } from './text.ts'
export {
  computeCurrentPeriod,
  computePeriod,
  computePeriodEnd,
  computePeriodStart,
  computeReportPeriod,
  formatPeriod,
  isDateInPeriod,
  listPeriodChoices,
  parsePeriod,
} from './period.ts'
export type { Period } from './period.ts'
export { parsePeriodInput } from './period-input.ts'
export {
  computeReportState,
  maxReturnReason,
  parseReturnReason,
  reportStates,
  reviewDecisions,
} from './report-state.ts'
export type { ReportState, Review, ReviewDecision } from './report-state.ts'
export {
  askPeriodMismatch,
  askSendWithErrors,
  describeReportStanding,
  describeReportState,
  describeTarget,
  reportStateLabels,
} from './messages-report.ts'
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
export {
  describeReading,
  formatColumnReading,
  formatReadingName,
  guessedMark,
  readingBases,
} from './messages-mapping.ts'
export type { ReadingBasis } from './messages-mapping.ts'
export { scoreHeaderText } from './header-score.ts'
export { readFiguresInText } from './achieved.ts'
export {
  formatHexColor,
  maxRecordChunks,
  parseHexColor,
  parseMarkBook,
  recordChunkSize,
  serializeMarkBook,
} from './marks-record.ts'
export {
  chooseCheckSheetName,
  computeKeyColumns,
  findMarkRecord,
  findRecordedSheet,
  moveAddress,
  replaceMarkRecord,
} from './marks-book.ts'
export type {
  ColorModel,
  FillModel,
  MarkBook,
  MarkRecord,
  SavedCell,
  SheetIdentity,
} from './marks-record.ts'
export {
  computeNoteHash,
  computeRowIdentity,
  computeTextHash,
  computeValueHash,
  matchRows,
} from './row-identity.ts'
export type { RowIdentity, RowMatch } from './row-identity.ts'
export {
  convertArgbToHex,
  convertWidthToPixels,
  identifyGridRow,
  isOwnNote,
  moveRecordCells,
  noteTag,
  normalizeFill,
  parseRecord,
  readRecordRows,
  recordChunk,
  sheetRoleKey,
  splitAddress,
  splitRecord,
  tagNote,
} from './sheets-record.ts'
export type {
  SavedCell as SheetsSavedCell,
  SavedValue,
  SheetRole,
  SheetsMarkRecord,
} from './sheets-record.ts'
export { metaSheetName, parseIssuedValue, parseTemplateMeta } from './template-meta.ts'
export { computeDiffKey, computeRowDiff, diffFieldLabels, diffFields } from './diff.ts'
export type { DiffField, DiffRow, FieldChange, RowChange, RowDiff } from './diff.ts'
export { computeChangeDirection } from './diff-direction.ts'
export type { ChangeDirection } from './diff-direction.ts'
export {
  checkEvidence,
  computeEvidenceWindow,
  evidenceProblems,
  parseEvidence,
  validateEvidence,
} from './evidence.ts'
export type { DocumentReference, EvidenceProblem } from './evidence.ts'
export { parseIssuingDocument, parseAmendedDocument } from './plan-document.ts'
export type { IssuingDocument, AmendedDocument } from './plan-document.ts'
export { computePlanDraft } from './plan-draft.ts'
export type {
  PlanColumn,
  PlanDoubt,
  PlanDraft,
  PlanDraftOptions,
  PlanRow,
  PlanRowReading,
  PlanSection,
} from './plan-draft.ts'
export { rowKinds } from './table.ts'
export type { RowKind } from './table.ts'
export {
  computePlanChanges,
  computePlanTaskKey,
  listPlanTasks,
  planChangeKinds,
} from './plan-changes.ts'
export type { PlanChange, PlanChangeKind, PlanTask } from './plan-changes.ts'
export { checkReportAgainstPlan } from './plan-check.ts'
export type { PlanCheckOptions, PlanInForce, RemovedTask } from './plan-check.ts'
export { buildPlanGrid } from './plan-grid.ts'
export { decideCellRestore } from './marks-restore.ts'
export type { CellDecision, CellNow, CellRestore } from './marks-restore.ts'
export { computeNextIndex, filterProblems, formatIssueCell } from './problems.ts'
export type { SeverityFilter } from './problems.ts'
