/**
 * A small pull reader for the XML of a workbook package (SpreadsheetML parts). It walks tags with
 * indexOf, names elements by their local name (any namespace prefix dropped: `x:c` is `c`), reads
 * attributes only when asked and decodes entities only where text holds them. It never expands a DTD:
 * the package guard has already refused any part that declares one.
 */

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/**
 * Decodes text as an XML parser hands it over: line ends normalised (CR LF and a lone CR read as LF,
 * as XML requires; a CR written as `&#13;` stays), then character and entity references (&amp;,
 * &#39;, &#x1EA1;) decoded; unknown ones stay as written.
 */
export function decodeXml(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return named[ref] ?? whole
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** Decodes SpreadsheetML's escapes of characters XML cannot hold (`_x000D_` is a carriage return). */
export function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  )
}

export type TagKind = 'open' | 'close' | 'empty'

/** A cursor over the tags of one XML document. */
export class XmlCursor {
  /** The current tag's kind and local name (after `next()` returned true). */
  kind: TagKind = 'open'
  name = ''
  private tagStart = 0
  private tagEnd = 0
  private position = 0

  constructor(private readonly xml: string) {}

  /** Moves to the next element tag (skipping declarations, comments and CDATA); false at the end. */
  next(): boolean {
    const xml = this.xml
    for (;;) {
      const lt = xml.indexOf('<', this.position)
      if (lt < 0) return false
      const first = xml.charCodeAt(lt + 1)
      if (first === 63 /* ? */ || first === 33 /* ! */) {
        const close = xml.startsWith('<!--', lt)
          ? '-->'
          : xml.startsWith('<![CDATA[', lt)
            ? ']]>'
            : '>'
        const end = xml.indexOf(close, lt + 2)
        if (end < 0) return false
        this.position = end + close.length
        continue
      }
      const gt = findTagEnd(xml, lt + 1)
      if (gt < 0) return false
      this.tagStart = lt
      this.tagEnd = gt
      this.position = gt + 1
      const closing = first === 47 /* / */
      let nameEnd = lt + (closing ? 2 : 1)
      const nameStart = nameEnd
      let colon = -1
      for (; nameEnd < gt; nameEnd++) {
        const c = xml.charCodeAt(nameEnd)
        if (c === 58 /* : */) colon = nameEnd
        else if (c <= 32 || c === 47) break
      }
      this.name = xml.slice(colon >= 0 ? colon + 1 : nameStart, nameEnd)
      this.kind = closing ? 'close' : xml.charCodeAt(gt - 1) === 47 ? 'empty' : 'open'
      return true
    }
  }

  /** The value of an attribute of the current tag by its local name (decoded), or null. */
  attribute(localName: string): string | null {
    const xml = this.xml
    let i = this.tagStart + 1
    // Skip the element name.
    while (i < this.tagEnd && xml.charCodeAt(i) > 32) i++
    while (i < this.tagEnd) {
      while (i < this.tagEnd && xml.charCodeAt(i) <= 32) i++
      const eq = xml.indexOf('=', i)
      if (eq < 0 || eq > this.tagEnd) return null
      const full = xml.slice(i, eq).trim()
      let q = eq + 1
      while (q < this.tagEnd && xml.charCodeAt(q) <= 32) q++
      const quote = xml[q]
      if (quote !== '"' && quote !== "'") return null
      const end = xml.indexOf(quote, q + 1)
      if (end < 0) return null
      const colon = full.indexOf(':')
      const local = colon >= 0 ? full.slice(colon + 1) : full
      if (local === localName && full !== 'xmlns' && !full.startsWith('xmlns:'))
        return decodeXml(xml.slice(q + 1, end))
      i = end + 1
    }
    return null
  }

  /**
   * The text content of the current open element up to its closing tag (entities decoded, CDATA
   * kept as written); the cursor ends on that closing tag. Child elements' text is included.
   */
  readText(): string {
    if (this.kind !== 'open') return ''
    const name = this.name
    let depth = 1
    let text = ''
    let from = this.position
    const xml = this.xml
    for (;;) {
      const lt = xml.indexOf('<', from)
      if (lt < 0) return text + decodeXml(xml.slice(from))
      text += decodeXml(xml.slice(from, lt))
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9)
        if (end < 0) return text
        text += xml.slice(lt + 9, end)
        from = end + 3
        continue
      }
      this.position = lt
      if (!this.next()) return text
      from = this.position
      const kind = this.kind as TagKind
      if (this.name === name && kind === 'open') depth++
      if (this.name === name && kind === 'close' && --depth === 0) return text
    }
  }

  /** Skips to the closing tag of the current open element. */
  skip(): void {
    if (this.kind !== 'open') return
    const name = this.name
    let depth = 1
    while (this.next()) {
      if (this.name !== name) continue
      if (this.kind === 'open') depth++
      else if (this.kind === 'close' && --depth === 0) return
    }
  }
}

/** The index of the `>` ending a tag that starts before `from`, quotes respected; -1 if none. */
function findTagEnd(xml: string, from: number): number {
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i)
    if (c === 62 /* > */) return i
    if (c === 34 /* " */ || c === 39 /* ' */) {
      i = xml.indexOf(c === 34 ? '"' : "'", i + 1)
      if (i < 0) return -1
    }
  }
  return -1
}
