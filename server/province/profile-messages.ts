export type Lang = 'vi' | 'en'

// What each profile field must be, in both languages.
const rules: Record<string, { vi: string; en: string }> = {
  name: { vi: 'phải là tên không rỗng', en: 'must be a non-empty name' },
  year: { vi: 'phải là năm (số nguyên)', en: 'must be a year (a whole number)' },
  provisional: { vi: 'phải là true hoặc false', en: 'must be true or false' },
  note: { vi: 'phải là văn bản', en: 'must be text' },
  items: {
    vi: 'phải là danh sách mục theo số thứ tự ({ "1.1": { … } })',
    en: 'must map STT codes to items ({ "1.1": { … } })',
  },
  maxPoints: { vi: 'phải là số điểm không âm', en: 'must be a non-negative number of points' },
  method: { vi: 'phải là “self” hoặc “survey”', en: 'must be “self” or “survey”' },
  rule: {
    vi: 'phải là “binary”, “proportional” hoặc “tiers”',
    en: 'must be “binary”, “proportional” or “tiers”',
  },
  tiers: { vi: 'phải là danh sách [tỷ lệ, hệ số]', en: 'must be a list of [ratio, fraction]' },
  label: { vi: 'phải là văn bản', en: 'must be text' },
}

/**
 * Says which field of a scoring profile is wrong, naming its item, without schema jargon.
 * @example describeProfileProblem('p.json', ['items', '1.4', 'tiers', 0], 'vi')
 *   // 'Thang điểm p.json — Mục 1.4: “tiers” phải là danh sách [tỷ lệ, hệ số].'
 */
export function describeProfileProblem(
  path: string,
  where: readonly PropertyKey[],
  lang: Lang,
): string {
  const [top, item, field] = where.map(String)
  const key = top === 'items' && item !== undefined && field !== undefined ? field : (top ?? '')
  const rule = rules[key] ?? {
    vi: 'không hợp lệ',
    en: 'is not valid',
  }
  const head = lang === 'vi' ? `Thang điểm ${path}` : `Scoring profile ${path}`
  if (top === 'items' && item !== undefined && field !== undefined)
    return lang === 'vi'
      ? `${head} — Mục ${item}: “${field}” ${rule.vi}.`
      : `${head} — Item ${item}: “${field}” ${rule.en}.`
  if (top === 'items' && item !== undefined)
    return lang === 'vi'
      ? `${head} — Mục ${item} phải có maxPoints, method và rule.`
      : `${head} — Item ${item} needs maxPoints, method and rule.`
  return `${head} — “${key}” ${rule[lang]}.`
}
