import { describe, expect, it } from 'vitest'
import {
  chooseColumn,
  formatColumnChoices,
  parseColumnChoices,
  resolveColumnChoices,
} from '../../core/columns.ts'

describe('column choices', () => {
  it('parses "deadline=F,expected=C,note=" with an empty value unmapping the field', () => {
    expect(parseColumnChoices('deadline=F,expected=C,note=')).toEqual({
      choices: { deadline: 'F', expected: 'C', note: null },
      unknown: [],
    })
  })

  it('names the unknown fields, and reads JSON of header texts', () => {
    expect(parseColumnChoices('hạn=F').unknown).toEqual(['hạn'])
    expect(parseColumnChoices('{"deadline":"Thời gian dự kiến hoàn thành"}').choices).toEqual({
      deadline: 'Thời gian dự kiến hoàn thành',
    })
  })

  it('writes choices back in the form they are read', () => {
    expect(formatColumnChoices({ deadline: 'F', note: null })).toBe('deadline=F,note=')
    expect(formatColumnChoices({ deadline: 'Hạn chót' })).toBe('{"deadline":"Hạn chót"}')
  })

  it('resolves letters and header texts to columns, and reports choices that name no column', () => {
    const headers = ['STT', 'Việc', 'Ai làm', 'Hạn chót']
    expect(
      resolveColumnChoices({ content: 'B', lead: 'ai lam', deadline: 'Z', note: null }, headers, 1),
    ).toEqual({
      fixed: { content: 1, lead: 2 },
      excluded: new Set(['note']),
      missing: ['deadline=Z'],
    })
  })
})

describe('chooseColumn', () => {
  it('moves a field to a column, freeing the column from any other field', () => {
    expect(chooseColumn({ deadline: 'E', note: 'F' }, 'f', 'deadline', 'note')).toEqual({
      deadline: 'F',
    })
  })

  it('unmaps the column’s current field when the user chooses none', () => {
    expect(chooseColumn({ deadline: 'F' }, 'G', null, 'coop')).toEqual({
      deadline: 'F',
      coop: null,
    })
  })
})
