import { describe, expect, it } from 'vitest'
import {
  buildPlanGrid,
  computePlanDraft,
  type AgencyRegistry,
  type PlanDoubt,
} from '../../core/index.ts'
import { createGrid } from '../helpers/grid.ts'

const registry: AgencyRegistry = {
  province: 'Đắk Lắk',
  year: 2026,
  agencies: [
    { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'so' },
    { id: 'so-tu-phap', name: 'Sở Tư pháp', kind: 'so' },
    { id: 'xa-ea-kar', name: 'Xã Ea Kar', kind: 'xa' },
  ],
  groups: [{ name: 'UBND cấp xã', aliases: ['UBND các xã, phường'], kinds: ['xa'] }],
  renames: [],
}

const header = [
  'STT',
  'Lĩnh vực, tiêu chí',
  'Nội dung thực hiện',
  'Đơn vị chủ trì',
  'Cơ quan phối hợp',
  'Thời gian dự kiến hoàn thành',
]

/** The doubts as code, task and field (their texts come from the catalogue, tested there). */
const brief = (doubts: PlanDoubt[]) =>
  doubts.map((d) => ({ task: d.task, code: d.issue.code, field: d.issue.field }))

describe('computePlanDraft', () => {
  it('reads sections, groups and tasks with their deadline, targets and agencies, as `cchc validate` does', () => {
    const grid = createGrid(
      [
        ['PHỤ LỤC'],
        ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH TỈNH ĐẮK LẮK NĂM 2026'],
        ['(Kèm theo Kế hoạch số 0156/KH-UBND ngày 26/12/2025 của UBND tỉnh Đắk Lắk)'],
        header,
        ['I', 'CẢI CÁCH THỂ CHẾ', null, null, null, null],
        ['1', 'Văn bản QPPL', 'Sở Tư pháp đôn đốc', null, null, null],
        [
          '1.1',
          'Kiểm tra văn bản',
          'Kiểm tra ít nhất 30% văn bản',
          'Sở Tư pháp',
          'UBND các xã, phường',
          'Quý IV/2026',
        ],
        [
          '1.2',
          'Rà soát',
          '<p>Rà soát 100% văn bản</p>',
          'Sở Nội vụ',
          'Sở Tư pháp',
          'Tháng 13/2026',
        ],
        ['1.3', 'Tập huấn', 'Tổ chức 02 lớp', null, 'Quý II/2026', null],
      ],
      [{ top: 5, left: 2, bottom: 5, right: 6 }],
    )
    const draft = computePlanDraft(grid, { registry })!
    expect({ ...draft, report: undefined, doubts: brief(draft.doubts) }).toEqual({
      name: 'Kế hoạch cải cách hành chính tỉnh Đắk Lắk năm 2026',
      title: [
        'PHỤ LỤC',
        'KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH TỈNH ĐẮK LẮK NĂM 2026',
        '(Kèm theo Kế hoạch số 0156/KH-UBND ngày 26/12/2025 của UBND tỉnh Đắk Lắk)',
      ],
      year: 2026,
      document: { kind: 'Kế hoạch', number: '0156/KH-UBND', date: '2025-12-26' },
      amends: null,
      columns: [
        'stt',
        'criterion',
        'content',
        'lead',
        'coop',
        { field: 'deadline', header: 'Thời gian dự kiến hoàn thành' },
      ],
      sections: [{ code: 'I', title: 'CẢI CÁCH THỂ CHẾ' }],
      rows: [
        // The section's title was merged across its row: written once.
        {
          stt: 'I',
          criterion: 'CẢI CÁCH THỂ CHẾ',
          read: { kind: 'section', section: 'I', level: 0 },
        },
        {
          stt: '1',
          criterion: 'Văn bản QPPL',
          content: 'Sở Tư pháp đôn đốc',
          read: { kind: 'group', section: 'I', level: 1, deadline: null, lead: [], coop: [] },
        },
        {
          stt: '1.1',
          criterion: 'Kiểm tra văn bản',
          content: 'Kiểm tra ít nhất 30% văn bản',
          lead: 'Sở Tư pháp',
          coop: 'UBND các xã, phường',
          deadline: 'Quý IV/2026',
          read: {
            kind: 'task',
            section: 'I',
            level: 2,
            deadline: { kind: 'period', due: '2026-12-31', start: '2026-10-01' },
            targets: [{ op: '>=', value: 30, unit: '%', text: 'Kiểm tra ít nhất 30% văn bản' }],
            lead: ['so-tu-phap'],
            coop: ['UBND cấp xã'],
          },
        },
        {
          stt: '1.2',
          criterion: 'Rà soát',
          // HTML removed, as the check's automatic fix does.
          content: 'Rà soát 100% văn bản',
          lead: 'Sở Nội vụ',
          coop: 'Sở Tư pháp',
          deadline: 'Tháng 13/2026',
          read: {
            kind: 'task',
            section: 'I',
            level: 2,
            deadline: { kind: 'invalid', due: null, unread: 'Tháng 13' },
            targets: [{ op: '>=', value: 100, unit: '%', text: 'Rà soát 100% văn bản' }],
            lead: ['so-noi-vu'],
            coop: ['so-tu-phap'],
          },
        },
        {
          stt: '1.3',
          criterion: 'Tập huấn',
          content: 'Tổ chức 02 lớp',
          // The deadline written in the cooperating column (cells shifted) is moved back.
          deadline: 'Quý II/2026',
          read: {
            kind: 'task',
            section: 'I',
            level: 2,
            deadline: { kind: 'period', due: '2026-06-30', start: '2026-04-01' },
            targets: [{ op: '>=', value: 2, unit: 'count', text: 'Tổ chức 02 lớp' }],
            lead: [],
            coop: [],
          },
        },
      ],
      doubts: [
        { task: 'I.1.2', code: 'cell/invalid-deadline', field: 'deadline' },
        { task: 'I.1.3', code: 'cell/required', field: 'lead' },
        { task: 'I.1.3', code: 'row/shifted-cells', field: 'coop' },
      ],
      report: undefined,
    })
    expect(draft.report.header?.mapping.map((m) => m.field)).toEqual([
      'stt',
      'criterion',
      'content',
      'lead',
      'coop',
      'deadline',
    ])
  })

  it('lists a plan without year or document, and is null where there is no table', () => {
    const draft = computePlanDraft(
      createGrid([['PHỤ LỤC'], ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian thực hiện']]),
    )!
    expect(brief(draft.doubts)).toEqual([
      { task: null, code: 'plan/no-year', field: null },
      { task: null, code: 'plan/no-document', field: null },
      { task: null, code: 'plan/no-tasks', field: null },
    ])
    expect(computePlanDraft(createGrid([['Không có bảng']]))).toBeNull()
  })

  it('reads a plan laid out again from its definition to the same rows (a corrected plan is re-read so)', () => {
    const grid = createGrid([
      ['KẾ HOẠCH NĂM 2027'],
      ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian thực hiện'],
      ['Công tác chỉ đạo'],
      ['1', 'Ban hành kế hoạch', 'Sở Nội vụ', 'Quý I/2027'],
      ['2', 'Báo cáo', 'Sở Nội vụ', 'Thường xuyên'],
    ])
    const draft = computePlanDraft(grid, {
      registry,
      document: { number: '5/KH-UBND', date: '2027-01-04' },
    })!
    const again = computePlanDraft(buildPlanGrid(draft), {
      registry,
      document: draft.document,
    })!
    expect(again.rows).toEqual(draft.rows)
    expect(draft.rows[0]).toEqual({
      content: 'Công tác chỉ đạo',
      read: { kind: 'heading', section: null, level: 0 },
    })
    expect(brief(again.doubts)).toEqual([])
  })
})
