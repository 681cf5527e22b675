import { foldKeepingNumbers, foldText, parseVietnameseNumber } from './text.ts'

/**
 * How a target compares: at least, more than, at most ("Không quá 1%", "Tối đa 5%"), less than ("Dưới
 * 1%"), exactly (zero), or against last year (not judged).
 */
export type TargetOp = '>=' | '>' | '<=' | '<' | '=' | 'baseline'
export type TargetUnit = '%' | 'count' | 'points'

/** One target read from plan text. `value` is null for baseline targets. */
export type Target = { op: TargetOp; value: number | null; unit: TargetUnit; text: string }

/** One achieved figure an agency reported. */
export type Achieved = { value: number; unit: TargetUnit | null }

const num = String.raw`(\d+(?:[.,]\d+)?)`
const countUnits = String.raw`(cuoc|sang kien|tthc|nhom tthc|thu tuc|don vi|lop|hoi nghi|van ban|ho so|dich vu|co quan|ke hoach|bao cao|dot|lan|mo hinh|giai phap|dvsncl)`
const rangePattern = new RegExp(String.raw`${num} pct ?${num} pct`)
// The words before a figure that bound it from below or from above.
const bound = String.raw`tren|hon|it nhat(?: la)?|toi thieu|tu|dat tu|dat|duoi|thap hon|it hon|nho hon|khong (?:vuot )?qua|toi da`
const percentPattern = new RegExp(String.raw`(?:\b(${bound})\s+)?${num} pct`, 'g')
const pointsPattern = new RegExp(String.raw`${num} diem\b`)
const countPattern = new RegExp(
  String.raw`(?:\b(tu|it nhat(?: la)?|toi thieu|dat tu|dat|co tu|to chuc|co|duoi|khong (?:vuot )?qua|toi da)\s+)?\b(\d{1,3})\s+${countUnits}\b`,
)

/** The comparison the word before a figure makes ("dưới" below, "không quá" at most, "trên" above …). */
function readBound(word: string | undefined, raw: string): TargetOp {
  if (/[≤]|<=/.test(raw)) return '<='
  if (/<(?!=)/.test(raw)) return '<'
  if (/[≥]|>=/.test(raw)) return '>='
  if (!word) return '>='
  if (/^(?:duoi|thap hon|it hon|nho hon)$/.test(word)) return '<'
  if (/^(?:khong (?:vuot )?qua|toi da)$/.test(word)) return '<='
  return word === 'tren' || word === 'hon' ? '>' : '>='
}

/** Splits plan text into its bullets ("- …", "+ …", "; …", line breaks). */
/** Whether a segment without a number may still state a target: a zero ("không để xảy ra") or a baseline ("so với năm trước"). */
function isWordyTarget(segment: string): boolean {
  const lower = segment.toLowerCase()
  return lower.includes('không') || lower.includes('năm trước') || lower.includes('so với năm')
}

function splitBullets(text: string): string[] {
  return text
    .split(/(?:^|\s)[-–•+]\s+|;|\n/)
    .map((s) => s.trim())
    .filter(Boolean)
}

function readSegment(segment: string): Target[] {
  // Dates and document numbers are not targets ("ngày 23/6/2022", "766/QĐ-TTg").
  const folded = foldKeepingNumbers(segment.replace(/\d+\s*\/\s*\d+(\s*\/\s*\d+)?/g, ' '))
  const text = segment.trim()
  if (/\b(tang|cao hon|vuot)\b.*\b(nam truoc|so voi nam)\b/.test(folded)) {
    return [{ op: 'baseline', value: null, unit: '%', text }]
  }
  if (
    /\bkhong (co|de xay ra|de|xay ra)\b.*\b(vi pham|sai pham|sai sot|tham nhung)\b/.test(folded)
  ) {
    return [{ op: '=', value: 0, unit: 'count', text }]
  }
  const targets: Target[] = []
  if (!/\d/.test(folded)) return []
  const percent = folded.includes(' pct')
  const range = percent ? rangePattern.exec(folded) : null
  if (range) {
    targets.push({ op: '>=', value: parseVietnameseNumber(range[1]!)!, unit: '%', text })
    return targets
  }
  for (const m of percent ? folded.matchAll(percentPattern) : []) {
    const value = parseVietnameseNumber(m[2]!)
    if (value === null) continue
    targets.push({ op: readBound(m[1], text), value, unit: '%', text })
  }
  if (targets.length) return targets
  const points = pointsPattern.exec(folded)
  if (points && /\b(dat|tu|tro len|it nhat|toi thieu)\b/.test(folded)) {
    return [{ op: '>=', value: parseVietnameseNumber(points[1]!)!, unit: 'points', text }]
  }
  const count = countPattern.exec(folded)
  if (count && (count[1] || count[2]!.startsWith('0') || /\btro len\b/.test(folded))) {
    return [{ op: readBound(count[1], text), value: Number(count[2]), unit: 'count', text }]
  }
  return targets
}

