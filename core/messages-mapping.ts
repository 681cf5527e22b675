import { fieldNames, unusedColumnName, type FieldKey } from './fields.ts'
import type { Bilingual } from './issue-codes.ts'

/** What decided a column's reading: its header words, its cells, both, or the user. */
export const readingBases = ['words', 'contents', 'both', 'choice'] as const
export type ReadingBasis = (typeof readingBases)[number]

/** What a field's cells are called in a reason ("9/10 là thời hạn"). */
const cellNouns: Record<FieldKey, Bilingual> = {
  stt: { vi: 'số thứ tự', en: 'numbers' },
  criterion: { vi: 'tiêu chí, nội dung', en: 'criteria' },
  content: { vi: 'nội dung công việc', en: 'task descriptions' },
  expected: { vi: 'chỉ tiêu', en: 'targets' },
  product: { vi: 'sản phẩm, văn bản', en: 'products' },
  lead: { vi: 'tên cơ quan', en: 'agency names' },
  executing: { vi: 'tên cơ quan', en: 'agency names' },
  coop: { vi: 'tên cơ quan', en: 'agency names' },
  deadline: { vi: 'thời hạn', en: 'deadlines' },
  start: { vi: 'thời gian', en: 'times' },
  end: { vi: 'thời gian', en: 'times' },
  note: { vi: 'ghi chú', en: 'notes' },
  progress: { vi: 'từ chỉ tiến độ', en: 'progress words' },
  doneDate: { vi: 'ngày hoặc tháng', en: 'dates or months' },
  achieved: { vi: 'kết quả', en: 'results' },
  evidence: { vi: 'văn bản kiểm chứng', en: 'document references' },
  selfScore: { vi: 'điểm', en: 'scores' },
  status: { vi: 'trạng thái', en: 'statuses' },
  score: { vi: 'điểm', en: 'scores' },
  check: { vi: 'kết quả kiểm tra', en: 'check results' },
}

/** The facts a reason is written from. */
export type ReadingFacts = {
  basis: ReadingBasis
  field: FieldKey | null
  /** Cells that plainly are what the field holds, of the cells with a value. */
  fitting: number
  filled: number
  /** Dates only on finished rows, never after the report date (a completion date). */
  completion?: boolean
  /** The header names something the product does not use. */
  unused?: boolean
}

/**
 * Why a column was read as it was, in Vietnamese and English: "ô trong cột: 9/10 là thời hạn".
 * @example describeReading({ basis: 'contents', field: 'deadline', fitting: 9, filled: 10 }).vi // 'ô trong cột: 9/10 là thời hạn'
 */
export function describeReading(f: ReadingFacts): Bilingual {
  if (f.basis === 'choice') return { vi: 'người dùng chỉ định', en: 'chosen by the user' }
  if (!f.field) {
    return f.unused
      ? { vi: 'tiêu đề chỉ nội dung không dùng', en: 'the header names something not used' }
      : { vi: 'không đủ căn cứ', en: 'not enough evidence' }
  }
  const noun = cellNouns[f.field]
  const cells: Bilingual = f.completion
    ? {
        vi: `ô trong cột: ${f.fitting}/${f.filled} là ngày, chỉ có ở việc đã xong, không sau ngày báo cáo`,
        en: `cells: ${f.fitting}/${f.filled} are dates, only on finished tasks, never after the report date`,
      }
    : {
        vi: `ô trong cột: ${f.fitting}/${f.filled} là ${noun.vi}`,
        en: `cells: ${f.fitting}/${f.filled} are ${noun.en}`,
      }
  const words = { vi: 'theo tiêu đề', en: 'from the header' }
  if (f.basis === 'words' || !f.filled) return words
  if (f.basis === 'contents') return cells
  return { vi: `${words.vi}; ${cells.vi}`, en: `${words.en}; ${cells.en}` }
}

/** The mark of a guessed reading in every surface's mapping. */
export const guessedMark: Bilingual = { vi: 'đoán', en: 'guessed' }
/** The mark of a user's choice in every surface's mapping. */
export const chosenMark: Bilingual = { vi: 'đã chỉ định', en: 'chosen' }

/** What a field is called in the mapping, with its mark: "Thời hạn (đoán)", "Ghi chú (đã chỉ định)". */
export function formatReadingName(
  reading: { field: FieldKey | null; chosen?: true; guessed?: true },
  lang: 'vi' | 'en' = 'vi',
): string {
  const name = reading.field ? fieldNames[reading.field][lang] : unusedColumnName[lang]
  const mark = reading.chosen ? chosenMark[lang] : reading.guessed ? guessedMark[lang] : ''
  return mark ? `${name} (${mark})` : name
}

/** One line of the column mapping: "Cột F “Thời gian dự kiến hoàn thành” → Thời hạn". */
export function formatColumnReading(
  reading: {
    column: string
    header: string
    field: FieldKey | null
    chosen?: true
    guessed?: true
  },
  lang: 'vi' | 'en' = 'vi',
): string {
  const header = reading.header.replace(/\s+/g, ' ').trim()
  // (a column under an empty header cell, read by its cells)
  const named = header ? `“${header}”` : lang === 'vi' ? '(không có tiêu đề)' : '(no header)'
  return `${lang === 'vi' ? 'Cột' : 'Column'} ${reading.column} ${named} → ${formatReadingName(reading, lang)}`
}
