import { fieldKeys, fieldSpecs, type FieldKey } from './fields.ts'
import {
  agentNouns,
  headNouns,
  agentRoles,
  headerAbbreviations,
  headerModifiers,
  headerPhrases,
  horizonWords,
  periodNouns,
  timeNouns,
  timeRoles,
  timeWords,
  type HeaderMeaning,
  type Weights,
} from './header-words.ts'
import { foldKeepingNumbers, foldText } from './text.ts'

// Words that carry no meaning of their own in a header ("của", "các", "năm" …).
const stopWords = new Set(
  'cua cac va cho theo doi den het tu nam ngay thang quy co la duoc trong ve de voi so ten chinh cung cap bao cao thi dua khac neu mot hoac tai nhu ra vao sau truoc khi moi tong hien giai quyet ho x pct hang nhung can phai'.split(
    ' ',
  ),
)
const longestPhrase = 5

// The canonical label and SPEC synonyms of every field, folded: an exact match earns a bonus. So do
// headers whose words mean nothing alone but as the whole header: a day heads the days things happen on
// (a work calendar's "Ngày", "Thứ, ngày", "Ngày tháng năm"), "Từ | Đến" under a time are from and to.
const exactLabels = new Map<string, HeaderMeaning>([
  ['ngay', 'deadline'],
  ['thu ngay', 'deadline'],
  ['ngay thang', 'deadline'],
  ['ngay thang nam', 'deadline'],
  ['tu', 'start'],
  ['den', 'end'],
  // (a role alone names who takes it, as "Chủ trì" and "Phối hợp" do)
  ['thuc hien', 'executing'],
])
for (const key of fieldKeys) {
  for (const s of [fieldSpecs[key].label, ...fieldSpecs[key].synonyms]) {
    if (!exactLabels.has(foldText(s))) exactLabels.set(foldText(s), key)
  }
}

function addWeights(into: Weights, from: Weights, factor: number) {
  for (const [k, v] of Object.entries(from) as [HeaderMeaning, number][])
    into[k] = (into[k] ?? 0) + v * factor
}

// Acts an agency undergoes, not carries out: inspected, audited, surveyed, assessed, supported.
const objectActs =
  /^(?:kiem tra|thanh tra|giam sat|khao sat|danh gia|ho tro|tham dinh|kiem toan|xep loai|cham diem|lay y kien|lam viec)\b/

// Every phrase a header can hold, written run together ("tiendo" → "tien do"): field names of an export
// drop the spaces as well as the marks.
const runTogether = new Map(
  [
    ...Object.keys(headerPhrases),
    ...Object.keys(headerModifiers),
    ...Object.keys(agentRoles),
    ...Object.keys(timeRoles),
    ...headNouns,
    ...Object.values(headerAbbreviations),
    ...stopWords,
  ].map((phrase) => [phrase.replace(/ /g, ''), phrase]),
)

/**
 * A word of an export's field name that is several header words run together ("noidung",
 * "donvichutri", "hanhoanthanh"), split into the fewest phrases that make it up; any other word as it is.
 */
function splitRunTogether(token: string): string[] {
  if (token.length < 5 || !/^[a-z]+$/.test(token) || headerPhrases[token] || headerModifiers[token])
    return [token]
  // fewest[i]: the fewest phrases that make up the first i letters, and the phrase that ends there.
  const fewest: { count: number; phrase: string }[] = [{ count: 0, phrase: '' }]
  for (let end = 1; end <= token.length; end++) {
    for (let start = Math.max(0, end - 20); start < end; start++) {
      const before = fewest[start]
      const phrase = runTogether.get(token.slice(start, end))
      if (!before || !phrase) continue
      const best = fewest[end]
      if (!best || before.count + 1 < best.count) fewest[end] = { count: before.count + 1, phrase }
    }
  }
  if (!fewest[token.length]) return [token]
  const parts: string[] = []
  for (let end = token.length; end > 0; end -= fewest[end]!.phrase.replace(/ /g, '').length)
    parts.unshift(fewest[end]!.phrase)
  const words = parts.join(' ').split(' ')
  // (one syllable alone is a word of its own, not words run together)
  return words.length > 1 ? words : [token]
}

/** Folds one part of a header into tokens, abbreviations expanded and bare numbers dropped. */
function tokenize(part: string): string[] {
  return (
    foldKeepingNumbers(part)
      .split(' ')
      .flatMap(splitRunTogether)
      // "CT" after an agency is its role ("ĐV CT": chủ trì); elsewhere a title ("Đ/c Xuân CT": chủ tịch)
      .map((t, i, all) => (t === 'ct' && agencyShort.has(all[i - 1] ?? '') ? 'chu tri' : t))
      .flatMap((t) => (headerAbbreviations[t] ?? t).split(' '))
      .filter((t) => t && !/^\d/.test(t))
  )
}

