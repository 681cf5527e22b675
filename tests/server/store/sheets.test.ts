import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createStore } from '../../../server/store/index.ts'
import { migrations } from '../../../server/store/schema.ts'

// Registrations made before a spreadsheet belonged to one agency: on upgrade, links are rebuilt in
// Google's form, what is not a Sheets link is dropped, and a second holder waits for the admin.

const x = '1SoNoiVuBaoCaoQuyIIIabcdefghij'
const y = '1SoTuPhapBaoCaoQuyIIIabcdefghi'

describe('the sheets migration', () => {
  it('keeps one agency per spreadsheet, rebuilds foreign links and drops what is no link', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cchc-migrate-')), 'cchc.sqlite')
    const db = new Database(path)
    const mine = migrations.findIndex((m) => m.includes('CREATE TABLE sheet_requests'))
    for (let v = 0; v < mine; v++) db.exec(migrations[v]!)
    db.pragma(`user_version = ${mine}`)
    const agency = db.prepare(
      "INSERT INTO agencies (id, name, kind, created_at) VALUES (?, ?, 'so', '2026-01-01')",
    )
    const sheet = db.prepare(
      'INSERT INTO agency_sheets (agency_id, url, updated_at) VALUES (?, ?, ?)',
    )
    for (const id of ['so-noi-vu', 'so-tu-phap', 'so-y-te', 'so-tai-chinh']) agency.run(id, id)
    sheet.run('so-noi-vu', `https://docs.google.com/spreadsheets/d/${x}/edit#gid=3`, '2026-01-02')
    sheet.run('so-tu-phap', `javascript://docs.google.com/spreadsheets/d/${y}/x`, '2026-01-03')
    sheet.run('so-y-te', `https://docs.google.com/spreadsheets/d/${x}/edit`, '2026-01-04')
    sheet.run('so-tai-chinh', 'http://169.254.169.254/latest', '2026-01-05')
    db.close()

    const store = createStore(path)
    expect(store.listSheets().map((s) => [s.agencyId, s.url])).toEqual([
      ['so-noi-vu', `https://docs.google.com/spreadsheets/d/${x}/edit#gid=3`],
      ['so-tu-phap', `https://docs.google.com/spreadsheets/d/${y}/edit`],
    ])
    expect(store.listSheetRequests()).toEqual([
      {
        agencyId: 'so-y-te',
        url: `https://docs.google.com/spreadsheets/d/${x}/edit`,
        requestedAt: '2026-01-04',
        requestedBy: null,
      },
    ])
    expect(store.findSheetOwner(x)).toBe('so-noi-vu')
    expect(store.setSheet('so-y-te', { url: 'u', spreadsheetId: x }, '2026-02-01')).toBe(false)
    store.close()
  })
})
