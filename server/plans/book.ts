import {
  buildPlanGrid,
  computePlanDraft,
  computeVietnamDate,
  type AgencyRegistry,
  type IsoDate,
  type IssuingDocument,
  type PlanChange,
  type PlanRow,
  type Report,
} from '../../core/index.ts'
import type { Catalog, PlanVersion } from '../province/catalog.ts'
import {
  formatPlanFile,
  parsePlan,
  type PlanDefinition,
  type PlanFile,
} from '../province/config.ts'
import type { PlanDraftRecord, Store } from '../store/index.ts'
import type { FoundAppendix, ImportedPlan, PlanFormat } from './import.ts'
import { computeChangesAgainst, listVersions } from './versions.ts'
import { AppError } from '../errors/index.ts'

// The one code path for plans in the service, used by the API, the dashboard and `cchc plan`: drafts
// read from an uploaded appendix and corrected, versions published (an amendment is a new version
// with its changes listed), and the catalog kept up to date so that every check and every
// consolidated workbook sees the version in force.

/** How a draft's appendix was read: the format, the tables found, the columns as core read them. */
export type DraftReading = {
  format: PlanFormat | null
  appendices: FoundAppendix[]
  chosen: number
  header: Report['header']
}

/** A draft as the API and the dashboard show it: the plan so far, its reading and what it would change. */
export type DraftView = Omit<PlanDraftRecord, 'definition' | 'reading'> & {
  plan: PlanFile
  reading: DraftReading | null
  /** The version this draft would follow, and what it changes against it. */
  previousVersion: number | null
  changes: PlanChange[]
}

/** What a person may correct in a draft; the rows' readings and doubts are computed again. */
export type PlanCorrection = {
  id?: string
  name?: string
  year?: number
  document?: Partial<IssuingDocument>
  rows?: PlanRow[]
}

/** A plan as listed: its latest definition's name and year, and every version with its changes. */
export type PlanListing = {
  id: string
  name: string
  year: number
  province: string
  shipped: boolean
  versions: {
    version: number
    effectiveFrom: IsoDate
    publishedAt: string | null
    publishedBy: string | null
    document: IssuingDocument | null
    changes: PlanChange[]
    tasks: number
  }[]
}

/** A definition without what publishing gave it (its version, effective date and changes). */
const stripVersion = ({ version: _v, effectiveFrom: _e, changes: _c, ...rest }: PlanDefinition) =>
  rest

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))

function countTasks(plan: PlanDefinition): number {
  return plan.rows.filter((r) => r.read?.kind === 'task').length
}

