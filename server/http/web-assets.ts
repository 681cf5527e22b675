import { readdir, readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { addinDir, isBuilt, rootDir, webBuildDir } from '../paths.ts'

/** A built web file: its bytes and content type. */
export type WebFile = { body: Uint8Array; type: string }

/** Every web file the service serves, by path: `dashboard/client.js`, `pages/login.js`, `addin/taskpane.html` … */
export type WebFiles = Map<string, WebFile>

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
}

/** The browser scripts, bundled with core (labels, dates) into one IIFE each: output path → source. */
export const webScripts: Record<string, string> = {
  'dashboard/client': 'server/http/dashboard/client.tsx',
  'pages/login': 'server/http/pages/login-client.ts',
  'addin/taskpane': 'addin/taskpane/taskpane.ts',
  'addin/commands': 'addin/commands/commands.ts',
  'addin/message': 'addin/commands/message.ts',
}

/** Files served as they are: output path → source. */
const webStatics: Record<string, string> = {
  'dashboard/styles.css': 'server/http/dashboard/styles.css',
  'pages/login.css': 'server/http/pages/login.css',
  'addin/taskpane.html': 'addin/taskpane/taskpane.html',
  'addin/taskpane.css': 'addin/taskpane/taskpane.css',
  'addin/commands.html': 'addin/commands/commands.html',
  'addin/message.html': 'addin/commands/message.html',
}

const typeOf = (path: string) => types[extname(path)] ?? 'application/octet-stream'

/**
 * Bundles the web pages' scripts (one esbuild call) and gathers their pages, styles and icons. Run once
 * by `scripts/build.mjs` (into dist/web/) and, when the service runs from its sources, once in memory.
 */
export async function buildWebFiles(): Promise<WebFiles> {
  // Loaded on demand: commands other than `serve` never load esbuild.
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: Object.fromEntries(
      Object.entries(webScripts).map(([out, source]) => [out, join(rootDir, source)]),
    ),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    outdir: webBuildDir,
    minify: true,
    legalComments: 'none',
    // The dashboard's views are Preact components (.tsx); other pages have no JSX.
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  })
  const files: WebFiles = new Map()
  for (const file of result.outputFiles)
    files.set(file.path.slice(webBuildDir.length), { body: file.contents, type: typeOf(file.path) })
  for (const [out, source] of Object.entries(webStatics))
    files.set(out, { body: await readFile(join(rootDir, source)), type: typeOf(out) })
  for (const icon of await readdir(join(addinDir, 'assets')))
    files.set(`addin/assets/${icon}`, {
      body: await readFile(join(addinDir, 'assets', icon)),
      type: typeOf(icon),
    })
  return files
}

/** Reads what `buildWebFiles` wrote into dist/web/. */
async function readBuiltWebFiles(): Promise<WebFiles> {
  const files: WebFiles = new Map()
  for (const entry of await readdir(webBuildDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files.set(path.slice(webBuildDir.length), { body: await readFile(path), type: typeOf(path) })
  }
  return files
}

let loaded: Promise<WebFiles> | null = null

/** The web files: the build's when the service runs from dist/, else bundled once in memory. */
export function loadWebFiles(): Promise<WebFiles> {
  loaded ??= isBuilt ? readBuiltWebFiles() : buildWebFiles()
  return loaded
}

/** Answers a web file by path, or null when there is none. */
export async function serveWebFile(
  files: Promise<WebFiles>,
  path: string,
): Promise<Response | null> {
  const file = (await files).get(path)
  if (!file) return null
  return new Response(file.body as BodyInit, {
    headers: { 'Content-Type': file.type, 'Cache-Control': 'no-cache' },
  })
}
