import { q, type CatalogueEntry, type IssueCode } from './issue-codes.ts'

/** Messages about deadlines: unreadable ones, inherited ones, and those counted from the plan's date. */
export const deadlineMessages = {
  'cell/invalid-deadline': {
    severity: 'error',
    message: (p) => ({
      vi: p.part
        ? `Không hiểu được thời hạn ${q(p.found)}: phần ${q(p.part)} không đọc được.`
        : `Không hiểu được thời hạn ${q(p.found)}.`,
      en: p.part
        ? `The deadline ${q(p.found)} cannot be understood: ${q(p.part)} cannot be read.`
        : `The deadline ${q(p.found)} cannot be understood.`,
    }),
    hint: () => ({
      vi: 'Ghi theo dạng: “Trong năm 2026”, “Quý IV/2026”, “Tháng 12/2026”, “Trước ngày 31/12/2026”, “30 ngày kể từ ngày ban hành Kế hoạch” hoặc “Thường xuyên”.',
      en: 'Write it as “Trong năm 2026”, “Quý IV/2026”, “Tháng 12/2026”, “Trước ngày 31/12/2026”, “30 ngày kể từ ngày ban hành Kế hoạch” or “Thường xuyên”.',
    }),
  },
  'row/deadline-inherited': {
    severity: 'info',
    message: (p) => ({
      vi: `Không ghi thời hạn riêng: lấy thời hạn của nhóm ${p.found ?? ''} ${q(p.expected)}${p.due ? ` (hạn ${p.due})` : ''}.`,
      en: `No deadline of its own: takes that of group ${p.found ?? ''}, ${q(p.expected)}${p.due ? ` (due ${p.due})` : ''}.`,
    }),
    hint: () => ({
      vi: 'Nếu nhiệm vụ này có thời hạn khác, ghi thời hạn vào ô này.',
      en: 'If this item has a deadline of its own, write it in this cell.',
    }),
  },
  'report/issued-unknown': {
    severity: 'info',
    message: (p) => ({
      vi: `${p.count ?? 0} nhiệm vụ có thời hạn tính từ ngày ban hành Kế hoạch (như ${q(p.found)}), nhưng chưa biết ngày ban hành: chưa tính được hạn.`,
      en: `${p.count ?? 0} tasks have deadlines counted from the plan's issue date (such as ${q(p.found)}), which is not known: their due dates cannot be computed.`,
    }),
    hint: () => ({
      vi: 'Ghi ngày ban hành vào tiêu đề (“Kèm theo Kế hoạch số …/KH-UBND ngày 14/7/2026”), hoặc nhập: cchc validate --issued 2026-07-14 (trong Excel: ô “Ngày ban hành” ở ngăn tác vụ).',
      en: 'Write the issue date in the title (“Kèm theo Kế hoạch số …/KH-UBND ngày 14/7/2026”), or give it: cchc validate --issued 2026-07-14 (in Excel: the “Ngày ban hành” field of the task pane).',
    }),
  },
  'report/year-assumed': {
    severity: 'info',
    message: (p) => ({
      vi: `Bảng không ghi năm kế hoạch: ${p.count ?? 0} thời hạn không ghi năm (như ${q(p.found)}) được tính theo năm ${p.year ?? ''}, năm của ngày báo cáo.`,
      en: `The table does not name its plan year: ${p.count ?? 0} deadlines without a year (such as ${q(p.found)}) are read in ${p.year ?? ''}, the year of the report date.`,
    }),
    hint: () => ({
      vi: 'Ghi năm vào tiêu đề (“KẾ HOẠCH … NĂM 2026”), hoặc nhập: cchc validate --year 2026.',
      en: 'Write the year in the title (“KẾ HOẠCH … NĂM 2026”), or give it: cchc validate --year 2026.',
    }),
  },
} satisfies Partial<Record<IssueCode, CatalogueEntry>>
