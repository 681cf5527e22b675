import { describe, expect, it } from 'vitest'
import { AddinError, describeExcelError, readErrorCode } from '../../../addin/excel/errors.ts'
import { addinErrorCodes, addinErrors } from '../../../addin/messages.ts'
import { FakeOfficeError } from '../../helpers/fake-excel.ts'

describe('every Excel error reaches the user as a Vietnamese message', () => {
  it.each([
    ['AccessDenied', 'chỉ xem'],
    ['ApiNotFound', 'cập nhật Excel'],
    ['GeneralException', 'lỗi nội bộ'],
    ['InactiveWorkbook', 'nhiều sổ làm việc'],
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
    const own = new AddinError('own-sheet', { sheet: 'Kiểm tra', annex: 'Phụ lục' })
    expect(describeExcelError(own).vi).toBe(
      '“Kiểm tra” là trang kết quả do bổ trợ tạo ra, không phải bảng phụ lục. Không có gì bị thay đổi; hãy mở trang “Phụ lục” rồi bấm "Kiểm tra".',
    )
    expect(describeExcelError(new TypeError('x is undefined'))).toEqual(addinErrors.unknown)
    // A code is matched exactly: a message that merely starts like one is not that error.
    expect(readErrorCode(new Error('GeneralException: something'))).toBe('unknown')
    for (const code of addinErrorCodes) expect(addinErrors[code].vi).toMatch(/[ăâđêôơư]/)
  })
})
