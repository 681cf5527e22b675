import { z } from 'zod'
import {
  clipCellText,
  parseTemplateMeta,
  validateTable,
  type Grid,
  type IsoDate,
  type Report,
  type TemplateMeta,
} from '../../core/index.ts'
import { findPlanProfile, type Catalog } from '../province/catalog.ts'
import { checkWorkbook } from '../xlsx/check.ts'
import { applyPlanInForce } from '../plans/in-force.ts'

/** Limits on the JSON table the add-in sends (the xlsx guard has its own). */
export const tableLimits = { rows: 10_000, columns: 300, merges: 10_000 }

const sheetRows = 1_048_576
const sheetColumns = 16_384
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const cellSchema = z.union([
  // Text longer than a cell holds (a client other than Excel) is clipped as every reader clips it.
  z.string().transform(clipCellText),
  z.number(),
  z.boolean(),
  z.null(),
  z.object({ date: isoDate, shows: z.enum(['month', 'year']).optional() }),
])

/** The JSON table the add-in sends: core's grid, plus the template metadata it read. */
export const tableSchema = z.object({
  sheet: z.string().max(200),
  top: z.number().int().min(1).max(sheetRows),
  left: z.number().int().min(1).max(sheetColumns),
  cells: z.array(z.array(cellSchema).max(tableLimits.columns)).max(tableLimits.rows),
  // Merges are bounded to the sheet's real size here and clipped to the table's extent by core.
  merges: z
    .array(
      z
        .object({
          top: z.number().int().min(1).max(sheetRows),
          left: z.number().int().min(1).max(sheetColumns),
          bottom: z.number().int().min(1).max(sheetRows),
          right: z.number().int().min(1).max(sheetColumns),
        })
        .refine((m) => m.bottom >= m.top && m.right >= m.left, 'merge corners'),
    )
    .max(tableLimits.merges)
    .default([]),
})

export const jsonSubmissionSchema = z.object({
  period: z.string().max(20),
  agency: z.string().max(100).optional(),
  fileName: z.string().max(255).optional(),
  meta: z
    .object({
      planId: z.string().max(100).optional(),
      year: z.number().int().optional(),
      templateVersion: z.string().max(50).optional(),
      columns: z.string().max(4000).optional(),
      agency: z.string().max(100).optional(),
      // The plan's issue date the pane was given (yyyy-mm-dd), so the service counts from the same day.
      issued: z.string().max(10).optional(),
    })
    .optional(),
  table: tableSchema,
})
export type JsonSubmission = z.infer<typeof jsonSubmissionSchema>

/** What to store for an upload: the original bytes, their type and the report core made of them. */
export type CheckedSubmission = {
  report: Report
  planId: string | null
  file: Uint8Array
  contentType: string
  fileName: string | null
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Checks an uploaded workbook with the same core as `cchc validate`. Throws AppError (workbook/…) for unreadable bytes. */
export async function checkUploadedWorkbook(
  bytes: Uint8Array,
  fileName: string | null,
  asOf: IsoDate,
  catalog: Catalog,
): Promise<CheckedSubmission> {
  const { report, planId, meta } = checkWorkbook(bytes, {
    asOf,
    file: fileName,
    registry: catalog.registry,
    profileFor: (id) => findPlanProfile(catalog, id),
  })
  // Reports are checked against the version of their plan in force on the report's date.
  const checked = applyPlanInForce(report, meta, asOf, catalog)
  return { report: checked, planId, file: bytes, contentType: xlsxType, fileName }
}

/** Checks the table the add-in sends; the stored "file" is the JSON it sent. */
export function checkUploadedTable(
  body: JsonSubmission,
  raw: Uint8Array,
  asOf: IsoDate,
  catalog: Catalog,
): CheckedSubmission {
  const meta: TemplateMeta = parseTemplateMeta(Object.entries(body.meta ?? {}))
  const planId = meta.planId ?? null
  const report = applyPlanInForce(
    validateTable(body.table as Grid, {
      asOf,
      file: body.fileName ?? null,
      meta,
      profile: findPlanProfile(catalog, planId),
      registry: catalog.registry,
    }),
    meta,
    asOf,
    catalog,
  )
  return {
    report,
    planId,
    file: raw,
    contentType: 'application/json',
    fileName: body.fileName ?? null,
  }
}
