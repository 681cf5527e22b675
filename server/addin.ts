import { readdir, readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The origins allowed to frame /addin/ pages (CSP `frame-ancestors` checks every ancestor, not only the
 * parent): Excel on the web's own frame (`*.officeapps.live.com`, `*.cloud.microsoft`) and each page that
 * hosts it — Microsoft 365 (`*.office.com`, `*.microsoft365.com`, `*.cloud.microsoft`), work files on
 * SharePoint/OneDrive for Business (`*.sharepoint.com`) and personal OneDrive (`onedrive.live.com`).
 */
export const addinFrameAncestors = [
  "'self'",
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://onedrive.live.com',
  'https://*.onedrive.live.com',
  'https://*.sharepoint.com',
  'https://*.microsoft365.com',
  'https://*.microsoft.com',
  'https://*.cloud.microsoft',
] as const

/** The add-in's source folder. */
export const addinDir = fileURLToPath(new URL('../addin/', import.meta.url))

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
}

export type AddinFiles = Map<string, { body: Uint8Array; type: string }>

/**
 * Builds the add-in in memory: the task pane and the ribbon command bundled with core (esbuild),
 * their pages, styles and icons. Nothing is written to the repository (no build output to commit).
 */
export async function buildAddin(): Promise<AddinFiles> {
  // Loaded on demand: only `serve` builds the add-in, other commands never load esbuild.
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: {
      taskpane: join(addinDir, 'taskpane/taskpane.ts'),
      commands: join(addinDir, 'commands/commands.ts'),
      message: join(addinDir, 'commands/message.ts'),
    },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    outdir: 'out',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  })
  const files: AddinFiles = new Map()
  for (const file of result.outputFiles)
    files.set(file.path.slice(file.path.lastIndexOf('/') + 1), {
      body: file.contents,
      type: types['.js']!,
    })
  for (const page of [
    'taskpane/taskpane.html',
    'taskpane/taskpane.css',
    'commands/commands.html',
    'commands/message.html',
  ]) {
    files.set(page.slice(page.indexOf('/') + 1), {
      body: await readFile(join(addinDir, page)),
      type: types[extname(page)]!,
    })
  }
  for (const icon of await readdir(join(addinDir, 'assets'))) {
    files.set(`assets/${icon}`, {
      body: await readFile(join(addinDir, 'assets', icon)),
      type: types[extname(icon)] ?? 'application/octet-stream',
    })
  }
  return files
}

/** Serves built add-in files by path (for the sync service's /addin/ route). */
export function createAddinServer(
  files: Promise<AddinFiles>,
): (path: string) => Promise<Response | null> {
  return async (path) => {
    const file = (await files).get(path || 'taskpane.html')
    if (!file) return null
    return new Response(file.body as BodyInit, {
      headers: { 'Content-Type': file.type, 'Cache-Control': 'no-cache' },
    })
  }
}
