import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { validateTable, type Report } from '../../../core/index.ts'
import { readCatalog } from '../../../server/province/catalog.ts'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { convertReportRows, createStore, serializeReport } from '../../../server/store/index.ts'
import { readParSipasGrid } from '../../../scripts/seeds.ts'
import { buildFilledWorkbook } from '../../helpers/service.ts'

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
      expect(JSON.parse(store.getSubmissionReportJson(record.id)!)).toEqual(report)
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

  it('lists only the latest version of each agency, and gives back each column of a row in its place', async () => {
    const catalog = await readCatalog()
    const seed = validateTable(readParSipasGrid(), {
      asOf: '2026-09-14',
      registry: catalog.registry,
      profile: catalog.profiles.get('dak-lak-2026-par-sipas') ?? null,
    })
    // The seed's rows as agencies fill them: every column of a row holds a value of its own.
    const statuses = ['done-on-time', 'overdue', 'done-late', null] as const
    const report: Report = {
      ...seed,
      tasks: seed.tasks.map((t, i) => ({
        ...t,
        status: t.kind === 'task' ? statuses[i % 4]! : null,
        doneDate: i % 4 === 0 ? `2026-09-${String((i % 28) + 1).padStart(2, '0')}` : null,
        targetMet: [null, true, false][i % 3]!,
        score: i % 5 === 0 ? null : i / 4,
        maxScore: i % 5 === 0 ? null : i / 2,
        selfScore: i % 7 === 0 ? null : i / 8,
      })),
    }
    const store = createStore(':memory:')
    store.addAgency({ id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'so' }, '2026-09-01T00:00:00Z')
    const submit = (byte: number, submittedAt: string) =>
      store.addSubmission({
        agencyId: 'so-noi-vu',
        period: '2026-Q3',
        submittedAt,
        submittedBy: null,
        fileName: 'phu-luc.xlsx',
        contentType: 'application/json',
        file: new Uint8Array([byte]),
        planId: null,
        report,
      })
    const first = submit(1, '2026-09-15T02:00:00Z')
    const second = submit(2, '2026-09-16T02:00:00Z')

    const latest = store.listLatest('2026-Q3')
    expect(latest.map((s) => [s.id, s.version, s.tasks, s.fileSize])).toEqual([
      [second.id, 2, report.summary.tasks, 1],
    ])
    expect(latest[0]!.byStatus).toEqual(report.summary.byStatus)
    const rows = store.listRows([first.id, second.id])
    const expected = (id: number) => convertReportRows(report, id).sort((a, b) => a.row - b.row)
    expect(rows).toEqual([...expected(first.id), ...expected(second.id)])
    // Every column came back from its own place: a third of the rows missed their target, in each copy.
    expect(rows.filter((r) => r.targetMet === false)).toHaveLength(
      2 * Math.floor(seed.tasks.length / 3),
    )
    expect(rows.filter((r) => r.status === 'overdue' && r.due && r.section).length).toBeGreaterThan(
      10,
    )
    expect(
      rows.filter((r) => r.score !== null && r.maxScore === 2 * r.score!).length,
    ).toBeGreaterThan(100)
    store.close()
  })

  it('opens an existing database read-only: it reads what the writer committed and refuses to write', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cchc-store-')), 'cchc.sqlite')
    const writer = createStore(path)
    writer.addAgency({ id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'so' }, '2026-09-01T00:00:00Z')
    const reader = createStore(path, { readonly: true })
    try {
      expect(reader.file).toBe(path)
      expect(reader.listAgencies().map((a) => a.id)).toEqual(['so-noi-vu'])
      writer.addAgency(
        { id: 'so-tai-chinh', name: 'Sở Tài chính', kind: 'so' },
        '2026-09-01T00:00:00Z',
      )
      expect(reader.listAgencies()).toHaveLength(2)
      expect(() =>
        reader.addAgency({ id: 'x', name: 'X', kind: 'so' }, '2026-09-01T00:00:00Z'),
      ).toThrow(/readonly/i)
      expect(() => createStore(`${path}.missing`, { readonly: true })).toThrow()
      expect(createStore(':memory:').file).toBeNull()
    } finally {
      reader.close()
      writer.close()
    }
  })
})
