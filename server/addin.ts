import { readdir, readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

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
  const result = await build({
    entryPoints: {
      taskpane: join(addinDir, 'taskpane/taskpane.ts'),
      commands: join(addinDir, 'commands/commands.ts'),
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
