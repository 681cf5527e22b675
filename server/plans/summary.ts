import {
  formatVietnameseDate,
  severityLabels,
  type IssuingDocument,
  type PlanDoubt,
  type PlanRow,
} from '../../core/index.ts'

// How a plan reads in the terminal (and in the dashboard's words): its document, its size and its doubts.

export type Lang = 'vi' | 'en'

const words = {
  vi: {
    plan: 'Kế hoạch',
    year: 'năm',
    document: 'Văn bản ban hành',
    unknown: 'chưa rõ',
    number: 'số',
    date: 'ngày',
    sections: 'mục',
    groups: 'nhóm',
    tasks: 'nhiệm vụ',
    doubts: 'Cần xem lại',
    none: 'Không có điểm nào cần xem lại.',
    tables: 'Tệp có các bảng phụ lục',
    chosen: 'đã chọn',
    other: 'chọn bảng khác: --table N',
  },
  en: {
    plan: 'Plan',
    year: 'year',
    document: 'Issuing document',
    unknown: 'unknown',
    number: 'no.',
    date: 'dated',
    sections: 'sections',
    groups: 'groups',
    tasks: 'tasks',
    doubts: 'To review',
    none: 'Nothing to review.',
    tables: 'Appendix tables in the file',
    chosen: 'chosen',
    other: 'choose another: --table N',
  },
}

/** "Kế hoạch số 0156/KH-UBND ngày 26/12/2025" (or what is unknown of it). */
export function formatDocument(document: IssuingDocument | undefined, lang: Lang = 'vi'): string {
  const w = words[lang]
  const kind = document?.kind ?? w.plan
  const number = document?.number ?? `${w.unknown}`
  const date = document?.date ? formatVietnameseDate(document.date) : w.unknown
  return `${kind} ${w.number} ${number} ${w.date} ${date}`
}

/** Counts of a plan's rows by kind. */
export function countPlanRows(rows: PlanRow[]): {
  sections: number
  groups: number
  tasks: number
} {
  const count = (kind: string) => rows.filter((r) => r.read?.kind === kind).length
  return { sections: count('section'), groups: count('group'), tasks: count('task') }
}

/** One line per doubt: its task, code and message, then its hint. */
export function renderDoubts(doubts: PlanDoubt[], lang: Lang = 'vi'): string[] {
  const w = words[lang]
  if (!doubts.length) return [w.none]
  const lines = [`${w.doubts} (${doubts.length}):`]
  for (const { task, issue } of doubts) {
    const where = task ?? '—'
    lines.push(
      `  ${where.padEnd(8)} ${severityLabels[issue.severity][lang].padEnd(9)} ${issue.code.padEnd(22)} ${issue.message[lang]}`,
    )
    lines.push(`           → ${issue.hint[lang]}`)
  }
  return lines
}

/** The plan part of `cchc plan import`'s summary. */
export function renderPlanSummary(
  plan: {
    id: string
    name: string
    year: number
    document?: IssuingDocument | undefined
    rows: PlanRow[]
    doubts?: PlanDoubt[] | undefined
  },
  appendices: { index: number; title: string; tasks: number }[],
  chosen: number,
  lang: Lang = 'vi',
): string {
  const w = words[lang]
  const counts = countPlanRows(plan.rows)
  const lines = [
    `${w.plan} “${plan.name}” (${plan.id}) — ${w.year} ${plan.year || w.unknown}`,
    `${w.document}: ${formatDocument(plan.document, lang)}`,
    `${counts.sections} ${w.sections}, ${counts.groups} ${w.groups}, ${counts.tasks} ${w.tasks}`,
  ]
  if (appendices.length > 1) {
    lines.push(`${w.tables} (${w.other}):`)
    for (const a of appendices)
      lines.push(
        `  ${a.index}. ${a.title.slice(0, 90)} — ${a.tasks} ${w.tasks}${a.index === chosen ? ` (${w.chosen})` : ''}`,
      )
  }
  lines.push('', ...renderDoubts(plan.doubts ?? [], lang))
  return lines.join('\n')
}
