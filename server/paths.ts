import { existsSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

// Modules run from their TypeScript sources (server/<wing>/x.ts) or from the build (dist/x.js, chunks
// flattened): neither depth can be assumed, so the repository is found by its package.json.
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`package.json not found above ${start}`)
  }
}

const here = fileURLToPath(import.meta.url)

/** The repository (or installed package) folder, ending with a path separator. */
export const rootDir = findRoot(dirname(here)) + sep

/** Whether this code runs from the build in dist/ rather than from the TypeScript sources. */
export const isBuilt = relative(rootDir, here).split(sep)[0] === 'dist'

/** The folder of shipped plans, registries and profiles. */
export const templatesDir = join(rootDir, 'templates') + sep

/** The add-in's source folder (pages, styles, icons, scripts). */
export const addinDir = join(rootDir, 'addin') + sep

/** Where the build writes the bundled web pages (dashboard, sign-in page, add-in). */
export const webBuildDir = join(rootDir, 'dist', 'web') + sep
