import { cellText, columnLetter, type CellValue } from './grid.ts'
import { givesNoDeadline, isProgress, isTimingVerdict, parseProgress } from './progress.ts'
import { foldText } from './text.ts'

/**
 * Columns that make one field together: a time parent over a series of periods ("Thời gian thực
 * hiện" over "Quý I | Quý II | Quý III | Quý IV") is the deadline, a row of numbered steps ("Bước 1 …
 * Bước 12") the progress, and so are columns each naming a state ("Hoàn thành | Đang thực hiện | Chưa
 * thực hiện"); each row marks its periods, steps or state ("x"). Sheet columns, in order.
 */
export type ColumnSeries = {
  field: 'deadline' | 'progress'
  kind: SeriesKind
  columns: number[]
  labels: string[]
}
export type SeriesKind = 'periods' | 'steps' | 'states' | 'workflow' | 'reports'

/** A mark in a period or step column: the row is due then, or the step is done ("x", "✓", "√", "•"). */
export const seriesMark = /^(?:[xX✓✔√☑✅•●+*v]|có)$/u

// A header naming one period: "Quý I", "Tháng 3", "Năm 2027", "2027", "Q2", "Đợt 1", "Đợt II/2025", a span
// of years "2023-2025" (folded "2023 2025"), "Giai đoạn 2026-2030".
const periodHeader =
  /^(?:(?:quy|thang|tuan|dot|nam|giai doan) (?:[ivx]+|\d{1,4})(?:(?: nam)? (?:19|20)\d{2})?|(?:(?:nam|giai doan) )?(?:19|20)\d{2}(?: (?:19|20)\d{2})?|q[1-4]|6 thang (?:dau|cuoi) nam)$/
// A header naming one numbered step: "Bước 1", "Giai đoạn 2", "Công đoạn 3", "Khâu 4".
const stepHeader = /^(?:buoc|giai doan|cong doan|khau) (\d{1,2})$/

// A header naming one state of progress, its mark asked for in brackets: "Đã hoàn thành (x)"; or one
// verdict on the timing ("Đúng hạn | Trễ hạn | Không giao hạn" under "Tiến độ").
function readStateHeader(text: string): string | null {
  const words = text.replace(/\([^)]*\)/g, ' ').trim()
  if (!words || words.split(/\s+/).length > 4) return null
  if (isTimingVerdict(words) || givesNoDeadline(words)) return foldText(words)
  const read = parseProgress(words)
  return isProgress(read) && read.percent === null ? read.state : null
}

// A brief label, no figures, that names no bound of a time ("Bắt đầu", "Kết thúc", "Từ", "Đến").
function isRecipientLabel(text: string): boolean {
  const folded = foldText(text)
  return (
    text.length <= 20 &&
    folded.split(' ').length <= 3 &&
    !/\d/.test(folded) &&
    !/\b(?:bat dau|ket thuc|tu|den|khoi cong|hoan thanh|du kien|thuc te|ke hoach)\b/.test(folded)
  )
}

/** Whether a header names one state of progress or one verdict on the timing, as a column of marks does. */
export function isStateHeader(text: string): boolean {
  return readStateHeader(text) !== null
}

/** Whether a parent names the periods under it ("Các đợt trong năm 2020", "Các quý"). */
function isPeriodParent(text: string): boolean {
  return /\b(?:cac|nhung) (?:dot|quy|thang|ky|lan|giai doan)\b/.test(foldText(text))
}

/** Whether a header (under a spanning parent) names one period of a series. */
export function isPeriodHeader(text: string): boolean {
  return periodHeader.test(foldText(text))
}

type HeaderCell = { text: string; parent: string | null; skip: boolean }

/**
 * The series of a header row (relative column indices): periods side by side under one parent that
 * `isTime` accepts, or three or more steps numbered one after the other; only those whose cells are
 * mostly marks (`marked`).
 */
