import { q, type CatalogueEntry, type IssueCode } from './issue-codes.ts'

/** A count with Vietnamese thousands dots (12.345). */
const formatCount = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, '.')

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
  'header/guessed-column': {
    severity: 'warning',
    message: (p) => ({
      vi: `Không cột nào chắc chắn là ${q(p.field)}: tạm đọc cột ${p.column ?? ''} ${p.found ? q(p.found) : '(không có tiêu đề)'} (đoán; ${p.expected ?? ''}).`,
      en: `No column is clearly ${q(p.field)}: column ${p.column ?? ''} ${p.found ? q(p.found) : '(no header)'} is read as it (guessed).`,
    }),
    hint: (p) => ({
      vi: `Nếu đoán sai, chỉ định cột: cchc validate --columns ${p.key ?? 'content'}=<cột> (trong Excel: “Cách đọc cột” ở ngăn tác vụ), hoặc đặt tiêu đề ${q(p.field)} cho đúng cột.`,
      en: `If the guess is wrong, name the column: cchc validate --columns ${p.key ?? 'content'}=<column> (in Excel: “Cách đọc cột” in the task pane), or head the right column ${q(p.field)}.`,
    }),
  },
  'header/unreadable-column': {
    severity: 'warning',
    message: (p) => ({
      vi: `Cột ${p.column ?? ''} được đọc là ${q(p.field)} nhưng ${p.count ?? 0}/${p.total ?? 0} dòng có cùng vấn đề (dòng ${p.rows ?? ''}): ${p.found ?? ''}`,
      en: `Column ${p.column ?? ''} is read as ${q(p.field)} but ${p.count ?? 0}/${p.total ?? 0} rows share one problem (rows ${p.rows ?? ''}): ${p.expected ?? ''}`,
    }),
    hint: (p) => ({
      vi: `Một vấn đề lặp lại trên hầu hết các dòng thường do cột được đọc sai: kiểm tra cách đọc cột; nếu cột này không phải ${q(p.field)}, chỉ định cột đúng: cchc validate --columns ${p.key ?? 'deadline'}=<cột> (trong Excel: “Cách đọc cột”). Nếu cột đúng, sửa các ô.`,
      en: `A problem repeated on most rows usually means the column is misread: check how the columns were read; if this is not ${q(p.field)}, name the right column: cchc validate --columns ${p.key ?? 'deadline'}=<column> (in Excel: “Cách đọc cột”). If it is, correct the cells.`,
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
  'cell/stray-value': {
    severity: 'warning',
    message: (p) => ({
      vi: `Giá trị ${q(p.found)} nằm xa dữ liệu của trang tính (sau một vùng trống dài) nên không được đọc cùng bảng.`,
      en: `The value ${q(p.found)} lies far from the sheet's data (past a long empty band), so it is not read with the table.`,
    }),
    hint: (p) => {
      const many = (p.count ?? 1) > 1
      return {
        vi: `Nếu nhập nhầm, hãy xóa ô này; nếu là dữ liệu của bảng, hãy chuyển về sát bảng.${many ? ` Trang tính có ${formatCount(p.count!)} ô như vậy.` : ''}`,
        en: `If it was typed by mistake, delete it; if it belongs to the table, move it next to the table.${many ? ` The sheet has ${p.count} such cells.` : ''}`,
      }
    },
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
      vi: `Chưa xác định được tiến độ từ ${q(p.found)}; nhiệm vụ được tính là ${p.counted === 'in-progress' ? 'đang thực hiện (ô ghi việc đã làm)' : 'chưa thực hiện'}.`,
      en: `The progress in ${q(p.found)} could not be placed; the task counts as ${p.counted === 'in-progress' ? 'in progress (the cell records work done)' : 'not started'}.`,
    }),
    hint: () => ({
      vi: `Bắt đầu bằng một trong các cụm: ${progressWords}.`,
      en: `Start with one of: ${progressWordsEn}.`,
    }),
  },
} satisfies Partial<Record<IssueCode, CatalogueEntry>>