/** Creates the plan book over a store and the catalog (whose plans and versions it keeps current). */
export function createPlanBook(store: Store, catalog: Catalog) {
  loadStoredPlans(store, catalog)
  let loaded = store.countPlanVersions()
  let registryCache: { size: number; registry: AgencyRegistry } | null = null

  /** The province's registry, with the units added in the service (`cchc agency add`) too. */
  const readRegistry = (): AgencyRegistry => {
    const agencies = store.listAgencies()
    if (registryCache?.size === agencies.length) return registryCache.registry
    const known = new Set(catalog.registry.agencies.map((a) => a.id))
    const extra = agencies.filter((a) => !known.has(a.id))
    const registry = extra.length
      ? { ...catalog.registry, agencies: [...catalog.registry.agencies, ...extra] }
      : catalog.registry
    registryCache = { size: agencies.length, registry }
    return registry
  }

  const viewDraft = (record: PlanDraftRecord): DraftView => {
    const { definition, reading, ...rest } = record
    const plan = JSON.parse(definition) as PlanFile
    const parsed = parsePlan(plan)
    const { previous, changes } = computeChangesAgainst(catalog, parsed)
    return {
      ...rest,
      plan,
      reading: reading ? (JSON.parse(reading) as DraftReading) : null,
      previousVersion: previous?.version ?? null,
      changes,
    }
  }

  const requireDraft = (id: number): PlanDraftRecord => {
    const draft = Number.isSafeInteger(id) ? store.getPlanDraft(id) : null
    if (!draft) throw new AppError('plan/draft-unknown', String(id))
    return draft
  }

  /** Reads a definition again through core after a correction: rows, sections and doubts anew. */
  const rereadPlan = (plan: PlanDefinition): { plan: PlanDefinition; header: Report['header'] } => {
    const file = formatPlanFile(plan)
    const draft = computePlanDraft(buildPlanGrid(file), {
      year: plan.year || null,
      registry: readRegistry(),
      document: plan.document ?? {},
    })
    if (!draft) throw new AppError('plan/invalid', 'no table')
    return {
      plan: {
        ...plan,
        rows: draft.rows,
        doubts: draft.doubts,
        ...(draft.sections.length ? { sections: draft.sections } : {}),
      },
      header: draft.report.header,
    }
  }

  const publishVersion = (
    plan: PlanDefinition,
    options: { effectiveFrom?: string | null; by: string | null; now: Date },
  ): PlanVersion => {
    if (!plan.year || plan.year < 2000 || plan.doubts?.some((d) => d.issue.severity === 'error'))
      throw new AppError(
        'plan/has-errors',
        String(plan.doubts?.filter((d) => d.issue.severity === 'error').length ?? 1),
      )
    const publishedAt = options.now.toISOString()
    const versions = listVersions(catalog, plan.id)
    // A shipped plan amended in the service: its shipped definition is stored first as version 1.
    if (versions.length && !catalog.versions?.get(plan.id)?.length) {
      const shipped = versions[0]!
      storeVersion({ ...shipped, publishedAt, publishedBy: 'templates/' })
    }
    const { previous, changes } = computeChangesAgainst(catalog, plan)
    const sameDocument =
      JSON.stringify(previous?.definition.document ?? null) ===
      JSON.stringify(plan.document ?? null)
    if (previous && !changes.length && sameDocument) throw new AppError('plan/unchanged')
    const effectiveFrom =
      options.effectiveFrom ??
      (previous
        ? (plan.document?.date ?? computeVietnamDate(options.now.getTime()))
        : `${plan.year}-01-01`)
    if (!isIsoDate(effectiveFrom) || (previous && effectiveFrom < previous.effectiveFrom))
      throw new AppError('plan/invalid-date', effectiveFrom)
    const version = (previous?.version ?? 0) + 1
    const definition: PlanDefinition = {
      ...plan,
      version,
      templateVersion: String(version),
      effectiveFrom,
      changes,
    }
    return storeVersion({
      planId: plan.id,
      version,
      year: plan.year,
      effectiveFrom,
      publishedAt,
      publishedBy: options.by,
      changes,
      definition,
    })
  }

  const storeVersion = (v: PlanVersion): PlanVersion => {
    const stored = store.addPlanVersion({
      planId: v.planId,
      year: v.year,
      name: v.definition.name,
      effectiveFrom: v.effectiveFrom,
      changes: JSON.stringify(v.changes),
      publishedAt: v.publishedAt ?? '',
      publishedBy: v.publishedBy,
      definition: JSON.stringify(formatPlanFile(v.definition)),
    })
    const version = { ...v, version: stored.version }
    catalog.versions ??= new Map()
    const list = catalog.versions.get(v.planId) ?? []
    catalog.versions.set(v.planId, [...list, version])
    catalog.plans.set(v.planId, version.definition)
    catalog.revision = (catalog.revision ?? 0) + 1
    loaded++
    return version
  }

  return {
    readRegistry,

    /** Reloads the published versions when another process (`cchc plan publish`) added one. */
    refresh(): void {
      const count = store.countPlanVersions()
      if (count === loaded) return
      loadStoredPlans(store, catalog)
      loaded = count
    },

    /** Every plan (shipped or published), newest year first, with its versions. */
    listPlans(year?: number | null): PlanListing[] {
      const ids = new Set([...catalog.plans.keys(), ...(catalog.versions?.keys() ?? [])])
      return [...ids]
        .map((id): PlanListing => {
          const versions = listVersions(catalog, id)
          const latest = versions[versions.length - 1]!.definition
          return {
            id,
            name: latest.name,
            year: latest.year,
            province: latest.province,
            shipped: !catalog.versions?.get(id)?.length,
            versions: versions.map((v) => ({
              version: v.version,
              effectiveFrom: v.effectiveFrom,
              publishedAt: v.publishedAt,
              publishedBy: v.publishedBy,
              document: v.definition.document ?? null,
              changes: v.changes,
              tasks: countTasks(v.definition),
            })),
          }
        })
        .filter((p) => !year || p.year === year)
        .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id))
    },

    /** One version of a plan (the latest by default). */
    getVersion(planId: string, version?: number | null): PlanVersion {
      const versions = listVersions(catalog, planId)
      const found = version ? versions.find((v) => v.version === version) : versions.at(-1)
      if (!found) throw new AppError('plan/unknown', planId)
      return found
    },

    listDrafts: () => store.listPlanDrafts(),
    getDraft: (id: number): DraftView => viewDraft(requireDraft(id)),

    /** Stores what an import read as a draft to look at, correct and publish. */
    createDraft(imported: ImportedPlan, by: string | null, now: Date): DraftView {
      const reading: DraftReading = {
        format: imported.format,
        appendices: imported.appendices,
        chosen: imported.chosen,
        header: imported.draft.report.header,
      }
      return viewDraft(
        store.addPlanDraft({
          planId: imported.plan.id,
          definition: JSON.stringify(imported.plan),
          reading: JSON.stringify(reading),
          fileName: imported.plan.source ?? null,
          createdAt: now.toISOString(),
          createdBy: by,
        }),
      )
    },

    /** A draft of an amendment: the latest version copied, to be changed and published as the next. */
    createAmendmentDraft(planId: string, by: string | null, now: Date): DraftView {
      const latest = this.getVersion(planId).definition
      const plan: PlanDefinition = {
        ...stripVersion(latest),
        document: { kind: null, number: null, date: null },
      }
      const { plan: reread, header } = rereadPlan(plan)
      return viewDraft(
        store.addPlanDraft({
          planId,
          definition: JSON.stringify(formatPlanFile(reread)),
          reading: JSON.stringify({ format: null, appendices: [], chosen: 1, header }),
          fileName: null,
          createdAt: now.toISOString(),
          createdBy: by,
        }),
      )
    },

    /** Applies a person's corrections and reads the plan again through core. */
    correctDraft(id: number, correction: PlanCorrection, now: Date): DraftView {
      const record = requireDraft(id)
      let plan = parsePlan(JSON.parse(record.definition))
      if (correction.id !== undefined) {
        if (!/^[a-z0-9-]{2,60}$/.test(correction.id)) throw new AppError('plan/invalid', 'id')
        plan.id = correction.id
      }
      if (correction.name !== undefined) plan.name = correction.name.trim() || plan.name
      if (correction.year !== undefined) plan.year = correction.year
      if (correction.document) {
        plan.document = {
          kind: plan.document?.kind ?? null,
          number: plan.document?.number ?? null,
          date: plan.document?.date ?? null,
          ...correction.document,
        }
        // The issue date is what deadlines counted from the plan's issuance count from.
        if (plan.document.date) plan.issued = plan.document.date
        else delete plan.issued
      }
      if (correction.rows) plan.rows = correction.rows.map(({ read: _r, ...texts }) => texts)
      const reread = rereadPlan(plan)
      plan = reread.plan
      const reading = record.reading ? (JSON.parse(record.reading) as DraftReading) : null
      store.updatePlanDraft(id, plan.id, JSON.stringify(formatPlanFile(plan)), now.toISOString())
      if (reading) reading.header = reread.header
      return { ...viewDraft(requireDraft(id)), reading }
    },

    deleteDraft(id: number): void {
      if (!store.deletePlanDraft(id)) throw new AppError('plan/draft-unknown', String(id))
    },

    /** Publishes a draft as the plan's next version (the first, or an amendment) and drops the draft. */
    publishDraft(
      id: number,
      options: { effectiveFrom?: string | null; by: string | null; now: Date },
    ): PlanVersion {
      const record = requireDraft(id)
      const version = store.transaction(() => {
        const v = publishVersion(parsePlan(JSON.parse(record.definition)), options)
        store.deletePlanDraft(id)
        return v
      })()
      return version
    },

    /** Publishes a definition given whole (`cchc plan publish plan.json`). */
    publishDefinition(
      data: unknown,
      options: { effectiveFrom?: string | null; by: string | null; now: Date },
    ): PlanVersion {
      const plan = parsePlan(data)
      return store.transaction(() => publishVersion(rereadPlan(plan).plan, options))()
    },
  }
}

export type PlanBook = ReturnType<typeof createPlanBook>

/** Puts the versions published in the store into the catalog: every check sees the plan in force. */
export function loadStoredPlans(store: Store, catalog: Catalog): void {
  const versions = new Map<string, PlanVersion[]>()
  for (const record of store.listPlanDefinitions()) {
    const definition = parsePlan(JSON.parse(record.definition), `Kế hoạch ${record.planId}`)
    const list = versions.get(record.planId) ?? []
    list.push({
      planId: record.planId,
      version: record.version,
      year: record.year,
      effectiveFrom: record.effectiveFrom,
      publishedAt: record.publishedAt,
      publishedBy: record.publishedBy,
      changes: JSON.parse(record.changes) as PlanChange[],
      definition,
    })
    versions.set(record.planId, list)
  }
  catalog.versions = versions
  for (const [id, list] of versions) catalog.plans.set(id, list[list.length - 1]!.definition)
  catalog.revision = (catalog.revision ?? 0) + 1
}
