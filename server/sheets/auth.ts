import { randomBytes } from 'node:crypto'
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { homedir, platform } from 'node:os'
import { dirname, join } from 'node:path'
import { auth, sheets, type sheets_v4 } from '@googleapis/sheets'
import { AppError } from '../errors/index.ts'

/** Editing the user's sheets needs the full spreadsheets scope (drive.file only covers files we created). */
export const editScopes = ['https://www.googleapis.com/auth/spreadsheets']
/** The service only reads agencies' sheets. */
export const readScopes = ['https://www.googleapis.com/auth/spreadsheets.readonly']

type Env = Record<string, string | undefined>
type OAuth2Client = InstanceType<typeof auth.OAuth2>

/** The cached login, in the shape google-auth-library reads as an `authorized_user` file. */
export type CachedLogin = {
  type: 'authorized_user'
  client_id: string
  client_secret: string
  refresh_token: string
  access_token?: string | null
  expiry_date?: number | null
}

/** The user's config directory for cchc (CCHC_CONFIG_DIR overrides, for tests and portable set-ups). */
export function computeConfigDir(env: Env = process.env): string {
  if (env.CCHC_CONFIG_DIR) return env.CCHC_CONFIG_DIR
  const home = homedir()
  if (platform() === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'cchc')
  if (platform() === 'darwin') return join(home, 'Library', 'Application Support', 'cchc')
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'cchc')
}

export function computeTokenPath(env: Env = process.env): string {
  return join(computeConfigDir(env), 'google-token.json')
}

/** Writes the token file atomically (temp file + rename), readable by the user only (0600). */
export async function writeCachedLogin(path: string, login: CachedLogin): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(temp, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  await chmod(temp, 0o600)
  await rename(temp, path)
}

export async function readCachedLogin(path: string): Promise<CachedLogin | null> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as CachedLogin
    return data.type === 'authorized_user' && data.refresh_token ? data : null
  } catch {
    return null
  }
}

/** OAuth endpoints: Google's, or CCHC_GOOGLE_OAUTH_URL (a private gateway or the test fake). */
function readEndpoints(env: Env) {
  const base = env.CCHC_GOOGLE_OAUTH_URL?.replace(/\/$/, '')
  return base
    ? {
        oauth2AuthBaseUrl: `${base}/auth`,
        oauth2TokenUrl: `${base}/token`,
        oauth2RevokeUrl: `${base}/revoke`,
      }
    : {}
}

function createOAuthClient(env: Env, clientId: string, clientSecret: string, redirectUri?: string) {
  return new auth.OAuth2({
    clientId,
    clientSecret,
    ...(redirectUri ? { redirectUri } : {}),
    endpoints: readEndpoints(env),
  })
}

/** Client id and secret of the province's "Desktop app" OAuth client (a downloaded JSON, or env). */
export async function readClientSecret(
  file: string | undefined,
  env: Env = process.env,
): Promise<{ clientId: string; clientSecret: string }> {
  if (file) {
    const json = JSON.parse(await readFile(file, 'utf8')) as {
      installed?: { client_id?: string; client_secret?: string }
    }
    const c = json.installed
    if (c?.client_id && c.client_secret)
      return { clientId: c.client_id, clientSecret: c.client_secret }
    throw new AppError('sheets/login', `${file}: "installed.client_id"`)
  }
  if (env.CCHC_GOOGLE_CLIENT_ID && env.CCHC_GOOGLE_CLIENT_SECRET)
    return { clientId: env.CCHC_GOOGLE_CLIENT_ID, clientSecret: env.CCHC_GOOGLE_CLIENT_SECRET }
  throw new AppError('sheets/login', '--client client_secret.json / CCHC_GOOGLE_CLIENT_ID')
}

