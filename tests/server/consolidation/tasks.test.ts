import { describe, expect, it } from 'vitest'
import { labelTasks, statusLegend, type PlanTask } from '../../../server/consolidation/tasks.ts'

const task = (stt: string | null, section: string | null): PlanTask => ({
  stt,
  section,
  content: 'Nhiệm vụ',
  maxScore: null,
  byAgency: new Map(),
  note: null,
})

describe('the grids of the consolidated book', () => {
  it('heads each task column with its STT, qualified by section only where two sections share it', () => {
    expect(
      labelTasks([
        task('1', 'I'),
        task('2', 'I'),
        task('1', 'II'),
        task('3', 'II'),
        task(null, null),
        task('3', 'II'),
      ]),
    ).toEqual(['I.1', '2', 'II.1', 'II.3 (1)', '5', 'II.3 (2)'])
  })

  it('prints the legend of the status codes', () => {
    expect(statusLegend).toBe(
      'Ký hiệu: HT hoàn thành đúng hạn; HTQ hoàn thành quá hạn; QH quá hạn; TX thường xuyên; ĐTH đang thực hiện; CTH chưa thực hiện; CXĐ chưa xác định',
    )
  })
})