export function findColumnSeries(
  cells: HeaderCell[],
  isTime: (parent: string) => boolean,
  marked: (run: number[], field: ColumnSeries['field']) => boolean,
  written: (run: number[]) => boolean = () => false,
  reported: (parent: string, run: number[]) => boolean = () => false,
): Omit<ColumnSeries, 'labels'>[] {
  const found: Omit<ColumnSeries, 'labels'>[] = []
  const step = (c: number) => Number(stepHeader.exec(foldText(cells[c]?.text ?? ''))?.[1] ?? NaN)
  const state = (c: number) => (cells[c] ? readStateHeader(cells[c].text) : null)
  for (let c = 0; c < cells.length; c++) {
    const parent = cells[c]!.parent
    const run = [c]
    if (parent && isPeriodHeader(cells[c]!.text)) {
      while (
        cells[c + run.length]?.parent === parent &&
        isPeriodHeader(cells[c + run.length]!.text)
      )
        run.push(c + run.length)
      if (run.length >= 2 && (isTime(parent) || isPeriodParent(parent)) && marked(run, 'deadline'))
        found.push({ field: 'deadline', kind: 'periods', columns: run })
      else if (run.length >= 2 && reported(parent, run))
        found.push({ field: 'progress', kind: 'reports', columns: run })
    } else if (parent && isTime(parent) && isRecipientLabel(cells[c]!.text) && !state(c)) {
      // Times under one time parent, one per body or step named briefly ("Thời gian trình" over
      // "BTV | BCH"), each cell writing its time: one deadline, the latest.
      while (
        cells[c + run.length]?.parent === parent &&
        isRecipientLabel(cells[c + run.length]!.text) &&
        !state(c + run.length)
      )
        run.push(c + run.length)
      if (run.length >= 2 && written(run))
        found.push({ field: 'deadline', kind: 'periods', columns: run })
    } else if (!Number.isNaN(step(c))) {
      while (step(c + run.length) === step(c) + run.length) run.push(c + run.length)
      if (run.length >= 3 && marked(run, 'progress'))
        found.push({ field: 'progress', kind: 'steps', columns: run })
    } else if (state(c)) {
      const states = new Set([state(c)])
      while (state(c + run.length) && !states.has(state(c + run.length))) {
        states.add(state(c + run.length))
        run.push(c + run.length)
      }
      if (run.length >= 2 && marked(run, 'progress'))
        found.push({ field: 'progress', kind: 'states', columns: run })
    }
    c += run.length - 1
  }
  // One series per field: the first.
  return found.filter((s, i) => found.findIndex((o) => o.field === s.field) === i)
}

// A step of handling a text or a file, named by what is done or received at it.
const handingStep =
  /\b(gui|trinh|dang ky|tham dinh|lay y kien|xin y kien|gop y|phuc dap|chap thuan|thong qua|tiep nhan|ngay nhan|phe duyet)\b/
// The step that ends the work: the text issued, the result ("Số, ngày ban hành VBQPPL"), not the
// submission for it ("VB trình UBND tỉnh ban hành").
const resultStep = /\b(ban hanh|ket qua)\b/
const isWorkflowStep = (text: string) => handingStep.test(text) || resultStep.test(text)
const isWorkflowResult = (text: string) => resultStep.test(text) && !handingStep.test(text)

/**
 * The columns of a workflow after the task column (relative indices), when no column holds the
 * progress: three or more columns free of any field, each naming a step of handling a text, whose
 * cells record documents or dates ("Công văn số 2170/STP ngày 02/10/2025"), filled on some rows only
 * (a column filled on every row is where the task came from). Null when there is none.
 */
export function findWorkflow(
  cells: HeaderCell[],
  profiles: { filled: number; rows: number; records: number }[],
  free: (c: number) => boolean,
  after: number,
): number[] | null {
  const run: number[] = []
  for (let c = after + 1; c < cells.length; c++) {
    const p = profiles[c]!
    if (!free(c) || !isWorkflowStep(foldText(cells[c]!.text))) continue
    if (p.records < 0.5 * p.filled) continue
    run.push(c)
  }
  const recorded = run.filter((c) => profiles[c]!.filled > 0)
  if (run.length < 3 || !recorded.length) return null
  return recorded.every((c) => profiles[c]!.filled >= profiles[c]!.rows) ? null : run
}

