import { computeCurrentPeriod, type IsoDate } from '../core/index.ts'

/** What the pane remembers between sessions (in the browser storage of the add-in's origin). */
export type PaneSettings = {
  serverUrl: string
  token: string
  asOf: IsoDate | null
  period: string | null
}

const key = 'cchc.addin.settings'

/** The report date and period the pane opens with: the current reporting period's cut-off. */
export function computeDefaults(now: number): { asOf: IsoDate; period: string } {
  const period = computeCurrentPeriod(now)
  return { asOf: period.cutOff, period: period.id }
}

export function readSettings(storage: Storage, origin: string): PaneSettings {
  try {
    const saved = JSON.parse(storage.getItem(key) ?? '{}') as Partial<PaneSettings>
    return {
      serverUrl: saved.serverUrl || origin,
      token: saved.token ?? '',
      asOf: saved.asOf ?? null,
      period: saved.period ?? null,
    }
  } catch {
    return { serverUrl: origin, token: '', asOf: null, period: null }
  }
}

export function writeSettings(storage: Storage, settings: PaneSettings): void {
  storage.setItem(key, JSON.stringify(settings))
}
