import { parseDeadline } from './deadline.ts'
import { parseDayFirstDate } from './date.ts'
import { cellText, isDateCell, type CellValue } from './grid.ts'
import type { Weights } from './header-words.ts'
import { statusLabels } from './messages.ts'
import { isProgress, parseProgress } from './progress.ts'
import { foldKeepingNumbers, foldText } from './text.ts'

/** What the data under a header looks like: the share of its cells of each kind. */
export type ColumnEvidence = {
  count: number
  duration: number
  period: number
  exactDate: number
  target: number
  percent: number
  progress: number
  ownStatus: number
  product: number
}

const durationPattern =
  /^(?:khong tinh thoi gian|(?:toi da |trong |khoang )?\d+(?:[.,]\d+)?(?: \d+(?:[.,]\d+)?)? (?:ngay|gio|tuan|thang|nam)(?: lam viec)?)$/
const targetPattern =
  /(≥|>=|≤|\b(?:toi thieu|it nhat|tren|tu \d+(?:[.,]\d+)? pct(?: \w+)* tro len|khong duoi|dat tu)\b)/
const productPattern =
  /^(quyet dinh|ke hoach|bao cao|de an|van ban|nghi quyet|nghi dinh|thong tu|chi thi|cong van|huong dan|to trinh|quy che|quy dinh|chuong trinh|thong bao|du thao|phan mem|he thong|co so du lieu|luat|danh muc|so tay|tai lieu)\b/
// The statuses only the product writes (not progress words an agency would type).
const ownStatuses = new Set(
  (['done-on-time', 'done-late', 'overdue', 'ongoing', 'unknown'] as const).map((s) =>
    foldText(statusLabels[s].vi),
  ),
)

/** Which kinds of evidence a column's header words can use (the costly readings are skipped otherwise). */
export type EvidenceNeeds = { dates: boolean; results: boolean; progress: boolean }

const allNeeds: EvidenceNeeds = { dates: true, results: true, progress: true }

/** The evidence `applyEvidence` can use for a header scored so (a share it would not read is left 0). */
export function computeEvidenceNeeds(scores: Weights): EvidenceNeeds {
  const has = (k: keyof Weights) => (scores[k] ?? 0) > 0
  return {
    dates: has('deadline') || has('doneDate'),
    results: has('achieved') || has('product'),
    progress: has('status') || has('progress'),
  }
}

/** Reads the first data cells under a column (at most 30 non-empty) into shares of each kind. */
export function readColumnEvidence(
  values: CellValue[],
  needs: EvidenceNeeds = allNeeds,
): ColumnEvidence {
  const evidence: ColumnEvidence = {
    count: 0,
    duration: 0,
    period: 0,
    exactDate: 0,
    target: 0,
    percent: 0,
    progress: 0,
    ownStatus: 0,
    product: 0,
  }
  for (const value of values) {
    if (evidence.count >= 30) break
    const text = cellText(value).trim()
    if (!text || text.length > 400) continue
    evidence.count++
    const folded = foldKeepingNumbers(text.replace(/^\(|\)$/g, ''))
    if (durationPattern.test(folded)) evidence.duration++
    if (needs.dates) {
      const date = parseDayFirstDate(text)
      if (isDateCell(value) || (date !== null && date !== 'invalid')) evidence.exactDate++
      else {
        const d = parseDeadline(text, 2000)
        if (d && d.kind !== 'invalid' && d.kind !== 'date') evidence.period++
      }
    }
    if (needs.results) {
      if (targetPattern.test(text.toLowerCase()) || targetPattern.test(folded)) evidence.target++
      if (/\d pct\b/.test(folded)) evidence.percent++
    }
    const plain = needs.results || needs.progress ? foldText(text) : ''
    if (needs.progress) {
      const progress = parseProgress(typeof value === 'number' ? value : text)
      if (isProgress(progress) && typeof value !== 'number') evidence.progress++
      if (ownStatuses.has(plain)) evidence.ownStatus++
    }
    if (needs.results && productPattern.test(plain)) evidence.product++
  }
  if (evidence.count) {
    for (const k of Object.keys(evidence) as (keyof ColumnEvidence)[])
      if (k !== 'count') evidence[k] /= evidence.count
  }
  return evidence
}

/**
 * Adjusts a header's scores by the data under it, where the words alone are ambiguous: durations
 * are no deadlines, a "Kết quả" column of targets in a plan is the expected result, product names
 * are products, month texts under "Ngày hoàn thành" are deadlines, statuses that are no progress
 * words are not progress. `plan` is true when the table has no progress column.
 */
export function applyEvidence(scores: Weights, e: ColumnEvidence, plan: boolean): Weights {
  if (!e.count) return scores
  const out: Weights = { ...scores }
  const add = (k: keyof Weights, v: number) => {
    if ((out[k] ?? 0) > 0 || v > 0) out[k] = (out[k] ?? 0) + v
  }
  if (e.duration >= 0.5) {
    for (const k of ['deadline', 'start', 'end'] as const) if (out[k]) out[k] = 0
    add('other', 6)
  }
  if (e.period >= 0.5 && (out.deadline ?? 0) > 0) {
    add('deadline', 3)
    if (out.doneDate) out.doneDate -= 4
  }
  if (e.exactDate >= 0.5 && !plan && (out.doneDate ?? 0) > 0) add('doneDate', 1)
  const resultLike = (out.achieved ?? 0) > 0 || (out.product ?? 0) > 0
  if (resultLike && (e.target >= 0.3 || (plan && e.percent >= 0.5))) {
    out.expected = Math.max(out.expected ?? 0, (out.achieved ?? 0) + 1, (out.product ?? 0) + 1)
  }
  if (resultLike && e.product >= 0.5 && e.percent < 0.3) {
    out.product = Math.max(out.product ?? 0, (out.achieved ?? 0) + 1)
  }
  if ((out.status ?? 0) > 0 || (out.progress ?? 0) > 0) {
    if (e.ownStatus >= 0.3 && (out.status ?? 0) > 0) add('status', 6)
    else if (e.progress >= 0.75) add('progress', 4)
    else if (e.progress < 0.75 && (out.progress ?? 0) < 7) {
      out.progress = Math.min(out.progress ?? 0, 2)
      out.status = Math.min(out.status ?? 0, 2)
    }
  }
  return out
}