/** The share of a run's filled cells that are marks, at least one: the run is a series. */
export function isMarkedRun(rows: CellValue[][], run: number[], share: number): boolean {
  let marks = 0
  let filled = 0
  for (const row of rows)
    for (const c of run) {
      const text = cellText(row[c] ?? null).trim()
      if (text) filled++
      if (seriesMark.test(text)) marks++
    }
  return marks > 0 && marks >= share * filled
}

type SeriesCell = { value: CellValue; text: string; column: string; inferred?: true }

/**
 * What a row says across a series, as one cell of its field (or null when it says nothing). A
 * deadline runs from the first marked period to the last ("Quý II - Quý III", at the last marked
 * cell; a cell that writes a time instead is read as it says). Progress is done when every step is
 * filled, else in progress at its last filled step, with the words written there.
 */
export function readSeriesCell(
  series: ColumnSeries,
  values: CellValue[],
  left: number,
): SeriesCell | null {
  const marked: number[] = []
  const written: number[] = []
  const texts = series.columns.map((column) => cellText(values[column - left] ?? null).trim())
  texts.forEach((text, k) => {
    if (seriesMark.test(text)) marked.push(k)
    else if (text) written.push(k)
  })
  const cell = (text: string, k: number) => ({
    value: text,
    text,
    column: columnLetter(series.columns[k]!),
  })
  if (series.field === 'deadline') {
    // Times written in several periods are read together: the latest is due. A day written without
    // its year takes the year its period names ("06/3" under "Đợt I/2026").
    // (right after the day where it writes one: "06/3 (Thứ Sáu)" is "06/3/2026 (Thứ Sáu)")
    const dated = (k: number) => {
      const year = /\b(?:19|20)\d{2}\b/.exec(series.labels[k] ?? '')?.[0]
      const text = texts[k]!
      if (!year || /\b(?:19|20)\d{2}\b/.test(text)) return text
      const day = /(?<![\d/])\d{1,2} ?\/ ?\d{1,2}(?! ?\/ ?\d)/.exec(text)
      if (!day) return `${text} năm ${year}`
      const end = day.index + day[0].length
      return `${text.slice(0, end)}/${year}${text.slice(end)}`
    }
    if (written.length) return cell(written.map(dated).join('; '), written[written.length - 1]!)
    if (!marked.length) return null
    const [first, last] = [marked[0]!, marked[marked.length - 1]!]
    const label = (k: number) => series.labels[k]!
    return cell(first === last ? label(last) : `${label(first)} - ${label(last)}`, last)
  }
  // A workflow is done when its result is recorded, else in progress at its last recorded step.
  if (series.kind === 'workflow') {
    const filled = texts.flatMap((text, k) => (text ? [k] : []))
    if (!filled.length) return null
    const last = filled[filled.length - 1]!
    const label = series.labels[last]!
    const done = last === texts.length - 1 && isWorkflowResult(foldText(label))
    const said = done ? `Hoàn thành — ${texts[last]}` : `Đang thực hiện: ${label} — ${texts[last]}`
    return { ...cell(said, last), inferred: true }
  }
  // Progress reported period by period: as the latest period that says anything reports it.
  if (series.kind === 'reports') {
    let last = texts.length - 1
    while (last >= 0 && !texts[last]) last--
    return last < 0 ? null : cell(texts[last]!, last)
  }
  // The state whose column is marked, in that column's words.
  if (series.kind === 'states') {
    if (!marked.length) return null
    return cell(series.labels[marked[0]!]!.replace(/\([^)]*\)/g, ' ').trim(), marked[0]!)
  }
  const filled = [...marked, ...written].sort((a, b) => a - b)
  if (!filled.length) return null
  const last = filled[filled.length - 1]!
  if (filled.length === series.columns.length) return cell('Hoàn thành', last)
  const words = written.includes(last) ? ` — ${texts[last]}` : ''
  return cell(`Đang thực hiện: ${series.labels[last]}${words}`, last)
}
