import type { Bilingual } from '../../core/index.ts'
import { addinErrorCodes, addinErrors, type AddinErrorCode } from '../messages.ts'

/** A refusal of the add-in itself (not Excel's), carrying its catalogue code. */
export class AddinError extends Error {
  constructor(readonly code: AddinErrorCode) {
    super(addinErrors[code].en)
  }
}

/** The catalogue code of any failure: Excel's `error.code`, an AddinError's code, else 'unknown'. */
export function readErrorCode(error: unknown): AddinErrorCode {
  const code = (error as { code?: unknown } | null)?.code
  const text = typeof code === 'string' ? code : String((error as Error)?.message ?? '')
  return (
    addinErrorCodes.find((c) => c === code) ??
    addinErrorCodes.find((c) => c !== 'unknown' && text.startsWith(c)) ??
    'unknown'
  )
}

/** Every failure as the user reads it: the Vietnamese and English text for its code. */
export function describeExcelError(error: unknown): Bilingual {
  return addinErrors[readErrorCode(error)]
}
