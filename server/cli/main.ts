import { parseArgs, type ParseArgsConfig } from 'node:util'
import { commands, type Command } from './commands.ts'
import type { Args, Flags } from './flags.ts'
import { renderCommandHelp, renderHelp } from './help.ts'
import { AppError } from '../errors/index.ts'
import { describeCliError, fail } from './io.ts'

// Only the dispatcher, the command table and the help load at start; each command's modules
// (ExcelJS, SQLite, Hono) are imported when that command runs, so `cchc --help` answers at once.

const title = 'cchc — kiểm tra và tổng hợp phụ lục kế hoạch cải cách hành chính (CCHC)'

/** The help listing every command (generated from the command table). */
export const helpText = renderHelp(commands, title)

/** The command named by the first words of `argv` (two words before one), with the words left. */
function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ')
    const command = commands.find((c) => c.name === name)
    if (command && argv.length >= words) return { command, rest: argv.slice(words) }
  }
  return null
}

/** The commands of a family ("plan", "sheets") when `word` names one. */
function findFamily(word: string | undefined): Command[] {
  return word ? commands.filter((c) => c.name.startsWith(`${word} `)) : []
}

type ParseOptions = NonNullable<ParseArgsConfig['options']>

function toParseArgsOptions(flags: Flags): ParseOptions {
  const options: ParseOptions = {}
  for (const [name, f] of Object.entries(flags))
    options[name] = {
      type: f.type,
      ...(f.short ? { short: f.short } : {}),
      ...(f.default !== undefined ? { default: f.default } : {}),
    } as ParseOptions[string]
  return options
}

/** Runs the CLI and returns its exit code; bad input gets a message, never a stack trace. */
export async function runCli(argv: string[]): Promise<number> {
  const [first, second] = argv
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    const topic = second ? (findCommand(argv.slice(1))?.command ?? null) : null
    const family = findFamily(second)
    if (topic) process.stdout.write(renderCommandHelp(topic))
    else if (family.length) process.stdout.write(renderHelp(family, title))
    else process.stdout.write(helpText)
    return 0
  }
  const found = findCommand(argv)
  if (!found) {
    const family = findFamily(first)
    if (family.length) {
      const asked = second === undefined || second === 'help' || second === '--help'
      if (asked) {
        process.stdout.write(renderHelp(family, title))
        return 0
      }
      return fail(
        `Lệnh không hợp lệ / Unknown command: ${first} ${second}\n\n${renderHelp(family, title)}`,
      )
    }
    return fail(`Lệnh không hợp lệ / Unknown command: ${first}\n\n${helpText}`)
  }
  const { command, rest } = found
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(renderCommandHelp(command))
    return 0
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: toParseArgsOptions(command.flags),
      allowPositionals: true,
      strict: true,
    })
    return await command.run({ values, positionals, raw: rest } as Args<Flags>)
  } catch (error) {
    const usage = error instanceof AppError && error.code === 'cli/usage'
    const more = usage ? `\nXem / See: cchc help ${command.name}` : ''
    return fail(`${describeCliError(error, renderCommandHelp(command))}${more}`)
  }
}
