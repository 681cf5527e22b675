import { foldText } from './text.ts'

/** The columns core understands, in their usual left-to-right order. */
export const fieldKeys = [
  'stt',
  'criterion',
  'content',
  'expected',
  'product',
  'lead',
  'executing',
  'coop',
  'deadline',
  'start',
  'end',
  'note',
  'progress',
  'doneDate',
  'achieved',
  'evidence',
  'selfScore',
  'status',
  'score',
  'check',
] as const
export type FieldKey = (typeof fieldKeys)[number]

/** Who writes a column: the province (plan), the agency (progress) or the product (computed). */
export type FieldRole = 'plan' | 'progress' | 'computed'

type FieldSpec = { label: string; synonyms: readonly string[]; role: FieldRole }

/** Canonical Vietnamese header and accepted synonyms for each field (SPEC section 2). */
export const fieldSpecs: Record<FieldKey, FieldSpec> = {
  stt: { label: 'STT', synonyms: ['STT', 'TT', 'Số TT', 'Số thứ tự'], role: 'plan' },
  criterion: {
    label: 'Lĩnh vực, tiêu chí, tiêu chí thành phần',
    synonyms: [
      'Lĩnh vực, tiêu chí, tiêu chí thành phần',
      'Tiêu chí',
      'Lĩnh vực/tiêu chí',
      'Lĩnh vực, tiêu chí',
      'Tiêu chí, tiêu chí thành phần',
      'Lĩnh vực',
    ],
    role: 'plan',
  },
  content: {
    label: 'Nội dung, nhiệm vụ',
    synonyms: [
      'Nội dung, nhiệm vụ',
      'Nội dung',
      'Nội dung thực hiện',
      'Nhiệm vụ',
      'Tên nhiệm vụ',
      'Tên đề án/dự án',
      'Tên đề án, dự án',
      'Nội dung công việc',
      'Nhiệm vụ, giải pháp',
      'Nội dung nhiệm vụ',
    ],
    role: 'plan',
  },
  expected: {
    label: 'Kết quả cần đạt',
    synonyms: ['Kết quả cần đạt', 'Mục tiêu', 'Yêu cầu', 'Chỉ tiêu'],
    role: 'plan',
  },
  product: {
    label: 'Sản phẩm',
    synonyms: ['Sản phẩm', 'Sản phẩm đầu ra', 'Hình thức văn bản', 'Kết quả, sản phẩm'],
    role: 'plan',
  },
  lead: {
    label: 'Cơ quan chủ trì',
    synonyms: ['Cơ quan chủ trì', 'Đơn vị chủ trì', 'Chủ trì', 'Cơ quan chủ trì thực hiện'],
    role: 'plan',
  },
  executing: {
    label: 'Cơ quan thực hiện',
    synonyms: ['Cơ quan thực hiện', 'Đơn vị thực hiện'],
    role: 'plan',
  },
  coop: {
    label: 'Cơ quan phối hợp',
    synonyms: ['Cơ quan phối hợp', 'Đơn vị phối hợp', 'Phối hợp', 'Cơ quan phối hợp thực hiện'],
    role: 'plan',
  },
  deadline: {
    label: 'Thời gian thực hiện',
    synonyms: [
      'Thời gian thực hiện',
      'Thời gian hoàn thành',
      'Thời hạn',
      'Thời hạn hoàn thành',
      'Thời gian',
    ],
    role: 'plan',
  },
  start: {
    label: 'Bắt đầu',
    synonyms: ['Bắt đầu', 'Thời gian bắt đầu', 'Từ tháng', 'Ngày bắt đầu'],
    role: 'plan',
  },
  end: {
    label: 'Hoàn thành',
    synonyms: ['Hoàn thành', 'Thời gian kết thúc', 'Kết thúc', 'Đến tháng'],
    role: 'plan',
  },
  note: { label: 'Ghi chú', synonyms: ['Ghi chú'], role: 'plan' },
  progress: {
    label: 'Tình hình thực hiện',
    synonyms: ['Tình hình thực hiện', 'Tiến độ thực hiện', 'Mức độ hoàn thành', 'Tiến độ'],
    role: 'progress',
  },
  doneDate: {
    label: 'Ngày hoàn thành',
    synonyms: ['Ngày hoàn thành', 'Ngày hoàn thành thực tế'],
    role: 'progress',
  },
  achieved: {
    label: 'Kết quả đạt được',
    synonyms: ['Kết quả đạt được', 'Kết quả thực hiện', 'Giá trị đạt được'],
    role: 'progress',
  },
  evidence: {
    label: 'Tài liệu kiểm chứng',
    synonyms: ['Tài liệu kiểm chứng', 'Văn bản kiểm chứng', 'Hồ sơ kiểm chứng'],
    role: 'progress',
  },
  selfScore: {
    label: 'Điểm tự chấm',
    synonyms: ['Điểm tự chấm', 'Điểm tự đánh giá'],
    role: 'progress',
  },
  status: { label: 'Trạng thái', synonyms: ['Trạng thái'], role: 'computed' },
  score: { label: 'Điểm', synonyms: ['Điểm', 'Điểm tính'], role: 'computed' },
  check: { label: 'Kết quả kiểm tra', synonyms: ['Kết quả kiểm tra'], role: 'computed' },
}

