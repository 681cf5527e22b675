import { describe, expect, it } from 'vitest'
import {
  checkReportAgainstPlan,
  validateTable,
  type PlanInForce,
  type PlanRow,
} from '../../core/index.ts'
import { createGrid } from '../helpers/grid.ts'

const header = ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian thực hiện', 'Tình hình thực hiện']

const plan = (rows: PlanRow[], extra: Partial<PlanInForce> = {}): PlanInForce => ({
  planId: 'kh-2026',
  version: 2,
  effectiveFrom: '2026-07-01',
  year: 2026,
  label: '2 (45/QĐ-UBND)',
  rows,
  removed: [],
  added: [],
  ...extra,
})

const rows: PlanRow[] = [
  { stt: '1', content: 'Ban hành kế hoạch', lead: 'Sở Nội vụ', deadline: 'Quý I/2026' },
  { stt: '2', content: 'Kiểm tra CCHC', lead: 'Sở Nội vụ', deadline: 'Quý IV/2026' },
  { stt: '4', content: 'Đối thoại', lead: 'Sở Nội vụ', deadline: 'Quý III/2026' },
]

/** A unit's table as its (first version's) template had it, checked on 14/09/2026. */
const report = validateTable(
  createGrid([
    ['KẾ HOẠCH NĂM 2026'],
    header,
    ['1', 'Ban hành kế hoạch', 'Sở Nội vụ', 'Quý I/2026', 'Đã hoàn thành'],
    ['2', 'Kiểm tra CCHC', 'Sở Nội vụ', 'Quý II/2026', 'Đang thực hiện'],
    ['3', 'Tuyên truyền', 'Sở Nội vụ', 'Quý II/2026', 'Chưa thực hiện'],
  ]),
  { asOf: '2026-09-14' },
)

describe('checkReportAgainstPlan', () => {
  it('reads statuses by the plan’s deadlines, reports changed plan columns, removed and missing tasks', () => {
    expect(report.summary.byStatus.overdue).toBe(2)
    const checked = checkReportAgainstPlan(
      report,
      plan(rows, {
        removed: [
          { key: '3', content: 'Tuyên truyền', date: '2026-07-01', document: '45/QĐ-UBND' },
        ],
        added: ['4'],
      }),
      { expected: new Set(['1', '2', '4']) },
    )
    expect(
      checked.issues.map(({ code, row, column, value }) => ({ code, row, column, value })),
    ).toEqual([
      { code: 'plan/task-missing', row: null, column: null, value: null },
      { code: 'plan/deadline-changed', row: 4, column: 'D', value: 'Quý II/2026' },
      { code: 'plan/task-removed', row: 5, column: 'B', value: 'Tuyên truyền' },
    ])
    expect(
      checked.tasks.map((t) => ({ stt: t.stt, status: t.status, planChange: t.planChange })),
    ).toEqual([
      { stt: '1', status: 'done-on-time', planChange: undefined },
      // The plan in force extended the deadline to Quý IV: no longer overdue.
      { stt: '2', status: 'in-progress', planChange: undefined },
      { stt: '3', status: null, planChange: 'removed' },
    ])
    expect(checked.tasks[1]).toMatchObject({
      deadlineText: 'Quý IV/2026',
      deadline: { kind: 'period', due: '2026-12-31' },
    })
    // The removed task is no longer counted.
    expect(checked.summary).toMatchObject({ tasks: 2, byStatus: { overdue: 0, 'in-progress': 1 } })
    expect(checked.issues[0]!.message.vi).toBe(
      'Thiếu nhiệm vụ “4” của kế hoạch đang có hiệu lực mà đơn vị phải báo cáo.',
    )
  })

  it('reports text of the plan’s columns changed in the table and rows the plan does not hold', () => {
    const checked = checkReportAgainstPlan(
      report,
      plan([
        {
          stt: '1',
          content: 'Ban hành kế hoạch CCHC năm 2026',
          lead: 'Sở Nội vụ',
          deadline: 'Quý I/2026',
        },
        { stt: '2', content: 'Kiểm tra CCHC', lead: 'Sở Nội vụ', deadline: 'Quý II/2026' },
      ]),
    )
    expect(checked.issues.map((i) => [i.code, i.row])).toEqual([
      ['plan/content-changed', 3],
      ['plan/task-unknown', 5],
    ])
    expect(checked.summary.byStatus).toEqual(report.summary.byStatus)
  })
})
