/** Failures allowed per key within a window before further attempts are refused with 429. */
export type RateLimit = { max: number; windowMs: number }

/**
 * Counts failures per key (an IP, an account) in a sliding window, in memory: a restart forgets
 * them, which only gives an attacker one fresh window per crash. Keys are capped so that a flood of
 * distinct keys cannot grow memory without bound.
 */
export function createRateLimiter(limit: RateLimit, maxKeys = 50_000) {
  const failures = new Map<string, number[]>()

  function prune(key: string, now: number): number[] {
    const kept = (failures.get(key) ?? []).filter((t) => t > now - limit.windowMs)
    if (kept.length === 0) failures.delete(key)
    else failures.set(key, kept)
    return kept
  }

  return {
    /** True when the key has used up its failures for the window. */
    isBlocked(key: string, now = Date.now()): boolean {
      return prune(key, now).length >= limit.max
    },
    /** Counts one failure; returns true when this one reached the limit. */
    addFailure(key: string, now = Date.now()): boolean {
      const kept = prune(key, now)
      if (failures.size >= maxKeys && !failures.has(key)) {
        const oldest = failures.keys().next().value
        if (oldest !== undefined) failures.delete(oldest)
      }
      kept.push(now)
      failures.set(key, kept)
      return kept.length === limit.max
    },
    /** Forgets a key's failures (after a successful sign-in). */
    reset(key: string): void {
      failures.delete(key)
    },
  }
}

export type RateLimiter = ReturnType<typeof createRateLimiter>
