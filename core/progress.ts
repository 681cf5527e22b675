import {
  foldKeepingNumbers,
  foldText,
  hasMarks,
  lowerWithMarks,
  parseVietnameseNumber,
  saysWithMarks,
} from './text.ts'

export const progressStates = ['done', 'in-progress', 'not-started', 'stopped'] as const
export type ProgressState = (typeof progressStates)[number]

/**
 * What an agency wrote in the progress column. `percent` is kept when a number was given; `late` when
 * the words say the deadline was missed ("Đã hoàn thành (quá hạn)", "Đang thực hiện (quá hạn)").
 */
export type Progress = { state: ProgressState; percent: number | null; late?: true }

/** A progress value that cannot be used: a percentage outside 0–100, or text with no progress word. */
export type ProgressProblem = { problem: 'percent' | 'unclear' }

const notStarted = { state: 'not-started', percent: null } as const
const inProgress: [RegExp, ProgressState] = [/./, 'in-progress']

// Status emoji offices put before (or instead of) the words.
const emojiStates: [RegExp, ProgressState][] = [
  [/[✅✔✓☑🟢]/u, 'done'],
  [/[✗✘]/u, 'not-started'],
  [/[🔴⛔]/u, 'not-started'],
  [/[🔜⚪]/u, 'not-started'],
  [/[🟡🔄⏳🟠❌]/u, 'in-progress'],
]

// Stopping wins over everything, "đã …" too ("Đã được UBND tỉnh thông qua dừng thực hiện dự án" is
// stopped, not done).
const stopped =
  /\b(dung (thuc hien|trien khai|chu truong|dau tu|xay dung|du an)|xin dung|khong tiep tuc|huy bo|bai bo nhiem vu|khong (thuc hien|trien khai)|(dua|rut) (ra )?khoi (ke hoach|danh muc|chuong trinh)|(xin|de nghi) rut\b|khong con phu hop|^(da |bi )?(huy|dung|tu choi)$|^khong (phat sinh|ap dung)$)\b/

const handoverVerbs = '(?:giao|tiep nhan|nhan|phan cong)'
const handover = new RegExp(
  // (a task marked new, "Mới", has only been handed over)
  `^moi$|^(?:moi |vua |da )?(?:duoc )?${handoverVerbs}(?: nhiem vu| viec| van ban)?(?: cho\\b.*)?$`,
)

// Days past the deadline, as a tracker counts them ("Quá 12 ngày", "Trễ 2 ngày").
const lateBy = '(?:qua|tre|cham) (?:han )?\\d+ ngay\\b'

// Read in order on folded text after stopping and counts so far; the first rule that matches decides.
const leadingRules: [RegExp, ProgressState][] = [
  // Not (yet) done or reached ("Chưa đạt", "Không đạt chỉ tiêu"): the work is not finished.
  [/^(chua hoan thanh|chua xong|chua dat|khong dat|khong hoan thanh|khong xong)\b/, 'in-progress'],
  // Standing work, in a word ("Thường xuyên", "Định kỳ", "Hằng tháng"): it goes on.
  [
    /^(?:(?:duy tri|thuc hien|dang) )?(?:thuong xuyen|dinh ky|lien tuc|(?:hang|moi) (?:ngay|tuan|thang|quy|nam))$/,
    'in-progress',
  ],
  // A tracker's countdown: days past the deadline or left before it ("Quá 12 ngày", "Còn 3 ngày").
  [new RegExp(`^(?:${lateBy}|con(?: lai)? \\d+ ngay\\b)`), 'in-progress'],
  // All of it ("Triển khai đạt 100%"): done.
  [/(?<!\b(?:chua|khong) )\b(dat|hoan thanh) 100 (pct|phan tram)\b/, 'done'],
  // A share finished, written first ("100% hoàn thành", "60% hoàn thành"): the figure says how far.
  [/^\d+(?:[.,]\d+)? (?:pct|phan tram) (?:da )?(?:hoan thanh|hoan tat|xong)\b/, 'done'],
  // A count of what is done so far ("chi trả 143/147 hộ", "Lũy kế … đạt 55 ha"), or a phase of the work
  // ("giai đoạn 1"): the work goes on.
  [/\b(luy ke\b(?=.*\d)|giai doan (?:[1-9]|i{1,3}|iv)\b)/, 'in-progress'],
  // Finished, late or not ("Hoàn thành nhưng chậm so với kế hoạch"), unless only in part; beyond
  // the plan or the target ("Vượt kế hoạch", "Vượt chỉ tiêu"): done.
  [/^(da )?(hoan thanh|hoan tat|xong)\b(?!.*\b(mot|1) phan\b)/, 'done'],
  [/^(da )?vuot (ke hoach|chi tieu|muc tieu)\b/, 'done'],
  // Ahead of the pace ("Vượt tiến độ"): the work goes on, early.
  [/^vuot tien do\b/, 'in-progress'],
  // A tracker's first states: the task was handed over or received, nothing is reported on it yet
  // ("Mới giao", "Đã tiếp nhận", "Đã phân công cho phòng …"); handed on for handling, it is being handled.
  [handover, 'not-started'],
  // Only begun ("Đã khởi công"): the work goes on.
  [/^(?:da )?(?:khoi cong|bat dau|khai truong)\b/, 'in-progress'],
  [/^(da )?chuyen( xu ly| giai quyet)?( cho\b.*| den\b.*| toi\b.*)?$/, 'in-progress'],
  // Done, and on time ("Đã thực hiện đúng tiến độ"): the pace says how the finished work went.
  [
    /^da (?:\S+ ){1,3}(?:dung|kip|dam bao) (?:tien do|thoi han|han)\b(?!.*\b(?:dang|chua)\b)/,
    'done',
  ],
  // Done only in part, going at some pace, or put off ("Hoàn thành một phần", "Chậm so với kế hoạch",
  // "Lùi thời gian sang năm 2027"): the work goes on.
  [
    /\b((mot|1) phan|(dung|cham|kip|dam bao|theo|dat) (tien do|so voi)|thuc hien thuong xuyen|dang tiep tuc|lui (thoi gian|thoi han|tien do|sang)|dieu chinh (thoi gian|thoi han|tien do|sang)|gia han|chuyen sang (nam|quy|ky))\b/,
    'in-progress',
  ],
]

