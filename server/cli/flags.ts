// The flags of every `cchc` command, declared once: the dispatcher parses with these declarations, the
// help is generated from them, and each command's code takes its values typed by them.

/** A flag: its kind, its short form, its default, the name of its value in the help, and its help. */
export type FlagSpec = {
  type: 'string' | 'boolean'
  short?: string
  default?: string | boolean
  value?: string
  help: string
}
export type Flags = Record<string, FlagSpec>

type FlagValue<F extends FlagSpec> = F['type'] extends 'boolean'
  ? F extends { default: boolean }
    ? boolean
    : boolean | undefined
  : F extends { default: string }
    ? string
    : string | undefined

/** What a command receives: its flags' values (typed by its declaration), its other arguments, the raw words. */
export type Args<F extends Flags> = {
  values: { [K in keyof F]: FlagValue<F[K]> }
  positionals: string[]
  raw: string[]
}

const data = {
  data: { type: 'string', default: 'data', value: 'THƯ_MỤC', help: 'thư mục dữ liệu của máy chủ' },
} as const satisfies Flags
const output = (value: string, help: string) =>
  ({ output: { type: 'string', short: 'o', value, help } }) as const satisfies Flags

/** The flags of a check (`cchc validate`, `cchc sheets validate`). */
export const checkFlags = {
  sheet: { type: 'string', value: 'S', help: 'trang tính cần kiểm tra (mặc định: trang có bảng)' },
  'as-of': { type: 'string', value: 'YYYY-MM-DD', help: 'ngày số liệu (mặc định: hôm nay)' },
  year: { type: 'string', value: 'Y', help: 'năm kế hoạch khi tiêu đề không ghi' },
  issued: {
    type: 'string',
    value: 'YYYY-MM-DD',
    help: 'ngày ban hành Kế hoạch, để tính thời hạn như "30 ngày kể từ ngày ban hành"',
  },
  profile: { type: 'string', value: 'P.json', help: 'bộ điểm (chấm điểm PAR/SIPAS)' },
  agencies: { type: 'string', value: 'A.json', help: 'danh sách cơ quan để đối chiếu tên' },
  columns: {
    type: 'string',
    value: 'deadline=F,note=',
    help: 'chỉ định cột cho trường (để trống sau "=" là bỏ trường đó)',
  },
  json: { type: 'boolean', help: 'in báo cáo JSON' },
  fix: { type: 'boolean', help: 'áp dụng các sửa tự động an toàn' },
  lang: { type: 'string', value: 'en', help: 'tóm tắt bằng tiếng Anh' },
} as const satisfies Flags

export const validateFlags = {
  ...checkFlags,
  ...output(
    'RA.xlsx',
    'ghi bản sao có đánh dấu (cột tính toán, tô màu, ghi chú, trang "Kiểm tra")',
  ),
} as const satisfies Flags
export const sheetsValidateFlags = {
  ...checkFlags,
  'no-write': { type: 'boolean', help: 'chỉ đọc, không ghi vào bảng tính' },
} as const satisfies Flags
export const fileToFileFlags = {
  ...output('RA.xlsx', 'tệp kết quả'),
} as const satisfies Flags
export const mergeFlags = {
  ...output('TỔNG_HỢP.xlsx', 'sổ tổng hợp'),
  'as-of': checkFlags['as-of'],
  agencies: checkFlags.agencies,
  json: { type: 'boolean', help: 'in kết quả JSON' },
} as const satisfies Flags
export const diffFlags = {
  'as-of': checkFlags['as-of'],
  json: { type: 'boolean', help: 'in thay đổi dạng JSON' },
  lang: checkFlags.lang,
} as const satisfies Flags
export const serveFlags = {
  port: { type: 'string', value: 'CỔNG', help: 'cổng (mặc định: biến PORT, hoặc 8787)' },
  host: { type: 'string', default: '127.0.0.1', value: 'ĐỊA_CHỈ', help: 'địa chỉ lắng nghe' },
  demo: { type: 'boolean', default: false, help: 'điền tỉnh mẫu (như npm start)' },
  'no-supervise': { type: 'boolean', help: 'chạy không có tiến trình giám sát khởi động lại' },
  ...data,
} as const satisfies Flags
export const dataFlags = data
export const agencyAddFlags = {
  kind: { type: 'string', default: 'other', value: 'so|xa|other', help: 'loại cơ quan' },
  ...data,
} as const satisfies Flags
export const backupFlags = {
  ...output('TỆP.sqlite', 'tệp sao lưu (mặc định trong THƯ_MỤC/backup/)'),
  ...data,
} as const satisfies Flags
export const userFlags = {
  role: { type: 'string', value: 'admin|agency', help: 'vai trò' },
  agency: { type: 'string', value: 'MÃ', help: 'cơ quan của tài khoản đơn vị' },
  'password-stdin': { type: 'boolean', help: 'đọc mật khẩu từ đầu vào chuẩn (mặc định: tự tạo)' },
  ...data,
} as const satisfies Flags
export const loginFlags = {
  client: { type: 'string', value: 'client_secret.json', help: 'ứng dụng OAuth của tỉnh' },
  'no-browser': { type: 'boolean', help: 'chỉ in liên kết đăng nhập' },
} as const satisfies Flags
export const planImportFlags = {
  ...output('KẾ_HOẠCH.json', 'định nghĩa kế hoạch (mặc định MÃ.json)'),
  year: { type: 'string', value: 'Y', help: 'năm kế hoạch' },
  id: { type: 'string', value: 'MÃ', help: 'mã kế hoạch (a-z, 0-9, "-")' },
  name: { type: 'string', value: '"Tên"', help: 'tên kế hoạch' },
  agencies: checkFlags.agencies,
  table: { type: 'string', value: 'N', help: 'bảng thứ N của tài liệu' },
  sheet: { type: 'string', value: 'S', help: 'trang tính (tệp .xlsx)' },
  document: { type: 'string', value: '0156/KH-UBND', help: 'số, ký hiệu văn bản ban hành' },
  issued: checkFlags.issued,
  source: { type: 'string', value: '"Nguồn"', help: 'nguồn của tài liệu' },
  profile: checkFlags.profile,
  progress: {
    type: 'string',
    value: 'progress,doneDate,…',
    help: 'các cột tiến độ của biểu mẫu đơn vị',
  },
  json: { type: 'boolean', help: 'in định nghĩa kế hoạch JSON' },
  lang: checkFlags.lang,
} as const satisfies Flags
export const planTemplateFlags = {
  agency: { type: 'string', value: 'MÃ_ĐƠN_VỊ', help: 'biểu mẫu của một đơn vị' },
  all: { type: 'boolean', help: 'mọi đơn vị, một tệp .zip' },
  ...output('RA.xlsx|RA.zip', 'tệp kết quả'),
  agencies: checkFlags.agencies,
  period: { type: 'string', value: '2026-Q3', help: 'kỳ báo cáo ghi trên biểu mẫu' },
  ...data,
} as const satisfies Flags
export const planPublishFlags = {
  from: { type: 'string', value: 'YYYY-MM-DD', help: 'ngày bản sửa đổi có hiệu lực' },
  ...data,
} as const satisfies Flags
