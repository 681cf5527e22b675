import { describe, expect, it } from 'vitest'
import { computePlanChanges, listPlanTasks, type PlanRow } from '../../core/index.ts'

const v1: PlanRow[] = [
  { stt: 'I', criterion: 'CHỈ SỐ PAR INDEX' },
  { stt: '1', criterion: 'Chỉ đạo, điều hành' },
  { stt: '1.1', content: 'Ban hành kế hoạch', lead: 'Sở Nội vụ', deadline: 'Quý I/2026' },
  { stt: '1.2', content: 'Kiểm tra CCHC', lead: 'Sở Nội vụ', deadline: 'Quý II/2026' },
  { stt: '1.3', content: 'Tuyên truyền', lead: 'Sở Nội vụ', deadline: 'Trong năm 2026' },
  { stt: 'II', criterion: 'CHỈ SỐ SIPAS' },
  { stt: '1', content: 'Khảo sát hài lòng', lead: 'Sở Nội vụ', deadline: 'Quý IV/2026' },
]

describe('listPlanTasks', () => {
  it('lists tasks (not sections or groups) by their section-qualified number, from the numbers alone', () => {
    expect(listPlanTasks(v1).map((t) => t.key)).toEqual(['I.1.1', 'I.1.2', 'I.1.3', 'II.1'])
  })
})

describe('computePlanChanges', () => {
  it('lists the tasks an amendment added, removed and reworded, with the text before', () => {
    const v2: PlanRow[] = [
      ...v1.slice(0, 3),
      { stt: '1.3', content: 'Tuyên truyền', lead: 'Sở Nội vụ', deadline: 'Quý IV/2026' },
      {
        stt: '1.4',
        content: 'Đối thoại với doanh nghiệp',
        lead: 'Sở Tài chính',
        deadline: 'Quý III/2026',
      },
      ...v1.slice(5),
    ]
    expect(computePlanChanges(v1, v2)).toEqual([
      {
        kind: 'changed',
        task: 'I.1.3',
        content: 'Tuyên truyền',
        fields: ['deadline'],
        before: { deadline: 'Trong năm 2026' },
      },
      { kind: 'added', task: 'I.1.4', content: 'Đối thoại với doanh nghiệp' },
      { kind: 'removed', task: 'I.1.2', content: 'Kiểm tra CCHC' },
    ])
    expect(
      computePlanChanges(
        v1,
        v1.map((r) => ({ ...r })),
      ),
    ).toEqual([])
  })
})