// Waiting on another's act ("Đã trình, chờ phê duyệt"): the work goes on. "chờ" (wait) and "cho" (give:
// "Đã cho ý kiến") fold alike, so text with marks must say "chờ".
const waitingFor =
  /\bcho (?:phe duyet|y kien|ky|ban hanh|tham dinh|xu ly|thong qua|ket qua|huong dan|bo tri)\b/
function isWaiting(value: string, words: string): boolean {
  return saysWithMarks(value, words, waitingFor, /(?<!\p{L})chờ(?!\p{L})/u)
}

// "76/90 hộ", "28,875/88,525 tỷ", "đạt 32,62%": less done than there is (a date such as 16/3/2026, or a
// month "02/2025", is no count).
function hasPartialCount(text: string): boolean {
  const number = (s: string) => parseVietnameseNumber(s) ?? NaN
  for (const m of text.matchAll(/(?<![\d/.,])(\d+(?:[.,]\d+)*) ?\/ ?(\d+(?:[.,]\d+)*)(?![\d/])/g)) {
    // (a month and its year, "02/2025", is no count)
    if (/^(?:19|20|21)\d\d$/.test(m[2]!) && number(m[1]!) <= 12) continue
    if (number(m[1]!) < number(m[2]!)) return true
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])đạt\s+(\d+(?:[.,]\d+)?)\s*%/giu))
    if (number(m[1]!) < 100) return true
  return false
}

