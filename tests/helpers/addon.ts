import { Script, createContext } from 'node:vm'
import type { Report } from '../../core/index.ts'
import { createAppsScriptGlobals, type FakeHost } from './fake-apps-script.ts'

/** The add-on's entry functions as the menu and the sidebar call them. */
export type Addon = {
  checkActiveSheet(asOf: string): Report
  clearActiveSheet(): boolean
  fixActiveSheet(asOf: string): { fixed: number; report: Report }
  selectCell(sheet: string, address: string): void
  sendReport(period: string): { id: number; version: number }
  onOpen(): void
}

/** Runs the built Code.js in a fresh vm context over a fake host, as Apps Script would. */
export function loadAddon(
  code: string,
  host: FakeHost,
  ...rest: Parameters<typeof createAppsScriptGlobals> extends [unknown, ...infer R] ? R : never
): Addon {
  const context = createContext({ ...createAppsScriptGlobals(host, ...rest) })
  new Script(code).runInContext(context)
  return context as unknown as Addon
}
