/**
 * What a sheet's protection lets the add-in do, from `Worksheet.protection` (ExcelApi 1.2):
 * `protected` and the `options` the user ticked in "Protect Sheet". Excel's defaults tick none of
 * the allow* options (only selecting cells), so an agency's own protected form allows no
 * formatting, no column widths and no objects; only unlocked cells take values.
 */
export type SheetAccess = {
  protected: boolean
  /** Number formats, fills, fonts, wrapping ("Format cells"). */
  formatCells: boolean
  /** Column widths ("Format columns"). */
  formatColumns: boolean
  /** Notes ("Edit objects"). */
  editObjects: boolean
}

/** An unprotected sheet: everything is allowed. */
export const openAccess: SheetAccess = {
  protected: false,
  formatCells: true,
  formatColumns: true,
  editObjects: true,
}

/** Reads the loaded protection of a sheet into what the add-in may do. */
export function readSheetAccess(protection: {
  protected: boolean
  options: Excel.WorksheetProtectionOptions
}): SheetAccess {
  if (!protection.protected) return openAccess
  const o = protection.options
  return {
    protected: true,
    formatCells: o.allowFormatCells === true,
    formatColumns: o.allowFormatColumns === true,
    editObjects: o.allowEditObjects === true,
  }
}

/**
 * Text that typed into a cell would not stay the same text: a formula ("=", "+", "-"), an
 * apostrophe or "@" at the start, or something Excel reads as a number, date, time, percentage or
 * truth value. Where the "@" (text) number format cannot be set, such text is written after an
 * apostrophe, which Excel keeps as the cell's prefix, not as part of its value.
 */
export function needsTextPrefix(text: string): boolean {
  if (/^[=+\-'@]/.test(text)) return true
  const bare = text.trim()
  if (/^(true|false|đúng|sai)$/i.test(bare)) return true
  return /\d/.test(bare) && /^[\d\s.,:/%()$€₫-]+$/.test(bare)
}
