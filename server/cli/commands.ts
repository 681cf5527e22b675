// Every `cchc` command with its arguments, what it does and its flags (server/cli/flags.ts): the one
// table the dispatcher and the help read. Nothing heavy loads here (each command's code is imported
// when it runs), so `cchc --help` answers at once.
import {
  agencyAddFlags,
  backupFlags,
  dataFlags,
  diffFlags,
  fileToFileFlags,
  loginFlags,
  mergeFlags,
  planImportFlags,
  planPublishFlags,
  planTemplateFlags,
  serveFlags,
  sheetsValidateFlags,
  userFlags,
  validateFlags,
  type Args,
  type Flags,
} from './flags.ts'

export type Command = {
  /** The words that name it: "validate", "plan import". */
  name: string
  /** Its arguments as the help shows them: "TỆP.xlsx". */
  args: string
  /** What it does, in Vietnamese. */
  summary: string
  flags: Flags
  /** Loads its code and runs it; the exit code: 0 done, 1 errors found, 2 refused. */
  run: (args: Args<Flags>) => Promise<number>
}

/** A command whose code is loaded when it runs. */
function command<F extends Flags>(
  name: string,
  args: string,
  summary: string,
  flags: F,
  load: () => Promise<(args: Args<F>) => Promise<number>>,
): Command {
  return { name, args, summary, flags, run: async (a) => (await load())(a as Args<F>) }
}

