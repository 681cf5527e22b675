import { describe, expect, it } from 'vitest'
import {
  fieldKeys,
  fieldNames,
  findMissingRequired,
  matchField,
  requiredFields,
  type FieldKey,
} from '../../core/fields.ts'
import { formatColumnReading } from '../../core/messages-mapping.ts'

describe('fields', () => {
  it('name every field in both languages', () => {
    for (const key of fieldKeys) {
      expect(fieldNames[key].vi).not.toBe('')
      expect(fieldNames[key].en).not.toBe('')
    }
  })

  it('format a column reading as the CLI summary shows it', () => {
    const reading = {
      column: 'F',
      header: 'Thời gian dự kiến\nhoàn thành',
      field: 'deadline' as const,
    }
    expect(formatColumnReading(reading)).toBe('Cột F “Thời gian dự kiến hoàn thành” → Thời hạn')
    expect(formatColumnReading({ ...reading, field: null }, 'en')).toBe(
      'Column F “Thời gian dự kiến hoàn thành” → not used',
    )
    expect(formatColumnReading({ ...reading, chosen: true })).toBe(
      'Cột F “Thời gian dự kiến hoàn thành” → Thời hạn (đã chỉ định)',
    )
  })

  it('match canonical headers and their synonyms exactly', () => {
    expect(matchField('THỜI GIAN THỰC HIỆN')).toBe('deadline')
    expect(matchField('Thời gian dự kiến hoàn thành')).toBeNull()
  })
})

describe('requiredFields', () => {
  it('names the SPEC’s required fields with what may stand for each', () => {
    expect(requiredFields).toEqual({
      stt: ['stt'],
      content: ['content', 'criterion'],
      lead: ['lead', 'executing'],
      deadline: ['deadline', 'end'],
    })
  })

  it('finds the required fields a table lacks, a stand-in counting as the field', () => {
    const has = (fields: FieldKey[]) => (f: FieldKey) => fields.includes(f)
    expect(findMissingRequired(has(['stt', 'criterion', 'executing', 'end']))).toEqual([])
    expect(findMissingRequired(has(['content', 'progress']))).toEqual(['stt', 'lead', 'deadline'])
    expect(findMissingRequired(has([]))).toEqual(['stt', 'content', 'lead', 'deadline'])
  })
})
