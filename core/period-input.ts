import { parsePeriod, type Period } from './period.ts'
import { foldText } from './text.ts'

// What people type for a reporting period, read into the period ids of core/period.ts. The text is
// folded first (case, diacritics and punctuation ignored), so "Quý III/2026", "quý 3 - 2026" and
// "QUY III NAM 2026" read alike.

const quarterNumbers: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 }
const halfWords: Record<string, number> = { dau: 1, cuoi: 2 }

/** A quarter number written as 1–4 or I–IV. */
function readQuarter(text: string): number | null {
  if (/^[1-4]$/.test(text)) return Number(text)
  return quarterNumbers[text] ?? null
}

/** Each form people write, folded, and the period id it names. */
const forms: [RegExp, (m: RegExpExecArray) => string | null][] = [
  // "2026-Q3", "2026 Q3", "2026/Q3"
  [/^(\d{4}) ?q ?([1-4])$/, (m) => `${m[1]}-Q${m[2]}`],
  // "Quý 3/2026", "Quý III/2026", "Q3/2026", "quý IV năm 2026", "Qúy 3 - 2026"
  [
    /^(?:quy|qui|q) ?(iv|iii|ii|i|[1-4]) (?:nam )?(\d{4})$/,
    (m) => {
      const q = readQuarter(m[1]!)
      return q ? `${m[2]}-Q${q}` : null
    },
  ],
  // "2026-H1", "H1/2026"
  [/^(\d{4}) ?h ?([12])$/, (m) => `${m[1]}-H${m[2]}`],
  [/^h ?([12]) (?:nam )?(\d{4})$/, (m) => `${m[2]}-H${m[1]}`],
  // "6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "sáu tháng đầu 2026"
  [/^(?:6|sau) thang (dau|cuoi) (?:nam )?(\d{4})$/, (m) => `${m[2]}-H${halfWords[m[1]!]}`],
  // "Năm 2026", "cả năm 2026", "2026"
  [/^(?:(?:ca )?nam )?(\d{4})$/, (m) => m[1]!],
  // "Tháng 7/2026", "tháng 07 năm 2026", "2026-07", "07/2026"
  [/^thang (\d{1,2}) (?:nam )?(\d{4})$/, (m) => `${m[2]}-${m[1]!.padStart(2, '0')}`],
  [/^(\d{4}) (\d{2})$/, (m) => `${m[1]}-${m[2]}`],
  [/^(\d{1,2}) (\d{4})$/, (m) => `${m[2]}-${m[1]!.padStart(2, '0')}`],
]

/**
 * Reads a reporting period as people type it: the ids ("2026-Q3", "2026-H1", "2026", "2026-07"),
 * the app's own labels ("Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026", "Tháng 7/2026") and
 * what offices write ("Quý 3/2026", "Q3/2026", "quý IV năm 2026"). Null when it names no period.
 * @example parsePeriodInput('Quý 3/2026')?.id // '2026-Q3'
 */
export function parsePeriodInput(text: string, cutOffDay = 14, dueDay = 16): Period | null {
  const folded = foldText(text)
  for (const [pattern, toId] of forms) {
    const m = pattern.exec(folded)
    if (!m) continue
    const id = toId(m)
    return id ? parsePeriod(id, cutOffDay, dueDay) : null
  }
  return null
}
