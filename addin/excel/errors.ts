import type { Bilingual } from '../../core/index.ts'
import { addinErrorCodes, addinErrors, type AddinErrorCode } from '../messages.ts'

/** A refusal of the add-in itself (not Excel's), carrying its catalogue code and the sheets concerned. */
export class AddinError extends Error {
  constructor(
    readonly code: AddinErrorCode,
    readonly detail: { sheet?: string; annex?: string } = {},
  ) {
    super(fillIn(addinErrors[code].en, detail))
  }
}

function fillIn(text: string, detail: { sheet?: string; annex?: string }): string {
  return text.replace(/\{(sheet|annex)\}/g, (_, key: 'sheet' | 'annex') => detail[key] ?? '')
}

/**
 * The catalogue code of any failure, by Excel's `error.code` (OfficeExtension.Error) or an
 * AddinError's code; anything else is 'unknown'. Codes are matched exactly, never guessed from
 * the message text.
 */
export function readErrorCode(error: unknown): AddinErrorCode {
  const code = (error as { code?: unknown } | null)?.code
  return addinErrorCodes.find((c) => c === code && c !== 'unknown') ?? 'unknown'
}

/** Every failure as the user reads it: the Vietnamese and English text for its code. */
export function describeExcelError(error: unknown): Bilingual {
  const text = addinErrors[readErrorCode(error)]
  const detail = error instanceof AddinError ? error.detail : {}
  return { vi: fillIn(text.vi, detail), en: fillIn(text.en, detail) }
}
