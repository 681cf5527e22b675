import { describe, expect, it } from 'vitest'
import { AddinError, describeExcelError, readErrorCode } from '../../../addin/excel/errors.ts'
import { addinErrorCodes, addinErrors } from '../../../addin/messages.ts'
import { FakeOfficeError } from '../../helpers/fake-excel.ts'

describe('every Excel error reaches the user as a Vietnamese message', () => {
  it.each([
    ['AccessDenied', 'bảo vệ'],
    ['ItemNotFound', 'Không tìm thấy trang tính'],
    ['InvalidOperationInCellEditMode', 'chế độ sửa ô'],
    ['RequestPayloadSizeLimitExceeded', 'giới hạn 5 MB'],
    ['ResponsePayloadSizeLimitExceeded', 'quá lớn'],
  ])('%s', (code, phrase) => {
    const error = new FakeOfficeError(code, 'English text from Excel')
    expect(readErrorCode(error)).toBe(code)
    expect(describeExcelError(error).vi).toContain(phrase)
    expect(describeExcelError(error).vi).not.toContain('English text from Excel')
  })

  it('the add-in’s own refusals and unknown failures too, never a stack trace', () => {
    expect(describeExcelError(new AddinError('marks-moved')).vi).toContain('Ctrl+Z')
    expect(describeExcelError(new TypeError('x is undefined'))).toEqual(addinErrors.unknown)
    for (const code of addinErrorCodes) expect(addinErrors[code].vi).toMatch(/[ăâđêôơư]/)
  })
})
