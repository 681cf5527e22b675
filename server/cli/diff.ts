import { readFile } from 'node:fs/promises'
import {
  computeRowDiff,
  computeVietnamDate,
  diffFieldLabels,
  type RowDiff,
} from '../../core/index.ts'
import { checkWorkbook } from '../xlsx/check.ts'
import type { Lang } from './summary.ts'
import { AppError } from '../errors/index.ts'
import type { Args, diffFlags } from './flags.ts'

const usage =
  'Cách dùng / Usage: cchc diff CŨ.xlsx MỚI.xlsx [--as-of YYYY-MM-DD] [--json] [--lang en]'

/** The changes between two versions as lines a person reads (Vietnamese, or English). */
export function renderDiff(diff: RowDiff, lang: Lang = 'vi'): string {
  const vi = lang === 'vi'
  const lines = [
    vi
      ? `Thay đổi: ${diff.changed.length} nhiệm vụ sửa, ${diff.added.length} thêm, ${diff.removed.length} bớt, ${diff.unchanged} giữ nguyên.`
      : `Changes: ${diff.changed.length} tasks changed, ${diff.added.length} added, ${diff.removed.length} removed, ${diff.unchanged} unchanged.`,
  ]
  const name = (stt: string | null, content: string) =>
    `${stt ?? '—'} ${content.replace(/\s+/g, ' ').slice(0, 80)}`
  for (const c of diff.changed) {
    lines.push(
      `~ ${name(c.stt, c.content)} (${vi ? 'dòng' : 'row'} ${c.beforeRow} → ${c.afterRow})`,
    )
    for (const f of c.changes)
      lines.push(`    ${diffFieldLabels[f.field][lang]}: “${f.before}” → “${f.after}”`)
  }
  for (const r of diff.added)
    lines.push(`+ ${name(r.stt, r.content)} (${vi ? 'dòng' : 'row'} ${r.row})`)
  for (const r of diff.removed)
    lines.push(`- ${name(r.stt, r.content)} (${vi ? 'dòng' : 'row'} ${r.row})`)
  return lines.join('\n')
}

async function readTasks(path: string, asOf: string) {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch {
    throw new AppError('cli/usage', `Không đọc được tệp / Cannot read file: ${path}`)
  }
  return checkWorkbook(bytes, { asOf, file: path }).report.tasks
}

/** `cchc diff A.xlsx B.xlsx`: row-level changes between two versions of an agency's table. Exit 0. */
export async function runDiff({ values, positionals }: Args<typeof diffFlags>): Promise<number> {
  const [before, after] = positionals
  if (!before || !after) throw new AppError('cli/usage', usage)
  const asOf = values['as-of'] ?? computeVietnamDate(Date.now())
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new AppError('cli/usage', `--as-of cần dạng YYYY-MM-DD / expects YYYY-MM-DD: ${asOf}`)
  const diff = computeRowDiff(await readTasks(before, asOf), await readTasks(after, asOf))
  process.stdout.write(
    values.json
      ? `${JSON.stringify(diff, null, 2)}\n`
      : `${renderDiff(diff, values.lang === 'en' ? 'en' : 'vi')}\n`,
  )
  return 0
}
