import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import { readPlan, readProfile, readRegistry } from '../../../server/province/config.ts'
import { templatesDir } from '../../../server/paths.ts'
import { createSampleProgress, fillSampleProgress } from '../../../server/demo/sample.ts'
import { buildTemplate } from '../../../server/xlsx/template.ts'

const asOf = '2026-09-14'

async function buildFilled(planFile: string) {
  const plan = await readPlan(join(templatesDir, 'plans', planFile))
  const workbook = buildTemplate(plan)
  const filled = fillSampleProgress(workbook, plan, asOf)
  return { plan, filled, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) }
}

describe('template → filled in by code → validated', () => {
  it('the PAR/SIPAS annex gives the expected statuses, targets and scores', async () => {
    const { filled, bytes } = await buildFilled('dak-lak-2026-par-sipas.json')
    const profile = await readProfile(
      join(templatesDir, 'profiles/dak-lak-2026-par-sipas.provisional.json'),
    )
    const registry = await readRegistry(join(templatesDir, 'agencies/dak-lak-2026.json'))
    const { report } = await checkWorkbook(bytes, { asOf, profile, registry })
    expect(filled).toBe(82)
    expect(report.planYear).toBe(2026)
    expect(report.errorCount).toBe(0)
    // The only warnings: done tasks whose evidence ("Kế hoạch số 3/KH-UBND") has no date; none on
    // "Báo cáo số 10/BC-UBND ngày 15/3/2026 của UBND tỉnh".
    const evidence = new Map(report.tasks.map((t) => [t.row, t.evidence]))
    const unverifiable = report.issues.filter((i) => i.code === 'row/evidence-unverifiable')
    expect(report.warningCount).toBe(unverifiable.length)
    expect(unverifiable).toHaveLength(16)
    expect(unverifiable.every((i) => /^Kế hoạch số \d+\/KH-UBND$/.test(i.value ?? ''))).toBe(true)
    const proper = report.tasks.filter((t) => /^Báo cáo số .* ngày /.test(t.evidence))
    expect(proper).toHaveLength(17)
    expect(unverifiable.some((i) => proper.some((t) => t.row === i.row))).toBe(false)
    expect([...evidence.values()].filter(Boolean)).toHaveLength(33)
    expect(report.summary.byStatus).toEqual({
      'done-on-time': 33,
      'done-late': 0,
      overdue: 0,
      ongoing: 0,
      'in-progress': 33,
      'not-started': 16,
      unknown: 0,
    })
    const tasks = report.tasks.filter((t) => t.kind === 'task')
    tasks.forEach((task, i) => {
      const sample = createSampleProgress(i, task.content, asOf)
      const item = profile.items[`${task.section}.${task.stt}`]!
      expect(task.maxScore).toBe(1)
      if (item.method === 'survey') expect(task.score).toBeNull()
      if (sample.achieved && item.method === 'self' && task.targetMet === true)
        expect(task.score).toBe(1)
    })
    // 1.2 (100% of reports) was reported in progress at 90%: proportional score 0.9.
    expect(report.tasks.find((t) => t.section === 'I' && t.stt === '1.2')).toMatchObject({
      status: 'in-progress',
      targetMet: false,
      score: 0.9,
    })
    // 1.3 "ít nhất là 30%" reported as 60% progress with no achieved figure: not judged.
    expect(report.tasks.find((t) => t.section === 'I' && t.stt === '1.3')).toMatchObject({
      status: 'in-progress',
      targetMet: null,
      score: null,
    })
    // 1.1 done on 20/03/2026 with 100% achieved: on time, met, full point.
    expect(report.tasks.find((t) => t.section === 'I' && t.stt === '1.1')).toMatchObject({
      status: 'done-on-time',
      targetMet: true,
      score: 1,
      doneDate: '2026-03-20',
    })
    expect(report.tasks.find((t) => t.section === 'I' && t.stt === '1')).toMatchObject({
      kind: 'group',
    })
    expect(new Set(report.issues.map((i) => i.code))).toEqual(
      new Set(['row/evidence-unverifiable', 'report/provisional-profile']),
    )
    expect(report.summary.score).toBeGreaterThan(0)
  })

  it('the plan appendix template: 59 tasks, overdue 1.1 (due 12/2025), recurring tasks ongoing', async () => {
    const { bytes } = await buildFilled('dak-lak-2026-ke-hoach-cchc.json')
    const { report } = await checkWorkbook(bytes, { asOf })
    expect(report.errorCount).toBe(0)
    expect(report.summary.tasks).toBe(59)
    const byStt = (stt: string) => report.tasks.find((t) => t.stt === stt)
    // 1.1 is the first sample (done 20/03/2026) but was due 31/12/2025: done late.
    expect(byStt('1.1')).toMatchObject({
      deadline: { kind: 'period', due: '2025-12-31' },
      status: 'done-late',
    })
    expect(byStt('1.2')).toMatchObject({
      deadline: { kind: 'recurring', due: null },
      status: 'ongoing',
    })
    expect(byStt('2.2')).toMatchObject({
      deadline: { due: '2026-09-30' },
      status: 'done-on-time',
      doneDate: '2026-06-30',
    })
    expect(byStt('1.5')).toMatchObject({ progress: 'Chưa thực hiện', status: 'not-started' })
    expect(byStt('12')).toMatchObject({ deadline: { kind: 'period', due: '2026-12-31' } })
  })
})
