// The document's closing block below its table (notes, recipients, the signer's title, the form's
// signatures): where the table ends, for the header's sample of cells and for the rows read.
import type { CellValue } from './grid.ts'
import { parseStt } from './stt.ts'
import { foldKeepingPunctuation, foldText } from './text.ts'

// How a document's closing block starts, below its table: the recipients ("Nơi nhận:", "- Lưu: VT"), the
// signer's authority and title ("KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "PHÓ GIÁM ĐỐC"), the signatures of
// a report's form ("Người lập biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)").
const closingCell =
  /^(?:noi nhan|luu vt\b|(?:kt|tm|tl|ttl|q) (?:chu tich|giam doc|uy ban|ubnd|bo truong|thu truong|chanh|truong|hieu truong|vien truong|cuc truong|ban|hoi dong|so)\b|(?:pho )?(?:chu tich|giam doc|chanh van phong|truong phong|truong ban|bi thu|hieu truong|vien truong|cuc truong|bo truong|thu truong)$|nguoi lap(?: bieu| bang)?$|nguoi (?:ky|duyet|kiem tra)$|thu truong (?:co quan|don vi)$|ke toan truong$|ky (?:ghi ro )?ho ten)/

// The first letters of those words, checked before any folding: most cells start otherwise.
const closingStart =
  /^[\s(-]*(?:n[oơ]i|l[uư]u|kt|tm|tl|ttl|q\.|ph[oó]|ch[uủ]|gi[aá]m|ch[aá]nh|tr[uư][oở]ng|b[ií]|hi[eệ]u|vi[eệ]n|c[uụ]c|b[oộ]|th[uủ]|ng[uư][oờ]i|k[eế]|k[yý])/iu

// A note under the table, alone on its row ("Ghi chú: …", "* Lưu ý: …", "(*) Thời hạn …").
const noteLine = /^\s*(?:\(?\*+\)?\s*)?(?:ghi chú|lưu ý|chú thích|chú giải)\s*:|^\s*\(\*+\)\s+\S/iu

/**
 * Whether a row is a note under the table ("Ghi chú: …" alone on its row) with no numbered row in
 * the few rows below it: a note between tasks does not end the table.
 */
export function isNoteBelow(values: CellValue[][], r: number): boolean {
  const filled = (values[r] ?? []).filter((v) => v !== null && v !== '')
  if (filled.length !== 1 || typeof filled[0] !== 'string' || !noteLine.test(filled[0]))
    return false
  for (let i = r + 1; i < Math.min(values.length, r + 6); i++) {
    const first = (values[i] ?? []).find((v) => v !== null && v !== '')
    if (typeof first === 'number' || (typeof first === 'string' && isNumbered(first))) return false
  }
  return true
}

/** Whether a row opens the document's closing block (a short cell of its words, no numbering before it). */
export function isClosingRow(values: CellValue[]): boolean {
  let first = true
  let closing = false
  let task = false
  for (const v of values) {
    if (v === null || v === '') continue
    // A numbered row is a task, whatever it says.
    if (first && (typeof v === 'number' || (typeof v === 'string' && isNumbered(v)))) return false
    first = false
    if (typeof v !== 'string') continue
    if (v.length <= 60 && closingStart.test(v) && closingCell.test(foldText(v))) closing = true
    // A task beside a title ("Tổng kết tháng 9 | Hiệu trưởng") is done by that person; the closing
    // block holds titles, recipients ("- Như trên;") and names.
    else if (!/^\s*[-+•]/.test(v) && v.trim().split(/\s+/).length >= 3) task = true
  }
  return closing && !task
}

// The label of a total, in the row's first cell: "Tổng cộng", "Cộng", "Cộng mục I", "Tổng số: 25",
// "Tổng số 25 nhiệm vụ", "Total". Never a task that starts alike ("Tổng kết …", "Tổng số doanh
// nghiệp thành lập mới", "Cộng đồng …").
const totalLabel =
  /^(?:tong cong|grand total|total|sum|(?:tong(?: so)?|cong)(?: (?:muc|phan))?(?: [ivx]+| [a-z]| \d+)?)(?:$|\s*[:=(.]| \d+(?: \S+){0,2}$)/

/**
 * Whether a row adds up the rows above it ("Tổng cộng | 25 | 20"): its first filled cell is a total's
 * label and no number stands before it. Such a row is no task, wherever it stands.
 */
export function isTotalRow(values: CellValue[]): boolean {
  const first = values.find((v) => v !== null && v !== '')
  if (typeof first !== 'string' || first.length > 40 || !/^\s*[TtCcSsGg]/.test(first)) return false
  return totalLabel.test(foldKeepingPunctuation(first).replace(/\s+/g, ' ').trim())
}

function isNumbered(text: string): boolean {
  return parseStt(text.trim())?.kind === 'numbered'
}
