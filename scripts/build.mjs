// Builds the CLI and server to JavaScript in dist/ (git-ignored) so `cchc` starts without transpiling.
// Run by `npm ci`/`npm install` (prepare) and by `npm run build`. Packages stay external (node_modules);
// chunks sit beside the entry so paths such as new URL('../templates/', import.meta.url) still resolve.
import { build } from 'esbuild'
import { readdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const workers = readdirSync(`${root}server`)
  .filter((name) => name.endsWith('.worker.ts'))
  .map((name) => `${root}server/${name}`)

rmSync(`${root}dist`, { recursive: true, force: true })
await build({
  entryPoints: [`${root}server/cli.ts`, ...workers],
  outdir: `${root}dist`,
  outbase: `${root}server`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
})
console.log(`cchc: built dist/ (cli${workers.length ? ` + ${workers.length} worker(s)` : ''})`)
