// A parse worker for tests: an upload named "slow-…" keeps its worker busy until the pool stops it
// (a workbook that costs a worker its whole time budget, without building one); every other job
// runs as in the real worker.
import { parentPort } from 'node:worker_threads'
import {
  describeFailure,
  listResultTransfers,
  runParseJob,
  type ParseJob,
} from '../../server/jobs/parse-jobs.ts'

parentPort!.on('message', (job: ParseJob) => {
  if (job.kind === 'upload' && job.fileName?.startsWith('slow-')) for (;;);
  runParseJob(job).then(
    (value) => parentPort!.postMessage({ ok: true, value }, listResultTransfers(value)),
    (error: unknown) => parentPort!.postMessage({ ok: false, failure: describeFailure(error) }),
  )
})
// Loaded: the pool starts a job's time budget from here.
parentPort!.postMessage({ ready: true })
