// A book worker: builds the consolidated workbook away from the thread that answers requests,
// reading the database read-only and posting the workbook's bytes as they are written.
import { parentPort } from 'node:worker_threads'
import { runBookJob, type BookJob } from './book-jobs.ts'
import { describeFailure } from './parse-jobs.ts'

parentPort!.on('message', (job: BookJob) => {
  runBookJob(job, (chunk) => parentPort!.postMessage({ chunk }, [chunk])).then(
    (value) => parentPort!.postMessage({ ok: true, value }),
    (error: unknown) => parentPort!.postMessage({ ok: false, failure: describeFailure(error) }),
  )
})
// Loaded: the pool starts a job's time budget from here.
parentPort!.postMessage({ ready: true })
