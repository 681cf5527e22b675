import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

/** Runs a system tool the printing tests need; a missing one fails naming the command that installs it. */
function runTool(tool: string, args: string[], timeout = 180_000): string {
  try {
    return execFileSync(tool, args, {
      encoding: 'utf8',
      stdio: 'pipe',
      timeout,
      maxBuffer: 256 * 1024 * 1024,
    })
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT')
      throw new Error(
        `${tool} is missing: run \`npm run test:setup\` (installs LibreOffice and poppler-utils)`,
      )
    throw error
  }
}

/** Converts workbooks or documents to PDF with LibreOffice in one run (as printing them would); returns the PDF paths. */
export function convertToPdf(paths: string[], outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'cchc-pdf-'))
  try {
    runTool('soffice', [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}/profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...paths,
    ])
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  return paths.map((p) => {
    const pdf = join(outDir, `${basename(p).replace(/\.(xlsx|docx)$/, '')}.pdf`)
    if (!existsSync(pdf))
      throw new Error(
        `LibreOffice wrote no PDF for ${p}` +
          (p.endsWith('.docx')
            ? ': is LibreOffice Writer installed? Run `npm run test:setup`'
            : ''),
      )
    return pdf
  })
}

export type PdfWord = { text: string; x0: number; y0: number; x1: number; y1: number }
export type PdfPage = { width: number; height: number; text: string; words: PdfWord[] }

/** Every page's size, its text in reading order and its words with their boxes (poppler's pdftotext). */
export function readPdfPages(pdf: string): PdfPage[] {
  const html = runTool('pdftotext', ['-bbox', pdf, '-'])
  const pages: PdfPage[] = []
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&amp;/g, '&')
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words: PdfWord[] = []
    for (const w of m[3]!.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ))
      words.push({
        text: decode(w[5]!),
        x0: Number(w[1]),
        y0: Number(w[2]),
        x1: Number(w[3]),
        y1: Number(w[4]),
      })
    pages.push({
      width: Number(m[1]),
      height: Number(m[2]),
      text: words.map((w) => w.text).join(' '),
      words,
    })
  }
  return pages
}

/**
 * The size (points) a word is set in, from its box: pdftotext's box is the font's whole height, 1.3
 * times the size for Times New Roman (measured in LibreOffice's output: 8 pt → 10.39, 9 pt → 11.72).
 */
export function readTextSize(word: Pick<PdfWord, 'y0' | 'y1'>): number {
  return Math.round(((word.y1 - word.y0) / 1.3) * 10) / 10
}

/** Pairs of words on a page whose boxes overlap by more than a third of the smaller one: text drawn over text. */
export function findOverlappingWords(page: PdfPage): [PdfWord, PdfWord][] {
  const words = [...page.words].sort((a, b) => a.y0 - b.y0)
  const found: [PdfWord, PdfWord][] = []
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!
    for (let j = i + 1; j < words.length && words[j]!.y0 < a.y1; j++) {
      const b = words[j]!
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
      if (w <= 0 || h <= 0) continue
      const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0))
      if (w * h > smaller / 3) found.push([a, b])
    }
  }
  return found
}

/** Renders one page to a PNG (poppler's pdftoppm) and returns its width and height in pixels. */
export function renderPdfPage(
  pdf: string,
  page: number,
  outStem: string,
  dpi = 50,
): { width: number; height: number } {
  runTool('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    outStem,
  ])
  const png = readFileSync(`${outStem}.png`)
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}
