import { Worker, type ResourceLimits } from 'node:worker_threads'

/** How a job failed inside a worker, in a form that crosses the thread boundary. */
export type JobFailure =
  { kind: 'app'; code: string; detail?: string } | { kind: 'internal'; message: string }

/**
 * A job that failed: the worker's own failure, or the pool's (over budget, crashed, too busy, or
 * cancelled because the one who asked for it has gone).
 */
export class JobError extends Error {
  readonly failure: JobFailure | { kind: 'over-budget' | 'busy' | 'cancelled' }
  constructor(failure: JobError['failure']) {
    super('message' in failure ? failure.message : failure.kind)
    this.failure = failure
  }
}

export type WorkerPoolOptions = {
  /** The worker's entry file, or (eval) a bootstrap script that loads it. */
  entry: URL | string
  eval: boolean
  workerData?: unknown
  /** Workers at most; they start on first use. */
  size: number
  resourceLimits: ResourceLimits
  /** A job running longer is stopped: its worker is terminated and replaced. */
  timeoutMs: number
  /** Jobs waiting beyond this are refused at once (503). */
  maxQueue: number
  /** Bytes the waiting jobs may hold together; a job that would pass it is refused at once. */
  maxQueuedBytes?: number
  /**
   * The worker posts `{ ready: true }` once loaded: a job's time budget starts only then, so that a
   * cold start on a busy machine is not charged to the first file (loading has its own budget).
   */
  announcesReady?: boolean
}

/** How one job is run. */
export type RunOptions = {
  /** Buffers handed to the worker without a copy (they are unusable here afterwards). */
  transfer?: ArrayBuffer[]
  /** Whose job it is (an agency): one owner's jobs never hold every worker. */
  key?: string
  /** The bytes the job holds while it waits (for the queued-bytes bound). */
  bytes?: number
  /** Aborted when nobody waits for the answer any more: the job is dropped, or its worker stopped. */
  signal?: AbortSignal
  /**
   * Receives the parts of a long answer as the worker posts them (`{ chunk }`, an ArrayBuffer
   * transferred without a copy), in order, before the job's final reply.
   */
  onChunk?: (chunk: Uint8Array) => void
}

/** How long a worker may take to load before it is replaced (with `announcesReady`). */
const workerLoadMs = 60_000

type Message =
  { ready: true } | { chunk: ArrayBuffer } | { ok: boolean; value?: unknown; failure?: JobFailure }

/** Stops listening to a worker being discarded; an error it still reports (out of memory while
 * terminating) is swallowed rather than crashing the process. */
function detach(worker: Worker) {
  worker.removeAllListeners()
  worker.on('error', () => {})
}

type Task = {
  job: unknown
  transfer: ArrayBuffer[]
  key: string | null
  bytes: number
  done: (value: unknown) => void
  fail: (error: JobError) => void
  onChunk: ((chunk: Uint8Array) => void) | null
  /** Stops listening to the task's signal. */
  forget: () => void
}
type Slot = { worker: Worker; task: Task | null; timer: NodeJS.Timeout | null; ready: boolean }

/**
 * A small pool of worker threads for untrusted parsing and long answers: each worker has memory
 * limits, each job a time budget; a job answers once, after any chunks it streams (`onChunk`). A
 * worker past its budget, out of memory or crashed is terminated and replaced; its job fails with
 * `over-budget`, and the thread that owns the pool never blocks. Jobs with an owner (`key`) take at
 * most all workers but one when others wait, so one agency's slow files cannot starve the rest; a
 * job whose caller has gone is dropped from the queue, or its worker stopped.
 */
