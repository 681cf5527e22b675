export {
  hasNotesApi,
  readSheetReport,
  runCheck,
  runClear,
  runFixes,
  selectCell,
} from './excel/check.ts'
export type {
  CheckOptions,
  CheckOutcome,
  ClearOutcome,
  FixOutcome,
  ManualFix,
  Progress,
  SheetReport,
} from './excel/check.ts'
export { describeExcelError, readErrorCode, AddinError } from './excel/errors.ts'
export { createBatch, requestLimit, queueText } from './excel/write.ts'
export { convertOfficeValue, isDateFormat, parseAddress } from './excel/read.ts'
export type { SheetRead } from './excel/read.ts'
export { needsTextPrefix, readSheetAccess } from './excel/protection.ts'
export type { SheetAccess } from './excel/protection.ts'
export { addinRegistry, findAddinProfile } from './catalog.ts'
export { addinErrors, hostLimitsText, lockedFixesText, staleFixesText } from './messages.ts'
export { computeDefaults, readSettings, writeSettings } from './settings.ts'
export type { PaneSettings } from './settings.ts'