/**
 * Reads every target a plan cell states; a bulleted cell may hold several, all to be met.
 * @example parseTargets('Trong năm 2026 phải thực hiện kiểm tra CCHC ít nhất là 30% số cơ quan')
 *   // [{ op: '>=', value: 30, unit: '%', … }]
 * @example parseTargets('Phấn đấu 90% -100% hồ sơ …') // [{ op: '>=', value: 90, unit: '%', … }]
 */
export function parseTargets(text: string): Target[] {
  // Most segments state no target: only those with a number or a baseline/zero phrase are folded and read.
  return splitBullets(text).flatMap((segment) =>
    /\d/.test(segment) || isWordyTarget(segment) ? readSegment(segment) : [],
  )
}

/**
 * Reads achieved values; several are separated by ";". Returns null when a part is unreadable.
 * @example parseAchieved('95,5%; 28/30') // [{ value: 95.5, unit: '%' }, { value: 93.33…, unit: '%' }]
 */
export function parseAchieved(value: string | number | null): Achieved[] | null {
  if (value === null || value === '') return []
  if (typeof value === 'number') return [{ value, unit: null }]
  const parts = value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
  const out: Achieved[] = []
  for (const part of parts) {
    const folded = foldText(part)
    if (folded === 'khong' || folded === 'khong co') {
      out.push({ value: 0, unit: 'count' })
      continue
    }
    const ratio = /^\s*(\d+(?:[.,]\d+)?)\s*\/\s*(\d+(?:[.,]\d+)?)\s*$/.exec(part)
    if (ratio) {
      const a = parseVietnameseNumber(ratio[1]!)
      const b = parseVietnameseNumber(ratio[2]!)
      if (a === null || b === null || b === 0) return null
      out.push({ value: (a / b) * 100, unit: '%' })
      continue
    }
    const m = /^\s*(?:đạt\s+)?(\d+(?:[.,]\d+)?)\s*(%|điểm|[\p{L}][\p{L} ]*)?\s*$/iu.exec(part)
    if (!m) return null
    const n = parseVietnameseNumber(m[1]!)
    if (n === null) return null
    const unit =
      m[2] === '%' ? '%' : m[2] && foldText(m[2]) === 'diem' ? 'points' : m[2] ? 'count' : null
    out.push({ value: n, unit })
  }
  return out
}

/**
 * Whether one achieved value meets one target; null when it cannot be judged (no value, a baseline
 * target, or a figure of another kind: "02 hội nghị" says nothing about a target of "100%").
 */
export function computeTargetMet(target: Target, achieved: Achieved | undefined): boolean | null {
  if (!achieved || target.op === 'baseline' || target.value === null) return null
  if (achieved.unit !== null && achieved.unit !== target.unit) return null
  if (target.op === '=') return achieved.value === target.value
  if (target.op === '>') return achieved.value > target.value
  if (target.op === '<') return achieved.value < target.value
  if (target.op === '<=') return achieved.value <= target.value
  return achieved.value >= target.value
}

/** The targets that can be judged (all but "higher than last year"). */
export function selectJudgeable(targets: Target[]): Target[] {
  return targets.filter((t) => t.op !== 'baseline')
}

/** How much of a target a figure reaches (1 when met exactly); below a ceiling, 1 when within it. */
function computeRatio(op: TargetOp, target: number, value: number, met: boolean | null): number {
  if (op === '=') return met ? 1 : 0
  if (op === '<' || op === '<=') return met || value === 0 ? 1 : target / value
  return target === 0 ? 1 : value / target
}

/**
 * Judges all targets of a row: true when every target has a value that meets it, false when one
 * fails, null when nothing can be judged. Also returns the smallest achieved/target ratio (for scores).
 */
export function computeTargetsResult(
  targets: Target[],
  achieved: Achieved[],
): { met: boolean | null; ratio: number | null } {
  const judgeable = selectJudgeable(targets)
  if (!judgeable.length || !achieved.length) return { met: null, ratio: null }
  let met: boolean | null = true
  let ratio: number | null = null
  judgeable.forEach((t, i) => {
    const result = computeTargetMet(t, achieved[i])
    if (result === false) met = false
    else if (result === null && met === true) met = null
    const a = achieved[i]
    if (a && t.value !== null) {
      const r = computeRatio(t.op, t.value, a.value, result)
      ratio = ratio === null ? r : Math.min(ratio, r)
    }
  })
  return { met, ratio }
}
