import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../../server/province/catalog.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { createStore, serializeReport } from '../../../server/store/index.ts'
import { createSubmissionWriter } from '../../../server/store/writer.ts'
import { buildFilledWorkbook } from '../../helpers/service.ts'

async function createFixture() {
  const store = createStore(join(mkdtempSync(join(tmpdir(), 'cchc-writer-')), 'cchc.sqlite'))
  for (const id of ['so-noi-vu', 'so-tu-phap', 'so-y-te'])
    store.addAgency({ id, name: id, kind: 'so' }, '2026-09-01T00:00:00Z')
  const bytes = await buildFilledWorkbook()
  const { report } = checkWorkbook(bytes, {
    asOf: '2026-09-14',
    registry: (await readCatalog()).registry,
  })
  const submit = (agencyId: string) => () =>
    store.addSubmission({
      agencyId,
      period: '2026-Q3',
      submittedAt: '2026-09-15T02:00:00Z',
      submittedBy: null,
      fileName: 'bao-cao.xlsx',
      contentType: 'application/octet-stream',
      file: bytes,
      planId: null,
      report: serializeReport(report),
    })
  return { store, submit }
}

describe('group commit of uploads', () => {
  it('writes the uploads that arrive together in one transaction, each answered after it commits', async () => {
    const { store, submit } = await createFixture()
    const writer = createSubmissionWriter(store)
    const events: string[] = []
    const writes = ['so-noi-vu', 'so-tu-phap', 'so-y-te'].map((id) =>
      writer
        .write(() => {
          events.push(`write ${id} in transaction: ${store.isInTransaction()}`)
          return submit(id)()
        })
        .then((record) => {
          events.push(`answered ${id}`)
          return record
        }),
    )
    const records = await Promise.all(writes)
    expect(events).toEqual([
      'write so-noi-vu in transaction: true',
      'write so-tu-phap in transaction: true',
      'write so-y-te in transaction: true',
      'answered so-noi-vu',
      'answered so-tu-phap',
      'answered so-y-te',
    ])
    expect(records.map((r) => [r.agencyId, r.version])).toEqual([
      ['so-noi-vu', 1],
      ['so-tu-phap', 1],
      ['so-y-te', 1],
    ])
    expect(store.listRows(records.map((r) => r.id)).length).toBe(
      3 * store.listRows([records[0]!.id]).length,
    )
    store.close()
  })

  it('refuses one upload of a batch without touching the others; a failed commit fails them all', async () => {
    const { store, submit } = await createFixture()
    const writer = createSubmissionWriter(store)
    const outcomes = await Promise.allSettled([
      writer.write(submit('so-noi-vu')),
      writer.write(() => {
        submit('so-tu-phap')()
        throw new Error('quota')
      }),
      writer.write(submit('so-y-te')),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    // The refused upload's rows were rolled back with it (its savepoint), the others kept.
    expect(store.countSubmissions()).toBe(2)
    store.close()
    const closed = await Promise.allSettled([writer.write(submit('so-noi-vu'))])
    expect(closed[0]!.status).toBe('rejected')
  })
})
