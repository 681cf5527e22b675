import { describe, expect, it } from 'vitest'
import type { CheckOptions } from '../../addin/excel/check.ts'
import { prepareCheck, queueWrites } from '../../addin/excel/prepare.ts'
import { createBatch, requestLimit } from '../../addin/excel/write.ts'
import { createFakeExcel } from '../helpers/fake-excel.ts'
import { createWideWorkbook } from '../helpers/fake-annex.ts'
import { createRecordingContext } from '../helpers/office-client.ts'
import { readPlanAppendixRows } from '../../scripts/seeds.ts'

const options: CheckOptions = { asOf: '2026-09-14', notes: true }
const bullet = readPlanAppendixRows()
  .flat()
  .find((c) => c.startsWith('- '))!
const limit = 4 * 1024 * 1024

describe('payload sizes, measured with Microsoft’s own client', () => {
  it(
    '20,000 rows × 20 columns, every row with a problem: each request and response under 4 MB',
    { timeout: 120_000 },
    async () => {
      const excel = createFakeExcel(createWideWorkbook(20_000, bullet, true))
      const progress: number[] = []
      // The read side runs on the fake host, which enforces the response limit (reads in row blocks).
      const prepared = await excel.run((context) =>
        prepareCheck(
          context,
          { ...options, onProgress: (p) => p.phase === 'read' && progress.push(p.done) },
          { syncs: 0 },
        ),
      )
      expect(prepared.report.summary.tasks).toBe(20_000)
      expect(prepared.plan.notes.length).toBeGreaterThanOrEqual(20_000)
      expect(progress.length).toBeGreaterThan(5)
      expect(excel.counter.largestResponse).toBeLessThan(limit)
      expect(excel.counter.largestRequest).toBeLessThan(limit)
      const { context, requests } = createRecordingContext()
      const estimates: number[] = []
      const batch = createBatch(context, { syncs: 0 }, (estimate) => estimates.push(estimate))
      const checkSheet = context.workbook.worksheets.getItem(prepared.record.checkSheet!.id!)
      await queueWrites(batch, prepared, checkSheet)
      await batch.flush()
      expect(requests.length).toBeGreaterThan(1)
      expect(Math.max(...requests)).toBeLessThan(limit)
      // The adapter's estimate is within 10% of what the client really sends, and it sends a batch
      // before its estimate reaches 3.5 MB: 3.5 MB × 1.1 stays under 4 MB.
      requests.forEach((bytes, i) => expect(bytes).toBeLessThanOrEqual(estimates[i]! * 1.1))
      expect(requestLimit * 1.1).toBeLessThan(limit)
    },
  )
})
