import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { validateTable } from '../../../core/index.ts'
import { createStore, type ReviewRecord } from '../../../server/store/index.ts'
import { migrations } from '../../../server/store/schema.ts'

const report = validateTable(
  {
    sheet: 'Phụ lục',
    top: 1,
    left: 1,
    cells: [
      ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian thực hiện', 'Tình hình thực hiện'],
      [1, 'Ban hành kế hoạch CCHC', 'Sở Nội vụ', 'Quý I/2026', 'Đã hoàn thành'],
    ],
    merges: [],
  },
  { asOf: '2026-09-14' },
)

function createFilledStore() {
  const path = join(mkdtempSync(join(tmpdir(), 'cchc-reviews-')), 'cchc.sqlite')
  const store = createStore(path)
  store.addAgency({ id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'so' }, '2026-09-01T00:00:00Z')
  const send = (bytes: number[]) =>
    store.addSubmission({
      agencyId: 'so-noi-vu',
      period: '2026-Q3',
      submittedAt: '2026-09-15T02:00:00Z',
      submittedBy: 'agency:t1',
      fileName: 'bao-cao.xlsx',
      contentType: 'application/octet-stream',
      planId: null,
      file: new Uint8Array(bytes),
      report,
    })
  return { store, path, send }
}

describe('a version’s review in the store', () => {
  it('keeps every decision, answers the latest per version, and refuses an earlier version', () => {
    const { store, send } = createFilledStore()
    const v1 = send([1])
    const returned: ReviewRecord = {
      submissionId: v1.id,
      decision: 'returned',
      reason: 'Thiếu tài liệu kiểm chứng',
      actor: 'admin:can-bo@sonoivu.daklak.gov.vn',
      at: '2026-09-16T01:00:00Z',
    }
    expect(store.addReview(returned)).toEqual(returned)
    expect(store.listLatestReviews([v1.id])).toEqual(new Map([[v1.id, returned]]))
    const accepted: ReviewRecord = {
      ...returned,
      decision: 'accepted',
      reason: null,
      at: '2026-09-16T02:00:00Z',
    }
    store.addReview(accepted)
    expect(store.listLatestReviews([v1.id]).get(v1.id)).toEqual(accepted)
    expect(store.listReviews([v1.id])).toEqual([returned, accepted])

    // A new version: the old one can no longer be decided on, the new one has no decision yet.
    const v2 = send([2])
    expect(store.addReview({ ...accepted, at: '2026-09-17T00:00:00Z' })).toBe('superseded')
    expect(store.listLatestReviews([v1.id, v2.id])).toEqual(new Map([[v1.id, accepted]]))
    expect(store.addReview({ ...accepted, submissionId: 999 })).toBeNull()
    expect(store.listReviews([])).toEqual([])
  })

  it('refuses a return without a reason in the schema itself', () => {
    const { store, send } = createFilledStore()
    const v1 = send([1])
    expect(() =>
      store.addReview({
        submissionId: v1.id,
        decision: 'returned',
        reason: null,
        actor: 'x',
        at: 'y',
      }),
    ).toThrow(/CHECK constraint/)
    expect(store.listReviews([v1.id])).toEqual([])
  })

  it('upgrades a database of the schema before it, keeping its submissions', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cchc-reviews-')), 'cchc.sqlite')
    const old = new Database(path)
    for (const migration of migrations.slice(0, -1)) old.exec(migration)
    old.pragma(`user_version = ${migrations.length - 1}`)
    old.prepare("INSERT INTO agencies VALUES ('so-noi-vu', 'Sở Nội vụ', 'so', 'x')").run()
    old
      .prepare(
        `INSERT INTO submissions (agency_id, period, version, submitted_at, content_type, file_hash,
         file, report, tasks, errors, warnings, by_status) VALUES ('so-noi-vu', '2026-Q3', 1, 'x',
         'application/json', 'h', x'00', '{}', 0, 0, 0, '{}')`,
      )
      .run()
    old.close()
    const store = createStore(path)
    const [v1] = store.listLatest('2026-Q3')
    expect(v1?.version).toBe(1)
    const accepted = {
      submissionId: v1!.id,
      decision: 'accepted',
      reason: null,
      actor: 'a',
      at: 'b',
    }
    expect(store.addReview(accepted as ReviewRecord)).toEqual(accepted)
    store.close()
  })
})