/** Every command, in the order the help lists them. */
export const commands: Command[] = [
  command(
    'validate',
    'TỆP.xlsx',
    'Kiểm tra bảng phụ lục; mã thoát 0 không lỗi, 1 có lỗi, 2 không đọc được tệp.',
    validateFlags,
    async () => (await import('./workbook.ts')).runValidate,
  ),
  command(
    'clear',
    'TỆP.xlsx',
    'Xóa đánh dấu của lần kiểm tra trước, trả lại hình thức ban đầu.',
    fileToFileFlags,
    async () => (await import('./workbook.ts')).runClear,
  ),
  command(
    'template',
    'KẾ_HOẠCH.json',
    'Tạo biểu mẫu cho cơ quan điền tiến độ từ định nghĩa kế hoạch (templates/plans/*.json).',
    fileToFileFlags,
    async () => (await import('./workbook.ts')).runTemplate,
  ),
  command(
    'plan import',
    'TỆP.docx|.xlsx|.html',
    'Đọc phụ lục kế hoạch (Word, Excel, trang web) thành định nghĩa kế hoạch, liệt kê điểm cần xem lại.',
    planImportFlags,
    async () => (await import('./plan.ts')).runImport,
  ),
  command(
    'plan template',
    'KẾ_HOẠCH.json|MÃ',
    'Biểu mẫu riêng của từng đơn vị (nhiệm vụ chủ trì, rồi nhiệm vụ phối hợp); --all: mọi đơn vị.',
    planTemplateFlags,
    async () => (await import('./plan-service.ts')).runPlanTemplate,
  ),
  command(
    'plan publish',
    'KẾ_HOẠCH.json',
    'Ban hành kế hoạch hoặc bản sửa đổi (phiên bản mới) vào máy chủ.',
    planPublishFlags,
    async () => (await import('./plan-service.ts')).runPlanPublish,
  ),
  command(
    'plan list',
    '',
    'Các kế hoạch đã ban hành, phiên bản và ngày hiệu lực.',
    dataFlags,
    async () => (await import('./plan-service.ts')).runPlanList,
  ),
  command(
    'merge',
    'TỆP1.xlsx TỆP2.xlsx …',
    'Tổng hợp báo cáo của nhiều cơ quan thành một sổ (Tổng hợp, Chi tiết, Theo nhiệm vụ, Điểm, Quá hạn, Đối chiếu, Xu hướng).',
    mergeFlags,
    async () => (await import('./service.ts')).runMergeCommand,
  ),
  command(
    'serve',
    '',
    'Chạy máy chủ đồng bộ và bảng điều khiển của Sở Nội vụ (npm start = cchc serve --demo).',
    serveFlags,
    async () => (await import('./service.ts')).runServe,
  ),
  command(
    'agency add',
    'MÃ "Tên cơ quan"',
    'Thêm cơ quan báo cáo (mã: chữ thường, số, "-").',
    agencyAddFlags,
    async () => (await import('./service.ts')).runAgencyAdd,
  ),
  command(
    'agency list',
    '',
    'Các cơ quan và mã truy cập.',
    dataFlags,
    async () => (await import('./service.ts')).runAgencyList,
  ),
  command(
    'agency token',
    'MÃ|admin',
    'Cấp mã truy cập cho cơ quan (hoặc quản trị); chỉ hiện một lần.',
    dataFlags,
    async () => (await import('./service.ts')).runAgencyToken,
  ),
  command(
    'agency revoke',
    'MÃ_TOKEN',
    'Thu hồi mã truy cập.',
    dataFlags,
    async () => (await import('./service.ts')).runAgencyRevoke,
  ),
  command(
    'agency set-sheet',
    'MÃ ĐƯỜNG_DẪN|-',
    'Đăng ký Google Sheet của cơ quan để máy chủ tự lấy báo cáo ("-" là bỏ).',
    dataFlags,
    async () => (await import('./agency-sheet.ts')).runSetSheet,
  ),
  command(
    'sheets login',
    '',
    'Đăng nhập Google (OAuth cho ứng dụng máy tính, PKCE); mã lưu trong thư mục cấu hình, chỉ người dùng đọc được.',
    loginFlags,
    async () => (await import('./sheets.ts')).runLogin,
  ),
  command(
    'sheets logout',
    '',
    'Đăng xuất Google, xóa mã đã lưu.',
    {},
    async () => (await import('./sheets.ts')).runLogout,
  ),
  command(
    'sheets validate',
    'ĐƯỜNG_DẪN|MÃ',
    'Kiểm tra và ghi kết quả ngay vào Google Sheet (trang theo gid trong đường dẫn). Đăng nhập: cchc sheets login, hoặc GOOGLE_APPLICATION_CREDENTIALS (tài khoản dịch vụ) hay CCHC_GOOGLE_ACCESS_TOKEN; máy chủ API: CCHC_SHEETS_API_URL.',
    sheetsValidateFlags,
    async () => (await import('./sheets.ts')).runSheetsValidate,
  ),
  command(
    'sheets clear',
    'ĐƯỜNG_DẪN|MÃ',
    'Xóa đánh dấu trong Google Sheet, trả lại hình thức ban đầu.',
    {},
    async () => (await import('./sheets.ts')).runSheetsClear,
  ),
  command(
    'user add',
    'EMAIL',
    'Tài khoản cho cán bộ đăng nhập bảng điều khiển (mật khẩu băm scrypt; in ra một lần nếu tự tạo).',
    userFlags,
    async () => (await import('./user.ts')).runUserAdd,
  ),
  command(
    'user list',
    '',
    'Các tài khoản.',
    dataFlags,
    async () => (await import('./user.ts')).runUserList,
  ),
  command(
    'user password',
    'EMAIL',
    'Đặt mật khẩu mới (các phiên cũ đăng xuất).',
    userFlags,
    async () => (await import('./user.ts')).runUserPassword,
  ),
  command(
    'backup',
    '',
    'Sao lưu nhất quán cơ sở dữ liệu đang chạy.',
    backupFlags,
    async () => (await import('./service.ts')).runBackup,
  ),
  command(
    'diff',
    'CŨ.xlsx MỚI.xlsx',
    'So sánh hai phiên bản bảng của một cơ quan: nhiệm vụ đổi trạng thái, tiến độ, ngày hoàn thành, kết quả, tài liệu kiểm chứng; dòng thêm, bớt.',
    diffFlags,
    async () => (await import('./diff.ts')).runDiff,
  ),
  command(
    'demo',
    '',
    'Tạo biểu mẫu Đắk Lắk 2026, điền tiến độ mẫu và kiểm tra.',
    {},
    async () => (await import('./demo.ts')).runDemo,
  ),
]
