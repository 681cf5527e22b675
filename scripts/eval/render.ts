import type { Share, TableScore, sumScores } from './measure.ts'
import type { PerturbationResult } from './perturb.ts'
import type { SampleScore } from './sample.ts'

/** The measurement of one set of tables. */
export type SetResult = { name: string; scores: TableScore[]; total: ReturnType<typeof sumScores> }

/** "61/62 = 0.98", or "—" when nothing could be judged. */
export function formatShare(share: Share): string {
  if (share.of === 0) return '—'
  return `${share.right}/${share.of} = ${(share.right / share.of).toFixed(2)}`
}

/** The side-by-side table (markdown): the sample's headers, then each set of tables. */
export function renderSummary(sample: SampleScore | null, sets: SetResult[]): string {
  const lines = [
    '| set | tables | headers | tables with every required field | due dates | statuses | false errors |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ]
  if (sample) {
    lines.push(
      `| sample (phrasebook headers; traps left unmapped ${formatShare(sample.traps)}) | — | ${formatShare(sample.headers)} | — | — | — | — |`,
    )
  }
  for (const { name, total } of sets) {
    lines.push(
      `| ${name} | ${total.tables} | ${formatShare(total.headers)} | ${formatShare(total.required)} | ${formatShare(total.due)} | ${formatShare(total.status)} | ${total.falseErrors} |`,
    )
  }
  return lines.join('\n')
}

/** One line per table, each followed by the readings that differ from its truth. */
export function renderDetails(sets: SetResult[]): string {
  const lines: string[] = []
  for (const { name, scores } of sets) {
    for (const s of scores) {
      lines.push(
        `${name} ${s.id}: headers ${formatShare(s.headers)}, required ${formatShare(s.required)}, ` +
          `due ${formatShare(s.due)}, status ${formatShare(s.status)}, false errors ${s.falseErrors}`,
      )
      for (const miss of s.misses) lines.push(`    ${miss}`)
    }
  }
  return lines.join('\n')
}

/** The perturbation table (markdown): each perturbation's tables as they are → perturbed. */
export function renderPerturbations(results: PerturbationResult[]): string {
  const lines = [
    '| perturbation (tuning set) | tables | headers | due dates | statuses | false errors |',
    '| --- | --- | --- | --- | --- | --- |',
  ]
  // (a perturbation that takes a column away counts fewer columns: both counts are shown then)
  const moved = (before: Share, after: Share) =>
    before.of === after.of
      ? `${before.right} → ${after.right} of ${after.of}`
      : `${before.right} of ${before.of} → ${after.right} of ${after.of}`
  for (const { name, base, perturbed } of results) {
    lines.push(
      `| ${name} | ${perturbed.tables} | ${moved(base.headers, perturbed.headers)} | ` +
        `${moved(base.due, perturbed.due)} | ${moved(base.status, perturbed.status)} | ` +
        `${base.falseErrors} → ${perturbed.falseErrors} |`,
    )
  }
  return lines.join('\n')
}
