import { describe, expect, it } from 'vitest'
import { checkAndLoad } from '../../helpers/check-and-load.ts'
import { runCheck, runClear, runFixes, type CheckOptions } from '../../../addin/excel/check.ts'
import { marksSheetName } from '../../../core/index.ts'
import { findPlanProfile, readCatalog } from '../../../server/province/catalog.ts'
import { markWorkbook } from '../../../server/xlsx/mark.ts'
import {
  createFakeExcel,
  createFakeWorkbook,
  insertFakeRows,
  renameFakeSheet,
  type FakeWorkbook,
} from '../../helpers/fake-excel.ts'
import { readFakeSheets, unlockComputedColumns } from '../../helpers/fake-from-xlsx.ts'
import { readPlanAppendixRows, readSeed } from '../../../scripts/seeds.ts'
import { buildFilledWorkbook } from '../../helpers/service.ts'

const catalog = await readCatalog()
const options: CheckOptions = {
  asOf: '2026-09-14',
  registry: catalog.registry,
  profileFor: (id) => findPlanProfile(catalog, id),
  notes: true,
}

/** Everything a user could see of the workbook (the hidden record's text aside): values, formulas, formats, fills, locks, notes. */
function snapshot(model: FakeWorkbook) {
  return [...model.sheets]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({
      name: s.name,
      visibility: s.visibility,
      notes: [...s.notes].sort(),
      cells:
        s.name === marksSheetName
          ? []
          : [...s.cells]
              .filter(([, c]) => c.value !== '' || c.fill || c.format !== 'General' || !c.locked)
              .map(([a, c]) => [a, c.value, c.formula, c.format, c.fill, c.locked])
              .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    }))
}

/** Real plan text: the task appendix's bulleted ("- ") and "+ " cells. */
const planCells = readPlanAppendixRows().flat()
const bullet = planCells.find((c) => c.startsWith('- '))!
const plus = readSeed('dak-lak-2026-ke-hoach-cchc.txt')
  .split('\n')
  .map((l) => l.replace(/\s*\|$/, '').trim())
  .find((l) => l.startsWith('+ '))!

/** The task plan's template as `cchc template` builds it (protected, plan columns locked), filled in. */
async function createProtectedTemplate(): Promise<FakeWorkbook> {
  const sheets = await readFakeSheets(await buildFilledWorkbook('dak-lak-2026-ke-hoach-cchc'))
  sheets[0] = unlockComputedColumns(sheets[0]!)
  return createFakeWorkbook(sheets)
}

function findCell(model: FakeWorkbook, text: string): string {
  return [...model.sheets[0]!.cells].find(([, c]) => c.value === text)![0]
}

function findFormulas(model: FakeWorkbook) {
  return model.sheets.flatMap((s) =>
    [...s.cells]
      .filter(([, c]) => c.formula !== null || c.value === '#NAME?')
      .map(([a]) => `${s.name}!${a}`),
  )
}

