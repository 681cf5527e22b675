#!/usr/bin/env node
// Runs the CLI built by `npm ci` (prepare → dist/). In a checkout whose sources are newer than the
// build, or that has none, tsx loads the TypeScript sources instead (slower start, same behaviour).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const built = `${root}dist/cli.js`

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (/\.(ts|css|html)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

function isBuildCurrent() {
  if (!existsSync(built)) return false
  const builtAt = statSync(built).mtimeMs
  return ['core', 'server', 'addin'].every((dir) => newestSource(`${root}${dir}`) <= builtAt)
}

// A closed pipe (`cchc … | head`) ends output quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})
let cli
if (isBuildCurrent()) {
  cli = await import(built)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  cli = await import('../server/cli/main.ts')
}
process.exitCode = await cli.runCli(process.argv.slice(2))
