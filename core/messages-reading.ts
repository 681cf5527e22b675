import { q, type CatalogueEntry, type IssueCode } from './issue-codes.ts'

/** Expected progress words, named in the hint of a progress text the engine cannot place. */
const progressWords =
  '“Đã hoàn thành”, “Đã ban hành”, “Đang thực hiện”, “Đang triển khai”, “Chưa thực hiện”, “Dừng thực hiện” hoặc tỷ lệ 0%–100%'
const progressWordsEn =
  '“Đã hoàn thành” (done), “Đã ban hành” (issued), “Đang thực hiện” (in progress), “Chưa thực hiện” (not started), “Dừng thực hiện” (stopped) or 0%–100%'

/** Messages about how the table was read: columns, user choices, progress words. */
export const readingMessages = {
  'header/missing-column': {
    severity: 'error',
    message: (p) => ({
      vi: `Thiếu cột bắt buộc ${q(p.field)}${p.columns ? `; gần nhất là cột ${p.columns}` : ''}.`,
      en: `Required column ${q(p.field)} is missing${p.columns ? `; the closest is column ${p.columns}` : ''}.`,
    }),
    hint: (p) => ({
      vi: `Đặt tiêu đề ${q(p.field)} cho cột đó, hoặc chỉ định cột: cchc validate --columns ${p.key ?? 'deadline'}=<cột> (trong Excel: “Cách đọc cột” ở ngăn tác vụ).`,
      en: `Head that column ${q(p.field)}, or name the column: cchc validate --columns ${p.key ?? 'deadline'}=<column> (in Excel: “Cách đọc cột” in the task pane).`,
    }),
  },
  'header/unknown-choice': {
    severity: 'warning',
    message: (p) => ({
      vi: `Lựa chọn cột ${q(p.found)} không khớp cột nào của bảng.`,
      en: `The column choice ${q(p.found)} matches no column of the table.`,
    }),
    hint: () => ({
      vi: 'Ghi cột bằng chữ cái như Excel hiển thị (F) hoặc đúng tiêu đề cột.',
      en: 'Name the column by its letter as Excel shows it (F) or by its exact header.',
    }),
  },
  'cell/invalid-progress': {
    severity: 'error',
    message: (p) => ({
      vi: `Tình hình thực hiện ${q(p.found)} không phải tỷ lệ hợp lệ (0%–100%).`,
      en: `Progress ${q(p.found)} is not a valid percentage (0%–100%).`,
    }),
    hint: () => ({
      vi: `Ghi tỷ lệ từ 0% đến 100%, hoặc: ${progressWords}.`,
      en: `Write a percentage from 0% to 100%, or: ${progressWordsEn}.`,
    }),
  },
  'cell/unclear-progress': {
    severity: 'warning',
    message: (p) => ({
      vi: `Chưa xác định được tiến độ từ ${q(p.found)}; nhiệm vụ được tính là chưa thực hiện.`,
      en: `The progress in ${q(p.found)} could not be placed; the task counts as not started.`,
    }),
    hint: () => ({
      vi: `Bắt đầu bằng một trong các cụm: ${progressWords}.`,
      en: `Start with one of: ${progressWordsEn}.`,
    }),
  },
} satisfies Partial<Record<IssueCode, CatalogueEntry>>
