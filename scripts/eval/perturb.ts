import { columnNumber, type FieldKey } from '../../core/index.ts'
import { parseProgress } from '../../core/progress.ts'
import type { FixtureCell, TableFixture } from './fixture.ts'
import type { sumScores } from './measure.ts'
import {
  appendRows,
  arrangeColumns,
  findColumns,
  findHeaderBottom,
  insertRows,
  letterOf,
  measureWidth,
  rewriteCells,
} from './sheet-edit.ts'

/**
 * Ways real tables differ from the tuning tables besides their header words, each applied to a
 * tuning table with its truth kept in step (`npm run eval -- --perturb`). A reading that holds on the
 * table should hold on its perturbed copy: these measure robustness, never the unseen set.
 */
export type Perturbation = {
  name: string
  /** The perturbed copy, or null where the table has nothing it applies to. */
  apply: (f: TableFixture) => TableFixture | null
}

/** One perturbation's totals: the tables it applies to, as they are and perturbed. */
export type PerturbationResult = {
  name: string
  base: ReturnType<typeof sumScores>
  perturbed: ReturnType<typeof sumScores>
}

const row = (width: number, cells: Record<number, FixtureCell>): FixtureCell[] =>
  Array.from({ length: width }, (_, c) => cells[c] ?? null)

/** Equal cells of one field's column on consecutive task rows, merged into one area. */
function mergeDown(f: TableFixture, field: 'lead' | 'deadline'): TableFixture | null {
  const [c] = findColumns(f, field)
  if (c === undefined || f.merges.some((a) => a.startsWith(letterOf(c)))) return null
  const g = structuredClone(f)
  let r = findHeaderBottom(f) + 1
  while (r <= g.rows.length) {
    const value = g.rows[r - 1]?.[c]
    let end = r
    while (typeof value === 'string' && value && g.rows[end]?.[c] === value) end++
    if (end > r) {
      for (let k = r + 1; k <= end; k++) g.rows[k - 1]![c] = null
      g.merges.push(`${letterOf(c)}${r}:${letterOf(c)}${end}`)
    }
    r = end + 1
  }
  return g.merges.length > f.merges.length ? g : null
}

/** A field's cells (below the header) rewritten. */
function rewriteField(
  f: TableFixture,
  fields: readonly FieldKey[],
  rewrite: (text: string, row: number) => string,
): TableFixture | null {
  const columns = fields.flatMap((field) => findColumns(f, field))
  return rewriteCells(
    f,
    (cell, r, c) => (columns.includes(c) && typeof cell === 'string' ? rewrite(cell, r) : cell),
    findHeaderBottom(f) + 1,
  )
}

/** The header's words rewritten, and so in its copies at page breaks. */
function rewriteHeader(f: TableFixture, words: [RegExp, string][]): TableFixture | null {
  const header = JSON.stringify(f.rows[f.truth.headerRow - 1])
  return rewriteCells(f, (cell, r) => {
    if (typeof cell !== 'string' || JSON.stringify(f.rows[r - 1]) !== header) return cell
    return words.reduce((text, [from, to]) => text.replace(from, to), cell)
  })
}

