// A book worker for tests: a workbook of the fourth quarter posts its first bytes, then keeps its
// worker busy until the pool stops it (a build that would cost the whole time budget, without the
// data for one); every other job runs as in the real worker.
import { parentPort } from 'node:worker_threads'
import { runBookJob, type BookJob } from '../../server/jobs/book-jobs.ts'
import { describeFailure } from '../../server/jobs/parse-jobs.ts'

parentPort!.on('message', (job: BookJob) => {
  if (job.period.id.endsWith('-Q4')) {
    const chunk = new TextEncoder().encode('PK').buffer
    parentPort!.postMessage({ chunk }, [chunk])
    // Once the chunk has left, the worker spins.
    setTimeout(() => {
      for (;;);
    }, 10)
    return
  }
  runBookJob(job, (chunk) => parentPort!.postMessage({ chunk }, [chunk])).then(
    (value) => parentPort!.postMessage({ ok: true, value }),
    (error: unknown) => parentPort!.postMessage({ ok: false, failure: describeFailure(error) }),
  )
})
parentPort!.postMessage({ ready: true })
