import {
  formatColumnReading,
  formatVietnameseDate,
  severityLabels,
  statusLabels,
  type Report,
  type TaskStatus,
} from '../../core/index.ts'

export type Lang = 'vi' | 'en'

const words = {
  vi: {
    sheet: 'trang',
    year: 'năm kế hoạch',
    issued: 'ban hành',
    asOf: 'ngày báo cáo',
    header: 'dòng tiêu đề',
    tasks: 'nhiệm vụ',
    score: 'Điểm',
    provisional: 'thang điểm tạm thời',
    ok: 'Không có lỗi.',
    hint: '→',
    none: 'không rõ',
    mapping: 'Cách đọc cột',
    sure: 'chắc',
  },
  en: {
    sheet: 'sheet',
    year: 'plan year',
    issued: 'issued',
    asOf: 'report date',
    header: 'header row',
    tasks: 'tasks',
    score: 'Score',
    provisional: 'provisional profile',
    ok: 'No errors.',
    hint: '→',
    none: 'unknown',
    mapping: 'How the columns were read',
    sure: 'sure',
  },
}

/** A readable summary of a report for the terminal, Vietnamese by default. */
export function renderSummary(report: Report, lang: Lang = 'vi'): string {
  const w = words[lang]
  const lines: string[] = []
  const issued = report.issued ? ` (${w.issued} ${formatVietnameseDate(report.issued)})` : ''
  lines.push(
    `${report.file ?? ''} — ${w.sheet} “${report.sheet}”, ${w.year} ${report.planYear ?? w.none}${issued}, ${w.asOf} ${formatVietnameseDate(report.asOf)}`,
  )
  if (report.header)
    lines.push(`${w.header} ${report.header.row}; ${report.summary.tasks} ${w.tasks}`)
  if (report.header?.mapping.length) {
    lines.push(`${w.mapping}:`)
    for (const m of report.header.mapping) {
      const sure =
        m.chosen || m.guessed || m.confidence >= 0.8
          ? ''
          : ` (${w.sure} ${Math.round(m.confidence * 100)}%)`
      // Why, when the cells had a say or the column is a guess ("ô trong cột: 9/10 là thời hạn").
      const why = m.field && (m.basis !== 'words' || m.guessed) ? ` — ${m.reason[lang]}` : ''
      lines.push(`  ${formatColumnReading(m, lang)}${sure}${why}`)
    }
  }
  const statuses = (Object.entries(report.summary.byStatus) as [TaskStatus, number][])
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${statusLabels[s][lang]}: ${n}`)
  if (statuses.length) lines.push(statuses.join(' · '))
  if (report.summary.maxScore !== null) {
    const note = report.profile?.provisional ? ` (${w.provisional} “${report.profile.name}”)` : ''
    lines.push(`${w.score}: ${report.summary.score ?? 0}/${report.summary.maxScore}${note}`)
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    const list = report.issues.filter((i) => i.severity === severity)
    if (!list.length) continue
    lines.push('', `${severityLabels[severity][lang]} (${list.length}):`)
    for (const i of list) {
      const where = i.row !== null ? `${i.column ?? ''}${i.row}` : '—'
      lines.push(`  ${where.padEnd(6)} ${i.code.padEnd(26)} ${i.message[lang]}`)
      lines.push(`         ${w.hint} ${i.hint[lang]}`)
    }
  }
  if (report.errorCount === 0) lines.push('', w.ok)
  return lines.join('\n')
}
