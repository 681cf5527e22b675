import type { ErrorText } from './text.ts'

/** Every refusal of the plan code path (CLI, API, dashboard), with its HTTP status. */
export const planErrors = {
  'plan/unknown': {
    status: 404,
    vi: 'Không có kế hoạch với mã này.',
    en: 'No plan has this id.',
  },
  'plan/draft-unknown': {
    status: 404,
    vi: 'Không có bản nháp kế hoạch với mã này (có thể đã ban hành hoặc đã xóa).',
    en: 'No plan draft has this id (it may have been published or deleted).',
  },
  'plan/invalid': {
    status: 400,
    vi: 'Định nghĩa kế hoạch không hợp lệ.',
    en: 'The plan definition is not valid.',
  },
  'plan/has-errors': {
    status: 422,
    vi: 'Kế hoạch còn điểm lỗi cần sửa (thời hạn không đọc được, thiếu cơ quan chủ trì, thiếu năm …); hãy sửa rồi ban hành.',
    en: 'The plan still has errors to fix (unreadable deadlines, tasks without a lead, no year …); fix them, then publish.',
  },
  'plan/unchanged': {
    status: 409,
    vi: 'Bản này giống hệt phiên bản đang có hiệu lực; không có gì để ban hành.',
    en: 'This is identical to the version in force; there is nothing to publish.',
  },
  'plan/invalid-date': {
    status: 400,
    vi: 'Ngày hiệu lực phải có dạng YYYY-MM-DD và không trước ngày hiệu lực của phiên bản trước.',
    en: 'The effective date must be YYYY-MM-DD and not before the previous version’s.',
  },
  'plan/no-tasks-for-agency': {
    status: 404,
    vi: 'Đơn vị này không chủ trì hay phối hợp nhiệm vụ nào của kế hoạch.',
    en: 'This unit neither leads nor cooperates on any task of the plan.',
  },
} as const satisfies Record<string, ErrorText>
