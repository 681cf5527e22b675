import type { CellKind } from './cell-kind.ts'
import { holdsOneValue, type ColumnProfile } from './column-profile.ts'
import type { FieldKey } from './fields.ts'
import type { Weights } from './header-words.ts'

/**
 * Which cell kinds fit each field, and how well (1 = exactly what the field holds). A field's
 * content evidence grows with the share of cells that fit it and turns negative when most do not:
 * a "Tiến độ" column of "Quý I/2026" is no progress column, whatever its header says.
 */
const fits: Partial<Record<FieldKey, Partial<Record<CellKind, number>>>> = {
  stt: { numbering: 1, number: 1, text: 0.4 },
  criterion: { task: 1, text: 1, product: 0.5, target: 0.5, numbering: 0.3 },
  content: { task: 1, text: 0.8, product: 0.7, docref: 0.5, target: 0.5 },
  expected: { target: 1, percent: 1, number: 0.7, task: 0.7, text: 0.7, product: 0.5 },
  product: { product: 1, docref: 1, text: 0.8, task: 0.6 },
  lead: { agency: 1, text: 0.4 },
  executing: { agency: 1, text: 0.4 },
  coop: { agency: 1, text: 0.4 },
  deadline: { period: 1, date: 0.7, text: 0.2 },
  start: { period: 1, date: 0.8 },
  end: { period: 1, date: 0.8 },
  progress: { progress: 1, percent: 1, number: 0.7, text: 0.3, task: 0.3 },
  doneDate: { date: 1, period: 0.6, text: 0.2 },
  achieved: {
    progress: 0.8,
    percent: 1,
    number: 1,
    target: 0.5,
    text: 0.8,
    task: 0.8,
    docref: 0.8,
    product: 0.6,
  },
  evidence: { docref: 1, product: 0.7, text: 0.6, task: 0.5 },
  selfScore: { number: 1, percent: 0.3 },
}

/** How much a column's cells can move each field's score, at most (header words score up to about 11). */
const strength: Partial<Record<FieldKey, number>> = {
  stt: 4,
  criterion: 3,
  content: 5,
  expected: 3,
  product: 3,
  lead: 5,
  executing: 5,
  coop: 4,
  deadline: 7,
  start: 4,
  end: 4,
  progress: 7,
  doneDate: 5,
  achieved: 2,
  evidence: 3,
  selfScore: 3,
}

const timeFields = ['deadline', 'start', 'end', 'doneDate'] as const
const agencyFields = ['lead', 'executing', 'coop'] as const

/** The share of a column's filled cells that fit a field (0–1). */
export function computeFit(profile: ColumnProfile, field: FieldKey): number {
  const table = fits[field]
  if (!table || !profile.filled) return 0
  let sum = 0
  for (const [kind, weight] of Object.entries(table) as [CellKind, number][])
    sum += profile.kinds[kind] * weight
  // Progress words may follow the agency that reports ("Sở Nội vụ đang thực hiện").
  if (field === 'progress') sum = Math.max(sum, profile.looseProgress)
  return sum / profile.filled
}

/** The cells that plainly are what a field holds (a fit of 0.7 or more), for "9/10 là thời hạn". */
export function countFitting(profile: ColumnProfile, field: FieldKey): number {
  const table = fits[field] ?? {}
  let n = 0
  for (const [kind, weight] of Object.entries(table) as [CellKind, number][])
    if (weight >= 0.7) n += profile.kinds[kind]
  if (field === 'doneDate') return profile.kinds.date + profile.kinds.period
  // (a sentence that names its time, "Trình … trước ngày 10/01/2025", is a deadline's cell too; so is
  // a programme's time of day, on the day its title names)
  return field === 'deadline' ? Math.max(n, profile.looseDeadline + profile.clock) : n
}

/** What a date column's place says: dates only on finished rows, never after the report date, after a "received on" column. */
export function isCompletionColumn(p: ColumnProfile): boolean {
  if (p.kinds.date < 0.6 * p.filled || p.future > 0) return false
  const onlyDone =
    p.onDoneRows !== null &&
    p.onDoneRows === p.kinds.date &&
    p.openRows > 0 &&
    p.openBlank === p.openRows
  // (a cell merged down over the tasks below it is there on their rows too)
  const partialAfter = p.afterNeighbour && p.filled + p.merged <= 0.9 * p.rows
  return onlyDone || partialAfter
}

/**
 * The evidence of a column's cells for every field, on the scale of the header words, so that the
 * two add up into one score: each field gains or loses in proportion to the share of cells that
 * fit it, and more with more cells. Dates are weighed by where they fall: a column of dates never
 * after the report date and present only on finished rows is the completion date; the first of
 * two date columns in order ("received on" before the deadline) is neither. `plan` is true when
 * the table has no progress columns (there "Kết quả" holds targets, not achievements).
 */
