import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  addressUnit,
  buildReminderLetter,
  formatLetterDate,
  renderReminderText,
  type ReminderInput,
} from '../../../server/consolidation/reminder-letter.ts'
import type { ReminderUnit } from '../../../server/consolidation/reminders.ts'
import { templatesDir } from '../../../server/paths.ts'
import { readProvinceSettings } from '../../../server/province/config.ts'

const settings = await readProvinceSettings(join(templatesDir, 'province', 'dak-lak.json'))

function unit(change: Partial<ReminderUnit>): ReminderUnit {
  return {
    id: 'so-tu-phap',
    name: 'Sở Tư pháp',
    kind: 'so',
    submitted: true,
    submittedOn: '2026-09-15',
    daysLate: 0,
    overdue: [],
    errors: 0,
    contact: null,
    ...change,
  }
}

function input(units: ReminderUnit[], change: Partial<ReminderInput> = {}): ReminderInput {
  return {
    settings,
    periodLabel: 'Quý III/2026',
    due: '2026-09-16',
    today: '2026-09-20',
    deadline: '2026-09-27',
    units,
    ...change,
  }
}

/** Every "trước ngày dd/mm/yyyy" of the requests: deadlines the letter asks the unit to meet. */
function readAskedDates(paragraphs: string[]): string[] {
  const asks = paragraphs.slice(paragraphs.findIndex((p) => p.endsWith('đề nghị quý cơ quan:')))
  return asks
    .flatMap((p) => [...p.matchAll(/trước ngày (\d\d)\/(\d\d)\/(\d{4})/g)])
    .map((m) => `${m[3]}-${m[2]}-${m[1]}`)
}