const inWords = (text: string) =>
  text.replace(/(^|[^\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g, (all, before, d, m, y, at) =>
    Number(m) > 12
      ? all
      : `${before}${/ngày\s*$/iu.test(text.slice(0, at + before.length)) ? '' : 'ngày '}${d} tháng ${m} năm ${y}`,
  )

const weekdays = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']

// Progress words written as other offices write the same state.
const progressWords: Record<string, string[]> = {
  done: ['Hoàn thành', 'Đã xong', 'HT', 'Đã hoàn thành.', 'Hoàn thành 100%', 'Đã HT'],
  'in-progress': ['Đang triển khai', 'Đang TH', 'Đang tiến hành', 'Đang thực hiện theo kế hoạch'],
  'not-started': ['Chưa triển khai', 'Chưa TH', 'Chưa bắt đầu', 'Chưa thực hiện.'],
}

/** Every cell of the header's rows rewritten (its copies at page breaks too). */
function rewriteHeaderCells(f: TableFixture, rewrite: (text: string) => string) {
  const bottom = findHeaderBottom(f)
  const header = JSON.stringify(f.rows[f.truth.headerRow - 1])
  return rewriteCells(f, (cell, r) => {
    const inHeader =
      (r >= f.truth.headerRow && r <= bottom) || JSON.stringify(f.rows[r - 1]) === header
    return inHeader && typeof cell === 'string' ? rewrite(cell) : cell
  })
}

/** A column added at 0-based `at`: its header word, and a value on each row the truth measures. */
function insertColumn(
  f: TableFixture,
  at: number,
  header: string,
  value: (row: number) => FixtureCell,
): TableFixture {
  const order: Parameters<typeof arrangeColumns>[1] = [...Array(measureWidth(f)).keys()]
  const bottom = findHeaderBottom(f)
  order.splice(at, 0, (r) => {
    if (r === f.truth.headerRow) return header
    const truth = f.truth.rows[String(r)]
    return r > bottom && truth?.due !== undefined ? value(r) : null
  })
  return arrangeColumns(f, order)
}

/** Whether a column can be added before 0-based `at` without tearing a merged area across it. */
function canInsertAt(f: TableFixture, at: number): boolean {
  return !f.merges.some((area) => {
    const [from, to] = area.split(':').map((ref) => /[A-Z]+/.exec(ref)![0])
    const a = columnNumber(from!) - 1
    const b = columnNumber(to ?? from!) - 1
    return a < at && b >= at
  })
}

/** Whether an area is merged down over rows below the header (rows inserted there would tear it apart). */
function hasMergesBelow(f: TableFixture, bottom: number): boolean {
  return f.merges.some((area) => {
    const [top, end] = (area.match(/\d+/g) ?? []).map(Number)
    return top! > bottom && end !== undefined && end !== top
  })
}

/** The task rows below the header whose due date the truth measures, last first (rows inserted below each keep the others in place). */
function measuredTasks(f: TableFixture, bottom: number): number[] {
  return Object.entries(f.truth.rows)
    .filter(([r, t]) => Number(r) > bottom && t.due !== undefined)
    .map(([r]) => Number(r))
    .sort((a, b) => b - a)
}

/** The numbers of the STT column written otherwise ("4." for 4). */
function writeNumbers(f: TableFixture, write: (n: string) => string): TableFixture | null {
  const [stt] = findColumns(f, 'stt')
  const bottom = findHeaderBottom(f)
  return rewriteCells(f, (cell, r, c) => {
    const number = typeof cell === 'number' || typeof cell === 'string' ? `${cell}`.trim() : ''
    return c === stt && r > bottom && /^\d+$/.test(number) ? write(number) : cell
  })
}

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')

/** The suite, in the order `npm run eval -- --perturb` prints it. */
export const perturbations: Perturbation[] = [
  {
    name: 'a total below the tasks',
    apply: (f) => {
      const total = row(measureWidth(f), { 0: 'Tổng cộng', 1: `${f.rows.length} nhiệm vụ` })
      return appendRows(f, [total])
    },
  },
  {
    name: 'a total above the tasks',
    apply: (f) => {
      const at = findHeaderBottom(f) + 1
      const width = measureWidth(f)
      const g = insertRows(f, at, [row(width, { 0: 'TỔNG CỘNG', [width - 1]: f.rows.length })])
      g.truth.rows[String(at)] = { clean: true }
      g.merges.push(`A${at}:B${at}`)
      return g
    },
  },
  {
    name: 'the header repeated at each page break',
    apply: (f) => {
      const bottom = findHeaderBottom(f)
      if (bottom !== f.truth.headerRow) return null
      let g = f
      for (let r = f.rows.length; r > bottom + 1; r--) {
        if ((r - bottom) % 12 !== 0) continue
        g = insertRows(g, r, [[...f.rows[bottom - 1]!]])
        g.truth.rows[String(r)] = { clean: true }
      }
      return g === f ? null : g
    },
  },
  {
    name: 'sections titled across their row',
    apply: (f) => {
      const [stt] = findColumns(f, 'stt')
      const [content] = findColumns(f, 'content')
      if (stt !== 0 || content !== 1) return null
      const g = structuredClone(f)
      const last = letterOf(measureWidth(f) - 1)
      g.rows.forEach((cells, i) => {
        const [number, title, ...rest] = cells
        const section = typeof number === 'string' && /^[IVX]+\.?$/.test(number.trim())
        if (!section || typeof title !== 'string' || rest.some((c) => c !== null)) return
        if (g.merges.some((a) => new RegExp(`^[A-Z]+${i + 1}:`).test(a))) return
        g.rows[i] = [`${number.trim().replace(/\.$/, '')}. ${title}`]
        g.merges.push(`A${i + 1}:${last}${i + 1}`)
      })
      return g.merges.length > f.merges.length ? g : null
    },
  },
  { name: 'the lead merged down over its tasks', apply: (f) => mergeDown(f, 'lead') },
  { name: 'the deadline merged down over its tasks', apply: (f) => mergeDown(f, 'deadline') },
  {
    name: 'dates spelled out in the deadline',
    apply: (f) => rewriteField(f, ['deadline', 'end'], inWords),
  },
  {
    name: 'deadlines worded otherwise',
    apply: (f) =>
      rewriteField(f, ['deadline'], (text, r) => {
        const bare = text.trim()
        if (bare.length > 25 || !/^(?:quý|tháng|năm|\d)/iu.test(bare)) return text
        if (/^\d{1,2}\s*[h:]/i.test(bare)) return text
        return [`Chậm nhất ${bare}`, `${bare} (dự kiến)`, `Dự kiến ${bare}`, `- ${bare}`][r % 4]!
      }),
  },
  {
    name: 'calendar days with their weekday after them',
    apply: (f) =>
      rewriteField(f, ['deadline'], (text, r) => {
        const due = f.truth.rows[String(r)]?.due
        // (a cell that writes a day and nothing else)
        if (!due || !/^\s*\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s*$/.test(text))
          return text
        const [y, m, d] = due.split('-').map(Number) as [number, number, number]
        if (!new RegExp(`(?<!\\d)0?${d}\\s*[/.-]\\s*0?${m}(?!\\d)`).test(text)) return text
        const day = weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!
        // (the year kept where the cell wrote it)
        const year = /\b\d{4}\b/.test(text) ? `/${y}` : ''
        return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}${year} (${day})`
      }),
  },
  {
    name: 'progress worded otherwise',
    apply: (f) =>
      rewriteField(f, ['progress'], (text, r) => {
        if (text.trim().length > 30 || text.trim().length <= 2) return text
        if (/hạn|muộn|trễ|chậm|tiến độ|thường xuyên|định kỳ/iu.test(text)) return text
        const said = parseProgress(text)
        if (!('state' in said) || said.late || (said.percent ?? 100) % 100 !== 0) return text
        const words = progressWords[said.state]
        return words ? words[r % words.length]! : text
      }),
  },
  {
    name: 'a parent heading over the lead and the cooperating agencies',
    apply: (f) => {
      const [lead] = findColumns(f, 'lead')
      const [coop] = findColumns(f, 'coop')
      const h = f.truth.headerRow
      if (lead === undefined || coop !== lead + 1 || findHeaderBottom(f) !== h) return null
      if (f.merges.some((a) => /^[A-Z]+(\d+)/.exec(a)![1] === String(h))) return null
      const top = [...f.rows[h - 1]!]
      const children = row(measureWidth(f), { [lead]: top[lead]!, [coop]: top[coop]! })
      top[lead] = 'Đơn vị'
      top[coop] = null
      const g = insertRows(f, h + 1, [children])
      g.rows[h - 1] = top
      g.merges.push(`${letterOf(lead)}${h}:${letterOf(coop)}${h}`)
      top.forEach((cell, c) => {
        if (cell !== null && c !== lead) g.merges.push(`${letterOf(c)}${h}:${letterOf(c)}${h + 1}`)
      })
      return g
    },
  },
  {
    name: 'header words written short',
    apply: (f) =>
      rewriteHeader(f, [
        [/thời gian/giu, 'TG'],
        [/đơn vị/giu, 'ĐV'],
        [/cơ quan/giu, 'CQ'],
        [/tiến độ/giu, 'TĐ'],
        [/sản phẩm/giu, 'SP'],
      ]),
  },
  {
    name: 'header words other offices use',
    apply: (f) =>
      rewriteHeader(f, [
        [/nội dung/giu, 'Công việc'],
        [/(cơ quan|đơn vị) phối hợp/giu, 'Đơn vị liên quan'],
        [/cơ quan/giu, 'Đơn vị'],
        [/thời gian hoàn thành/giu, 'Thời gian kết thúc'],
        [/ghi chú/giu, 'Lưu ý'],
      ]),
  },
  { name: 'the header in capitals', apply: (f) => rewriteHeaderCells(f, (t) => t.toUpperCase()) },
  { name: 'the header typed without diacritics', apply: (f) => rewriteHeaderCells(f, plain) },
  {
    name: 'header words broken over lines',
    apply: (f) =>
      rewriteHeaderCells(f, (t) => t.replace(/^(\S+ \S+) (?=\S)/u, (first) => `${first.trim()}\n`)),
  },
  {
    name: 'agencies and people in capitals',
    apply: (f) => rewriteField(f, ['lead', 'executing'], (text) => text.toUpperCase()),
  },
  {
    name: 'tasks bulleted with a dash',
    apply: (f) =>
      rewriteField(f, ['content'], (text, r) =>
        f.truth.rows[String(r)]?.due !== undefined && text.length > 10 && !/^[-–+•*]/.test(text)
          ? `- ${text}`
          : text,
      ),
  },
  {
    name: 'an empty column left of the table',
    apply: (f) => arrangeColumns(f, [() => null, ...Array(measureWidth(f)).keys()]),
  },
  {
    name: 'a budget column of figures before the lead',
    apply: (f) => {
      const [lead] = findColumns(f, 'lead')
      if (lead === undefined || !canInsertAt(f, lead)) return null
      return insertColumn(f, lead, 'Kinh phí (triệu đồng)', (r) => ((r * 37) % 900) + 50)
    },
  },
  {
    name: 'numbers written with a dot',
    apply: (f) => writeNumbers(f, (n) => `${n}.`),
  },
  {
    name: 'numbers closed by a bracket',
    apply: (f) => writeNumbers(f, (n) => `${n})`),
  },
  {
    name: 'a task’s text split at a page break',
    apply: (f) => {
      const [content] = findColumns(f, 'content')
      const bottom = findHeaderBottom(f)
      if (content === undefined || hasMergesBelow(f, bottom)) return null
      // (every fourth task of ten words or more, its second half on a row of its own below)
      const long = (r: number) => {
        const text = f.rows[r - 1]?.[content]
        return typeof text === 'string' && text.split(' ').length >= 10
      }
      const split = measuredTasks(f, bottom)
        .filter(long)
        .filter((_, i) => i % 4 === 0)
      let g: TableFixture = f
      for (const r of split) {
        const words = (f.rows[r - 1]![content] as string).split(' ')
        const half = Math.ceil(words.length / 2)
        g = insertRows(g, r + 1, [row(measureWidth(f), { [content]: words.slice(half).join(' ') })])
        g.rows[r - 1]![content] = words.slice(0, half).join(' ')
        g.truth.rows[String(r + 1)] = { clean: true }
      }
      return split.length ? g : null
    },
  },
  {
    name: 'a blank row after each task',
    apply: (f) => {
      const bottom = findHeaderBottom(f)
      if (hasMergesBelow(f, bottom)) return null
      let g: TableFixture = f
      for (const r of measuredTasks(f, bottom)) g = insertRows(g, r + 1, [[]])
      return g === f ? null : g
    },
  },
  {
    name: 'the plan’s text above the table',
    apply: (f) =>
      insertRows(f, 1, [
        ['I. MỤC ĐÍCH, YÊU CẦU'],
        [
          '1. Mục đích: triển khai có hiệu quả các nhiệm vụ trong năm, bảo đảm đúng tiến độ, chất lượng.',
        ],
        [
          '2. Yêu cầu: định kỳ hằng quý báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 của tháng cuối quý.',
        ],
        ['II. NHIỆM VỤ CỤ THỂ (có Phụ lục kèm theo)'],
      ]),
  },
  {
    name: 'a progress column left empty for the units to fill',
    apply: (f) => {
      if (
        ['progress', 'achieved', 'status', 'doneDate'].some(
          (k) => findColumns(f, k as FieldKey).length,
        )
      )
        return null
      const width = measureWidth(f)
      const header = (r: number) => (r === f.truth.headerRow ? 'Tiến độ thực hiện' : null)
      return arrangeColumns(f, [...Array(width).keys(), header])
    },
  },
  {
    name: 'the lead and the cooperating agencies in one cell',
    apply: (f) => {
      const [lead] = findColumns(f, 'lead')
      const [coop] = findColumns(f, 'coop')
      const h = f.truth.headerRow
      if (lead === undefined || coop === undefined || findHeaderBottom(f) !== h) return null
      // (an area of the table merged across the cooperating agencies' column would be torn apart;
      // the title's above it is dropped with the column's share of it)
      const across = f.merges.some((area) => {
        const [from, to] = area.split(':').map((ref) => /([A-Z]+)(\d+)/.exec(ref)!)
        const [a, b] = [columnNumber(from![1]!) - 1, columnNumber((to ?? from)![1]!) - 1]
        return Number(from![2]) >= h && a <= coop && b >= coop && a !== b
      })
      if (across) return null
      const joined = rewriteCells(f, (cell, r, c) => {
        if (c !== lead || typeof cell !== 'string' || !cell.trim()) return cell
        if (r === h) return 'Cơ quan thực hiện'
        const partners = f.rows[r - 1]?.[coop]
        return r > h && typeof partners === 'string' && partners.trim()
          ? `Chủ trì: ${cell}; phối hợp: ${partners}`
          : cell
      })
      if (!joined) return null
      return arrangeColumns(
        joined,
        [...Array(measureWidth(f)).keys()].filter((c) => c !== coop),
      )
    },
  },
  {
    name: 'a funding column in words after the deadline',
    apply: (f) => {
      const [deadline] = findColumns(f, 'deadline')
      if (deadline === undefined || !canInsertAt(f, deadline + 1)) return null
      return insertColumn(f, deadline + 1, 'Nguồn kinh phí', (r) =>
        r % 2 ? 'Ngân sách tỉnh' : 'Ngân sách địa phương và các nguồn hợp pháp khác',
      )
    },
  },
]
