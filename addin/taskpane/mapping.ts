import { fieldKeys, fieldNames, guessedMark, type FieldKey, type Report } from '../../core/index.ts'

/** What the pane does when the user sets a column's meaning. */
export type ChooseColumn = (
  column: string,
  field: FieldKey | null,
  current: FieldKey | null,
) => void

/**
 * Renders how every column was read ("Cột F “Thời gian dự kiến hoàn thành” → Thời hạn") with a
 * choice of meaning per column; the choice is remembered in the workbook by the caller.
 */
export function renderMapping(container: HTMLElement, report: Report, onChoose: ChooseColumn) {
  container.textContent = ''
  const mapping = report.header?.mapping ?? []
  container.hidden = mapping.length === 0
  if (!mapping.length) return
  const title = document.createElement('h2')
  title.textContent = 'Cách đọc cột'
  const hint = document.createElement('p')
  hint.className = 'sub'
  hint.textContent =
    'Nếu một cột được hiểu sai, chọn lại ý nghĩa của nó; lựa chọn được lưu trong sổ tính và bảng được kiểm tra lại. Cột ghi “đoán” là cột chưa chắc chắn: hãy kiểm tra.'
  const list = document.createElement('ul')
  list.id = 'mapping-list'
  for (const m of mapping) {
    const li = document.createElement('li')
    li.dataset.column = m.column
    if (m.guessed) li.className = 'guessed'
    else if (!m.chosen && m.field && m.confidence < 0.6) li.className = 'unsure'
    const label = document.createElement('label')
    const header = m.header.replace(/\s+/g, ' ').trim()
    label.textContent = `Cột ${m.column} ${header ? `“${header}”` : '(không có tiêu đề)'} → `
    const select = document.createElement('select')
    select.setAttribute('aria-label', `Ý nghĩa của cột ${m.column}`)
    select.append(new Option('không dùng', ''))
    for (const f of fieldKeys) select.append(new Option(fieldNames[f].vi, f))
    select.value = m.field ?? ''
    select.addEventListener('change', () =>
      onChoose(m.column, (select.value || null) as FieldKey | null, m.field),
    )
    label.append(select)
    if (m.chosen) label.append(' (đã chỉ định)')
    else if (m.guessed) label.append(` (${guessedMark.vi})`)
    li.append(label)
    // Why: the header, the cells ("ô trong cột: 9/10 là thời hạn"), or a guess to check.
    if (m.field && !m.chosen && (m.basis !== 'words' || m.guessed)) {
      const why = document.createElement('small')
      why.className = 'reason'
      why.textContent = m.reason.vi
      li.append(why)
    }
    list.append(li)
  }
  container.append(title, hint, list)
}
