import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Script, createContext } from 'node:vm'
import { build } from 'esbuild'

/** The add-on's source folder and where `npm run sheets:build` writes it (git-ignored, for `clasp push`). */
export const sheetsAddonDir = fileURLToPath(new URL('../sheets-addon/', import.meta.url))
export const sheetsAddonOut = fileURLToPath(new URL('../sheets-addon/build/', import.meta.url))

/** What Apps Script calls by name: menu items, simple triggers and the sidebar's google.script.run. */
export const entryFunctions = [
  'onOpen',
  'onInstall',
  'showSidebar',
  'readDefaults',
  'saveSettings',
  'checkActiveSheet',
  'fixActiveSheet',
  'clearActiveSheet',
  'selectCell',
  'sendReport',
  'readReportState',
  'runCheckFromMenu',
  'runClearFromMenu',
] as const

async function bundle(entry: string, globalName?: string): Promise<string> {
  const result = await build({
    entryPoints: [join(sheetsAddonDir, entry)],
    bundle: true,
    format: 'iife',
    ...(globalName ? { globalName } : {}),
    target: 'es2019',
    platform: 'neutral',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

/**
 * Builds the editor add-on from the same core: `Code.js` (one script; each entry function declared
 * at top level, as Apps Script requires), `Sidebar.html` (page, styles and bundled client script
 * inlined) and `appsscript.json`. Throws when an entry function is missing.
 */
export async function buildSheetsAddon(): Promise<Map<string, string>> {
  const library = await bundle('code.ts', 'CCHC')
  const wrappers = entryFunctions
    .map((name) => `function ${name}() { return CCHC.${name}.apply(null, arguments) }`)
    .join('\n')
  const code = `// CCHC Annex — Google Sheets add-on (built by npm run sheets:build; do not edit)\n${library}\n${wrappers}\n`
  // The build asserts what Apps Script will look for: each entry a top-level function backed by the bundle.
  const context = createContext({})
  new Script(code).runInContext(context)
  for (const name of entryFunctions) {
    if (typeof context[name] !== 'function' || typeof context.CCHC?.[name] !== 'function')
      throw new Error(`Apps Script entry function missing from the bundle: ${name}`)
  }
  const page = await readFile(join(sheetsAddonDir, 'sidebar/sidebar.html'), 'utf8')
  const css = await readFile(
    fileURLToPath(new URL('../addin/taskpane/taskpane.css', import.meta.url)),
    'utf8',
  )
  const script = (await bundle('sidebar/sidebar.ts')).replace(/<\/script/gi, '<\\/script')
  const sidebar = page.replace('/* STYLE */', () => css).replace('/* SCRIPT */', () => script)
  const manifest = await readFile(join(sheetsAddonDir, 'appsscript.json'), 'utf8')
  return new Map([
    ['Code.js', code],
    ['Sidebar.html', sidebar],
    ['appsscript.json', manifest],
  ])
}

/** Writes the built add-on to a folder (default `sheets-addon/build/`). */
export async function writeSheetsAddon(outDir = sheetsAddonOut): Promise<string[]> {
  const files = await buildSheetsAddon()
  await mkdir(outDir, { recursive: true })
  for (const [name, text] of files) await writeFile(join(outDir, name), text)
  return [...files.keys()].map((name) => join(outDir, name))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = await writeSheetsAddon()
  process.stdout.write(
    `Đã tạo add-on Google Sheets / Built the Sheets add-on:\n${written.map((f) => `  ${f}`).join('\n')}\n` +
      `Tiếp theo / Next: cd sheets-addon/build && npx @google/clasp push (xem README)\n`,
  )
}
