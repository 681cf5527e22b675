#!/usr/bin/env node
// The CLI is written in TypeScript; tsx loads it without a build step.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../server/cli.ts')
process.exitCode = await runCli(process.argv.slice(2))
