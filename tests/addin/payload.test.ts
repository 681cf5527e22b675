import { describe, expect, it } from 'vitest'
import type { CheckOptions } from '../../addin/excel/check.ts'
import { queueWrites } from '../../addin/excel/check.ts'
import { prepareCheck } from '../../addin/excel/prepare.ts'
import { queueMarkBook } from '../../addin/excel/record.ts'
import { createBatch, requestLimit } from '../../addin/excel/write.ts'
import {
  computeNoteHash,
  computeRowIdentity,
  serializeMarkBook,
  type MarkBook,
} from '../../core/index.ts'
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
      await queueWrites(batch, { ...prepared, checkSheet })
      await batch.flush()
      expect(requests.length).toBeGreaterThan(1)
      expect(Math.max(...requests)).toBeLessThan(limit)
      // The adapter's estimate is within 10% of what the client really sends, and it sends a batch
      // before its estimate reaches 3.5 MB: 3.5 MB × 1.1 stays under 4 MB.
      requests.forEach((bytes, i) => expect(bytes).toBeLessThanOrEqual(estimates[i]! * 1.1))
      expect(requestLimit * 1.1).toBeLessThan(limit)
    },
  )

  it('the record of a 10,500-row consolidated sheet goes out in requests under 4 MB', async () => {
    const rows = Array.from({ length: 10_500 }, (_, i) =>
      computeRowIdentity(i + 6, `${i + 1}`, `${bullet} (${i + 1})`),
    )
    const book: MarkBook = {
      version: 3,
      records: [
        {
          sheet: { name: 'Tổng hợp', id: '{A}' },
          checkSheet: { name: 'Kiểm tra', id: '{B}' },
          headerRow: 5,
          lastRow: 10_505,
          added: ['Q', 'R', 'S'],
          keyColumns: { stt: 'A', content: 'B' },
          rows,
          cells: rows.flatMap((r) => [
            {
              address: `D${r.row}`,
              fill: null,
              paint: 'FFFFC7CE',
              note: null,
              wroteNote: computeNoteHash(`${r.row}`),
            },
            { address: `F${r.row}`, fill: 'FFD9E1F2', paint: 'FFFFEB9C' },
          ]),
        },
      ],
    }
    const { context, requests } = createRecordingContext()
    const batch = createBatch(context, { syncs: 0 })
    await queueMarkBook(batch, book, { exists: false, rows: 0 })
    await batch.flush()
    const bytes = new TextEncoder().encode(serializeMarkBook(book).join('')).length
    expect(bytes).toBeGreaterThan(1024 * 1024)
    expect(requests.reduce((a, b) => a + b, 0)).toBeGreaterThan(bytes)
    expect(Math.max(...requests)).toBeLessThan(limit)
  })
})
