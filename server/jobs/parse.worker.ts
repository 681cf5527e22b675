// A parse worker: runs untrusted workbook parsing away from the thread that answers requests.
import { parentPort } from 'node:worker_threads'
import { describeFailure, listResultTransfers, runParseJob, type ParseJob } from './parse-jobs.ts'

parentPort!.on('message', (job: ParseJob) => {
  runParseJob(job).then(
    (value) => parentPort!.postMessage({ ok: true, value }, listResultTransfers(value)),
    (error: unknown) => parentPort!.postMessage({ ok: false, failure: describeFailure(error) }),
  )
})
// Loaded: the pool starts a job's time budget from here.
parentPort!.postMessage({ ready: true })
