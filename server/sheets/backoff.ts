import { readErrorStatus } from './errors.ts'
import { AppError } from '../errors/index.ts'

/** How long to wait; tests pass a simulated clock so a 429 storm takes no real time. */
export type Sleeper = (ms: number) => Promise<void>

export type BackoffOptions = {
  sleep?: Sleeper
  /** A number in [0, 1); tests pass a fixed one. */
  random?: () => number
  /** Longest single wait (Google recommends a maximum backoff of 32–64 s). */
  maxDelayMs?: number
  /** Total waiting allowed before giving up with a quota message (about a minute). */
  budgetMs?: number
}

export const realSleep: Sleeper = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Whether a failed call is worth retrying: rate limited, or a server-side failure. */
export function isRetryable(error: unknown): boolean {
  const status = readErrorStatus(error)
  return status === 429 || (status !== null && status >= 500 && status < 600)
}

function readRetryAfter(error: unknown): number | null {
  const headers = (error as { response?: { headers?: unknown } })?.response?.headers
  const value =
    headers instanceof Headers
      ? headers.get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after']
  const seconds = Number(value)
  return value !== undefined && value !== null && Number.isFinite(seconds) ? seconds * 1000 : null
}

/**
 * Runs a Google API call, retrying 429 and 5xx answers (POST included, which gaxios never retries)
 * with truncated exponential delays and full jitter, honouring Retry-After, for about a minute in total.
 */
export async function callWithBackoff<T>(
  call: () => Promise<T>,
  options: BackoffOptions = {},
): Promise<T> {
  const sleep = options.sleep ?? realSleep
  const random = options.random ?? Math.random
  const maxDelay = options.maxDelayMs ?? 32_000
  const budget = options.budgetMs ?? 64_000
  let waited = 0
  for (let attempt = 0; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      if (!isRetryable(error)) throw error
      const ceiling = Math.min(maxDelay, 1000 * 2 ** attempt)
      const delay = Math.max(readRetryAfter(error) ?? 0, Math.round(ceiling * (0.5 + random() / 2)))
      if (waited + delay > budget)
        throw readErrorStatus(error) === 429 ? new AppError('sheets/quota') : error
      waited += delay
      await sleep(delay)
    }
  }
}
