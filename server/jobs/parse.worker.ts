// A parse worker: runs untrusted workbook parsing away from the thread that answers requests.
import { parentPort } from 'node:worker_threads'
import { describeFailure, runParseJob, type ParseJob } from './parse-jobs.ts'
import { listReportBuffers } from '../store/types.ts'

parentPort!.on('message', (job: ParseJob) => {
  runParseJob(job).then(
    (value) => parentPort!.postMessage({ ok: true, value }, listReportBuffers(value)),
    (error: unknown) => parentPort!.postMessage({ ok: false, failure: describeFailure(error) }),
  )
})