export function createWorkerPool(options: WorkerPoolOptions) {
  const slots: Slot[] = []
  const queue: Task[] = []
  const runningPerKey = Math.max(1, options.size - 1)
  let queuedBytes = 0
  let closed = false

  function finish(slot: Slot, settle: (task: Task) => void) {
    const task = slot.task
    if (slot.timer) clearTimeout(slot.timer)
    slot.task = null
    slot.timer = null
    if (task) {
      task.forget()
      settle(task)
    }
  }

  function replace(slot: Slot, failure: 'over-budget' | 'cancelled' = 'over-budget') {
    const index = slots.indexOf(slot)
    if (index >= 0) slots.splice(index, 1)
    detach(slot.worker)
    void slot.worker.terminate()
    // A worker that died while loading fails the oldest job, so that a broken worker cannot loop.
    if (!slot.ready && !slot.task && queue.length > 0) {
      const [task] = queue.splice(0, 1)
      queuedBytes -= task!.bytes
      task!.forget()
      task!.fail(new JobError({ kind: failure }))
    }
    finish(slot, (task) => task.fail(new JobError({ kind: failure })))
    dispatch()
  }

  function spawn(): Slot {
    const worker = new Worker(options.entry, {
      eval: options.eval,
      workerData: options.workerData,
      resourceLimits: options.resourceLimits,
      stdout: false,
      stderr: false,
    })
    const slot: Slot = { worker, task: null, timer: null, ready: !options.announcesReady }
    // Loading has a budget of its own (a cold start on a busy machine takes seconds).
    if (!slot.ready) slot.timer = setTimeout(() => replace(slot), workerLoadMs)
    worker.on('message', (message: Message) => {
      if ('ready' in message) {
        if (slot.timer) clearTimeout(slot.timer)
        slot.timer = null
        slot.ready = true
        worker.unref()
        dispatch()
        return
      }
      if ('chunk' in message) {
        slot.task?.onChunk?.(new Uint8Array(message.chunk))
        return
      }
      finish(slot, (task) =>
        message.ok ? task.done(message.value) : task.fail(new JobError(message.failure!)),
      )
      worker.unref()
      dispatch()
    })
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY), an uncaught error or an exit: the job is lost, the worker replaced.
    worker.on('error', () => replace(slot))
    worker.on('exit', () => replace(slot))
    slots.push(slot)
    return slot
  }

  /** The next job to start: the oldest whose owner does not already hold its share of workers. */
  function takeNext(): Task | null {
    const running = new Map<string, number>()
    for (const s of slots)
      if (s.task?.key) running.set(s.task.key, (running.get(s.task.key) ?? 0) + 1)
    const index = queue.findIndex((t) => !t.key || (running.get(t.key) ?? 0) < runningPerKey)
    if (index < 0) return null
    const [task] = queue.splice(index, 1)
    queuedBytes -= task!.bytes
    return task!
  }

  function dispatch() {
    if (closed) return
    // Workers for the jobs waiting, up to the pool's size (one still loading counts as coming).
    while (
      slots.length < options.size &&
      slots.filter((s) => s.task === null).length < queue.length
    )
      spawn()
    for (const slot of slots) {
      if (queue.length === 0) return
      // A worker still loading takes its job once it says it is ready.
      if (slot.task !== null || !slot.ready) continue
      const task = takeNext()
      // Only owners already at their share are waiting: the worker stays free for others.
      if (!task) return
      slot.task = task
      slot.worker.ref()
      slot.timer = setTimeout(() => replace(slot), options.timeoutMs)
      slot.worker.postMessage(task.job, task.transfer)
    }
  }

  /** The caller has gone: a waiting job leaves the queue, a running one's worker is stopped. */
  function cancel(task: Task) {
    const index = queue.indexOf(task)
    if (index >= 0) {
      queue.splice(index, 1)
      queuedBytes -= task.bytes
      task.forget()
      task.fail(new JobError({ kind: 'cancelled' }))
      dispatch()
      return
    }
    const slot = slots.find((s) => s.task === task)
    if (slot) replace(slot, 'cancelled')
  }

  return {
    /** Runs one job in a worker. */
    run<T>(job: unknown, run: RunOptions = {}): Promise<T> {
      return new Promise<T>((done, fail) => {
        const bytes = run.bytes ?? 0
        const full =
          queue.length >= options.maxQueue ||
          (queue.length > 0 && queuedBytes + bytes > (options.maxQueuedBytes ?? Infinity))
        if (closed || full) {
          fail(new JobError({ kind: 'busy' }))
          return
        }
        if (run.signal?.aborted) {
          fail(new JobError({ kind: 'cancelled' }))
          return
        }
        const onAbort = () => cancel(task)
        const task: Task = {
          job,
          transfer: run.transfer ?? [],
          key: run.key ?? null,
          bytes,
          done: done as (value: unknown) => void,
          fail,
          onChunk: run.onChunk ?? null,
          forget: () => run.signal?.removeEventListener('abort', onAbort),
        }
        run.signal?.addEventListener('abort', onAbort, { once: true })
        queue.push(task)
        queuedBytes += bytes
        dispatch()
      })
    },
    /** Starts one worker ahead of its first job, so that its start-up overlaps the caller's own work. */
    warm(): void {
      if (slots.length === 0 && !closed) spawn().worker.unref()
    },
    /** Whether every worker started has loaded (for the tests that time jobs). */
    isReady: () => slots.every((s) => s.ready),
    /** Workers alive now (for the admin's counts and the tests). */
    countWorkers: () => slots.length,
    /** Jobs running in a worker now (for the admin's counts and the tests). */
    countRunning: () => slots.filter((s) => s.task !== null).length,
    /** Jobs waiting and the bytes they hold (for the admin's counts and the tests). */
    countQueued: () => ({ jobs: queue.length, bytes: queuedBytes }),
    /** Stops every worker; waiting jobs fail as busy. */
    async close(): Promise<void> {
      closed = true
      for (const task of queue.splice(0)) {
        task.forget()
        task.fail(new JobError({ kind: 'busy' }))
      }
      queuedBytes = 0
      await Promise.all(
        slots.splice(0).map((s) => {
          detach(s.worker)
          finish(s, (task) => task.fail(new JobError({ kind: 'busy' })))
          return s.worker.terminate()
        }),
      )
    },
  }
}

export type WorkerPool = ReturnType<typeof createWorkerPool>
