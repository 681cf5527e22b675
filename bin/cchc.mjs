#!/usr/bin/env node
// The CLI is written in TypeScript; tsx loads it without a build step.
import { register } from 'tsx/esm/api'

register()
// A closed pipe (`cchc … | head`) ends output quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})
const { runCli } = await import('../server/cli.ts')
process.exitCode = await runCli(process.argv.slice(2))