describe('check → re-check → fix → clear on real workbooks (stricter fake host)', () => {
  it('on a protected template built by `cchc template`: only unlocked cells, nothing relocked, locked fixes listed', async () => {
    const model = await createProtectedTemplate()
    const annex = model.sheets[0]!
    expect(annex.protection.protected).toBe(true)
    // A pasted HTML remnant around a real bulleted task, in a locked plan cell.
    const planted = findCell(model, bullet)
    annex.cells.get(planted)!.value = `<p>${bullet}</p>`
    const original = snapshot(model)
    const excel = createFakeExcel(model)

    const first = await excel.run((context) => runCheck(context, options))
    expect(first.report.tasks.length).toBeGreaterThan(40)
    expect(first.skipped).toEqual([])
    const marked = snapshot(model)
    await excel.run((context) => runCheck(context, options))
    expect(snapshot(model)).toEqual(marked)

    const fixes = await excel.run((context) => runFixes(context, first.report))
    expect(fixes).toEqual({ applied: 0, manual: [{ address: planted, value: bullet }], stale: [] })
    await excel.run((context) => runCheck(context, options))
    expect(findFormulas(model)).toEqual([])

    const { cleared } = await excel.run((context) => runClear(context, { notes: true }))
    expect(cleared).toBe(true)
    expect(snapshot(model)).toEqual(original)
  })

  it('on a sheet renamed between checks: the marks are found by the sheet id', async () => {
    const model = await createProtectedTemplate()
    const original = snapshot(model)
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    renameFakeSheet(model, 'Phụ lục', 'Phụ lục (đã sửa)')
    const again = await excel.run((context) => runCheck(context, options))
    expect(again.report.sheet).toBe('Phụ lục (đã sửa)')
    renameFakeSheet(model, 'Phụ lục (đã sửa)', 'Báo cáo quý 3')
    expect((await excel.run((context) => runClear(context, { notes: true }))).cleared).toBe(true)
    renameFakeSheet(model, 'Báo cáo quý 3', 'Phụ lục')
    expect(snapshot(model)).toEqual(original)
  })

  it('with rows inserted between checks: marks follow their rows (STT + content)', async () => {
    const model = await createProtectedTemplate()
    const expected = await createProtectedTemplate()
    insertFakeRows(expected.sheets[0]!, 9, 2)
    const excel = createFakeExcel(model)
    await excel.run((context) => runCheck(context, options))
    insertFakeRows(model.sheets[0]!, 9, 2)
    await excel.run((context) => runCheck(context, options))
    insertFakeRows(model.sheets[0]!, 20, 1)
    insertFakeRows(expected.sheets[0]!, 20, 1)
    await excel.run((context) => runClear(context, { notes: true }))
    // The inserted rows took the formats of the row above them ("Format Same As Above"), marks
    // included: they are the user's new cells, not the check's, so they are left as they are.
    const inserted = (s: ReturnType<typeof snapshot>) =>
      s.map((sheet) => ({
        ...sheet,
        cells: sheet.cells.filter(
          (c) => ![9, 10, 20].includes(Number(/\d+$/.exec(String(c[0]))![0])),
        ),
      }))
    expect(inserted(snapshot(model))).toEqual(inserted(snapshot(expected)))
    const newCells = [...model.sheets[0]!.cells].filter(([a]) => /^[A-Z]+(9|10|20)$/.test(a))
    expect(newCells.filter(([, c]) => c.value !== '')).toEqual([])
  })

  it('when a marked row’s content was rewritten, it is found by its STT: clear restores, keeps the new text', async () => {
    const model = await createProtectedTemplate()
    const expected = await createProtectedTemplate()
    const excel = createFakeExcel(model)
    const { report } = await excel.run((context) => runCheck(context, options))
    const task = report.tasks.find((t) => t.kind === 'task')!
    const address = `${report.header!.columns.content!}${task.row}`
    for (const m of [model, expected])
      m.sheets[0]!.cells.get(address)!.value = 'Nội dung đã bị thay'
    await excel.run((context) => runCheck(context, options))
    const cleared = await excel.run((context) => runClear(context, { notes: true }))
    expect(cleared).toMatchObject({ cleared: true, unrestored: [] })
    expect(snapshot(model)).toEqual(snapshot(expected))
  })

  it('never deletes or overwrites a user sheet named "Kiểm tra", nor an annex of that name', async () => {
    const sheets = await readFakeSheets(await buildFilledWorkbook('dak-lak-2026-ke-hoach-cchc'))
    const mine = { name: 'Kiểm tra', rows: [['Sổ theo dõi kiểm tra nội bộ'], [plus]] }
    const model = createFakeWorkbook([sheets[0]!, mine, ...sheets.slice(1)])
    const original = snapshot(model)
    const excel = createFakeExcel(model)
    expect((await excel.run((context) => runClear(context, { notes: true }))).cleared).toBe(false)
    expect(snapshot(model)).toEqual(original)
    await excel.run((context) => runCheck(context, options))
    await excel.run((context) => runCheck(context, options))
    expect(model.sheets.map((s) => s.name)).toContain('Kiểm tra (2)')
    expect(snapshot(model).find((s) => s.name === 'Kiểm tra')).toEqual(
      original.find((s) => s.name === 'Kiểm tra'),
    )
    await excel.run((context) => runClear(context, { notes: true }))
    expect(snapshot(model)).toEqual(original)

    const named = createFakeWorkbook([{ ...sheets[0]!, name: 'Kiểm tra' }, ...sheets.slice(1)])
    const namedOriginal = snapshot(named)
    const other = createFakeExcel(named)
    await other.run((context) => runCheck(context, options))
    await other.run((context) => runCheck(context, options))
    expect(named.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Kiểm tra', 'Kiểm tra (2)']),
    )
    await other.run((context) => runClear(context, { notes: true }))
    expect(snapshot(named)).toEqual(namedOriginal)
  })
})

