import type { Bilingual } from '../../core/index.ts'
import { httpErrors } from './http.ts'
import { sheetsErrors } from './sheets.ts'
import type { ErrorText } from './text.ts'
import { workbookErrors } from './workbook.ts'

export type { ErrorText } from './text.ts'

/** Failures of the command line and of the shipped configuration: the detail is the whole message. */
const localErrors = {
  'cli/usage': { status: 400, vi: '', en: '' },
  'config/invalid': { status: 500, vi: '', en: '' },
} as const satisfies Record<string, ErrorText>

/** Every coded failure of the service, the CLI and the workers: code → HTTP status and text. */
export const errorTable = {
  ...httpErrors,
  ...workbookErrors,
  ...sheetsErrors,
  ...localErrors,
} as const satisfies Record<string, ErrorText>

export type ErrorCode = keyof typeof errorTable

/** Whether a string (from another thread, a stored record …) is a known error code. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorTable, code)
}

/**
 * A failure the user must act on: a stable code, the HTTP status beside it, the Vietnamese (and
 * English) text and an optional detail. The CLI, `app.onError` and the worker boundary tell failures
 * apart by `instanceof AppError` and the code, never by a class name.
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly text: Bilingual
  readonly detail: string | undefined

  constructor(code: ErrorCode, detail?: string) {
    const e: ErrorText = errorTable[code]
    super(e.en ? (detail ? `${e.en} (${detail})` : e.en) : (detail ?? code))
    this.name = 'AppError'
    this.code = code
    this.status = e.status
    this.detail = detail
    this.text = !e.vi
      ? { vi: detail ?? code, en: detail ?? code }
      : detail
        ? { vi: `${e.vi} (${detail})`, en: `${e.en} (${detail})` }
        : { vi: e.vi, en: e.en }
  }

  /** Whether this failure is of one family (`workbook`, `sheets`, `auth` …). */
  isIn(family: string): boolean {
    return this.code.startsWith(`${family}/`)
  }
}