// Agencies written short or in full, before a role written short.
const agencyShort = new Set(['dv', 'cq', 'vi', 'quan', 'phan'])

/**
 * Scores one part: the head phrase counts in full, later phrases (modifying it) by half; an agent
 * noun with a role word is that role ("Cá nhân thực hiện"), a time noun with what happens then is
 * that time ("Mốc hoàn thành", "Thời gian bắt đầu"), "Tên" before a task noun the task.
 * Returns the words it could not place.
 */
function scorePart(tokens: string[], weight: number, scores: Weights, seen: Set<string>): number {
  let unexplained = 0
  let phrases = 0
  // What the agent noun alone gave (lead, executing or cooperating): a role word settles it.
  let agent: Weights | null = null
  let role: FieldKey | null = null
  let time = false
  let when: FieldKey | null = null
  // "đã" before the act: the time it happened, not the time it is due ("Thời gian đã hoàn thành").
  let past = false
  // An act with no field of its own names the time only beside a time noun ("Thời điểm trình"), not
  // beside a calendar unit ("năm ban hành" is when a text was issued).
  let acted: FieldKey | null = null
  // What the words after a leading "Tên" (before a trailing English "name") gave: the name of a thing
  // is the row's item, whatever it is ("Tên chỉ tiêu", "target_name").
  const named: Weights = {}
  const namesItem =
    tokens.length > 1 && (tokens[0] === 'ten' || tokens[tokens.length - 1] === 'name')
  let agentNamed = false
  for (let i = 0; i < tokens.length;) {
    let matched = 0
    for (let n = Math.min(longestPhrase, tokens.length - i); n > 0 && !matched; n--) {
      const phrase = tokens.slice(i, i + n).join(' ')
      const modifier = headerModifiers[phrase]
      const weights = headerPhrases[phrase]
      if (modifier) {
        // "Cơ quan được giao": a qualifier that is also a role.
        const asRole = agentRoles[phrase]
        role ??= asRole ?? null
        past ||= phrase === 'da'
        // (beside an agent it names the role alone: "Cơ quan liên quan" cooperates)
        if (!seen.has(phrase) && !(asRole && agent)) addWeights(scores, modifier, 1)
        seen.add(phrase)
        matched = n
      } else if (weights) {
        // (a noun that is also a role names the role after another agent only: "Cơ quan đầu mối",
        // not "Đầu mối thực hiện")
        if (!agentNouns.has(phrase) || agent) role ??= agentRoles[phrase] ?? null
        time ||= timeNouns.has(phrase)
        when ??= timeRoles[phrase] ?? null
        agentNamed ||= agentNouns.has(phrase)
        // Words naming something we do not use count wherever they stand ("Thời gian giao nhận").
        const { other, ...fields } = weights
        const factor = phrases === 0 ? weight : weight / 2
        if (agentNouns.has(phrase)) addWeights((agent ??= {}), fields, factor)
        addWeights(scores, fields, factor)
        if (namesItem) addWeights(named, fields, factor)
        if (other) addWeights(scores, { other }, 1)
        phrases++
        matched = n
      }
    }
    if (!matched) {
      // The act a time closes, said in words of no field of their own ("Thời điểm trình").
      const pair = tokens.slice(i, i + 2).join(' ')
      const act = [pair, tokens[i]!].find((w) => timeRoles[w] || agentRoles[w])
      if (act) {
        acted ??= timeRoles[act] ?? null
        role ??= agentRoles[act] ?? null
      }
      if (!stopWords.has(tokens[i]!)) unexplained++
      matched = act ? act.split(' ').length : 1
    }
    i += matched
  }
  // An agent that undergoes the act ("Đơn vị được kiểm tra", "Địa phương được khảo sát") is what
  // the row is about, not who does the work.
  const undergoes = tokens.indexOf('duoc')
  if (agent && undergoes > 0 && objectActs.test(tokens.slice(undergoes + 1).join(' '))) {
    // (its cells name agencies, and say so, but the words have said they are not the doers)
    for (const k of ['lead', 'executing', 'coop'] as const) scores[k] = -6 * weight
    scores.content = (scores.content ?? 0) + 6 * weight
  } else if (agent && role) {
    for (const [k, v] of Object.entries(agent) as [FieldKey, number][])
      if (k !== role) scores[k] = (scores[k] ?? 0) - v
    scores[role] = (scores[role] ?? 0) + 6 * weight
  }
  if (time) when ??= acted
  if (past && (when === 'deadline' || when === 'end')) when = 'doneDate'
  if ((time || periodNouns.has(tokens[0]!)) && when) scores[when] = (scores[when] ?? 0) + 4 * weight
  // "Tên …" names the rows ("Tên văn bản", "Tên chỉ tiêu", "Tên dự án"): the thing named is the task
  // (or the criterion), not a product, target or document column; the name of an agent is an agency.
  // The name of an agent (an agent noun, or words that name the lead: "Tên đơn vị") is an agency.
  if (namesItem && !agentNamed && !((named.lead ?? 0) > 0)) {
    const item = (named.criterion ?? 0) > 0 ? 'criterion' : 'content'
    for (const [k, v] of Object.entries(named) as [FieldKey, number][])
      if (k !== item) scores[k] = (scores[k] ?? 0) - v
    scores[item] = (scores[item] ?? 0) + 6 * weight
  }
  return unexplained
}

