import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'
import { loginStyles } from './login.ts'

export type Asset = { body: string; type: string }

const scriptType = 'text/javascript; charset=utf-8'

/** The client script's source: beside this module, or (from the dist/ build) in server/pages/. */
function locateClient(): string {
  const here = fileURLToPath(new URL('./login-client.ts', import.meta.url))
  return existsSync(here)
    ? here
    : fileURLToPath(new URL('../server/pages/login-client.ts', import.meta.url))
}

async function buildLoginScript(): Promise<string> {
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: [locateClient()],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    write: false,
  })
  return result.outputFiles[0]!.text
}

let assets: Promise<Map<string, Asset>> | null = null

/** The pages' scripts and styles, built once on first use (no inline script anywhere). */
export function readPageAssets(): Promise<Map<string, Asset>> {
  assets ??= buildLoginScript().then(
    (login) =>
      new Map([
        ['login.js', { body: login, type: scriptType }],
        ['login.css', { body: loginStyles, type: 'text/css; charset=utf-8' }],
      ]),
  )
  return assets
}