const synonymIndex = new Map<string, FieldKey>()
for (const key of fieldKeys) {
  for (const s of fieldSpecs[key].synonyms) synonymIndex.set(foldText(s), key)
}

/** The field a header cell names, ignoring case, diacritics, punctuation and line breaks. */
export function matchField(header: string): FieldKey | null {
  const folded = foldText(header)
  if (!folded) return null
  return synonymIndex.get(folded) ?? null
}

/** The computed columns the product writes after the table, in order. */
export const computedFields = ['status', 'score', 'check'] as const satisfies readonly FieldKey[]

/** What each field means, in a few words (the column mapping shows "Cột F “…” → Thời hạn"). */
export const fieldNames: Record<FieldKey, { vi: string; en: string }> = {
  stt: { vi: 'Số thứ tự', en: 'Number' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  content: { vi: 'Nội dung nhiệm vụ', en: 'Task' },
  expected: { vi: 'Kết quả cần đạt (chỉ tiêu)', en: 'Target' },
  product: { vi: 'Sản phẩm', en: 'Product' },
  lead: { vi: 'Cơ quan chủ trì', en: 'Lead agency' },
  executing: { vi: 'Cơ quan thực hiện', en: 'Executing agency' },
  coop: { vi: 'Cơ quan phối hợp', en: 'Cooperating agencies' },
  deadline: { vi: 'Thời hạn', en: 'Deadline' },
  start: { vi: 'Bắt đầu', en: 'Start' },
  end: { vi: 'Kết thúc', en: 'End' },
  note: { vi: 'Ghi chú', en: 'Note' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  doneDate: { vi: 'Ngày hoàn thành', en: 'Completion date' },
  achieved: { vi: 'Kết quả đạt được', en: 'Achieved' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  selfScore: { vi: 'Điểm tự chấm', en: 'Self-assessed score' },
  status: { vi: 'Trạng thái (tính)', en: 'Status (computed)' },
  score: { vi: 'Điểm (tính)', en: 'Score (computed)' },
  check: { vi: 'Kết quả kiểm tra', en: 'Check result' },
}

/** How a column the engine does not use is named in the mapping. */
export const unusedColumnName = { vi: 'không dùng', en: 'not used' } as const

/**
 * The fields a task table must have (SPEC section 2), each with the fields that may stand for it:
 * an STT, the task (or the criterion), who leads (or executes) it, and when it is due (or ends).
 */
export const requiredFields = {
  stt: ['stt'],
  content: ['content', 'criterion'],
  lead: ['lead', 'executing'],
  deadline: ['deadline', 'end'],
} as const satisfies Record<string, readonly FieldKey[]>
export type RequiredField = keyof typeof requiredFields

/** The required fields that `has` finds none of the stand-ins for, in SPEC order. */
export function findMissingRequired(has: (field: FieldKey) => boolean): RequiredField[] {
  return (Object.keys(requiredFields) as RequiredField[]).filter(
    (key) => !requiredFields[key].some(has),
  )
}
