import { describe, expect, it } from 'vitest'
import {
  validateTable,
  type CellValue,
  type ProfileItem,
  type ScoringProfile,
} from '../../core/index.ts'
import { createGrid } from '../helpers/grid.ts'

// Scoring is exercised only through validateTable, so these tests hold wherever the rules live.
const asOf = '2026-09-14'
const header = [
  'STT',
  'Tiêu chí',
  'Nội dung',
  'Cơ quan thực hiện',
  'Thời gian thực hiện',
  'Tình hình thực hiện',
  'Kết quả đạt được',
]
// Criterion 1.3 of the PAR/SIPAS seed: inspect at least 30% of agencies.
const inspection =
  'Trong năm 2026 phải thực hiện kiểm tra CCHC ít nhất là 30% số cơ quan, đơn vị theo quy định.'
// Criterion 1.7: two dialogues.
const dialogues =
  'Trong năm 2026, tổ chức 02 cuộc đối thoại/diễn đàn giữa Lãnh đạo tỉnh với người dân, doanh nghiệp.'

function createRow(stt: string, content: string, achieved: CellValue): CellValue[] {
  return [stt, 'Tiêu chí', content, 'Sở Nội vụ', 'Trong năm 2026', 'Đang thực hiện', achieved]
}
function createProfile(items: Record<string, ProfileItem>): ScoringProfile {
  return { name: 'Đắk Lắk 2026 (thử)', year: 2026, provisional: false, items }
}
/** The score of one criterion with the given achieved value and profile item. */
function scoreOf(item: ProfileItem, achieved: CellValue, content = inspection) {
  const report = validateTable(
    createGrid([['PHỤ LỤC NĂM 2026'], header, createRow('1', content, achieved)]),
    { asOf, profile: createProfile({ '1': item }) },
  )
  const { targetMet, score, maxScore } = report.tasks[0]!
  return { targetMet, score, maxScore }
}

describe('the tiers rule', () => {
  const tiers: ProfileItem = {
    maxPoints: 2,
    method: 'self',
    rule: 'tiers',
    tiers: [
      [1, 1],
      [0.8, 0.75],
      [0.5, 0.5],
    ],
  }

  it.each<[string, boolean, number]>([
    ['45%', true, 2],
    ['30%', true, 2],
    ['27%', false, 1.5],
    ['24%', false, 1.5],
    ['23,9%', false, 1],
    ['15%', false, 1],
    ['14%', false, 0],
    ['0%', false, 0],
  ])('scores "%s" against "at least 30%%" as met=%s, %d of 2 points', (achieved, met, score) => {
    expect(scoreOf(tiers, achieved)).toEqual({ targetMet: met, score, maxScore: 2 })
  })

  it('scores a count target by its ratio: 1 of 02 dialogues reaches the half tier', () => {
    expect(scoreOf(tiers, '1', dialogues)).toEqual({ targetMet: false, score: 1, maxScore: 2 })
    expect(scoreOf(tiers, '02 cuộc', dialogues)).toEqual({ targetMet: true, score: 2, maxScore: 2 })
  })

  it('gives nothing when no tier is reached or none is defined', () => {
    expect(scoreOf({ ...tiers, tiers: [[0.9, 1]] }, '15%')).toEqual({
      targetMet: false,
      score: 0,
      maxScore: 2,
    })
    const withoutTiers: ProfileItem = { maxPoints: 2, method: 'self', rule: 'tiers' }
    expect(scoreOf(withoutTiers, '30%')).toEqual({ targetMet: true, score: 0, maxScore: 2 })
  })

  it('cannot score a criterion whose achieved value is missing', () => {
    expect(scoreOf(tiers, null)).toEqual({ targetMet: null, score: null, maxScore: 2 })
  })

  it('leaves survey criteria unscored, whatever the tiers say', () => {
    expect(scoreOf({ ...tiers, method: 'survey' }, '30%')).toEqual({
      targetMet: true,
      score: null,
      maxScore: 2,
    })
  })
})

