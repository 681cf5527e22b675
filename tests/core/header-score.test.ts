import { describe, expect, it } from 'vitest'
import { findBestMeaning, scoreHeaderText } from '../../core/header-score.ts'

const best = (text: string, parent: string | null = null) =>
  findBestMeaning(scoreHeaderText(text, parent))?.meaning

describe('scoreHeaderText', () => {
  it.each([
    ['Thời gian dự kiến hoàn thành', 'deadline'],
    ['Kết quả dự kiến', 'product'],
    ['Chỉ tiêu đạt được', 'expected'],
    ['Đơn vị chủ trì thực hiện', 'lead'],
    ['Nguồn SL/minh chứng', 'evidence'],
    ['Tiến độ đến ngày 22/5/2026', 'progress'],
    ['Tiến độ đến ngày 22 tháng 5 năm 2026', 'progress'],
    // The agencies a task concerns cooperate; a focal agency leads; what is related to the row's
    // item is no field of ours.
    ['Cơ quan liên quan', 'coop'],
    ['Các đơn vị liên quan', 'coop'],
    ['Cơ quan đầu mối', 'lead'],
    ['Văn bản liên quan', 'other'],
    ['Lưu ý', 'note'],
    // Words written short as offices write them: "ĐV CT", "CQ PH", "TG HT", "TĐ", "SP".
    ['ĐV CT', 'lead'],
    // ("CT" after a name is a title: "Đ/c Xuân CT", the chairman)
    ['Đ/c Xuân CT', undefined],
    ['CQ PH', 'coop'],
    ['TG HT', 'deadline'],
    ['TĐ', 'progress'],
    ['SP', 'product'],
    ['Đến hết năm 2026', 'expected'],
    ['Cơ quan chủ trì[1]', 'lead'],
    ['Nguồn kinh phí', 'other'],
    ['Căn cứ/lý do đề xuất chỉ tiêu', 'other'],
    // The document that gave or directed the task is where it came from, not its evidence.
    ['Văn bản giao', 'other'],
    ['Văn bản chỉ đạo', 'other'],
    ['Chỉ tiêu liên quan', 'other'],
    ['Gia hạn - Mốc cũ', 'other'],
    ['Thời gian thực hiện (ngày làm việc)', 'other'],
    // Concepts and roles rather than whole headers: an agent noun with its role, a time with its event.
    ['Cá nhân thực hiện', 'executing'],
    ['Bộ phận chủ trì', 'lead'],
    ['Cơ quan chủ công thực hiện', 'lead'],
    ['Tổ chức phối hợp', 'coop'],
    ['Phòng chuyên môn thực hiện', 'executing'],
    ['Lãnh đạo phụ trách', 'other'],
    ['Mốc hoàn thành', 'deadline'],
    ['Thời gian bắt đầu', 'start'],
    ['Tên hoạt động', 'content'],
    ['Tên văn bản', 'content'],
    ['Cơ quan soạn thảo', 'lead'],
    ['Nội dung công việc chi tiết', 'content'],
    // A calendar unit heads a time like "Thời gian" ("Năm hoàn thành"); a ratio is never a time.
    ['Năm hoàn thành', 'deadline'],
    ['Quý hoàn thành', 'deadline'],
    ['Tháng bắt đầu', 'start'],
    ['Tỷ lệ hoàn thành (%)', 'progress'],
    // An export's field names, the spaces dropped with the marks ("tiendo", "donvichutri").
    ['tiendo', 'progress'],
    ['noidung', 'content'],
    ['donvichutri', 'lead'],
    ['donviphoihop', 'coop'],
    ['hanhoanthanh', 'deadline'],
    ['ghichu', 'note'],
    // The name of a thing is the row's item, in English after it as "Tên" goes before it.
    ['target_name', 'content'],
    ['Tên chỉ tiêu', 'content'],
    ['% hoàn thành', 'progress'],
    ['Phần trăm hoàn thành', 'progress'],
    ['Kết quả xử lý', 'progress'],
    ['Đầu việc', 'content'],
    ['Việc cần làm', 'content'],
    ['Cơ quan được giao', 'lead'],
    ['Ngày nhận', 'other'],
    ['Biện pháp thực hiện', 'content'],
    ['Đơn vị tính', 'other'],
    ['Cấp trình', 'other'],
    ['Cơ quan ban hành', 'other'],
    // An internal procedure's table.
    ['Trình tự', 'content'],
    ['Trách nhiệm', 'executing'],
    ['Phân công nhiệm vụ', 'executing'],
    ['Biểu mẫu/Kết quả', 'product'],
    ['Mức độ ưu tiên', 'other'],
    ['Nguồn gốc nhiệm vụ', 'other'],
  ])('reads "%s" as %s', (text, meaning) => {
    expect(best(text)).toBe(meaning)
  })

  // "Tên …" names the rows, whatever it names; an agent's name stays an agency, a person's name nothing.
  it.each([
    ['Tên chỉ tiêu', 'content'],
    ['Tên thủ tục hành chính', 'content'],
    ['Tên dự án', 'content'],
    ['Tên tiêu chí', 'criterion'],
    ['Tên đơn vị', 'lead'],
    ['Tên cơ quan thực hiện', 'executing'],
  ])('reads the name "%s" as %s', (text, meaning) => {
    expect(best(text)).toBe(meaning)
  })

  // A line break typed or left by a converted document wraps a phrase anywhere; the header reads as
  // if the line were not broken.
  it.each([
    'Đơn vị phối hợp thực hiện',
    'Cơ quan, tổ chức đảng chủ trì',
    'Sở, ngành chủ trì tham mưu',
    'Mục tiêu, tên chỉ tiêu',
    'Thời gian hoàn thành',
    'Mốc trong Báo cáo',
    'Cơ quan chủ trì',
  ])('reads "%s" wrapped at any word as it reads whole', (text) => {
    const whole = best(text)
    for (const cased of [text, text.toLocaleUpperCase('vi')]) {
      const words = cased.split(' ')
      for (let at = 1; at < words.length; at++) {
        const wrapped = `${words.slice(0, at).join(' ')}\n${words.slice(at).join(' ')}`
        expect([wrapped, best(wrapped)]).toEqual([wrapped, whole])
      }
    }
  })

  it('keeps apart a line that opens a header of its own, and reads a slash inside a word as a short word', () => {
    expect(scoreHeaderText('Cơ quan chủ trì\nCơ quan phối hợp').coop).toBeGreaterThan(5)
    expect(scoreHeaderText('CƠ QUAN CHỦ TRÌ\nCƠ QUAN PHỐI HỢP').coop).toBeGreaterThan(5)
    expect(best('Nội dung công việc\n(1)')).toBe('content')
    expect(best('T/g thực hiện')).toBe('deadline')
    expect(best('Đ/v chủ trì')).toBe('lead')
    expect(best('Đ/v phối hợp')).toBe('coop')
    expect(best('Đơn vị chủ trì/phối hợp')).toBe('lead')
    expect(scoreHeaderText('Đơn vị chủ trì/phối hợp').coop).toBeGreaterThan(5)
  })

  it('reads a day alone as the days things happen on, and a dated document or a birthday as no deadline', () => {
    expect(best('Ngày')).toBe('deadline')
    expect(best('Thứ, ngày')).toBe('deadline')
    expect(best('Ngày tháng năm')).toBe('deadline')
    expect(scoreHeaderText('Ngày sinh').deadline ?? 0).toBeLessThanOrEqual(0)
    expect(best('Ngày văn bản')).not.toBe('deadline')
  })

  it('reads a person’s name as no field of ours', () => {
    expect(best('Họ và tên') ?? 'other').toBe('other')
    expect(scoreHeaderText('Tên').content).toBeUndefined()
  })

  it('reads a child under a time parent as start or end', () => {
    expect(best('Hoàn thành', 'Thời gian thực hiện')).toBe('end')
    expect(best('Bắt đầu', 'Thời gian thực hiện')).toBe('start')
    // A span of days in a row below, in figures or in words, names no start: its days are dropped.
    for (const days of [
      '03/02/2020 đến 01/12/2020',
      'ngày 03 tháng 02 năm 2020 đến ngày 01 tháng 12 năm 2020',
    ])
      expect(best(`Trong thời gian: từ ${days}`, 'Thời gian')).not.toBe('start')
  })

  it('scores data cells and titles low', () => {
    expect(scoreHeaderText('Sở Nội vụ')).toEqual({})
    expect(scoreHeaderText('Quý IV/2026')).toEqual({})
  })

  it('splits words run together in bounded time, however long the cell', () => {
    const started = performance.now()
    // 30,000 letters made of header words, and as many of no word at all.
    scoreHeaderText('tiendo'.repeat(5000))
    scoreHeaderText(`${'donvi'.repeat(6000)}x`)
    expect(best('q'.repeat(30000))).toBeUndefined()
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
