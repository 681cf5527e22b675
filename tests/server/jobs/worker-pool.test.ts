import { describe, expect, it } from 'vitest'
import { createWorkerPool, JobError } from '../../../server/jobs/worker-pool.ts'

// A worker that echoes, spins forever or eats memory, as a hostile workbook would make ExcelJS do.
const worker = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', (job) => {
  if (job === 'spin') for (;;) {}
  if (job === 'eat') { const kept = []; for (;;) kept.push(new Array(1e6).fill(job)) }
  parentPort.postMessage({ ok: true, value: 'done ' + job })
})`

function createPool() {
  return createWorkerPool({
    entry: worker,
    eval: true,
    size: 1,
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
    timeoutMs: 1500,
    maxQueue: 2,
  })
}

describe('worker pool', () => {
  it('stops a job past its time budget, replaces the worker and runs the next job', async () => {
    const pool = createPool()
    try {
      const start = performance.now()
      const spun = await pool.run('spin').catch((e: unknown) => e)
      expect(spun).toBeInstanceOf(JobError)
      expect((spun as JobError).failure).toEqual({ kind: 'over-budget' })
      expect(performance.now() - start).toBeLessThan(5000)
      expect(await pool.run('sau')).toBe('done sau')
    } finally {
      await pool.close()
    }
  })

  it('answers a job that runs out of memory as over budget, and keeps serving', async () => {
    const pool = createPool()
    try {
      const eaten = await pool.run('eat').catch((e: unknown) => e)
      expect((eaten as JobError).failure).toEqual({ kind: 'over-budget' })
      expect(await pool.run('tiep')).toBe('done tiep')
    } finally {
      await pool.close()
    }
  })

  it('refuses jobs beyond its queue at once', async () => {
    const pool = createPool()
    try {
      const runs = [pool.run('a'), pool.run('b'), pool.run('c')]
      const busy = await pool.run('d').catch((e: unknown) => e)
      expect((busy as JobError).failure).toEqual({ kind: 'busy' })
      expect(await Promise.all(runs)).toEqual(['done a', 'done b', 'done c'])
    } finally {
      await pool.close()
    }
  })

  it("keeps a worker free for others while one owner's jobs wait, and bounds the bytes waiting", async () => {
    const pool = createWorkerPool({
      entry: worker,
      eval: true,
      size: 2,
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
      timeoutMs: 1000,
      maxQueue: 10,
      maxQueuedBytes: 100,
    })
    try {
      const spun = [
        pool.run('spin', { key: 'a', bytes: 10 }).catch((e: JobError) => e.failure.kind),
        pool.run('spin', { key: 'a', bytes: 60 }).catch((e: JobError) => e.failure.kind),
      ]
      // The owner's second job waits although a worker is free; another owner's job takes it.
      expect(await pool.run('b', { key: 'b' })).toBe('done b')
      expect(pool.countQueued()).toEqual({ jobs: 1, bytes: 60 })
      const over = await pool.run('c', { key: 'c', bytes: 50 }).catch((e: JobError) => e)
      expect((over as JobError).failure).toEqual({ kind: 'busy' })
      expect(await Promise.all(spun)).toEqual(['over-budget', 'over-budget'])
    } finally {
      await pool.close()
    }
  })

  it('drops a waiting job, and stops a running one, once its caller has gone', async () => {
    const pool = createPool()
    try {
      const running = new AbortController()
      const waiting = new AbortController()
      const first = pool.run('spin', { signal: running.signal }).catch((e: JobError) => e)
      const second = pool.run('x', { signal: waiting.signal }).catch((e: JobError) => e)
      waiting.abort()
      expect(((await second) as JobError).failure).toEqual({ kind: 'cancelled' })
      const start = performance.now()
      running.abort()
      expect(((await first) as JobError).failure).toEqual({ kind: 'cancelled' })
      // Its worker was stopped at once, not at the end of its 1.5 s budget.
      expect(await pool.run('next')).toBe('done next')
      expect(performance.now() - start).toBeLessThan(1200)
    } finally {
      await pool.close()
    }
  })

  it("starts a job's budget when its worker has loaded, not when it was asked to start", async () => {
    const slow = `
const { parentPort } = require('node:worker_threads')
const until = Date.now() + 800
while (Date.now() < until) {}
parentPort.on('message', (job) => parentPort.postMessage({ ok: true, value: 'done ' + job }))
parentPort.postMessage({ ready: true })`
    const pool = createWorkerPool({
      entry: slow,
      eval: true,
      size: 1,
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
      timeoutMs: 500,
      maxQueue: 2,
      announcesReady: true,
    })
    try {
      expect(await pool.run('a')).toBe('done a')
    } finally {
      await pool.close()
    }
  })

  it("hands a job's chunks on in order, without a copy, before its answer", async () => {
    const chunky = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', (n) => {
  for (let i = 0; i < n; i++) {
    const chunk = new Uint8Array([i, i + 1]).buffer
    parentPort.postMessage({ chunk }, [chunk])
  }
  parentPort.postMessage({ ok: true, value: n })
})`
    const pool = createWorkerPool({
      entry: chunky,
      eval: true,
      size: 1,
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
      timeoutMs: 1500,
      maxQueue: 2,
    })
    try {
      const chunks: number[][] = []
      const answer = await pool.run(3, { onChunk: (c) => chunks.push([...c]) })
      expect(answer).toBe(3)
      expect(chunks).toEqual([
        [0, 1],
        [1, 2],
        [2, 3],
      ])
      expect(pool.countRunning()).toBe(0)
    } finally {
      await pool.close()
    }
  })
})
