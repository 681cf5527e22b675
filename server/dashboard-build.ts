import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

// This module sits directly in server/ so that the same path resolves from the built dist/ too.
const dashboardDir = fileURLToPath(new URL('../server/dashboard/', import.meta.url))
const clientEntry = `${dashboardDir}client.ts`
const stylesPath = `${dashboardDir}styles.css`

export type DashboardFiles = Map<string, { body: Uint8Array; type: string }>

/**
 * Builds the dashboard's client in memory (esbuild, with core's labels and dates bundled) and reads
 * its styles: served at /dashboard/, nothing written to the repository.
 */
export async function buildDashboard(): Promise<DashboardFiles> {
  const result = await build({
    entryPoints: [clientEntry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  })
  return new Map([
    [
      'client.js',
      { body: result.outputFiles[0]!.contents, type: 'text/javascript; charset=utf-8' },
    ],
    ['styles.css', { body: await readFile(stylesPath), type: 'text/css; charset=utf-8' }],
  ])
}

let built: Promise<DashboardFiles> | null = null

/** Serves the dashboard's built files by name, building them once on first use. */
export async function serveDashboardFile(name: string): Promise<Response | null> {
  built ??= buildDashboard()
  const file = (await built).get(name)
  if (!file) return null
  return new Response(file.body as BodyInit, {
    headers: { 'Content-Type': file.type, 'Cache-Control': 'no-cache' },
  })
}
