import { loadWebFiles, serveWebFile } from './web-assets.ts'

/**
 * The origins allowed to frame /addin/ pages (CSP `frame-ancestors` checks every ancestor, not only the
 * parent): Excel on the web's own frame (`*.officeapps.live.com`, `*.cloud.microsoft`) and each page that
 * hosts it — Microsoft 365 (`*.office.com`, `*.microsoft365.com`, `*.cloud.microsoft`), work files on
 * SharePoint/OneDrive for Business (`*.sharepoint.com`) and personal OneDrive (`onedrive.live.com`).
 */
export const addinFrameAncestors = [
  "'self'",
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://onedrive.live.com',
  'https://*.onedrive.live.com',
  'https://*.sharepoint.com',
  'https://*.microsoft365.com',
  'https://*.microsoft.com',
  'https://*.cloud.microsoft',
] as const

/** Serves the add-in's pages, scripts and icons by path (for the sync service's /addin/ route). */
export function createAddinServer(): (path: string) => Promise<Response | null> {
  const files = loadWebFiles()
  return (path) => serveWebFile(files, `addin/${path || 'taskpane.html'}`)
}
