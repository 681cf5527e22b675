import type { Store, StoredSubmission } from './index.ts'

type Pending = {
  write: () => StoredSubmission
  resolve: (record: StoredSubmission) => void
  reject: (error: unknown) => void
}

type Outcome = { ok: true; value: StoredSubmission } | { ok: false; error: unknown }

/**
 * Group commit for uploads: the submissions whose checks finish while the store is busy are written
 * in one transaction, so at quarter-end many uploads share one fsync (synchronous=FULL) instead of
 * each waiting for its own. Every upload is answered only after the transaction holding it has
 * committed; one upload's refusal (quota, timeout) or failure rolls back its own writes (a savepoint)
 * and leaves the others of its batch alone; a failed commit fails them all.
 */
export function createSubmissionWriter(store: Store) {
  let queue: Pending[] = []
  let scheduled = false
  // Each upload in its own savepoint: a refusal or failure rolls back that upload's writes only.
  const writeOne = store.transaction((item: Pending) => item.write())
  const commit = store.transaction((items: Pending[]): Outcome[] =>
    items.map((item) => {
      try {
        return { ok: true, value: writeOne(item) }
      } catch (error) {
        return { ok: false, error }
      }
    }),
  )

  function flush() {
    scheduled = false
    const items = queue
    queue = []
    let outcomes: Outcome[]
    try {
      outcomes = commit.immediate(items)
    } catch (error) {
      for (const item of items) item.reject(error)
      return
    }
    outcomes.forEach((o, i) => (o.ok ? items[i]!.resolve(o.value) : items[i]!.reject(o.error)))
  }

  return {
    /**
     * Runs `write` (checks, then `store.addSubmission`) in the next batch; resolves once it is
     * committed. The batch is written after the event loop has taken every result waiting for it.
     */
    write(write: () => StoredSubmission): Promise<StoredSubmission> {
      return new Promise((resolve, reject) => {
        queue.push({ write, resolve, reject })
        if (!scheduled) {
          scheduled = true
          setImmediate(flush)
        }
      })
    },
  }
}
