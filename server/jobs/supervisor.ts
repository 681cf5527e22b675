import { spawn, type ChildProcess } from 'node:child_process'

/** Exit codes that mean "fix the command", not "crashed": restarting would not help. */
const usageExitCodes = new Set([2])

/**
 * `cchc serve` runs the service in a child process and restarts it whenever it dies (a crash, out
 * of memory, kill -9), waiting 1 s, doubling up to 30 s while it keeps dying young. SIGINT/SIGTERM
 * stop both. The child exits by itself when the supervisor disappears (its IPC channel closes).
 */
export function runSupervisor(args: string[], entry = process.argv[1]!): Promise<number> {
  return new Promise((done) => {
    let child: ChildProcess | null = null
    let stopping = false
    let delay = 1000
    const start = () => {
      const started = Date.now()
      child = spawn(process.execPath, [...process.execArgv, entry, 'serve', ...args], {
        env: { ...process.env, CCHC_SUPERVISED: '1' },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
      child.once('exit', (code, signal) => {
        if (stopping) return done(code ?? 0)
        if (code !== null && usageExitCodes.has(code) && Date.now() - started < 10_000)
          return done(code)
        delay = Date.now() - started > 60_000 ? 1000 : Math.min(delay * 2, 30_000)
        process.stderr.write(
          `[cchc] máy chủ dừng (${signal ?? code}); khởi động lại sau ${delay} ms / service stopped, restarting\n`,
        )
        setTimeout(start, delay)
      })
    }
    const stop = () => {
      stopping = true
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      else done(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    delay = 500
    start()
  })
}