// What the sentence's own words say when it has no aspect word: how it starts, or a document it cites.
const trailingRules: [RegExp, ProgressState][] = [
  [/^(chua|khong co|chuan bi|sap (?:trien khai|thuc hien|bat dau|to chuc))\b/, 'not-started'],
  // Late, in a word ("Chậm", "Trễ").
  [/^(cham|tre)$/, 'in-progress'],
  // A tracker kept in an English template ("Status: Pending | In progress | Done").
  [/^(done|completed?|finished|closed)$/, 'done'],
  [
    /^(in progress|ongoing|started|on track|delayed|overdue|at risk|behind schedule|doing|wip|in review|review|blocked)$/,
    'in-progress',
  ],
  [/^(not started|pending|to ?do|planned|open|new)$/, 'not-started'],
  // A tracker's first states in its own words: just created, a draft; sent back for rework.
  [/^(moi tao|tao moi|nhap|ban nhap)$/, 'not-started'],
  [/^(bi |da )?tra (lai|ve)$/, 'in-progress'],
  [/^(on hold|cancell?ed|dropped)$/, 'stopped'],
  // A checkbox as a sheet exports it: ticked, or not.
  [/^true$/, 'done'],
  [/^false$/, 'not-started'],
  [
    /^(tiep tuc|cho|(?:gan|sap) (?:xong|hoan thanh)|(?:la )?(?:nhiem vu|cong viec) thuong xuyen|can|con trong han|tre han|qua han|xin gia han|du kien|duy tri|trien khai|thuc hien$|phoi hop|theo doi|ghi nhan)\b/,
    'in-progress',
  ],
  // An obstacle met on the way ("Có vướng mắc", "Còn khó khăn", "Gặp vướng mắc về mặt bằng"): the work
  // goes on.
  [
    /^(?:co |con |dang |gap |van con |hien con )*(?:vuong mac|vuong|kho khan|ton tai|ton dong|bat cap)\b/,
    'in-progress',
  ],
  // A deadline's state in a tracker: still within it, near it, past it ("Trong hạn", "Sắp đến hạn", "Hết hạn").
  [/^(trong han|con han|sap (den|het) han|den han|het han|xin lui)\b/, 'in-progress'],
  // Finished with how: "Xử lý xong", "Nộp muộn", "Nộp đúng hạn".
  [/^\S+( \S+)? xong$|^(nop|gui|bao cao) (muon|tre|cham|dung han|qua han)\b/, 'done'],
  [
    /^(hoan thanh|ht|xong|dat|hoan tat|ket thuc|thuc hien (xong|day du)|x|ok|co|ban hanh|phe duyet|nghiem thu|dam bao|van hanh on dinh|dua vao (van hanh|su dung|hoat dong)|di vao (van hanh|hoat dong))\b|^duoc (\S+ ){0,6}(phe duyet|ban hanh|thong qua|cong nhan|nghiem thu)\b|\b\S+ duoc \d/,
    'done',
  ],
  // A result that cites the document it produced ("CV 694 ngày 16/3/2026", "Quyết định số 12/QĐ-UBND").
  [
    /\bso \d+|\b\d+ ?\/ ?[a-z]{1,6}\b|^(cv|qd|kh|bc|tb|ttr|nq|ct|hd|cong van|quyet dinh|ke hoach|bao cao|thong bao|to trinh|nghi quyet|chi thi|huong dan) (so )?\d/,
    'done',
  ],
]

// "dừng" (stop) and the end of "nội dung … xây dựng" fold alike: text written with its marks must say
// the stopping word as written.
const stopWords =
  /(?<!\p{L})(dừng|hủy|huỷ|từ chối|bãi bỏ nhiệm vụ|không tiếp tục|không thực hiện|không triển khai|(?:đưa|rút) (?:ra )?khỏi|(?:xin|đề nghị) rút|không còn phù hợp|không phát sinh|không áp dụng)(?!\p{L})/u

// Paused ("Tạm dừng chờ phương án", "Đang tạm dừng"): not done and not given up; the dates judge it.
const paused = /\btam (?:dung|ngung|hoan)\b/
// Put off, in a word ("Hoãn", "Đã hoãn"): "hoãn" and "hoàn" fold alike, so text with marks must say "hoãn".
function saysPostponed(value: string, words: string): boolean {
  return saysWithMarks(value, words, /^(?:da |bi )?hoan(?: lai)?$/, /hoãn/u)
}

function saysStopped(words: string, value: string): boolean {
  return !paused.test(words) && saysWithMarks(value, words, stopped, stopWords)
}

// Vietnamese marks tense with words: chưa (not yet), đang (in the course of), đã (already), sẽ (will).
// They are read on the text with its marks: đang and đăng ("đăng tải", to post) fold alike. Text
// typed without any marks is read on its folded words.
const aspectWords = /(?<![\p{L}\p{N}])(chưa|đang|đã|sẽ)(?![\p{L}\p{N}])/gu
const plainAspectWords = /\b(chua|dang|da|se)\b/g
const hasAspectWord = /\b(chua|dang|da|se)\b/

const goesOn = /\b(?:tiep tuc|thuong xuyen)\b/
const finished = /\b(?:hoan thanh|hoan tat|xong)\b/

const unfinished = /\bchua (?:hoan thanh|hoan tat|xong|dat)\b/
const butNotYet = /^(?!chua\b|nhung\b|tuy nhien\b).+\b(?:nhung|tuy nhien)\b.*\bchua\b/

