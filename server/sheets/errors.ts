import { AppError } from '../errors/index.ts'

/** The HTTP status of a failed Google API call (gaxios puts it on the error), or null. */
export function readErrorStatus(error: unknown): number | null {
  const e = error as { status?: unknown; response?: { status?: unknown }; code?: unknown }
  const status = e?.status ?? e?.response?.status ?? e?.code
  return typeof status === 'number' ? status : null
}

/** Turns a failed Google API call into the user's kind message. */
export function convertApiError(error: unknown): Error {
  if (error instanceof AppError) return error
  const status = readErrorStatus(error)
  if (status === 401) return new AppError('sheets/auth')
  if (status === 403) return new AppError('sheets/permission')
  if (status === 404) return new AppError('sheets/not-found')
  if (status === 429) return new AppError('sheets/quota')
  if (status === null)
    return new AppError('sheets/network', (error as Error)?.message?.slice(0, 120))
  return error instanceof Error ? error : new Error(String(error))
}
