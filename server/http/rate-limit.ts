/** Failures allowed per key within a window before further attempts are refused with 429. */
export type RateLimit = { max: number; windowMs: number }

/**
 * Counts failures per key (an IP, an account) in a sliding window, in memory: a restart forgets
 * them, which only gives an attacker one fresh window per crash. Keys are capped so that a flood of
 * distinct keys cannot grow memory without bound. An attempt whose outcome is awaited (a password
 * hash) holds a reserved slot meanwhile, so concurrent attempts are counted before they are checked.
 */
export function createRateLimiter(limit: RateLimit, maxKeys = 50_000) {
  const failures = new Map<string, number[]>()
  const pending = new Map<string, number>()

  function prune(key: string, now: number): number[] {
    const kept = (failures.get(key) ?? []).filter((t) => t > now - limit.windowMs)
    if (kept.length === 0) failures.delete(key)
    else failures.set(key, kept)
    return kept
  }

  function addFailure(key: string, now = Date.now()): boolean {
    const kept = prune(key, now)
    if (failures.size >= maxKeys && !failures.has(key)) {
      const oldest = failures.keys().next().value
      if (oldest !== undefined) failures.delete(oldest)
    }
    kept.push(now)
    failures.set(key, kept)
    return kept.length === limit.max
  }

  function release(key: string) {
    const left = (pending.get(key) ?? 1) - 1
    if (left > 0) pending.set(key, left)
    else pending.delete(key)
  }

  return {
    /** True when the key has used up its failures for the window (attempts in progress included). */
    isBlocked(key: string, now = Date.now()): boolean {
      return prune(key, now).length + (pending.get(key) ?? 0) >= limit.max
    },
    /** Counts one failure; returns true when this one reached the limit. */
    addFailure,
    /**
     * Takes a slot for an attempt whose outcome is not known yet; false (nothing taken) when the
     * failures and the attempts in progress already reach the limit.
     */
    reserve(key: string, now = Date.now()): boolean {
      const held = pending.get(key) ?? 0
      if (prune(key, now).length + held >= limit.max) return false
      pending.set(key, held + 1)
      return true
    },
    /** Settles a reserved attempt: a failure is counted, a success only gives its slot back. */
    settle(key: string, failed: boolean, now = Date.now()): void {
      release(key)
      if (failed) addFailure(key, now)
    },
    /** Forgets a key's failures (after a successful sign-in). */
    reset(key: string): void {
      failures.delete(key)
    },
  }
}

export type RateLimiter = ReturnType<typeof createRateLimiter>

/** A limiter and the key an attempt is counted under. */
export type Slot = [RateLimiter, string]

/** Reserves a slot in each limiter, or none of them (false) when one is used up. */
export function reserveSlots(slots: Slot[]): boolean {
  const taken: Slot[] = []
  for (const slot of slots) {
    if (!slot[0].reserve(slot[1])) {
      for (const [limiter, key] of taken) limiter.settle(key, false)
      return false
    }
    taken.push(slot)
  }
  return true
}
