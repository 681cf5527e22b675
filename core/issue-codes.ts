// The issue codes, severities and the shape of their catalogue entries: shared by the catalogue
// (messages*.ts) and the issue builder (issue.ts) without either importing the other's module.

/** Every issue code the product reports; stable, documented in the README. */
export const issueCodes = [
  'table/not-found',
  'table/second-table',
  'header/missing-column',
  'header/duplicate-column',
  'header/unknown-choice',
  'header/guessed-column',
  'header/unreadable-column',
  'row/stt-duplicate',
  'row/stt-sequence',
  'row/continuation',
  'row/shifted-cells',
  'cell/stray-value',
  'cell/required',
  'cell/html-markup',
  'cell/legacy-encoding',
  'cell/unnormalized-text',
  'cell/unknown-agency',
  'cell/invalid-deadline',
  'cell/invalid-date',
  'row/deadline-before-start',
  'row/deadline-inherited',
  'cell/invalid-progress',
  'cell/unclear-progress',
  'row/done-without-date',
  'row/done-without-evidence',
  'row/evidence-unverifiable',
  'cell/completion-in-future',
  'cell/invalid-achieved',
  'row/score-exceeds-max',
  'report/provisional-profile',
  'report/target-not-judged',
  'report/issued-unknown',
  'report/year-assumed',
  'plan/no-tasks',
  'plan/no-year',
  'plan/no-document',
  'plan/deadline-changed',
  'plan/content-changed',
  'plan/task-removed',
  'plan/task-missing',
  'plan/task-unknown',
] as const
export type IssueCode = (typeof issueCodes)[number]

export const severities = ['error', 'warning', 'info'] as const
export type Severity = (typeof severities)[number]

/** Text in both languages; Vietnamese is what users see first. */
export type Bilingual = { vi: string; en: string }

/** Values a message may mention. */
export type MessageParams = {
  field?: string | undefined
  expected?: string | undefined
  found?: string | undefined
  suggestion?: string | undefined
  date?: string | undefined
  due?: string | undefined
  start?: string | undefined
  max?: string | undefined
  column?: string | undefined
  count?: number | undefined
  /** The number `count` is out of ("40/42 ô"). */
  total?: number | undefined
  /** Rows named as examples ("12, 13, 15"). */
  rows?: string | undefined
  profile?: string | undefined
  /** A field's key, as `--columns` takes it ("deadline"). */
  key?: string | undefined
  /** Columns that came closest, as "F “Thời gian”". */
  columns?: string | undefined
  /** The part of a value that could not be read ("Quý V" in "Quý V/2026"). */
  part?: string | undefined
  /** Why evidence cannot be checked (`row/evidence-unverifiable`). */
  reason?: 'no-number' | 'no-date' | 'outside-period' | 'after-report' | undefined
  /** A plan version or the document that changed it ("2 (45/QĐ-UBND ngày 01/07/2026)"). */
  document?: string | undefined
  /** A year the reading assumed (`report/year-assumed`). */
  year?: number | undefined
  /** How a progress that could not be placed is counted (`cell/unclear-progress`). */
  counted?: 'in-progress' | 'not-started' | undefined
}

/**
 * The values each issue's message mentions: `createIssue` takes only these for its code, so a message
 * never reads a value its caller did not name.
 */
export const issueParamKeys = {
  'table/not-found': [],
  'table/second-table': ['found'],
  'header/missing-column': ['columns', 'field', 'key'],
  'header/duplicate-column': ['column', 'field'],
  'header/unknown-choice': ['found'],
  'header/guessed-column': ['column', 'expected', 'field', 'found', 'key'],
  'header/unreadable-column': [
    'column',
    'count',
    'expected',
    'field',
    'found',
    'key',
    'rows',
    'total',
  ],
  'row/stt-duplicate': ['expected', 'found'],
  'row/stt-sequence': ['expected', 'found'],
  'row/continuation': [],
  'row/shifted-cells': ['found'],
  'cell/stray-value': ['count', 'found'],
  'cell/required': ['field'],
  'cell/html-markup': [],
  'cell/legacy-encoding': ['expected', 'found'],
  'cell/unnormalized-text': [],
  'cell/unknown-agency': ['found', 'suggestion'],
  'cell/invalid-deadline': ['found', 'part'],
  'cell/invalid-date': ['found'],
  'row/deadline-before-start': ['due', 'start'],
  'row/deadline-inherited': ['due', 'expected', 'found'],
  'cell/invalid-progress': ['found'],
  'cell/unclear-progress': ['counted', 'found'],
  'row/done-without-date': [],
  'row/done-without-evidence': [],
  'row/evidence-unverifiable': ['date', 'due', 'found', 'reason'],
  'cell/completion-in-future': ['date', 'due'],
  'cell/invalid-achieved': ['expected', 'found'],
  'row/score-exceeds-max': ['found', 'max'],
  'report/provisional-profile': ['profile'],
  'report/target-not-judged': ['count'],
  'report/issued-unknown': ['count', 'found'],
  'report/year-assumed': ['count', 'found', 'year'],
  'plan/no-tasks': [],
  'plan/no-year': [],
  'plan/no-document': ['field'],
  'plan/deadline-changed': ['document', 'expected', 'found'],
  'plan/content-changed': ['expected'],
  'plan/task-removed': ['date', 'document'],
  'plan/task-missing': ['expected', 'found'],
  'plan/task-unknown': ['found'],
} as const satisfies Record<IssueCode, readonly (keyof MessageParams)[]>

/** The parameters an issue of code `C` takes. */
export type IssueParams<C extends IssueCode> = Pick<
  MessageParams,
  (typeof issueParamKeys)[C][number]
>

export type CatalogueEntry = {
  severity: Severity
  message: (p: MessageParams) => Bilingual
  hint: (p: MessageParams) => Bilingual
}

/** Quotes a value the Vietnamese way. */
export const q = (s: string | undefined) => `“${s ?? ''}”`
