import { describeCliError, fail } from './io.ts'

// Only the dispatcher and the help text load at start; each command's modules (ExcelJS, SQLite, Hono)
// are imported when that command runs, so `cchc --help` answers at once.

export const helpText = `cchc — kiểm tra và tổng hợp phụ lục kế hoạch cải cách hành chính (CCHC)

Cách dùng / Usage:
  cchc validate TỆP.xlsx [--sheet S] [--as-of YYYY-MM-DD] [--year Y] [--profile P.json]
                [--agencies A.json] [--json] [-o RA.xlsx] [--fix] [--lang en]
                [--columns deadline=F,expected=C,note=] [--issued YYYY-MM-DD]
      Kiểm tra bảng phụ lục; -o ghi bản sao có đánh dấu (cột tính toán, tô màu, ghi chú, trang "Kiểm tra").
      --columns chỉ định cột cho trường (để trống sau "=" là bỏ trường đó).
      --issued là ngày ban hành Kế hoạch, để tính thời hạn như "30 ngày kể từ ngày ban hành Kế hoạch"
      (mặc định: ngày ghi ở tiêu đề bảng hoặc trong biểu mẫu).
      --fix áp dụng các sửa tự động an toàn vào bản sao. Mã thoát: 0 không lỗi, 1 có lỗi, 2 không đọc được tệp.
  cchc clear TỆP.xlsx -o RA.xlsx
      Xóa đánh dấu của lần kiểm tra trước, trả lại hình thức ban đầu.
  cchc template KẾ_HOẠCH.json -o RA.xlsx
      Tạo biểu mẫu cho cơ quan điền tiến độ từ định nghĩa kế hoạch (templates/plans/*.json).
  cchc merge TỆP1.xlsx TỆP2.xlsx … -o TỔNG_HỢP.xlsx [--as-of YYYY-MM-DD] [--agencies A.json] [--json]
      Tổng hợp báo cáo của nhiều cơ quan thành một sổ (Tổng hợp, Chi tiết, Theo nhiệm vụ, Điểm, Quá hạn,
      Đối chiếu, Xu hướng).
  cchc serve [--port 8787] [--host 127.0.0.1] [--data data] [--demo]
      Chạy máy chủ đồng bộ và bảng điều khiển của Sở Nội vụ; --demo điền số liệu mẫu (npm start).
  cchc agency add MÃ "Tên" [--kind so|xa|other] | list | token MÃ|admin | revoke MÃ_TOKEN  [--data data]
      Quản lý cơ quan và mã truy cập.
  cchc agency set-sheet MÃ ĐƯỜNG_DẪN [--data data]
      Đăng ký Google Sheet của cơ quan để máy chủ tự lấy báo cáo (POST /api/sheets/pull).
  cchc sheets login | logout | validate ĐƯỜNG_DẪN [--sheet S] [--as-of] [--json] [--no-write] | clear ĐƯỜNG_DẪN
      Kiểm tra ngay trong Google Sheets (xem: cchc sheets help).
  cchc user add EMAIL --role admin|agency [--agency MÃ] [--password-stdin] | list | password EMAIL
      Tài khoản cho cán bộ đăng nhập bảng điều khiển (mật khẩu băm scrypt; in ra một lần nếu tự tạo).
  cchc backup [-o TỆP.sqlite] [--data data]
      Sao lưu nhất quán cơ sở dữ liệu đang chạy.
  cchc diff CŨ.xlsx MỚI.xlsx [--as-of YYYY-MM-DD] [--json] [--lang en]
      So sánh hai phiên bản bảng của một cơ quan: nhiệm vụ đổi trạng thái, tiến độ, ngày hoàn thành,
      kết quả, tài liệu kiểm chứng; dòng thêm, bớt.
  cchc demo
      Tạo biểu mẫu Đắk Lắk 2026, điền tiến độ mẫu và kiểm tra.
  cchc help
`

/** Runs the CLI and returns its exit code; bad input gets a message, never a stack trace. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'validate':
        return await (await import('./workbook.ts')).runValidate(rest)
      case 'clear':
        return await (await import('./workbook.ts')).runClear(rest)
      case 'template':
        return await (await import('./workbook.ts')).runTemplate(rest)
      case 'demo':
        return await (await import('./demo.ts')).runDemo()
      case 'merge':
        return await (await import('./service.ts')).runMergeCommand(rest)
      case 'serve':
        return await (await import('./service.ts')).runServe(rest)
      case 'agency':
        if (rest[0] === 'set-sheet')
          return await (await import('./agency-sheet.ts')).runSetSheet(rest.slice(1))
        return await (await import('./service.ts')).runAgency(rest)
      case 'sheets':
        return await (await import('./sheets.ts')).runSheets(rest)
      case 'backup':
        return await (await import('./service.ts')).runBackup(rest)
      case 'diff':
        return await (await import('./diff.ts')).runDiff(rest)
      case 'user':
        return await (await import('./user.ts')).runUser(rest)
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(helpText)
        return 0
      default:
        return fail(`Lệnh không hợp lệ / Unknown command: ${command}\n\n${helpText}`)
    }
  } catch (error) {
    return fail(describeCliError(error, helpText))
  }
}