function readAspect(value: string, folded: string): ProgressState | null {
  if (!hasAspectWord.test(folded)) return null
  const marked = hasMarks(value)
  const words = marked
    ? [...lowerWithMarks(value).matchAll(aspectWords)].map((m) => m[1])
    : [...folded.matchAll(plainAspectWords)].map((m) => m[1])
  const has = (a: string, b: string) => words.includes(marked ? a : b)
  const notYet = has('chưa', 'chua')
  const ongoing = has('đang', 'dang')
  const already = has('đã', 'da')
  const will = has('sẽ', 'se')
  // "Đã xây dựng dự thảo, đang lấy ý kiến", "Đã trình, chưa được phê duyệt", "Đã gửi lấy ý kiến …; sau
  // khi có Quyết định, sẽ tham mưu ban hành": one step done, the work goes on; so it does where it is
  // only not finished yet ("Quá hạn, chưa hoàn thành"), or where something was done before a "but …
  // not yet" ("Có Công văn gửi các xã nhưng đến nay chưa đề xuất").
  if (
    ongoing ||
    ((notYet || will) && already) ||
    (notYet && butNotYet.test(folded)) ||
    unfinished.test(folded)
  )
    return 'in-progress'
  if (notYet || will) return 'not-started'
  if (already) return 'done'
  return null
}

// Words that say how the work stands against its deadline: missed it, or within it.
const lateWords = new RegExp(
  `(?<!\\b(?:chua|khong) )\\b(?:qua han|tre han|tre hen|cham han|nop muon|nop tre|khong dung han|chua dung han|sau (?:thoi )?han)\\b|\\b${lateBy}`,
)
// Finished behind time ("Hoàn thành chậm", "… nhưng chậm so với kế hoạch"); said of work still going, the
// same words tell its pace, not a missed deadline.
const finishedLate =
  /\bhoan thanh (?:cham|muon|tre)\b|\b(?:cham|muon|tre) so voi (?:yeu cau|ke hoach|thoi han|quy dinh|tien do)\b/
const timelyWords = /\b(?:dung han|trong han|con han|truoc han|chua den han)\b/

/** Whether a text says how the work stands against its deadline ("quá hạn", "đúng hạn", "trong hạn"). */
export function saysTimeliness(text: string): boolean {
  // (every such word holds "hạn" or "ngày": most texts are passed over without folding)
  if (!/h[aạ]n|ng[aà]y/iu.test(text)) return false
  const folded = foldText(text)
  return lateWords.test(folded) || timelyWords.test(folded)
}

// A pace (on, ahead of, behind) against the deadline, the schedule or the plan, or a word for it
// ("Vượt kế hoạch", beyond the plan's target, is a result: done).
const timingVerdict =
  /^(?:(?:dung|vuot|som|truoc|cham|tre|kip|qua) (?:han|thoi han|tien do)|(?:dung|cham|tre) (?:so voi )?ke hoach|(?:cham|tre) so voi tien do|som|kip thoi|cham|tre)$/

/** Whether a text is only a verdict on the timing of the work ("Đúng hạn", "Vượt tiến độ", "Chậm"). */
export function isTimingVerdict(text: string): boolean {
  return timingVerdict.test(foldText(text))
}

/** Whether a text only says the task was given no deadline ("Không giao hạn", "Chưa có thời hạn"). */
export function givesNoDeadline(text: string): boolean {
  return /^(?:khong|chua) (?:giao|co|xac dinh|quy dinh) (?:thoi )?han$/.test(foldText(text))
}

/**
 * Reads a progress value: the allowed words and percentages, and the wording of real reports
 * ("Đã ban hành", "Chưa ban hành", "Hoàn thành 80%", "✅ Hoàn thành", "Đang lập báo cáo KTKT",
 * "… dừng thực hiện" = stopped). A number between 0 and 1 (a cell formatted as percent) is that fraction.
 * @example parseProgress('Đang triển khai') // { state: 'in-progress', percent: null }
 * @example parseProgress('75%') // { state: 'in-progress', percent: 75 }
 */
export function parseProgress(value: string | number | null): Progress | ProgressProblem {
  const read = readProgressWords(value)
  if (typeof value !== 'string' || !('state' in read) || read.state === 'stopped') return read
  const folded = foldText(value)
  return lateWords.test(folded) || (read.state === 'done' && finishedLate.test(folded))
    ? { ...read, late: true }
    : read
}

// About a figure: "~40%", "≈ 40%", "khoảng 40%", "gần 40%", "xấp xỉ 40%".
const about = /^\s*(?:~|≈|khoảng|gần|xấp xỉ|ước đạt|ước khoảng)\s*(?=\d{1,3}(?:[.,]\d+)?\s*%\s*$)/iu

