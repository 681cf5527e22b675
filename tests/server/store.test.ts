import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../server/catalog.ts'
import { checkWorkbook } from '../../server/check.ts'
import { convertReportRows, createStore, serializeReport } from '../../server/store.ts'
import { buildFilledWorkbook } from '../helpers/service.ts'

describe('the store keeps a submission with its report and task rows', () => {
  it('stores the rows SQLite reads from the report exactly as convertReportRows maps them', async () => {
    const catalog = await readCatalog()
    const { report } = checkWorkbook(await buildFilledWorkbook(), {
      asOf: '2026-09-14',
      registry: catalog.registry,
      profile: catalog.profiles.get('dak-lak-2026-par-sipas') ?? null,
    })
    // The filled seed annex has every kind of value a row holds: due dates, scores, met and unmet targets.
    expect(report.tasks.some((t) => t.targetMet === true)).toBe(true)
    expect(report.tasks.some((t) => t.deadline?.due)).toBe(true)
    expect(report.tasks.some((t) => t.maxScore !== null)).toBe(true)
    const store = createStore(join(mkdtempSync(join(tmpdir(), 'cchc-store-')), 'cchc.sqlite'))
    store.addAgency({ id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'so' }, '2026-09-01T00:00:00Z')
    const base = {
      agencyId: 'so-noi-vu',
      period: '2026-Q3',
      submittedAt: '2026-09-15T02:00:00Z',
      submittedBy: null,
      fileName: 'bao-cao.xlsx',
      contentType: 'application/octet-stream',
      planId: null,
    }
    const first = store.addSubmission({ ...base, file: new Uint8Array([1, 2, 3]), report })
    const second = store.addSubmission({
      ...base,
      file: new Uint8Array([4, 5, 6]),
      report: serializeReport(report),
    })
    expect([first.version, second.version, second.duplicate]).toEqual([1, 2, false])
    for (const record of [first, second]) {
      expect(store.listRows([record.id])).toEqual(convertReportRows(report, record.id))
      expect(store.getSubmissionReport(record.id)).toEqual(report)
      expect(record).toMatchObject({
        tasks: report.summary.tasks,
        errors: report.errorCount,
        warnings: report.warningCount,
      })
    }
    const again = store.addSubmission({ ...base, file: new Uint8Array([4, 5, 6]), report })
    expect([again.id, again.duplicate]).toEqual([second.id, true])
    store.close()
  })
})