describe('the Công văn đôn đốc', () => {
  it('tells a unit that has not reported how many days late it is, and sets the new deadline', () => {
    const letter = buildReminderLetter(
      input([unit({ submitted: false, submittedOn: null, daysLate: 4 })]),
    )
    expect(letter.to).toEqual(['Kính gửi: Sở Tư pháp.'])
    expect(letter.paragraphs).toEqual([
      'Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, các cơ quan, đơn vị gửi báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính Quý III/2026 về Sở Nội vụ trước ngày 16/09/2026.',
      'Đến ngày 20/09/2026, Sở Nội vụ chưa nhận được báo cáo của quý cơ quan (chậm 4 ngày so với thời hạn).',
      'Sở Nội vụ đề nghị quý cơ quan:',
      '- Gửi báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính Quý III/2026 về Sở Nội vụ trước ngày 27/09/2026.',
      'Sở Nội vụ đề nghị quý cơ quan quan tâm, phối hợp thực hiện./.',
    ])
    expect(letter.subject).toBe(
      'V/v đôn đốc gửi báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính Quý III/2026',
    )
  })

  it('tells a unit that reported late with errors but no overdue task exactly that: no "nhiệm vụ nêu trên"', () => {
    const letter = buildReminderLetter(
      input([unit({ submittedOn: '2026-09-19', daysLate: 3, errors: 2 })], {
        errors: [
          { cell: 'E9', message: 'Không hiểu được thời hạn “Tháng 13/2026”.' },
          { cell: 'G10', message: 'Ngày “31/02/2026” không hợp lệ.' },
        ],
      }),
    )
    expect(letter.paragraphs).toEqual([
      'Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, các cơ quan, đơn vị gửi báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính Quý III/2026 về Sở Nội vụ trước ngày 16/09/2026.',
      'Báo cáo của quý cơ quan gửi ngày 19/09/2026, chậm 3 ngày so với thời hạn.',
      'Kết quả kiểm tra báo cáo Quý III/2026 của quý cơ quan còn 2 lỗi cần sửa:',
      '- Ô E9: Không hiểu được thời hạn “Tháng 13/2026”;',
      '- Ô G10: Ngày “31/02/2026” không hợp lệ.',
      'Sở Nội vụ đề nghị quý cơ quan:',
      '- Sửa các lỗi nêu trên và gửi lại báo cáo trước ngày 27/09/2026;',
      '- Gửi báo cáo đúng thời hạn trong các kỳ báo cáo tiếp theo.',
      'Sở Nội vụ đề nghị quý cơ quan quan tâm, phối hợp thực hiện./.',
    ])
    expect(renderReminderText(letter)).not.toMatch(/nhiệm vụ[^.]*nêu trên/)
  })

  it('lists the overdue tasks before asking to finish "các nhiệm vụ quá hạn nêu trên"', () => {
    const letter = buildReminderLetter(
      input([
        unit({
          overdue: [
            { stt: '3', content: 'Ban hành Kế hoạch kiểm tra công tác CCHC.', due: '2026-03-31' },
            { stt: null, content: 'Tổ chức  đối thoại', due: null },
          ],
        }),
      ]),
    )
    const at = letter.paragraphs.indexOf(
      'Theo báo cáo của quý cơ quan, 2 nhiệm vụ đã quá thời hạn hoàn thành nhưng chưa hoàn thành:',
    )
    expect(letter.paragraphs.slice(at + 1, at + 6)).toEqual([
      '- Nhiệm vụ 3: Ban hành Kế hoạch kiểm tra công tác CCHC (hạn 31/03/2026);',
      '- Tổ chức đối thoại.',
      'Sở Nội vụ đề nghị quý cơ quan:',
      '- Khẩn trương chỉ đạo hoàn thành các nhiệm vụ quá hạn nêu trên, cập nhật kết quả thực hiện trong báo cáo kỳ tới.',
      'Sở Nội vụ đề nghị quý cơ quan quan tâm, phối hợp thực hiện./.',
    ])
    expect(letter.subject).toBe('V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính Quý III/2026')
  })

  it('written in December for the third quarter, never asks for anything by a day already past', () => {
    const late = input([unit({ submitted: false, submittedOn: null, daysLate: 90 })], {
      today: '2026-12-15',
      deadline: '2026-12-22',
    })
    const letter = buildReminderLetter(late)
    expect(readAskedDates(letter.paragraphs)).toEqual(['2026-12-22'])
    expect(() => buildReminderLetter({ ...late, deadline: '2026-12-15' })).toThrow(/after today/)
    expect(letter.placeDate).toBe('Đắk Lắk, ngày 15 tháng 12 năm 2026')
  })

  it('writes one letter to many units "theo danh sách kèm theo", the list attached in reminder order', () => {
    const units = [
      unit({
        id: 'xa-ea-kao',
        name: 'Xã Ea Kao',
        kind: 'xa',
        submitted: false,
        submittedOn: null,
        daysLate: 4,
      }),
      unit({ id: 'so-y-te', name: 'Sở Y tế', submittedOn: '2026-09-18', daysLate: 2 }),
      unit({ overdue: [{ stt: '3', content: 'Kiểm tra', due: '2026-03-31' }], errors: 1 }),
    ]
    const letter = buildReminderLetter(input(units))
    expect(letter.to).toEqual(['Kính gửi: Các cơ quan, đơn vị (theo danh sách kèm theo).'])
    expect(letter.paragraphs[1]).toBe(
      'Đến ngày 20/09/2026, 1 cơ quan, đơn vị chưa gửi báo cáo; 1 cơ quan, đơn vị gửi báo cáo chậm so với thời hạn; 1 cơ quan, đơn vị có nhiệm vụ quá hạn chưa hoàn thành; 1 cơ quan, đơn vị có báo cáo còn lỗi cần sửa (chi tiết theo danh sách kèm theo).',
    )
    expect(
      readAskedDates(letter.paragraphs.map((p) => p.replace('đề nghị:', 'đề nghị quý cơ quan:'))),
    ).toEqual(['2026-09-27', '2026-09-27'])
    expect(letter.annex).toEqual({
      title: 'DANH SÁCH CƠ QUAN, ĐƠN VỊ CẦN ĐÔN ĐỐC',
      subtitle: `(Kèm theo Công văn số ${'\u00a0'.repeat(6)}/SNV-CCHC ngày 20/09/2026 của Sở Nội vụ)`,
      columns: [
        'STT',
        'Cơ quan, đơn vị',
        'Báo cáo',
        'Số ngày chậm',
        'Nhiệm vụ quá hạn',
        'Lỗi cần sửa',
      ],
      rows: [
        ['1', 'Xã Ea Kao', 'Chưa gửi báo cáo', '4', '', ''],
        ['2', 'Sở Y tế', 'Gửi ngày 18/09/2026', '2', '', ''],
        ['3', 'Sở Tư pháp', 'Đã gửi đúng hạn', '', '3', '1'],
      ],
    })
  })

  it('takes the heading, number, signer and Nơi nhận from the settings, not from code', () => {
    const letter = buildReminderLetter(
      input([unit({ errors: 1 })], {
        settings: {
          ...settings,
          governingBody: 'UBND TỈNH GIA LAI',
          issuingBody: 'SỞ NỘI VỤ',
          placeName: 'Gia Lai',
          documentNumber: '{số}/SNV-TCBC',
          signer: { authority: '', title: 'GIÁM ĐỐC', name: 'Nguyễn Văn A' },
          recipients: ['UBND tỉnh (để báo cáo)'],
          archive: 'VT',
        },
      }),
    )
    expect(letter).toMatchObject({
      governingBody: 'UBND TỈNH GIA LAI',
      number: `Số: ${'\u00a0'.repeat(6)}/SNV-TCBC`,
      placeDate: 'Gia Lai, ngày 20 tháng 9 năm 2026',
      recipients: ['Nơi nhận:', '- Như trên;', '- UBND tỉnh (để báo cáo);', '- Lưu: VT.'],
      signer: { authority: '', title: 'GIÁM ĐỐC', name: 'Nguyễn Văn A' },
    })
  })

  it('dates and addresses as Nghị định 30 writes them', () => {
    expect(formatLetterDate('Đắk Lắk', '2026-02-05')).toBe('Đắk Lắk, ngày 05 tháng 02 năm 2026')
    expect(formatLetterDate('Đắk Lắk', '2026-11-30')).toBe('Đắk Lắk, ngày 30 tháng 11 năm 2026')
    expect(addressUnit({ name: 'Phường Buôn Ma Thuột', kind: 'xa' })).toBe(
      'Ủy ban nhân dân phường Buôn Ma Thuột',
    )
    expect(addressUnit({ name: 'Sở Y tế', kind: 'so' })).toBe('Sở Y tế')
  })
})
