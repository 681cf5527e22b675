/** Everything the add-on's menu and toasts say (Vietnamese; the sheet's users are Vietnamese staff). */
export const addonText = {
  menuCheck: 'Kiểm tra',
  menuSidebar: 'Mở bảng CCHC',
  menuClear: 'Xóa đánh dấu',
  sidebarTitle: 'Bảng CCHC',
  notAnnex:
    'Không tìm thấy bảng phụ lục CCHC trong trang tính này (cần dòng tiêu đề có STT, Nội dung, Cơ quan chủ trì, Thời gian thực hiện).',
  badAddress: 'Ô không hợp lệ.',
  badPeriod:
    'Kỳ báo cáo không hợp lệ (ví dụ: Quý III/2026, Quý 3/2026, Q3/2026, 6 tháng đầu năm 2026, Năm 2026).',
  stateFailed: 'Không xem được tình trạng báo cáo',
  noSettings: 'Chưa có địa chỉ máy chủ hoặc mã truy cập: mở "Cài đặt" trong bảng CCHC.',
  sendFailed: 'Gửi báo cáo không thành công',
  cleared: 'Đã xóa đánh dấu, trả lại hình thức ban đầu.',
  nothingToClear: 'Trang tính chưa có đánh dấu nào.',
  checked: (tasks: number, errors: number, warnings: number) =>
    `Đã kiểm tra ${tasks} nhiệm vụ: ${errors} lỗi, ${warnings} cảnh báo. Mở "Bảng CCHC" để xem chi tiết.`,
}