/** The credentials to call Sheets with: an access token, a service account, or the cached login. */
export async function createAuthClient(
  env: Env = process.env,
  scopes: string[] = editScopes,
): Promise<OAuth2Client | InstanceType<typeof auth.GoogleAuth>> {
  if (env.CCHC_GOOGLE_ACCESS_TOKEN) {
    const client = new auth.OAuth2()
    client.setCredentials({ access_token: env.CCHC_GOOGLE_ACCESS_TOKEN })
    return client
  }
  if (env.GOOGLE_APPLICATION_CREDENTIALS)
    return new auth.GoogleAuth({ keyFile: env.GOOGLE_APPLICATION_CREDENTIALS, scopes })
  const path = computeTokenPath(env)
  const login = await readCachedLogin(path)
  if (!login) throw new AppError('sheets/no-credentials')
  const client = createOAuthClient(env, login.client_id, login.client_secret)
  client.setCredentials({
    refresh_token: login.refresh_token,
    access_token: login.access_token ?? null,
    expiry_date: login.expiry_date ?? null,
  })
  // A refreshed access token is cached again so the next run need not refresh.
  client.on('tokens', (tokens) => {
    void writeCachedLogin(path, {
      ...login,
      access_token: tokens.access_token ?? null,
      expiry_date: tokens.expiry_date ?? null,
      refresh_token: tokens.refresh_token ?? login.refresh_token,
    }).catch(() => undefined)
  })
  return client
}

/** The Sheets v4 client: Google's, or the server at CCHC_SHEETS_API_URL (only its origin is used). */
export function createSheetsApi(
  client: OAuth2Client | InstanceType<typeof auth.GoogleAuth>,
  env: Env = process.env,
): sheets_v4.Sheets {
  return sheets({
    version: 'v4',
    auth: client,
    // We retry ourselves (POST included) with jittered backoff; gaxios's own retries would compound.
    retry: false,
    ...(env.CCHC_SHEETS_API_URL ? { rootUrl: env.CCHC_SHEETS_API_URL } : {}),
  })
}

export type LoginDeps = {
  env?: Env
  clientId: string
  clientSecret: string
  /** Shows the consent page: opens a browser, or prints the link. */
  open: (url: string) => void | Promise<void>
  timeoutMs?: number
}

const donePage = `<!doctype html><meta charset="utf-8"><title>CCHC</title>
<p>Đã đăng nhập Google cho cchc. Có thể đóng trang này và quay lại cửa sổ lệnh.</p>
<p lang="en">Signed in to Google for cchc. You may close this page.</p>`

/**
 * Desktop OAuth with PKCE: a one-shot server on a loopback port receives the code, which is exchanged
 * with the code verifier; the token is cached (0600, atomic). Consent is always asked for, so Google
 * returns a refresh token; if it still does not, the previous one is kept.
 */
export async function loginWithBrowser(deps: LoginDeps): Promise<string> {
  const env = deps.env ?? process.env
  const path = computeTokenPath(env)
  const state = randomBytes(16).toString('hex')
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const redirectUri = `http://127.0.0.1:${port}`
  const client = createOAuthClient(env, deps.clientId, deps.clientSecret, redirectUri)
  try {
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync()
    const code = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new AppError('sheets/login', 'timeout')),
        deps.timeoutMs ?? 300_000,
      )
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', redirectUri)
        const got = url.searchParams.get('code')
        if (url.searchParams.get('state') !== state || (!got && !url.searchParams.get('error'))) {
          res.writeHead(400).end()
          return
        }
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(donePage)
        clearTimeout(timer)
        if (got) resolve(got)
        else reject(new AppError('sheets/login', url.searchParams.get('error') ?? ''))
      })
    })
    await deps.open(
      client.generateAuthUrl({
        access_type: 'offline',
        prompt: 'consent',
        scope: editScopes,
        state,
        code_challenge_method: 'S256' as never,
        code_challenge: codeChallenge!,
      }),
    )
    const { tokens } = await client.getToken({ code: await code, codeVerifier: codeVerifier! })
    const previous = await readCachedLogin(path)
    const refresh =
      tokens.refresh_token ??
      (previous?.client_id === deps.clientId ? previous.refresh_token : undefined)
    if (!refresh) throw new AppError('sheets/login', 'no refresh token')
    await writeCachedLogin(path, {
      type: 'authorized_user',
      client_id: deps.clientId,
      client_secret: deps.clientSecret,
      refresh_token: refresh,
      access_token: tokens.access_token ?? null,
      expiry_date: tokens.expiry_date ?? null,
    })
    return path
  } finally {
    server.close()
  }
}

/** Forgets the cached login (and revokes it at Google, best effort). */
export async function logout(env: Env = process.env): Promise<boolean> {
  const path = computeTokenPath(env)
  const login = await readCachedLogin(path)
  if (login) {
    const client = createOAuthClient(env, login.client_id, login.client_secret)
    await client.revokeToken(login.refresh_token).catch(() => undefined)
  }
  await rm(path, { force: true })
  return login !== null
}
