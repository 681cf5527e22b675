/**
 * `npm run addin:dev`: the sync service with the add-in over HTTPS on https://localhost:3000, using
 * the Office development certificates (office-addin-dev-certs installs a local CA on first run), so
 * that Excel can load manifests/manifest.dev.xml. Data goes to ./data as with `npm start`.
 */
import { createServer } from 'node:https'
import { serve } from '@hono/node-server'
import { getHttpsServerOptions } from 'office-addin-dev-certs'
import { createApp } from '../server/app.ts'
import { buildAddin, createAddinServer } from '../server/addin.ts'
import { readCatalog } from '../server/catalog.ts'
import { computeDatabasePath, renderGreeting, seedStore } from '../server/serve.ts'
import { createStore } from '../server/store.ts'

const port = Number(process.env.PORT ?? 3000)
const dataDir = process.env.CCHC_DATA ?? 'data'
const https = await getHttpsServerOptions()
const store = createStore(computeDatabasePath(dataDir))
const catalog = await readCatalog()
const { adminToken } = seedStore(store, catalog, new Date())
const app = createApp({ store, catalog, adminToken: process.env.CCHC_ADMIN_TOKEN || null, serveAddin: createAddinServer(buildAddin()) })
serve({ fetch: app.fetch, port, hostname: '127.0.0.1', createServer, serverOptions: https }, () => {
  process.stdout.write(`${renderGreeting(`https://localhost:${port}`, adminToken, dataDir)}\n  Add-in: https://localhost:${port}/addin/taskpane.html (manifests/manifest.dev.xml)\n`)
})