describe('the proportional rule', () => {
  const proportional: ProfileItem = { maxPoints: 2, method: 'self', rule: 'proportional' }

  it.each<[string, boolean, number]>([
    ['15%', false, 1],
    ['22,5%', false, 1.5],
    ['30%', true, 2],
    ['60%', true, 2],
    ['0%', false, 0],
  ])('scores "%s" against "at least 30%%" as met=%s, %d of 2 points', (achieved, met, score) => {
    expect(scoreOf(proportional, achieved)).toEqual({ targetMet: met, score, maxScore: 2 })
  })
})

describe('the binary rule', () => {
  const binary: ProfileItem = { maxPoints: 1.5, method: 'self', rule: 'binary' }

  it.each<[string, boolean, number]>([
    ['30%', true, 1.5],
    ['35%', true, 1.5],
    ['29,9%', false, 0],
    ['15%', false, 0],
  ])('scores "%s" against "at least 30%%" as met=%s, %d points', (achieved, met, score) => {
    expect(scoreOf(binary, achieved)).toEqual({ targetMet: met, score, maxScore: 1.5 })
  })
})

describe('scores in a table', () => {
  it('totals each rule’s score into the group and the summary', () => {
    const report = validateTable(
      createGrid([
        ['PHỤ LỤC NĂM 2026'],
        header,
        ['1', 'Công tác chỉ đạo, điều hành CCHC', null, null, null, null, null],
        createRow('1.1', inspection, '27%'),
        createRow('1.2', inspection, '15%'),
        createRow('1.3', dialogues, '02'),
        createRow('1.4', inspection, null),
      ]),
      {
        asOf,
        profile: createProfile({
          '1.1': {
            maxPoints: 2,
            method: 'self',
            rule: 'tiers',
            tiers: [
              [1, 1],
              [0.8, 0.75],
            ],
          },
          '1.2': { maxPoints: 2, method: 'self', rule: 'proportional' },
          '1.3': { maxPoints: 1, method: 'self', rule: 'binary' },
          '1.4': { maxPoints: 1, method: 'self', rule: 'binary' },
        }),
      },
    )
    expect(report.tasks.map((t) => [t.stt, t.kind, t.score, t.maxScore])).toEqual([
      ['1', 'group', 3.5, 5],
      ['1.1', 'task', 1.5, 2],
      ['1.2', 'task', 1, 2],
      ['1.3', 'task', 1, 1],
      ['1.4', 'task', null, 1],
    ])
    expect(report.summary).toMatchObject({ score: 3.5, maxScore: 5 })
  })

  it('prefers a section-qualified profile item ("II.1") to the bare code', () => {
    const report = validateTable(
      createGrid([
        ['PHỤ LỤC NĂM 2026'],
        header,
        ['I', 'CHỈ SỐ PAR INDEX', null, null, null, null, null],
        createRow('1', inspection, '15%'),
        ['II', 'CHỈ SỐ SIPAS', null, null, null, null, null],
        createRow('1', inspection, '15%'),
      ]),
      {
        asOf,
        profile: createProfile({
          '1': { maxPoints: 2, method: 'self', rule: 'proportional' },
          'II.1': { maxPoints: 4, method: 'self', rule: 'tiers', tiers: [[0.5, 0.25]] },
        }),
      },
    )
    expect(
      report.tasks.filter((t) => t.kind === 'task').map((t) => [t.section, t.score, t.maxScore]),
    ).toEqual([
      ['I', 1, 2],
      ['II', 1, 4],
    ])
  })

  it('scores nothing without a profile', () => {
    const report = validateTable(
      createGrid([['PHỤ LỤC NĂM 2026'], header, createRow('1', inspection, '30%')]),
      { asOf },
    )
    expect(report.tasks[0]).toMatchObject({ targetMet: true, score: null, maxScore: null })
    expect(report.summary).toMatchObject({ score: null, maxScore: null })
  })
})
