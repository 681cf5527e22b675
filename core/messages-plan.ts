import { q, type CatalogueEntry, type IssueCode } from './issue-codes.ts'

/** Messages about plans: reading a plan's appendix, and a report checked against the plan in force. */
export const planMessages = {
  'plan/no-tasks': {
    severity: 'error',
    message: () => ({
      vi: 'Bảng phụ lục không có nhiệm vụ nào.',
      en: 'The appendix table holds no task.',
    }),
    hint: () => ({
      vi: 'Kiểm tra cột STT: mỗi nhiệm vụ cần một số thứ tự (1, 1.1, …).',
      en: 'Check the STT column: each task needs a number (1, 1.1, …).',
    }),
  },
  'plan/no-year': {
    severity: 'error',
    message: () => ({
      vi: 'Không xác định được năm của kế hoạch.',
      en: 'The plan’s year could not be found.',
    }),
    hint: () => ({
      vi: 'Nhập năm ở trang Kế hoạch, hoặc: cchc plan import TỆP --year 2027.',
      en: 'Enter the year on the Kế hoạch page, or: cchc plan import FILE --year 2027.',
    }),
  },
  'plan/no-document': {
    severity: 'warning',
    message: (p) => ({
      vi: `Chưa rõ ${p.field ?? 'số, ký hiệu và ngày ban hành'} của văn bản ban hành kế hoạch.`,
      en: `The ${p.field === 'ngày ban hành' ? 'date' : 'number and date'} of the document issuing the plan is not known.`,
    }),
    hint: () => ({
      vi: 'Nhập ở trang Kế hoạch, hoặc: cchc plan import TỆP --document 0156/KH-UBND --issued 2025-12-26. Ngày ban hành là mốc của các thời hạn “… ngày kể từ ngày ban hành”.',
      en: 'Enter them on the Kế hoạch page, or: cchc plan import FILE --document 0156/KH-UBND --issued 2025-12-26. The issue date anchors deadlines counted from it.',
    }),
  },
  'plan/deadline-changed': {
    severity: 'warning',
    message: (p) => ({
      vi: `Thời hạn ${q(p.found)} khác với kế hoạch đang có hiệu lực (${q(p.expected)}); trạng thái được tính theo kế hoạch.`,
      en: `The deadline ${q(p.found)} differs from the plan in force (${q(p.expected)}); the status follows the plan.`,
    }),
    hint: (p) => ({
      vi: `Tải biểu mẫu mới của kế hoạch (phiên bản ${p.document ?? ''}) hoặc sửa lại thời hạn cho đúng kế hoạch.`,
      en: `Download the plan’s current template (version ${p.document ?? ''}) or restore the plan’s deadline.`,
    }),
  },
  'plan/content-changed': {
    severity: 'warning',
    message: (p) => ({
      vi: `Nội dung nhiệm vụ khác với kế hoạch đang có hiệu lực (${q(p.expected)}).`,
      en: `The task text differs from the plan in force (${q(p.expected)}).`,
    }),
    hint: () => ({
      vi: 'Các cột của kế hoạch không được sửa; hãy giữ nguyên nội dung như biểu mẫu.',
      en: 'The plan’s columns must not be edited; keep the text as the template has it.',
    }),
  },
  'plan/task-removed': {
    severity: 'info',
    message: (p) => ({
      vi: `Nhiệm vụ đã được bãi bỏ từ ngày ${p.date ?? ''} (${p.document ?? 'văn bản sửa đổi'}); không tính vào báo cáo.`,
      en: `The task was removed from ${p.date ?? ''} (${p.document ?? 'an amendment'}); it is not counted.`,
    }),
    hint: () => ({
      vi: 'Có thể xóa dòng này hoặc tải biểu mẫu mới của kế hoạch.',
      en: 'The row may be deleted, or the plan’s current template downloaded.',
    }),
  },
  'plan/task-missing': {
    severity: 'warning',
    message: (p) => ({
      vi: `Thiếu nhiệm vụ ${q(p.found)} của kế hoạch đang có hiệu lực mà đơn vị phải báo cáo.`,
      en: `Task ${q(p.found)} of the plan in force, which the unit must report, is missing.`,
    }),
    hint: (p) => ({
      vi: `Bổ sung nhiệm vụ: ${p.expected ?? ''}`,
      en: `Add the task: ${p.expected ?? ''}`,
    }),
  },
  'plan/task-unknown': {
    severity: 'warning',
    message: (p) => ({
      vi: `Nhiệm vụ ${q(p.found)} không có trong kế hoạch đang có hiệu lực.`,
      en: `Task ${q(p.found)} is not in the plan in force.`,
    }),
    hint: () => ({
      vi: 'Kiểm tra số thứ tự và nội dung so với biểu mẫu của kế hoạch.',
      en: 'Check the number and text against the plan’s template.',
    }),
  },
} satisfies Partial<Record<IssueCode, CatalogueEntry>>
