export const versionSources = ['upload', 'add-in', 'google-sheet', 'on-behalf'] as const
/** How a version arrived: a file uploaded by the agency, the Excel add-in, a Google Sheet, or Sở Nội vụ on its behalf. */
export type VersionSource = (typeof versionSources)[number]

export const sourceLabels: Record<VersionSource, { vi: string; en: string }> = {
  upload: { vi: 'Tải tệp lên', en: 'File upload' },
  'add-in': { vi: 'Phần bổ trợ Excel', en: 'Excel add-in' },
  'google-sheet': { vi: 'Google Trang tính', en: 'Google Sheet' },
  'on-behalf': { vi: 'Sở Nội vụ nộp thay', en: 'On behalf (Sở Nội vụ)' },
}
