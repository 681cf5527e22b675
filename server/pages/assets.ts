import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { renderDashboardScript } from '../dashboard.ts'
import { loginStyles } from './login.ts'

export type Asset = { body: string; type: string }

const scriptType = 'text/javascript; charset=utf-8'

async function buildLoginScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./login-client.ts', import.meta.url))],
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
        ['dashboard.js', { body: renderDashboardScript(), type: scriptType }],
      ]),
  )
  return assets
}
