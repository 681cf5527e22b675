import { describe, expect, it } from 'vitest'
import { checkWorkbook } from '../../../server/xlsx/check.ts'
import type { PlanDefinition } from '../../../server/province/config.ts'
import { buildTemplate } from '../../../server/xlsx/template.ts'

const plan: PlanDefinition = {
  id: 'thu-nghiem',
  name: 'Kế hoạch thử',
  province: 'Đắk Lắk',
  year: 2026,
  templateVersion: '1',
  title: ['KẾ HOẠCH THỬ NĂM 2026'],
  columns: ['stt', 'content', 'lead', 'deadline'],
  progressColumns: ['progress'],
  // The province words two columns its own way; one of them no engine would guess.
  headers: { lead: 'Ai lo', deadline: 'Chốt' },
  rows: [{ stt: '1', content: 'Ban hành kế hoạch', lead: 'Sở Nội vụ', deadline: 'Quý II/2026' }],
}

describe('buildTemplate with a plan’s columns block', () => {
  it('writes the plan’s header texts and remembers them, so the check reads them as the plan says', async () => {
    const workbook = buildTemplate(plan)
    const header = workbook.getWorksheet('Phụ lục')!.getRow(3)
    expect([1, 2, 3, 4, 5].map((c) => header.getCell(c).value)).toEqual([
      'STT',
      'Nội dung, nhiệm vụ',
      'Ai lo',
      'Chốt',
      'Tình hình thực hiện',
    ])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const { report } = await checkWorkbook(bytes, { asOf: '2026-09-14' })
    expect(report.header?.columns).toEqual({
      stt: 'A',
      content: 'B',
      lead: 'C',
      deadline: 'D',
      progress: 'E',
    })
    expect(report.tasks[0]).toMatchObject({ deadline: { due: '2026-06-30' }, status: 'overdue' })
    expect(report.errorCount).toBe(0)
  })

  it('remembers the plan’s issue date, so deadlines counted from it get their due date', async () => {
    const counted: PlanDefinition = {
      ...plan,
      issued: '2026-07-14',
      rows: [
        {
          stt: '1',
          content: 'Rà soát TTHC',
          lead: 'Sở Tư pháp',
          deadline: '100 ngày kể từ ngày ban hành Kế hoạch',
        },
      ],
    }
    const bytes = new Uint8Array(await buildTemplate(counted).xlsx.writeBuffer())
    const { report } = await checkWorkbook(bytes, { asOf: '2026-09-14' })
    expect(report.issued).toBe('2026-07-14')
    expect(report.tasks[0]!.deadline).toEqual({
      kind: 'relative',
      due: '2026-10-22',
      start: '2026-07-14',
    })
  })
})
