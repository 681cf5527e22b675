import { Worker, type ResourceLimits } from 'node:worker_threads'

/** How a job failed inside a worker, in a form that crosses the thread boundary. */
export type JobFailure =
  { kind: 'app'; code: string; detail?: string } | { kind: 'internal'; message: string }

/** A job that failed: the worker's own failure, or the pool's (over budget, crashed, too busy). */
export class JobError extends Error {
  readonly failure: JobFailure | { kind: 'over-budget' | 'busy' }
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
}

/** Stops listening to a worker being discarded; an error it still reports (out of memory while
 * terminating) is swallowed rather than crashing the process. */
function detach(worker: Worker) {
  worker.removeAllListeners()
  worker.on('error', () => {})
}

type Task = {
  job: unknown
  transfer: ArrayBuffer[]
  done: (value: unknown) => void
  fail: (error: JobError) => void
}
type Slot = { worker: Worker; task: Task | null; timer: NodeJS.Timeout | null }

/**
 * A small pool of worker threads for untrusted parsing: each worker has memory limits, each job a
 * time budget. A worker past its budget, out of memory or crashed is terminated and replaced; its
 * job fails with `over-budget`, and the thread that owns the pool never blocks.
 */
export function createWorkerPool(options: WorkerPoolOptions) {
  const slots: Slot[] = []
  const queue: Task[] = []
  let closed = false

  function finish(slot: Slot, settle: (task: Task) => void) {
    const task = slot.task
    if (slot.timer) clearTimeout(slot.timer)
    slot.task = null
    slot.timer = null
    if (task) settle(task)
  }

  function replace(slot: Slot) {
    const index = slots.indexOf(slot)
    if (index >= 0) slots.splice(index, 1)
    detach(slot.worker)
    void slot.worker.terminate()
    finish(slot, (task) => task.fail(new JobError({ kind: 'over-budget' })))
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
    const slot: Slot = { worker, task: null, timer: null }
    worker.on('message', (message: { ok: boolean; value?: unknown; failure?: JobFailure }) => {
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

  function dispatch() {
    while (queue.length > 0 && !closed) {
      const slot =
        slots.find((s) => s.task === null) ?? (slots.length < options.size ? spawn() : null)
      if (!slot) return
      const task = queue.shift()!
      slot.task = task
      slot.worker.ref()
      slot.timer = setTimeout(() => replace(slot), options.timeoutMs)
      slot.worker.postMessage(task.job, task.transfer)
    }
  }

  return {
    /** Runs one job in a worker; `transfer` hands buffers over without a copy. */
    run<T>(job: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
      return new Promise<T>((done, fail) => {
        if (closed || queue.length >= options.maxQueue) {
          fail(new JobError({ kind: 'busy' }))
          return
        }
        queue.push({ job, transfer, done: done as (value: unknown) => void, fail })
        dispatch()
      })
    },
    /** Starts one worker ahead of its first job, so that its start-up overlaps the caller's own work. */
    warm(): void {
      if (slots.length === 0 && !closed) spawn().worker.unref()
    },
    /** Workers alive now (for the admin's counts and the tests). */
    countWorkers: () => slots.length,
    /** Stops every worker; waiting jobs fail as busy. */
    async close(): Promise<void> {
      closed = true
      for (const task of queue.splice(0)) task.fail(new JobError({ kind: 'busy' }))
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
