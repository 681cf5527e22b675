// Builds the CLI and service to JavaScript in dist/ (git-ignored) so `cchc` starts without transpiling,
// and the web pages (dashboard, sign-in page, Excel add-in) into dist/web/, once, for the service to serve.
// Run by `npm ci`/`npm install` (prepare) and by `npm run build`. Packages stay external (node_modules);
// entries and chunks sit flat in dist/ (server/paths.ts finds the repository from any depth).
import { build } from 'esbuild'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { buildWebFiles } from '../server/http/web-assets.ts'
import { rootDir, webBuildDir } from '../server/paths.ts'

const jobs = join(rootDir, 'server/jobs')
const workers = Object.fromEntries(
  readdirSync(jobs)
    .filter((name) => name.endsWith('.worker.ts'))
    .map((name) => [name.replace(/\.ts$/, ''), join(jobs, name)]),
)

rmSync(join(rootDir, 'dist'), { recursive: true, force: true })
await build({
  entryPoints: { cli: join(rootDir, 'server/cli/main.ts'), ...workers },
  outdir: join(rootDir, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
})
const web = await buildWebFiles()
for (const [path, file] of web) {
  mkdirSync(dirname(join(webBuildDir, path)), { recursive: true })
  writeFileSync(join(webBuildDir, path), file.body)
}
console.log(
  `cchc: built dist/ (cli + ${Object.keys(workers).length} worker(s), ${web.size} web files)`,
)
