/* global FormData, Blob, fetch, performance */
// The agencies' side of the service bench, in its own thread so that sending requests does not
// run on the service's event loop (real agencies post from their own machines). Plain JavaScript:
// Node 20 worker threads do not load TypeScript.
import { parentPort, workerData } from 'node:worker_threads'

const { url, bytes, concurrency } = workerData

async function post(token, period) {
  const form = new FormData()
  form.append('file', new Blob([bytes]), 'bao-cao.xlsx')
  form.append('period', period)
  const res = await fetch(`${url}/api/submissions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  })
  await res.arrayBuffer()
  return res.status
}

/** Sends every job, `concurrency` in flight at a time; answers the statuses and the elapsed time. */
async function runJobs(jobs, inFlight) {
  let next = 0
  const statuses = []
  const start = performance.now()
  await Promise.all(
    Array.from({ length: Math.min(inFlight, jobs.length) }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]
        statuses.push(await post(job.token, job.period))
      }
    }),
  )
  return { statuses, ms: performance.now() - start }
}

parentPort.on('message', async ({ jobs, burst }) => {
  parentPort.postMessage(await runJobs(jobs, burst ? jobs.length : concurrency))
})
