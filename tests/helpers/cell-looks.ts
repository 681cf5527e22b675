import { runOpenpyxl } from './tools.ts'

/** One cell as openpyxl reads it: value, fill, font, border, alignment, number format, protection, note. */
export type CellLook = {
  value: string | number | boolean | null
  fill: string
  font: string
  border: string
  alignment: string
  format: string
  protection: string
  note: string | null
}

/** A sheet in cell terms: every cell with a value or a style, and the merged areas. */
export type SheetLooks = {
  cells: Record<string, CellLook>
  /** An empty, unstyled cell: what a cell outside the sheet's used area looks like. */
  blank: CellLook
  merges: string[]
  sheets: string[]
  /** The cell of every note in the package, read from its comments parts. */
  noteRefs: string[]
}

const script = `
import json, re, sys, datetime, zipfile, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
def color(c):
    return None if c is None else [c.type, c.rgb if c.type == 'rgb' else c.theme if c.type == 'theme' else c.indexed, round(c.tint, 6)]
def value(v):
    if isinstance(v, (datetime.datetime, datetime.date)): return v.isoformat()[:10]
    return v if isinstance(v, (str, int, float, bool, type(None))) else str(v)
def look(c):
    f = c.fill
    if type(c).__name__ == 'MergedCell':
        # openpyxl gives a merged area's covered cells the workbook's default style, not their own.
        return {'value': None, 'fill': 'covered', 'font': 'covered', 'border': 'covered', 'alignment': 'covered',
                'format': 'covered', 'protection': 'covered', 'note': None}
    return {
        'value': value(c.value),
        'fill': json.dumps([f.fill_type, color(f.fgColor), color(f.bgColor)] if f.fill_type else None),
        # The workbook's default font (font 0) is what every writer defines its own way: "default".
        'font': 'default' if c._style.fontId == 0 else json.dumps([c.font.name, c.font.sz, c.font.b, c.font.i, color(c.font.color)]),
        'border': json.dumps([[s.style, color(s.color)] for s in (c.border.left, c.border.right, c.border.top, c.border.bottom)]),
        # Writers spell the defaults out or leave them out: "general", "bottom" and no wrapping are one look.
        'alignment': json.dumps([None if c.alignment.horizontal == 'general' else c.alignment.horizontal,
                                 None if c.alignment.vertical == 'bottom' else c.alignment.vertical,
                                 bool(c.alignment.wrap_text)]),
        'format': c.number_format,
        'protection': json.dumps([c.protection.locked, c.protection.hidden]),
        'note': c.comment.text if c.comment else None,
    }
cells = {c.coordinate: look(c) for row in ws.iter_rows() for c in row}
# Every note's cell as the package stores it: openpyxl drops notes on covered cells of merged areas.
with zipfile.ZipFile(sys.argv[1]) as z:
    refs = sorted(r for n in z.namelist() if re.match(r'xl/comments[^/]*[.]xml$', n)
                  for r in re.findall(r'<comment ref="([A-Z]+[0-9]+)"', z.read(n).decode('utf8')))
print(json.dumps({'cells': cells, 'noteRefs': refs, 'blank': look(openpyxl.Workbook().active['A1']), 'merges': sorted(str(m) for m in ws.merged_cells.ranges),
                  'sheets': [s.title for s in wb.worksheets if s.sheet_state == 'visible']}, ensure_ascii=False))
`

/** Reads a sheet cell by cell with openpyxl, the independent reader the marked copy is held to. */
export function readCellLooks(path: string, sheet: string): SheetLooks {
  return JSON.parse(runOpenpyxl(script, [path, sheet])) as SheetLooks
}

/** The addresses whose look differs between two readings, for one property. */
export function findChangedCells(
  before: SheetLooks,
  after: SheetLooks,
  property: keyof CellLook,
): string[] {
  const addresses = new Set([...Object.keys(before.cells), ...Object.keys(after.cells)])
  return [...addresses].filter(
    (a) =>
      (before.cells[a] ?? before.blank)[property] !== (after.cells[a] ?? after.blank)[property],
  )
}