function readProgressWords(value: string | number | null): Progress | ProgressProblem {
  if (value === null || value === '') return notStarted
  if (typeof value === 'number') return createFromPercent(value <= 1 ? value * 100 : value)
  const folded = foldKeepingNumbers(value)
  if (!folded) {
    const emoji = emojiStates.find(([re]) => re.test(value))
    return emoji ? { state: emoji[1], percent: null } : notStarted
  }
  // A whole number kept as text (a CSV), 0 to 100: a percentage; a decimal below 1: its fraction.
  // (about so much, "~40%", "khoảng 40%", "≈ 40%", is that much)
  const figures = value.replace(about, '')
  const figure = /^\s*(\d{1,3})\s*$|^\s*(0[.,]\d+)\s*$/.exec(figures)
  if (figure) {
    const n = parseVietnameseNumber(figure[1] ?? figure[2]!)
    if (n !== null && n <= 100) return createFromPercent(figure[2] ? n * 100 : n)
  }
  // (a figure inside a long account is one of its results, "đạt tỷ lệ 100% đảng viên …", or an aim,
  // "phấn đấu đạt 100%": not how far the task went)
  const percent = value.length <= 80 ? /(?:^|\s)(\d+(?:[.,]\d+)?) pct\b/.exec(folded) : null
  if (percent && /^\s*\d+(?:[.,]\d+)?\s*%\s*$/.test(figures)) {
    const n = parseVietnameseNumber(percent[1]!)
    return n === null ? { problem: 'percent' } : createFromPercent(n)
  }
  // "Hiện …" (at present) only introduces what follows.
  const words = folded.replace(/^hien (nay |tai )?/, '')
  const aspect = readAspect(value, words)
  const rule =
    (saysStopped(words, value) ? ([stopped, 'stopped'] as const) : null) ??
    (paused.test(words) || saysPostponed(value, words) ? inProgress : null) ??
    (hasPartialCount(value) ? inProgress : null) ??
    (isWaiting(value, words) ? inProgress : null) ??
    leadingRules.find(([re]) => re.test(words)) ??
    (aspect ? [/./, aspect] : null) ??
    trailingRules.find(([re]) => re.test(words)) ??
    (words !== folded ? inProgress : null)
  if (rule) {
    // An account of what was done that says the work goes on ("Đã chỉ đạo …; tiếp tục theo dõi",
    // "thường xuyên …") and never that it is finished.
    if (rule[1] === 'done' && goesOn.test(words) && !finished.test(words))
      return { state: 'in-progress', percent: null }
    // "Hoàn thành 80%": the figure says how far.
    const n = percent ? parseVietnameseNumber(percent[1]!) : null
    if (n !== null && n < 100 && rule[1] === 'done') return createFromPercent(n)
    // "0/30 tỷ, đạt 0,00%": a count at nothing has not started.
    if (n === 0 && rule[1] === 'in-progress') return createFromPercent(0)
    return { state: rule[1], percent: n }
  }
  // A figure with a word or two for what it measures ("Thực hiện 50%", "Giải ngân 80%"): how far.
  if (percent && words.split(' ').length <= 4) {
    const n = parseVietnameseNumber(percent[1]!)
    if (n !== null && n <= 100) return createFromPercent(n)
  }
  const emoji = emojiStates.find(([re]) => re.test(value))
  if (emoji) return { state: emoji[1], percent: null }
  return { problem: 'unclear' }
}

// A short remark closing a cell that says how the work stands: "Kế hoạch (đã thực hiện)",
// "Quyết định (Đã ban hành)"; not a longer aside about a text ("Luật … (đã được sửa đổi, bổ sung năm 2025)").
const remark = /\(\s*((?:đã|đang)(?:\s+[^\s()]+){1,3})\s*\)$/iu

/**
 * The progress a text reports in passing, outside the progress column: a sentence that says the
 * work is done or going on ("Đã ban hành …", "Đang lấy ý kiến …", "Đã vận hành", a closing remark
 * "(đã thực hiện)"), not one that names the aim ("Hoàn thành …").
 */
export function readReportedProgress(text: string): Progress | null {
  const trimmed = text.trim()
  // "Hoàn thành" alone (where a time or a note goes) is a state, not an aim.
  const state = /^(?:hoàn thành|xong|hoàn tất)$/iu.test(trimmed)
  const sentence = /^(?:đã|đang)\s/iu.test(trimmed) || state ? trimmed : remark.exec(trimmed)?.[1]
  if (!sentence) return null
  const said = parseProgress(sentence)
  return isProgress(said) && said.state !== 'not-started' ? said : null
}