export function scoreColumnContents(p: ColumnProfile, words: Weights, plan: boolean): Weights {
  const out: Weights = {}
  if (!p.filled) return out
  // A few cells already say something; six or more say all they can.
  const certainty = Math.min(1, (p.filled + 2) / 8)
  for (const [field, k] of Object.entries(strength) as [FieldKey, number][])
    out[field] = k * (2 * computeFit(p, field) - 1) * certainty
  // A time or schedule header ("Tiến độ" in a plan) over cells that name their times is the deadline.
  if ((words.deadline ?? 0) > 0 || (words.progress ?? 0) > 0) {
    const named = (0.8 * p.looseDeadline) / p.filled
    const fit = Math.max(computeFit(p, 'deadline'), named)
    out.deadline = (strength.deadline ?? 0) * (2 * fit - 1) * certainty
  }
  // Under a header that names a time, whole numbers of the dates' range are dates whose format was
  // lost (46022 is 31/12/2025); elsewhere they stay numbers ("Giá trị": 45000).
  if (p.serials >= 0.6 * p.filled)
    for (const k of ['deadline', 'doneDate', 'start', 'end'] as const)
      if ((words[k] ?? 0) >= 3) out[k] = Math.max(out[k] ?? 0, (strength[k] ?? 0) * 0.6 * certainty)
  const share = (kind: CellKind) => p.kinds[kind] / p.filled
  const add = (k: keyof Weights, v: number) => (out[k] = (out[k] ?? 0) + v)
  // Cells that plainly contradict the header void its words: agencies under a time word and not
  // a time among them but by chance ("Thời hạn HT" over "• Văn Phòng Bộ", an export whose columns
  // slid against their header), or times under an agency word and not one agency among them.
  if (p.filled >= 5) {
    const times = p.kinds.period + p.kinds.date + p.looseDeadline + p.clock + p.serials
    const voided =
      times <= 0.1 * p.filled && p.kinds.agency >= 0.8 * p.filled
        ? timeFields
        : p.kinds.agency === 0 && p.kinds.period + p.kinds.date >= 0.8 * p.filled
          ? agencyFields
          : []
    for (const k of voided) if ((words[k] ?? 0) > 0) add(k, -words[k]!)
  }
  // Cells that say how each task stands take the weight of header words that name something else.
  const giveToProgress = (k: keyof Weights, more = 0) => {
    add('progress', (words[k] ?? 0) + more)
    add(k, -(words[k] ?? 0))
  }
  // Numbers in sequence (1, 2, 3 …) are a numbering; counts are not, nor one number repeated
  // ("0, 0, 0": a figure nobody filled in yet).
  add('stt', 3 * (p.ordered / p.filled) - 1)
  // (numbers that start again at 1 under each heading still follow one another)
  const ordered = p.ordered >= 0.6 * p.filled
  if (p.filled >= 3 && p.distinct < 0.5 * p.filled && !ordered) add('stt', -4)
  // A numbering is never a score or a result.
  if ((words.stt ?? 0) >= 6 || (ordered && p.filled >= 3))
    for (const k of ['selfScore', 'score', 'achieved'] as const) add(k, -6)
  // One agency per cell leads; lists of agencies cooperate; cells that name the lead by its role
  // ("Chủ trì: Sở Công Thương; phối hợp: Sở Tài chính") name who leads, whoever else carries it out.
  if (share('agency') >= 0.5) add('coop', 3 * (p.agencyLists / p.filled) - 1)
  // (they take the weight of a word for who carries it out: "Cơ quan thực hiện")
  if (p.leadNamed >= 0.5 * p.filled) {
    add('lead', (words.executing ?? 0) + 3)
    add('executing', -(words.executing ?? 0) - 3)
  }
  if (share('duration') >= 0.5) add('other', 6)
  // Our own column holds our labels only; an office's mixes in its own words ("Trước hạn").
  if ((words.status ?? 0) > 0 && p.ownStatus >= 0.8 * p.filled) add('status', 10)
  // An office's own statement of each task against its deadline ("Đã hoàn thành (quá hạn)", "Đang
  // thực hiện (trong hạn)") is its progress, before a log of what was done.
  else if (p.timeliness >= 0.5 * p.filled) {
    // (said of nearly every task in a tracker's own labels, it outweighs a log headed for progress)
    const labelled = p.timeliness >= 0.8 * p.filled && p.looseProgress >= 0.8 * p.filled
    add('progress', labelled ? 6 : 3)
    // (such labels are no result weighed against a target, whatever the header calls them)
    if (labelled && (words.achieved ?? 0) > 0) giveToProgress('achieved')
    add('status', -(words.status ?? 0))
  }
  if (p.filled >= 2 && p.kinds.date >= 0.6 * p.filled) {
    if (p.future > 0.1 * p.kinds.date) {
      add('doneDate', -6)
      add('deadline', 1)
    }
    if (p.beforeNeighbour && !p.afterNeighbour && p.future === 0) {
      add('deadline', -3)
      add('doneDate', -3)
    }
    // Dates on most rows the table says are not done yet are no completion dates.
    if (p.onDoneRows !== null && p.openRows >= 2 && p.openRows - p.openBlank > 0.5 * p.openRows)
      add('doneDate', -4)
    if (isCompletionColumn(p)) {
      add('doneDate', 6)
      add('deadline', -5)
      add('end', -3)
    }
  }
  // A self-assessment in words ("Tự đánh giá": "Hoàn thành", "Chưa hoàn thành") is the office's
  // account of progress, not a score.
  if (
    (words.selfScore ?? 0) > 0 &&
    p.filled >= 2 &&
    p.kinds.number + p.kinds.percent < 0.3 * p.filled &&
    p.looseProgress >= 0.6 * p.filled
  )
    giveToProgress('selfScore', 1)
  // One agency repeated on every row (the unit whose plan it is) tells nothing of each task: the
  // header alone can make it the lead.
  if (holdsOneValue(p))
    for (const k of ['lead', 'executing', 'coop'] as const) out[k] = Math.min(out[k] ?? 0, 0)
  // One year written bare on every row ("plan_year": 2026) is the table's year, not a time of each
  // task, unless the header names a time.
  if (
    p.year !== null &&
    !['deadline', 'start', 'end', 'doneDate'].some((k) => (words[k as FieldKey] ?? 0) > 0)
  )
    for (const k of ['deadline', 'start', 'end', 'doneDate', 'stt'] as const)
      out[k] = Math.min(out[k] ?? 0, -4)
  // One answer repeated ("Không có" on every filled row) tells no progress where the header asks
  // none, nor where it asks weakly and the answer stands on few rows ("Dịch vụ công trực tuyến mức
  // độ": "Một phần" on two procedures).
  const asks = (words.progress ?? 0) + (words.status ?? 0)
  if (
    p.distinct <= 1 &&
    p.filled >= 2 &&
    (asks <= 0 || ((words.progress ?? 0) < 7 && p.filled < 0.5 * p.rows))
  )
    out.progress = Math.min(out.progress ?? 0, 0)
  // Marks ("x") say yes to what the header asks ("Cấp trình – TTg CP"): progress only where it asks that.
  if (p.marks >= 0.6 * p.filled && (words.progress ?? 0) <= 0 && (words.status ?? 0) <= 0)
    for (const k of ['progress', 'achieved'] as const) out[k] = Math.min(out[k] ?? 0, -2)
  // Weak progress words ("Tình trạng", "Trạng thái") need cells that are progress words.
  if ((words.progress ?? 0) + (words.status ?? 0) > 0 && (words.progress ?? 0) < 7) {
    // A figure per task ("Tỷ lệ hoàn thành (%)": 100, 60, 45) says how far, as progress words do.
    const figures = p.kinds.percent + p.kinds.number
    if (
      p.looseProgress < 0.75 * p.filled &&
      figures < 0.75 * p.filled &&
      p.ownStatus < 0.3 * p.filled &&
      p.timeliness < 0.5 * p.filled
    ) {
      add('progress', Math.min(0, 2 - (words.progress ?? 0) - (out.progress ?? 0)))
      add('status', Math.min(0, 2 - (words.status ?? 0)))
    }
  }
  // A result column: of targets or percentages in a plan, it holds targets (a plan has no
  // achievements); of document names, products.
  const resultLike = (words.achieved ?? 0) > 0 || (words.product ?? 0) > 0
  const targets = share('target') >= 0.3 || (plan && share('percent') >= 0.5)
  const raise = (k: keyof Weights, over: number) => {
    const total = (words[k] ?? 0) + (out[k] ?? 0)
    if (total < over) add(k, over - total)
  }
  // A plan proves nothing yet: a column weakly worded as documents ("Hồ sơ", "Văn bản") holds what
  // the task produces, not evidence of its completion.
  if (plan && (words.evidence ?? 0) > 0 && (words.evidence ?? 0) < 5) {
    add('evidence', -2)
    add('product', 1)
  }
  // Figures cannot tell an aim from a result: in a report, a column whose words lean to the result
  // ("Tỷ lệ (%)" beside "Kết quả thực hiện") is no target for its figures alone.
  if (!plan && (words.achieved ?? 0) > (words.expected ?? 0))
    out.expected = Math.min(out.expected ?? 0, 0)
  const achieved = (words.achieved ?? 0) + (out.achieved ?? 0)
  if (resultLike && targets)
    raise('expected', Math.max(achieved, (words.product ?? 0) + (out.product ?? 0)) + 1)
  else if (resultLike && share('product') + share('docref') >= 0.5 && share('percent') < 0.3)
    raise('product', achieved + 1)
  // A plan has no achievements yet: its result column holds aims (some measured) or products.
  else if (plan && resultLike && p.looseProgress < 0.5 * p.filled)
    raise(
      share('target') + share('percent') + share('number') > 0.2 ? 'expected' : 'product',
      achieved + 1,
    )
  return out
}