describe('text written as text on every path', () => {
  /** An annex whose own "Kết quả kiểm tra" column (reused by the check) holds text Excel would misread. */
  function createTrickyWorkbook(): FakeWorkbook {
    const tricky = [bullet, plus, `=${plus.slice(2)}`, `'${bullet}`]
    return createFakeWorkbook([
      {
        name: 'Báo cáo',
        rows: [
          ['BÁO CÁO TIẾN ĐỘ NHIỆM VỤ CCHC NĂM 2026'],
          ['STT', 'Nội dung', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ', 'Kết quả kiểm tra'],
          ...tricky.map((text, i) => [
            i + 1,
            i === 0 ? `<p>${bullet}</p>` : `Nhiệm vụ ${i + 1}`,
            'Sở Nội vụ',
            'Quý IV/2026',
            'Đang thực hiện',
            text,
          ]),
        ],
      },
    ])
  }

  it('bulleted, "+", "=" and "\'" text survives check, re-check, fix and clear unchanged', async () => {
    const model = createTrickyWorkbook()
    const original = snapshot(model)
    const excel = createFakeExcel(model)
    const { report } = await excel.run((context) => runCheck(context, options))
    await excel.run((context) => runCheck(context, options))
    expect(findFormulas(model)).toEqual([])
    expect(await excel.run((context) => runFixes(context, report))).toEqual({
      applied: 1,
      manual: [],
      stale: [],
    })
    expect(model.sheets[0]!.cells.get('B3')).toMatchObject({ value: bullet, formula: null })
    await excel.run((context) => runCheck(context, options))
    await excel.run((context) => runClear(context, { notes: true }))
    expect(findFormulas(model)).toEqual([])
    const fixed = original.map((s) => ({
      ...s,
      cells: s.cells.map((c) => (c[0] === 'B3' ? ['B3', bullet, null, '@', null, true] : c)),
    }))
    expect(snapshot(model)).toEqual(fixed)
  })
})

describe('one record for both surfaces', () => {
  it('a workbook marked by `cchc validate -o` (ExcelJS) is cleared by the add-in', async () => {
    const bytes = await buildFilledWorkbook('dak-lak-2026-ke-hoach-cchc')
    const original = createFakeWorkbook(await readFakeSheets(bytes))
    const checked = await checkAndLoad(bytes, { asOf: '2026-09-14' })
    markWorkbook(checked.workbook, checked.sheetName, checked.report)
    const marked = new Uint8Array(await checked.workbook.xlsx.writeBuffer())
    const model = createFakeWorkbook(await readFakeSheets(marked))
    expect(model.sheets.map((s) => s.name)).toEqual([
      'Phụ lục',
      '_cchc',
      'Kiểm tra',
      marksSheetName,
    ])
    const excel = createFakeExcel(model)
    expect((await excel.run((context) => runClear(context, { notes: true }))).cleared).toBe(true)
    const values = (m: FakeWorkbook) =>
      snapshot(m).map((s) => ({ ...s, cells: s.cells.map((c) => [c[0], c[1]]) }))
    expect(values(model)).toEqual(values(original))
  })
})
