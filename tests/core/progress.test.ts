import { describe, expect, it } from 'vitest'
import {
  isHandoverDone,
  isStepOnly,
  parseProgress,
  readReportedProgress,
} from '../../core/progress.ts'
import { phrasebook } from '../../scripts/phrasebook.ts'

describe('parseProgress', () => {
  it.each([
    ['Đã hoàn thành', 'done'],
    // Done in part, or going at some pace: the work goes on.
    ['Hoàn thành một phần', 'in-progress'],
    ['Đúng tiến độ', 'in-progress'],
    ['Chậm tiến độ', 'in-progress'],
    ['Thực hiện thường xuyên', 'in-progress'],
    ['Không triển khai do không có kinh phí', 'stopped'],
    ['HT', 'done'],
    ['Đã ban hành', 'done'],
    ['Đã thẩm định', 'done'],
    ['✅ Hoàn thành', 'done'],
    ['🟢 Đạt', 'done'],
    ['Đang lập báo cáo KTKT', 'in-progress'],
    ['Đang giai đoạn quyết toán hoàn thành dự án', 'in-progress'],
    ['🟡 Đang thực hiện', 'in-progress'],
    ['❌ Trễ hạn', 'in-progress'],
    ['Chưa ban hành', 'not-started'],
    ['🔴 Chưa thực hiện', 'not-started'],
    ['🔜', 'not-started'],
    ['hiện chưa được cấp vốn 2026 để thực hiện (chưa phê duyệt dự án)', 'not-started'],
    [
      'Đã được UBND tỉnh thông qua dừng thực hiện dự án (Nghị quyết số 592/NQ-UBND ngày 12/8/2026)',
      'stopped',
    ],
    ['Không tiếp tục xây dựng', 'stopped'],
    // Nothing arose to act on ("Xử lý vi phạm (nếu có)"): not done, not late.
    ['Không phát sinh', 'stopped'],
    ['Không áp dụng', 'stopped'],
    // Beyond the plan is done; ahead of the pace goes on.
    ['Vượt kế hoạch', 'done'],
    ['Vượt tiến độ', 'in-progress'],
    // A target not reached, and standing work said in a word: not finished, going on.
    ['Không đạt', 'in-progress'],
    ['Không đạt chỉ tiêu', 'in-progress'],
    ['Không hoàn thành', 'in-progress'],
    ['Thường xuyên', 'in-progress'],
    ['Định kỳ', 'in-progress'],
    ['Hằng tháng', 'in-progress'],
    // Withdrawn from the plan: given up.
    ['Đã rút khỏi chương trình', 'stopped'],
    ['Xin rút khỏi kế hoạch', 'stopped'],
    // Sent back for rework, however a tracker words it.
    ['Trả về', 'in-progress'],
  ])('reads "%s" as %s', (text, state) => {
    expect(parseProgress(text)).toMatchObject({ state })
  })

  // Finished behind time, however said; the same words of work still going tell its pace only.
  it.each([
    ['Đã hoàn thành (chậm 5 ngày)', 'done', true],
    ['Hoàn thành chậm', 'done', true],
    ['Hoàn thành muộn', 'done', true],
    ['Hoàn thành sau thời hạn', 'done', true],
    ['Hoàn thành nhưng chậm so với kế hoạch', 'done', true],
    ['Chậm so với kế hoạch', 'in-progress', undefined],
    ['Đã hoàn thành đúng hạn', 'done', undefined],
  ])('reads "%s" as %s, late %s', (text, state, late) => {
    const read = parseProgress(text)
    expect(read).toMatchObject({ state })
    expect('late' in read ? read.late : undefined).toBe(late)
  })

  // Narrative results as reports write them: the tense word (chưa, đang, đã) decides, else how the
  // sentence starts or the document it cites.
  it.each([
    ['Ban hành Quyết định số 123/QĐ-UBND ngày 15/3/2026', 'done'],
    ['Sở Nội vụ đã tham mưu UBND tỉnh ban hành Kế hoạch số 45/KH-UBND ngày 10/02/2026', 'done'],
    ['CV 694 ngày 16/3/2026', 'done'],
    ['Công văn số 694/SNV-CCHC ngày 16/3/2026', 'done'],
    ['Được UBND tỉnh phê duyệt', 'done'],
    ['Đã đăng tải trên Cổng thông tin điện tử', 'done'],
    ['Hoàn thành nhưng chậm so với kế hoạch', 'done'],
    ['Tổ chức được 02 lớp tập huấn cho 150 lượt cán bộ', 'done'],
    ['Đã xây dựng dự thảo, đang lấy ý kiến các đơn vị', 'in-progress'],
    ['Đã trình UBND tỉnh, chưa được phê duyệt', 'in-progress'],
    ['Chậm so với kế hoạch', 'in-progress'],
    ['Lùi thời gian thực hiện sang năm 2027', 'in-progress'],
    ['Đề nghị lùi sang năm 2027', 'in-progress'],
    ['Triển khai thực hiện', 'in-progress'],
    ['Duy trì thường xuyên', 'in-progress'],
    ['Sẽ triển khai trong quý IV', 'not-started'],
    ['da hoan thanh', 'done'],
    ['Pending', 'not-started'],
    ['In progress', 'in-progress'],
    ['Done', 'done'],
    ['On hold', 'stopped'],
    ['Doing', 'in-progress'],
    ['Blocked', 'in-progress'],
    ['Mới', 'not-started'],
    ['Đã kiểm kê 90/90 hộ; chi trả bồi thường cho 76/90 hộ', 'in-progress'],
    ['28,875/88,525 tỷ, đạt 32,62%; còn lại 59,65 tỷ', 'in-progress'],
    ['0/30 tỷ, đạt 0,00%; còn lại 30 tỷ', 'not-started'],
    // "nội dung xây dựng" is no "dừng xây dựng" (stop building), though both fold alike.
    ['Đang thực hiện; trong đó có nội dung xây dựng văn bản mới', 'in-progress'],
    // Paused is not given up: the dates judge it.
    ['Tạm dừng xây dựng', 'in-progress'],
    ['Hiện đang tạm dừng chờ thống nhất phương án với nhà đầu tư', 'in-progress'],
    // A tracker's countdown: late by some days, or days left.
    ['Quá 12 ngày', 'in-progress'],
    ['Còn 3 ngày', 'in-progress'],
    // Taken out of the plan: stopped; all of it reached: done.
    ['Không còn phù hợp, đề nghị đưa ra khỏi kế hoạch', 'stopped'],
    ['Triển khai đạt 100%', 'done'],
    // Done on schedule is done; on schedule alone goes on.
    ['Đã thực hiện đúng tiến độ', 'done'],
    ['Đúng tiến độ', 'in-progress'],
    ['Đã hoàn thành giai đoạn 1 (9,5 ha)', 'in-progress'],
    ['dang trien khai', 'in-progress'],
    ['Hoàn thành 1 phần', 'in-progress'],
    // An obstacle met on the way, nearly there, or keeping the pace: the work goes on ("Có" alone is a yes).
    ['Có vướng mắc', 'in-progress'],
    ['Còn khó khăn về mặt bằng', 'in-progress'],
    ['Gần hoàn thành', 'in-progress'],
    ['Đạt tiến độ', 'in-progress'],
    ['Có báo cáo', 'done'],
    // One step done and the next to come: the work goes on.
    [
      'Đã gửi lấy ý kiến các phòng; sau khi có Quyết định của UBND tỉnh, sẽ tham mưu ban hành',
      'in-progress',
    ],
    // "Lũy kế" alone is a note (cumulative figures), not a count so far.
    ['Lũy kế đến nay giải ngân 55 tỷ đồng', 'in-progress'],
  ])('reads the narrative "%s" as %s', (text, state) => {
    expect(parseProgress(text)).toMatchObject({ state })
  })

  it('reads the figure of "Hoàn thành 80%" and of percentages, a percent-formatted number as its fraction', () => {
    expect(parseProgress('Hoàn thành 80%')).toEqual({ state: 'in-progress', percent: 80 })
    // (the figure written first)
    expect(parseProgress('60% hoàn thành')).toEqual({ state: 'in-progress', percent: 60 })
    expect(parseProgress('100% hoàn thành')).toEqual({ state: 'done', percent: 100 })
    expect(parseProgress('100%')).toEqual({ state: 'done', percent: 100 })
    expect(parseProgress(0.5)).toEqual({ state: 'in-progress', percent: 50 })
    // (a figure with a word or two for what it measures)
    expect(parseProgress('Thực hiện 50%')).toEqual({ state: 'in-progress', percent: 50 })
    expect(parseProgress('Giải ngân 100%')).toEqual({ state: 'done', percent: 100 })
  })

  it('reads an account that says the work goes on as in progress, and no figure inside a long account as how far', () => {
    expect(
      parseProgress(
        'Tiếp tục theo dõi, đôn đốc đẩy nhanh tiến độ giải ngân phấn đấu đạt 100% số kế hoạch vốn giao; định kỳ hàng tháng tổ chức họp nghe báo cáo.',
      ),
    ).toEqual({ state: 'in-progress', percent: null })
    expect(
      parseProgress(
        'Trong năm 2025, Đảng uỷ đã chỉ đạo tổ chức kiểm tra việc sinh hoạt đảng; công tác giáo dục chính trị được tăng cường thường xuyên, đạt tỷ lệ 100% đảng viên xây dựng bản cam kết.',
      ),
    ).toEqual({ state: 'in-progress', percent: null })
    // Finished said outright stays finished, whatever goes on after it.
    expect(parseProgress('Đã hoàn thành; tiếp tục duy trì thường xuyên')).toMatchObject({
      state: 'done',
    })
    expect(parseProgress('Đạt 85%')).toEqual({ state: 'in-progress', percent: 85 })
    // About so much is that much.
    for (const about of ['~40%', 'khoảng 40%', '≈ 40%', 'Gần 40%'])
      expect(parseProgress(about)).toEqual({ state: 'in-progress', percent: 40 })
    // "đạt" after another word ("Tỷ lệ đạt …") counts as well as at the start.
    expect(parseProgress('Tỷ lệ đạt 97,5%')).toMatchObject({ state: 'in-progress' })
    // Not finished yet, wherever it is said, is not "not started".
    expect(parseProgress('Quá hạn, chưa hoàn thành')).toMatchObject({ state: 'in-progress' })
    expect(parseProgress('Đến nay chưa thực hiện')).toMatchObject({ state: 'not-started' })
    // Something done, "but" not yet the rest: the work goes on.
    expect(
      parseProgress('Phòng QLĐT có Công văn gửi phường, xã nhưng đến nay Phòng chưa đề xuất.'),
    ).toMatchObject({ state: 'in-progress' })
    expect(parseProgress('Tuy nhiên chưa triển khai')).toMatchObject({ state: 'not-started' })
    // A month and its year in an aside is no count of what is done.
    expect(parseProgress('Trình UBTVQH tại Phiên họp thứ 42 (tháng 02/2025)')).toEqual({
      problem: 'unclear',
    })
    expect(parseProgress('Đã chi trả 143/147 hộ')).toMatchObject({ state: 'in-progress' })
  })

  it('tells an impossible percentage from text it cannot place', () => {
    expect(parseProgress('150%')).toEqual({ problem: 'percent' })
    expect(parseProgress('Thực hiện mới')).toEqual({ problem: 'unclear' })
    // ("Đúng" and "Hoàn" fold as "dừng" and "hoãn" do: read with their marks, they are neither)
    expect(parseProgress('Đúng')).toEqual({ problem: 'unclear' })
    expect(parseProgress('Hoàn')).toEqual({ problem: 'unclear' })
  })

  it('places every progress text of the sample that is not a plan column value', () => {
    const texts = phrasebook.progress.filter((p) => !/not progress/.test(p.note ?? ''))
    expect(texts.filter((p) => 'problem' in parseProgress(p.text)).map((p) => p.text)).toEqual([])
  })

  // The states of task trackers: handed over or received (nothing reported yet), handed on for
  // handling, within or past the deadline, finished with how, cancelled.
  it.each([
    ['Mới giao', 'not-started'],
    ['Đã giao', 'not-started'],
    ['Đã tiếp nhận', 'not-started'],
    ['Đã phân công cho Phòng Tư pháp', 'not-started'],
    ['Đã chuyển xử lý', 'in-progress'],
    ['Trong hạn', 'in-progress'],
    ['Sắp đến hạn', 'in-progress'],
    ['Hết hạn', 'in-progress'],
    ['Xử lý xong', 'done'],
    ['Nộp muộn', 'done'],
    ['Hủy', 'stopped'],
    ['Đã hủy', 'stopped'],
    ['Dừng', 'stopped'],
    ['Từ chối', 'stopped'],
    ['Hoãn', 'in-progress'],
    ['Mới tạo', 'not-started'],
    ['Nháp', 'not-started'],
    ['Trả lại', 'in-progress'],
    ['Đã xử lý', 'done'],
    ['Hoàn thành trễ hạn', 'done'],
    // Waiting on another's act, or only begun: the work goes on ("cho ý kiến", to give one, is done).
    ['Đã trình, chờ phê duyệt', 'in-progress'],
    ['Đã cho ý kiến', 'done'],
    ['Đã khởi công', 'in-progress'],
    ['Chuẩn bị triển khai', 'not-started'],
    ['Sắp triển khai', 'not-started'],
    // Marks and numbers as sheets and CSV files keep them.
    ['✓', 'done'],
    ['✗', 'not-started'],
    ['OK', 'done'],
    ['TRUE', 'done'],
    ['FALSE', 'not-started'],
    ['100', 'done'],
    ['50', 'in-progress'],
    ['0', 'not-started'],
  ])('reads the tracker state "%s" as %s', (text, state) => {
    expect(parseProgress(text)).toMatchObject({ state })
  })

  it('keeps words that only look like tracker states for what they are', () => {
    expect(parseProgress('Lũy kế')).toEqual({ problem: 'unclear' })
    // A year kept as text is no percentage.
    expect(parseProgress('2026')).toEqual({ problem: 'unclear' })
    expect(parseProgress('Huy động nguồn lực')).toEqual({ problem: 'unclear' })
    expect(parseProgress('Đã huy động đủ kinh phí')).toMatchObject({ state: 'done' })
  })

  it('reads "Đã giao" as done where the task is the handing over', () => {
    expect(isHandoverDone('Đã giao', 'Giao chỉ tiêu kế hoạch năm 2026 cho các xã')).toBe(true)
    expect(isHandoverDone('Đã giao', 'Xây dựng kế hoạch CCHC năm 2026')).toBe(false)
    expect(isHandoverDone('Đã hoàn thành', 'Giao chỉ tiêu')).toBe(false)
  })

  it('reads a short closing remark that reports, not an aside about a text', () => {
    expect(readReportedProgress('Kế hoạch (đã thực hiện)')).toMatchObject({ state: 'done' })
    expect(readReportedProgress('Quyết định (Đang trình ký)')).toMatchObject({
      state: 'in-progress',
    })
    expect(readReportedProgress('Luật Đất đai (đã được sửa đổi, bổ sung năm 2025)')).toBeNull()
    expect(readReportedProgress('Kế hoạch (chưa ban hành)')).toBeNull()
    expect(readReportedProgress('Hoàn thành')).toMatchObject({ state: 'done' })
    expect(readReportedProgress('Hoàn thành Kế hoạch CCHC')).toBeNull()
  })

  it('tells a step on the way to the result from the result, by the task it belongs to', () => {
    expect(isStepOnly('Đã trình/thẩm định', 'Nghị quyết số 04/2024/NQ-HĐND')).toBe(true)
    expect(isStepOnly('Đã lấy ý kiến các sở', 'Xây dựng quy chế phối hợp')).toBe(true)
    // Its subject before it, or a letter sent for it.
    expect(
      isStepOnly(
        'Đã có Công văn số 2125/CAT-PC06 ngày 22/5/2026 gửi Sở Tư pháp thẩm định. Sở Tư pháp đã thẩm định tại BCTĐ số 59/BCTĐ-STP',
        'Nghị quyết quy định mức thu lệ phí',
      ),
    ).toBe(true)
    expect(isStepOnly('Đã tổ chức hội nghị lấy ý kiến nhân dân', 'Tổ chức hội nghị')).toBe(false)
    // A dossier handed in is a step; a report handed in is the report.
    expect(isStepOnly('Nhà đầu tư đã nộp hồ sơ đề xuất thành lập', 'CCN Mông Sơn')).toBe(true)
    expect(isStepOnly('Đã nộp báo cáo về Sở Nội vụ', 'Báo cáo CCHC quý III')).toBe(false)
    // The papers an investment project is prepared with ready the work; they do not build it, unless
    // preparing them is the task, or the work is handed over.
    expect(
      isStepOnly('Đã phê duyệt BCKTKT tại Quyết định số 582/QĐ-UBND', 'Dự án nhà học 03 tầng'),
    ).toBe(true)
    expect(isStepOnly('Tư vấn thiết kế đã khảo sát bước NCKT', 'Xây dựng trụ sở UBND xã')).toBe(
      true,
    )
    expect(isStepOnly('Đã phê duyệt', 'Lập báo cáo nghiên cứu khả thi dự án đường ven biển')).toBe(
      false,
    )
    expect(
      isStepOnly('Đã phê duyệt quyết toán, bàn giao đưa vào sử dụng', 'Dự án nhà học 03 tầng'),
    ).toBe(false)
    // The task is that step, or the text names the result.
    expect(isStepOnly('Đã thẩm định', 'Thẩm định hồ sơ dự án')).toBe(false)
    expect(
      isStepOnly('Đã trình UBND tỉnh ban hành Kế hoạch số 45/KH-UBND', 'Xây dựng Kế hoạch'),
    ).toBe(false)
    expect(isStepOnly('Đã hoàn thành', 'Xây dựng quy chế')).toBe(false)
  })
})