// Steps on the way to a document, not the document itself: submitted, appraised, consulted, drafted.
const stepVerbs =
  '(?:trinh|tham dinh|lay y kien|xin y kien|gop y|du thao|soan thao|tiep thu|(?:nop|gui) ho so)'
// A sentence of such a step, its subject before it or not ("Sở Tư pháp đã thẩm định tại BCTĐ số 59"),
// or a letter sent for one ("Đã có Công văn số 2125 gửi Sở Tư pháp thẩm định").
const stepSentence = new RegExp(
  `^(?:\\S+ ){0,6}?da (?:duoc )?${stepVerbs}\\b|^(?:\\S+ ){0,6}?da co (?:cong van|van ban|to trinh)\\b.*\\b(?:gui|de nghi)\\b.*\\b${stepVerbs}\\b`,
)
const completes = /\b(?:hoan thanh|ban hanh|phe duyet|xong|ket thuc)\b/
// A task that is itself such a step ("Thẩm định hồ sơ").
const stepTask = new RegExp(`^(?:to chuc |thuc hien )?${stepVerbs}\\b`)
// The papers an investment project is prepared with (Luật Đầu tư công, Luật Xây dựng): approving them
// readies the work, it does not build it ("Đã phê duyệt BCKTKT", "Tư vấn đã khảo sát bước NCKT").
const preparation =
  /\b(?:chu truong dau tu|bao cao (?:kinh te ky thuat|nghien cuu (?:tien )?kha thi|de xuat chu truong)|bcktkt|bcnckt|nckt|du toan|thiet ke (?:co so|ky thuat|ban ve thi cong|xay dung)|tkbvtc|tkcs|ke hoach lua chon nha thau|khlcnt|ho so moi thau|khao sat (?:buoc|dia hinh|dia chat|thiet ke|lap))\b/
const built =
  /\b(?:hoan thanh (?:thi cong|xay dung|cong trinh|du an|dau tu)|ban giao|dua vao (?:su dung|van hanh|khai thac)|quyet toan|nghiem thu|khanh thanh)\b/

/**
 * Whether "done" rests only on steps before the task's result ("Đã trình/thẩm định", "Đã lấy ý kiến
 * các sở"), while the task (`content`) is not itself that step ("Thẩm định hồ sơ" is done when
 * appraised): the work goes on.
 */
export function isStepOnly(text: string, content: string): boolean {
  const sentences = text
    .replace(/(?<=\p{L})\s*\/\s*(?=\p{L})/gu, ' đã ')
    .split(/[.;\n]+/)
    .map(foldText)
    .filter(Boolean)
  // A sentence that reports nothing done ("trong đó có nội dung bãi bỏ …") only explains the one before.
  const steps = sentences.filter((s) => /\bda\b/.test(s) || completes.test(s))
  if (!steps.length) return false
  // The task's words, folded once a sentence is a step.
  let task: string | null = null
  for (const s of steps) {
    if (stepSentence.test(s) && !completes.test(s)) continue
    if (!preparation.test(s) || built.test(s)) return false
    // (preparing the project is the task's own result where the task names that paper)
    task ??= foldText(content)
    if (preparation.test(task)) return false
  }
  return !stepTask.test(task ?? foldText(content))
}

/**
 * Whether a tracker's "handed over" state ("Đã giao", "Đã tiếp nhận") is the task's own result: the
 * task is that handing over ("Giao chỉ tiêu kế hoạch cho các xã"), so it is done.
 */
export function isHandoverDone(text: string, content: string): boolean {
  return (
    handover.test(foldText(text)) &&
    new RegExp(`^(?:to chuc |thuc hien )?${handoverVerbs}\\b`).test(foldText(content))
  )
}

/** Whether a parse gave a usable progress value. */
export function isProgress(value: Progress | ProgressProblem): value is Progress {
  return 'state' in value
}

function createFromPercent(percent: number): Progress | ProgressProblem {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return { problem: 'percent' }
  if (percent >= 100) return { state: 'done', percent: 100 }
  if (percent <= 0) return { state: 'not-started', percent: 0 }
  return { state: 'in-progress', percent }
}

/** The values offered in the template's progress dropdown. */
export const progressChoices = ['Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện'] as const