// The period or date a column reports on, as a reporting office adds it after the column's name
// ("Kết quả thực hiện Quý III/2026", "Tiến độ đến ngày 30/9", "Tình hình 6 tháng đầu năm", "Trạng
// thái hiện nay"): it says when, not what, and is dropped before the words are weighed.
const edge = '(?<![\\p{L}\\d])'
// (a day in figures or in words: "30/9", "ngày 30 tháng 9 năm 2026")
const spelledDay = '\\d{1,2}\\s+tháng\\s+\\d{1,2}(?:\\s*,?\\s*năm\\s+\\d{4})?'
const dayMonth = `(?:\\d{1,2}\\s*[/.-]\\s*\\d{1,2}(?:\\s*[/.-]\\s*\\d{2,4})?|${spelledDay})`
const quarterOrMonth =
  '(?:quý|tháng)\\s+(?:[IVX]+|\\d{1,2})(?:\\s*[/.-]\\s*\\d{4}|\\s+năm\\s+\\d{4})?'
const timeQualifier = new RegExp(
  [
    `${edge}(?:tính\\s+)?(?:đến|tới)\\s+(?:hết\\s+)?(?:ngày\\s+|thời điểm\\s+)?(?:${dayMonth}|${quarterOrMonth}|năm\\s+\\d{4})`,
    `${edge}${quarterOrMonth}`,
    `${edge}(?:ngày\\s+)?(?:\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{4}|${spelledDay})`,
    `${edge}(?:\\d{1,2}|sáu|chín)\\s+tháng(?:\\s+(?:đầu|cuối))?\\s+năm(?:\\s+\\d{4})?`,
    `${edge}nửa\\s+(?:đầu|cuối)\\s+năm(?:\\s+\\d{4})?`,
    `${edge}(?:năm\\s+)?\\d{4}${edge.replace('<', '')}`,
    `${edge}hiện\\s+nay${edge.replace('<', '')}`,
  ].join('|'),
  'giu',
)

// A word that cannot end a phrase: what follows it is the same phrase ("Mục tiêu, tên\nChỉ tiêu").
const openEnd =
  /\b(?:ten|cua|trong|theo|cho|den|toi|tai|voi|ve|cac|nhung|duoc|va|hoac|tu|do|de|la|thuoc|vao)$/

/**
 * Lines of a header joined where a line break only wraps a phrase ("Ghi\nchú", "Thời gian\nhoàn
 * thành", a converted document's "Đơn vị phối\nhợp thực hiện", "MỐC TRONG\nBÁO CÁO"): a line stays
 * apart only where it opens a header of its own after a line that can end: with a capital and the
 * noun a header opens with ("Cơ quan chủ trì\nCơ quan phối hợp"), or with a number or a bracket
 * ("Giải ngân\n(dự kiến)").
 */
