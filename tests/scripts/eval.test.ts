import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createIssue, taskStatuses, type Report } from '../../core/index.ts'
import { readFixtures, type TableFixture } from '../../scripts/eval/fixture.ts'
import { measureTable, sumScores } from '../../scripts/eval/measure.ts'
import { perturbations } from '../../scripts/eval/perturb.ts'
import { renderPerturbations, renderSummary } from '../../scripts/eval/render.ts'
import { runEval, runPerturbations } from '../../scripts/eval/run.ts'

// A canonical table whose reading is not in doubt, with one truth the product cannot meet on purpose
// (row 7 says the task is due a day early), so the instrument must count a miss.
const fixture: TableFixture = {
  id: 'canonical',
  source: { note: 'written for this test' },
  office: 'Sở Nội vụ',
  document: { number: '1/KH-SNV', date: '2026-01-05', title: 'Kế hoạch' },
  kind: 'plan',
  added: '2026-12-06',
  sheet: 'Phụ lục',
  rows: [
    ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'],
    [],
    ['STT', 'Nội dung, nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Ghi chú'],
    ['I', 'CẢI CÁCH THỂ CHẾ'],
    [1, 'Rà soát văn bản quy phạm pháp luật', 'Sở Tư pháp', 'Quý I/2026', null],
    [2, 'Công bố thủ tục hành chính', 'Sở Nội vụ', 'Quý IV/2026', null],
    [3, 'Tuyên truyền cải cách hành chính', 'Sở Nội vụ', 'Tháng 9/2026', null],
    [4, 'Cập nhật cơ sở dữ liệu', 'Sở Nội vụ', 'Tháng 13/2026', null],
  ],
  merges: ['A1:E1', 'B4:E4'],
  truth: {
    headerRow: 3,
    columns: { A: 'stt', B: 'content', C: 'lead', D: 'deadline', E: null },
    asOf: '2026-06-14',
    rows: {
      '4': { clean: true },
      '5': { due: '2026-03-31', status: 'overdue', clean: true },
      '6': { due: '2026-12-31', status: 'not-started', clean: true },
      '7': { due: '2026-09-29', status: 'not-started', clean: true },
      '8': { due: null, status: 'unknown', clean: false },
    },
  },
}

