import type Database from 'better-sqlite3'

// Plans imported and published in the service: drafts being corrected by Sở Nội vụ, and each plan's
// published versions (the first issue, then one per amendment), each with the changes it made.

/** A plan being prepared: the definition read from an uploaded appendix, as corrected so far. */
export type PlanDraftRecord = {
  id: number
  planId: string
  /** The plan definition (JSON), with its rows' readings and doubts. */
  definition: string
  /** The reading as `cchc validate` reports it, and the appendices found (JSON). */
  reading: string | null
  fileName: string | null
  createdAt: string
  createdBy: string | null
  updatedAt: string
}

/** A published version of a plan, without its definition. */
export type PlanVersionRecord = {
  planId: string
  version: number
  year: number
  name: string
  effectiveFrom: string
  /** What the version changed against the one before (JSON list). */
  changes: string
  publishedAt: string
  publishedBy: string | null
}

type DraftRow = {
  id: number
  plan_id: string
  definition: string
  reading: string | null
  file_name: string | null
  created_at: string
  created_by: string | null
  updated_at: string
}
type VersionRow = {
  plan_id: string
  version: number
  year: number
  name: string
  effective_from: string
  changes: string
  published_at: string
  published_by: string | null
}

const readDraft = (r: DraftRow): PlanDraftRecord => ({
  id: r.id,
  planId: r.plan_id,
  definition: r.definition,
  reading: r.reading,
  fileName: r.file_name,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
})

const readVersion = (r: VersionRow): PlanVersionRecord => ({
  planId: r.plan_id,
  version: r.version,
  year: r.year,
  name: r.name,
  effectiveFrom: r.effective_from,
  changes: r.changes,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
})

const versionColumns =
  'plan_id, version, year, name, effective_from, changes, published_at, published_by'

/** The store's plan tables (created by the store's migrations): drafts and published versions. */
export function createPlanStore(db: Database.Database) {
  return {
    addPlanDraft(draft: Omit<PlanDraftRecord, 'id' | 'updatedAt'>): PlanDraftRecord {
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO plan_drafts (plan_id, definition, reading, file_name, created_at, created_by, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          draft.planId,
          draft.definition,
          draft.reading,
          draft.fileName,
          draft.createdAt,
          draft.createdBy,
          draft.createdAt,
        )
      return { ...draft, id: Number(lastInsertRowid), updatedAt: draft.createdAt }
    },
    getPlanDraft(id: number): PlanDraftRecord | null {
      const r = db.prepare('SELECT * FROM plan_drafts WHERE id = ?').get(id) as DraftRow | undefined
      return r ? readDraft(r) : null
    },
    /** Drafts, newest first, without their definitions' text (only what a list shows). */
    listPlanDrafts(): Omit<PlanDraftRecord, 'definition' | 'reading'>[] {
      return (
        db
          .prepare(
            `SELECT id, plan_id, file_name, created_at, created_by, updated_at
             FROM plan_drafts ORDER BY id DESC`,
          )
          .all() as DraftRow[]
      ).map((r) => ({
        id: r.id,
        planId: r.plan_id,
        fileName: r.file_name,
        createdAt: r.created_at,
        createdBy: r.created_by,
        updatedAt: r.updated_at,
      }))
    },
    updatePlanDraft(id: number, planId: string, definition: string, at: string): boolean {
      return (
        db
          .prepare(
            'UPDATE plan_drafts SET plan_id = ?, definition = ?, updated_at = ? WHERE id = ?',
          )
          .run(planId, definition, at, id).changes > 0
      )
    },
    deletePlanDraft(id: number): boolean {
      return db.prepare('DELETE FROM plan_drafts WHERE id = ?').run(id).changes > 0
    },
    /** Stores the next version of a plan (1 for a new plan) and returns it. */
    addPlanVersion(
      version: Omit<PlanVersionRecord, 'version'> & { definition: string },
    ): PlanVersionRecord {
      const next =
        ((
          db
            .prepare('SELECT MAX(version) AS v FROM plan_versions WHERE plan_id = ?')
            .get(version.planId) as { v: number | null }
        ).v ?? 0) + 1
      db.prepare(
        `INSERT INTO plan_versions (${versionColumns}, definition) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        version.planId,
        next,
        version.year,
        version.name,
        version.effectiveFrom,
        version.changes,
        version.publishedAt,
        version.publishedBy,
        version.definition,
      )
      return {
        planId: version.planId,
        version: next,
        year: version.year,
        name: version.name,
        effectiveFrom: version.effectiveFrom,
        changes: version.changes,
        publishedAt: version.publishedAt,
        publishedBy: version.publishedBy,
      }
    },
    /** Published versions (of one plan, or all), oldest first, without their definitions. */
    listPlanVersions(planId?: string): PlanVersionRecord[] {
      const rows = planId
        ? db
            .prepare(
              `SELECT ${versionColumns} FROM plan_versions WHERE plan_id = ? ORDER BY version`,
            )
            .all(planId)
        : db.prepare(`SELECT ${versionColumns} FROM plan_versions ORDER BY plan_id, version`).all()
      return (rows as VersionRow[]).map(readVersion)
    },
    /** How many versions are published: a service reloads its plans when another process published one. */
    countPlanVersions(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM plan_versions').get() as { n: number }).n
    },
    /** Every published version with its definition (JSON), oldest first: what the service loads at start. */
    listPlanDefinitions(): (PlanVersionRecord & { definition: string })[] {
      return (
        db
          .prepare(
            `SELECT ${versionColumns}, definition FROM plan_versions ORDER BY plan_id, version`,
          )
          .all() as (VersionRow & { definition: string })[]
      ).map((r) => ({ ...readVersion(r), definition: r.definition }))
    },
  }
}
