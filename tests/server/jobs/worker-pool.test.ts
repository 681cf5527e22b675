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
})