describe('npm run eval', () => {
  it('reads a fixture through the workbook check and adds up what it got right', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'))
    writeFileSync(join(dir, 'canonical.json'), JSON.stringify(fixture))
    const [set] = await runEval([{ name: 'small', dir }])
    expect(set!.scores).toEqual([
      {
        id: 'canonical',
        headers: { right: 4, of: 4 },
        required: { right: 1, of: 1 },
        due: { right: 3, of: 4 },
        status: { right: 4, of: 4 },
        falseErrors: 0,
        misses: ['row 7 due: 2026-09-30 (truth 2026-09-29)'],
      },
    ])
    expect(renderSummary(null, [set!])).toContain(
      '| small | 1 | 4/4 = 1.00 | 1/1 = 1.00 | 3/4 = 0.75 | 4/4 = 1.00 | 0 |',
    )
  })

  it('reads the tables again perturbed as real tables differ, their truth kept in step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'perturb-'))
    writeFileSync(join(dir, 'canonical.json'), JSON.stringify(fixture))
    const results = await runPerturbations(dir, perturbations)
    const byName = Object.fromEntries(results.map((r) => [r.name, r]))
    // A total above or below the tasks, the header's words written short: the canonical table reads
    // as it did.
    for (const name of [
      'a total below the tasks',
      'a total above the tasks',
      'header words written short',
    ]) {
      const { base, perturbed } = byName[name]!
      expect(perturbed.tables).toBe(1)
      expect(perturbed).toEqual(base)
    }
    // (a perturbation that has nothing to change in the table leaves it out: no progress column, no
    // day written in figures)
    expect(byName['progress worded otherwise']!.perturbed.tables).toBe(0)
    expect(byName['dates spelled out in the deadline']!.perturbed.tables).toBe(0)
    expect(renderPerturbations(results)).toContain(
      '| a total below the tasks | 1 | 4 → 4 of 4 | 3 → 3 of 4 | 4 → 4 of 4 | 0 → 0 |',
    )
  })

  // (the lead's and the cooperating agencies' cells joined into one column reads every row as before)
  const sameReading = [
    'the header in capitals',
    'the header typed without diacritics',
    'header words broken over lines',
    'agencies and people in capitals',
    'tasks bulleted with a dash',
    'an empty column left of the table',
    'a budget column of figures before the lead',
    'numbers written with a dot',
    'numbers closed by a bracket',
    'a task’s text split at a page break',
    'the lead and the cooperating agencies in one cell',
    'a blank row after each task',
    'the plan’s text above the table',
    'a progress column left empty for the units to fill',
    'a funding column in words after the deadline',
  ]

  it('adds no false error to a tuning table when it is perturbed as real tables differ', async () => {
    expect(sameReading.filter((name) => !perturbations.some((p) => p.name === name))).toEqual([])
    const tables = fileURLToPath(new URL('../fixtures/tables', import.meta.url))
    for (const { name, base, perturbed } of await runPerturbations(tables, perturbations)) {
      expect({ name, falseErrors: perturbed.falseErrors }).toEqual({
        name,
        falseErrors: base.falseErrors,
      })
      // (a total, above the tasks or below them, changes no task's reading)
      if (name.startsWith('a total')) expect(perturbed.status).toEqual(base.status)
      // Nor does the way a sheet is laid out or cased: no due date or status reads worse (a table
      // whose header is found only with a third heading beside its two may read better).
      if (sameReading.includes(name))
        expect({ name, due: perturbed.due.right, status: perturbed.status.right }).toEqual({
          name,
          due: Math.max(base.due.right, perturbed.due.right),
          status: Math.max(base.status.right, perturbed.status.right),
        })
    }
  }, 240_000)

  it('counts errors on clean rows, and a header-caused error only where the truth holds every required field', () => {
    const report = {
      header: {
        row: 3,
        columns: {},
        mapping: [
          { column: 'A', header: 'STT', field: 'stt', confidence: 1 },
          { column: 'B', header: 'Nội dung, nhiệm vụ', field: 'content', confidence: 1 },
          { column: 'C', header: 'Cơ quan chủ trì', field: null, confidence: 0.2 },
          { column: 'D', header: 'Thời gian hoàn thành', field: 'deadline', confidence: 1 },
        ],
      },
      tasks: [
        { row: 5, deadline: { kind: 'period', due: '2026-03-31' }, status: 'overdue' },
        { row: 6, deadline: { kind: 'period', due: '2026-12-31' }, status: 'overdue' },
      ],
      issues: [
        { ...createIssue('header/missing-column'), row: null },
        { ...createIssue('cell/required'), row: 5 },
        { ...createIssue('cell/required'), row: 6 },
        { ...createIssue('cell/invalid-deadline'), row: 8 },
        { ...createIssue('row/stt-sequence'), row: 7 },
      ],
    } as unknown as Report
    const score = measureTable(fixture, report)
    expect({ ...score, misses: score.misses.length }).toEqual({
      id: 'canonical',
      headers: { right: 3, of: 4 },
      required: { right: 0, of: 1 },
      // rows 5 and 6 right, row 7 unread, row 8 rightly without a due date
      due: { right: 3, of: 4 },
      status: { right: 1, of: 4 },
      // the missing lead (header), row 5 and row 6; not row 8 (its error is real) nor the warning
      falseErrors: 3,
      misses: 1 + 1 + 3 + 3,
    })
    const incomplete = {
      ...fixture,
      truth: { ...fixture.truth, columns: { A: 'stt', B: 'content', D: 'deadline' } },
    }
    expect(measureTable(incomplete as TableFixture, report).falseErrors).toBe(2)
    expect(sumScores([score, score])).toEqual({
      tables: 2,
      headers: { right: 6, of: 8 },
      required: { right: 0, of: 2 },
      due: { right: 6, of: 8 },
      status: { right: 2, of: 8 },
      falseErrors: 6,
    })
  })

  it('keeps every corpus fixture well formed: its source, its date added and a truth inside its rows', () => {
    const root = fileURLToPath(new URL('../fixtures/', import.meta.url))
    for (const set of ['tables', 'unseen']) {
      const names = readdirSync(join(root, set)).filter((n) => n.endsWith('.json'))
      for (const f of readFixtures(join(root, set))) {
        const problems: string[] = []
        if (!names.includes(`${f.id}.json`)) problems.push('id differs from the file name')
        const located =
          (f.source.repository && f.source.path && f.source.commit) ||
          f.source.url ||
          f.source.indexFileId
        if (!located) problems.push('source')
        if (!/^\d{4}-\d{2}-\d{2}$/.test(f.added) || !f.document.number || !f.office)
          problems.push('metadata')
        const { headerRow, columns, rows } = f.truth
        if (!f.rows[headerRow - 1]?.length) problems.push('header row')
        for (const col of Object.keys(columns))
          if (!/^[A-Z]$/.test(col)) problems.push(`column ${col}`)
        for (const [key, row] of Object.entries(rows)) {
          if (Number(key) <= headerRow || Number(key) > f.rows.length) problems.push(`row ${key}`)
          if (row.status && !(taskStatuses as readonly string[]).includes(row.status))
            problems.push(`status ${key}`)
        }
        expect({ id: f.id, problems }).toEqual({ id: f.id, problems: [] })
      }
    }
    expect(
      readdirSync(join(root, 'unseen')).filter((n) => n.endsWith('.json')).length,
    ).toBeGreaterThanOrEqual(8)
  })
})
