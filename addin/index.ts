export { hasNotesApi, runCheck, runClear, runFixes, selectCell } from './excel/check.ts'
export type { CheckOptions, CheckOutcome, CheckPhase } from './excel/check.ts'
export { convertArgb, createBatch, requestLimit } from './excel/mark.ts'
export {
  convertOfficeValue,
  isDateFormat,
  parseAddress,
  queueRead,
  readLoaded,
} from './excel/read.ts'
export type { MarkRecord, SheetRead } from './excel/read.ts'
export { addinRegistry, findAddinProfile } from './catalog.ts'
export { computeDefaults, readSettings, writeSettings } from './settings.ts'
export type { PaneSettings } from './settings.ts'
