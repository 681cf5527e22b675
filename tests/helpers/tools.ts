import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** System tools some tests use as independent readers or browsers; `npm run test:setup` installs them. */
const tools = {
  chromium: { package: 'chromium', probe: () => existsSync(chromiumExecutable()) },
  openpyxl: {
    package: 'python3-openpyxl',
    probe: () => succeeds('/usr/bin/python3', ['-c', 'import openpyxl']),
  },
  soffice: { package: 'libreoffice-calc', probe: () => succeeds('soffice', ['--version']) },
} as const

export type Tool = keyof typeof tools

const known = new Map<Tool, boolean>()

function succeeds(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 60_000 })
    return true
  } catch {
    return false
  }
}

function chromiumExecutable(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

/**
 * Fails the calling test with the command that installs a missing tool: a test never skips silently.
 */
export function requireTool(tool: Tool): void {
  let present = known.get(tool)
  if (present === undefined) {
    present = tools[tool].probe()
    known.set(tool, present)
  }
  if (!present) {
    throw new Error(
      `This test needs ${tool}, which is not installed. Run \`npm run test:setup\` ` +
        `(apt-get install ${tools[tool].package}) and try again.`,
    )
  }
}

/** The Chromium executable for playwright-core, after checking it is installed. */
export function resolveChromium(): string {
  requireTool('chromium')
  return chromiumExecutable()
}

/** Runs a Python script with Debian's python3 and openpyxl; returns its standard output. */
export function runOpenpyxl(script: string, args: string[]): string {
  requireTool('openpyxl')
  return execFileSync('/usr/bin/python3', ['-c', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
}