function joinWrapped(text: string): string {
  if (!text.includes('\n')) return text
  const lines = text.split(/\s*\n\s*/).filter(Boolean)
  const out: string[] = []
  for (const line of lines) {
    const last = out.length - 1
    // (after a line of one word, a word was wrapped away: "Tên\nNhiệm vụ")
    const before = out[last] ?? ''
    const goesOn = !/\s/.test(before) || openEnd.test(foldText(before)) || !opensHeader(line)
    if (last >= 0 && goesOn && !/^[(\d]/.test(line)) out[last] = `${out[last]} ${line}`
    else out.push(line)
  }
  return out.join('\n')
}

function opensHeader(line: string): boolean {
  if (!/^\p{Lu}/u.test(line)) return false
  const words = foldText(line).split(' ')
  // (a line of one word is a word wrapped away: "Ghi\nchú")
  if (words.length < 2) return false
  return headNouns.has(words[0]!) || headNouns.has(`${words[0]} ${words[1]}`)
}

/** A header without the period it reports on, when words remain that say what it holds. */
function dropTimeQualifiers(text: string): string {
  // (every qualifier holds a figure or "hiện nay": most headers hold neither; a header is short)
  if (text.length > 80 || !/\d|hi[eệ]n\s+nay/iu.test(text)) return text
  const rest = text.replace(timeQualifier, ' ')
  return rest !== text &&
    /\p{L}{2}/u.test(foldText(rest).replace(/\b(?:nam|quy|thang|ngay)\b/g, ''))
    ? rest
    : text
}

/**
 * Scores a header cell against every field (and `other`, for columns we do not use): key words,
 * the words that modify them, abbreviations, compound headers ("Cơ quan thực hiện/phối hợp": the
 * first part leads) and a parent header above it ("Thời gian thực hiện" over "Hoàn thành").
 * @example scoreHeaderText('Thời gian dự kiến hoàn thành').deadline // the highest score
 */
export function scoreHeaderText(text: string, parent: string | null = null): Weights {
  const scores: Weights = {}
  if (!text.trim() || text.length > 160) return scores
  // A number sign or "No." alone heads the numbering.
  if (/^\s*(?:#|no\.?|n°|nr\.?)\s*$/i.test(text)) return { stt: 7 }
  // A footnote mark is no word; a slash between two letters shortens a word ("Đ/v", "T/g"), it does
  // not part two fields.
  const marked = text
    .replace(/\[\d+\]/g, ' ')
    .replace(/(?<!\p{L})(\p{L})\/(\p{L})(?!\p{L})/gu, '$1$2')
  const cleaned = dropTimeQualifiers(marked)
  const notes: string[] = []
  const main = cleaned.replace(/\(([^)]*)\)?/g, (_, inner: string) => {
    notes.push(inner)
    return ' '
  })
  const split = (s: string) => joinWrapped(s).split(/[/,;\n]|\s[-–]\s|\svà\s|\sVÀ\s/)
  const parts = split(main)
    .map(tokenize)
    .filter((t) => t.length)
  const seen = new Set<string>()
  let unexplained = 0
  parts.forEach((tokens, i) => {
    unexplained += scorePart(tokens, i === 0 ? 1 : 0.8, scores, seen)
  })
  for (const note of notes.flatMap(split)) scorePart(tokenize(note), 0.6, scores, seen)
  const folded = foldText(cleaned)
  // (the whole header: "Kết quả thực hiện Quý III/2026" is not the label "Kết quả thực hiện")
  // (a label written short is that label: "TĐ" is "Tiến độ")
  const exact = exactLabels.get(foldText(marked)) ?? exactLabels.get(tokenize(marked).join(' '))
  if (exact) scores[exact] = (scores[exact] ?? 0) + 3
  // A horizon is an aim's time ("Giải ngân đến năm 2026"), kept though the period is dropped.
  if (horizonWords.test(foldText(marked))) scores.expected = (scores.expected ?? 0) + 5
  if (unexplained) {
    for (const k of Object.keys(scores) as HeaderMeaning[]) {
      if (k !== 'other' && scores[k]! > 0) scores[k] = Math.max(0, scores[k]! - 0.5 * unexplained)
    }
  }
  if (parent && foldText(parent) !== folded) addParent(scores, parent)
  return scores
}

/** A child header under a parent: "Hoàn thành" under "Thời gian thực hiện" is the end column. */
function addParent(scores: Weights, parent: string) {
  const above = scoreHeaderText(parent)
  if (timeWords.test(foldText(parent))) {
    if ((scores.start ?? 0) > 0) scores.start! += 4
    if ((scores.end ?? 0) > 0) scores.end! += 4
  }
  for (const [k, v] of Object.entries(above) as [HeaderMeaning, number][]) {
    if (k !== 'other' && v > 0) scores[k] = (scores[k] ?? 0) + v * 0.3
  }
}

/** The meaning a header scores highest for, with its score (`other` and ties below 3 read as none). */
export function findBestMeaning(scores: Weights): { meaning: HeaderMeaning; score: number } | null {
  let best: { meaning: HeaderMeaning; score: number } | null = null
  for (const [k, v] of Object.entries(scores) as [HeaderMeaning, number][]) {
    if (!best || v > best.score) best = { meaning: k, score: v }
  }
  return best
}
