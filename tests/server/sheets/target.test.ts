import { describe, expect, it } from 'vitest'
import { parseSheetTarget } from '../../../server/sheets/target.ts'
import { AppError } from '../../../server/errors/index.ts'

const id = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms'

describe('parseSheetTarget', () => {
  it.each([
    [id, { spreadsheetId: id, gid: null }],
    [`  ${id}\n`, { spreadsheetId: id, gid: null }],
    [`https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`, { spreadsheetId: id, gid: 0 }],
    [
      `https://docs.google.com/spreadsheets/d/${id}/edit?gid=1234567#gid=1234567`,
      { spreadsheetId: id, gid: 1234567 },
    ],
    [
      `https://docs.google.com/spreadsheets/u/1/d/${id}/edit?usp=sharing`,
      { spreadsheetId: id, gid: null },
    ],
    [`https://docs.google.com/spreadsheets/d/${id}`, { spreadsheetId: id, gid: null }],
  ])('reads %j', (text, expected) => {
    expect(parseSheetTarget(text)).toEqual(expected)
  })

  it.each([
    '',
    'bao-cao.xlsx',
    'https://docs.google.com/document/d/abc/edit',
    `https://drive.google.com/file/d/${id}/view`,
  ])('refuses %j in Vietnamese', (text) => {
    const error = (() => {
      try {
        parseSheetTarget(text)
      } catch (e) {
        return e
      }
      return null
    })()
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).text.vi).toMatch(/^Không nhận ra bảng tính Google/)
  })
})
