/**
 * What a user can see of a fake workbook, to compare before and after: every sheet (name,
 * visibility), note and non-empty cell (value, formula, number format, fill, lock). The hidden
 * record's text is left out: it is the add-in's, not the user's.
 */
import { marksSheetName } from '../../core/index.ts'
import type { FakeWorkbook } from './fake-excel.ts'

export function viewFakeWorkbook(model: FakeWorkbook) {
  return [...model.sheets]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({
      name: s.name,
      visibility: s.visibility,
      notes: [...s.notes].sort((a, b) => a[0].localeCompare(b[0])),
      cells:
        s.name === marksSheetName
          ? []
          : [...s.cells]
              .filter(([, c]) => c.value !== '' || c.fill || c.format !== 'General' || !c.locked)
              .map(([a, c]) => [a, c.value, c.formula, c.format, c.fill, c.locked] as const)
              .sort((a, b) => a[0].localeCompare(b[0])),
    }))
}

export type WorkbookView = ReturnType<typeof viewFakeWorkbook>

/** One sheet of a view, by name. */
export function viewSheet(view: WorkbookView, name: string) {
  return view.find((s) => s.name === name)
}

/** The cells of a workbook that hold a formula or show #NAME? (text Excel took for a formula). */
export function findFormulaCells(model: FakeWorkbook): string[] {
  return model.sheets.flatMap((s) =>
    [...s.cells]
      .filter(([, c]) => c.formula !== null || c.value === '#NAME?')
      .map(([a]) => `${s.name}!${a}`),
  )
}
