/**
 * `npm run addin:dev`: the sync service with the add-in over HTTPS on https://localhost:3000, using
 * the Office development certificates (office-addin-dev-certs installs a local CA on first run), so
 * that Excel can load manifests/manifest.dev.xml. Data goes to ./data as with `npm start`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:https'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { getHttpsServerOptions } from 'office-addin-dev-certs'
import { createApp } from '../server/http/app.ts'
import { createAddinServer } from '../server/http/addin.ts'
import { readCatalog } from '../server/province/catalog.ts'
import { computeDatabasePath, renderGreeting, seedStore } from '../server/http/serve.ts'
import { createStore } from '../server/store/index.ts'

const port = Number(process.env.PORT ?? 3000)
const dataDir = process.env.CCHC_DATA ?? 'data'
/** The development certificate; when the CA cannot be installed here (no sudo), the generated files are used and the user is told to trust the CA. */
async function readCertificates(): Promise<{ key: Buffer | string; cert: Buffer | string }> {
  try {
    return await getHttpsServerOptions()
  } catch (error) {
    const dir = join(homedir(), '.office-addin-dev-certs')
    if (!existsSync(join(dir, 'localhost.crt'))) throw error
    process.stderr.write(
      `Không cài được chứng chỉ gốc phát triển (${(error as Error).message.split('\n')[0]}).\n` +
        `Hãy tự tin cậy ${join(dir, 'ca.crt')} trên máy này rồi mở lại Excel. / Trust that CA certificate manually.\n`,
    )
    return {
      key: readFileSync(join(dir, 'localhost.key')),
      cert: readFileSync(join(dir, 'localhost.crt')),
    }
  }
}

const https = await readCertificates()
const store = createStore(computeDatabasePath(dataDir))
const catalog = await readCatalog()
const { adminToken } = seedStore(store, catalog, new Date())
const app = createApp({
  store,
  catalog,
  adminToken: process.env.CCHC_ADMIN_TOKEN || null,
  serveAddin: createAddinServer(),
})
serve({ fetch: app.fetch, port, hostname: '127.0.0.1', createServer, serverOptions: https }, () => {
  process.stdout.write(
    `${renderGreeting(`https://localhost:${port}`, adminToken, dataDir)}\n  Add-in: https://localhost:${port}/addin/taskpane.html (manifests/manifest.dev.xml)\n`,
  )
})
