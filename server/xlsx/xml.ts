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

  /** Where the current tag starts (its `<`) and ends (its `>`), as offsets in the document. */
  get span(): [number, number] {
    return [this.tagStart, this.tagEnd]
  }

  /** The value of an attribute of the current tag by its local name (decoded), or null. */
  attribute(localName: string): string | null {
    const at = this.attributeSpan(localName)
    return at === null ? null : decodeXml(this.xml.slice(at[0], at[1]))
  }

  /**
   * Where the raw value of an attribute of the current tag lies (between its quotes), or null. The
   * scan never leaves the tag: an unclosed or odd tag costs its own length, never the document's.
   */
  attributeSpan(localName: string): [number, number] | null {
    const xml = this.xml
    const end = this.tagEnd
    let i = this.tagStart + 1
    while (i < end && !isSpaceOrSlash(xml.charCodeAt(i))) i++
    while (i < end) {
      while (i < end && isSpaceOrSlash(xml.charCodeAt(i))) i++
      const nameStart = i
      while (i < end && xml.charCodeAt(i) !== 61 /* = */ && xml.charCodeAt(i) > 32) i++
      const nameEnd = i
      while (i < end && xml.charCodeAt(i) <= 32) i++
      if (i >= end || xml.charCodeAt(i) !== 61) continue
      i++
      while (i < end && xml.charCodeAt(i) <= 32) i++
      const quote = xml.charCodeAt(i)
      if (quote !== 34 && quote !== 39) return null
      // findTagEnd skipped quoted values, so the closing quote lies inside the tag.
      const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1)
      if (close < 0 || close > end) return null
      if (matchesLocalName(xml, nameStart, nameEnd, localName)) return [i + 1, close]
      i = close + 1
    }
    return null
  }

  /**
   * Moves to the next start (or empty) tag whose local name is `localName`, whatever its prefix,
   * jumping over everything between with indexOf; false at the end. For scans that want one kind
   * of element from a large part (the merges of a sheet) without walking every cell.
   */
  seek(localName: string): boolean {
    const xml = this.xml
    for (;;) {
      const at = xml.indexOf(localName, this.position)
      if (at < 0) return false
      this.position = at + localName.length
      const after = xml.charCodeAt(at + localName.length)
      if (!(isSpaceOrSlash(after) || after === 62) /* a longer name */) continue
      let lt = at - 1
      // A prefix (`x:`) holds no colon, so each character is looked at once for one match.
      if (xml.charCodeAt(lt) === 58 /* : */) {
        lt--
        while (lt >= 0 && isPrefixChar(xml.charCodeAt(lt))) lt--
      }
      if (lt < 0 || xml.charCodeAt(lt) !== 60 /* < */) continue
      const gt = findTagEnd(xml, at)
      if (gt < 0) return false
      this.tagStart = lt
      this.tagEnd = gt
      this.position = gt + 1
      this.name = localName
      this.kind = xml.charCodeAt(gt - 1) === 47 ? 'empty' : 'open'
      return true
    }
  }

  /**
   * The text content of the current open element up to its closing tag (entities decoded, CDATA
   * kept as written); the cursor ends on that closing tag. Child elements' text is included.
   */
  readText(): string {
    if (this.kind !== 'open') return ''
    const name = this.name
    let depth = 1
    // Pieces joined once at the end: a part nesting many elements never builds a deep rope.
    const pieces: string[] = []
    let from = this.position
    const xml = this.xml
    for (;;) {
      const lt = xml.indexOf('<', from)
      if (lt < 0) {
        pieces.push(decodeXml(xml.slice(from)))
        return pieces.join('')
      }
      if (lt > from) pieces.push(decodeXml(xml.slice(from, lt)))
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9)
        if (end < 0) return pieces.join('')
        pieces.push(xml.slice(lt + 9, end))
        from = end + 3
        continue
      }
      this.position = lt
      if (!this.next()) return pieces.join('')
      from = this.position
      const kind = this.kind as TagKind
      if (this.name === name && kind === 'open') depth++
      if (this.name === name && kind === 'close' && --depth === 0) return pieces.join('')
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

function isSpaceOrSlash(c: number): boolean {
  return c <= 32 || c === 47
}

/** A character of a namespace prefix: anything but markup, space, quotes and the colon. */
function isPrefixChar(c: number): boolean {
  return c > 32 && c !== 58 && c !== 60 && c !== 62 && c !== 47 && c !== 34 && c !== 39 && c !== 61
}

/** True when the attribute name at [start, end) has `localName` as its local name (never `xmlns`). */
function matchesLocalName(xml: string, start: number, end: number, localName: string): boolean {
  const from = end - localName.length
  if (from < start || !xml.startsWith(localName, from)) return false
  if (from === start) return localName !== 'xmlns'
  return xml.charCodeAt(from - 1) === 58 && !xml.startsWith('xmlns:', start)
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
