/** Attributes of an element built by `h`: properties set directly, `data-*` and `aria-*` as attributes. */
type Attributes = Record<
  string,
  string | number | boolean | null | undefined | ((event: Event) => unknown)
>

/**
 * Builds an element with its attributes and children; text children are always set as text, so
 * plan text from a document can never become markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string | number | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue
    if (key.startsWith('data-') || key.startsWith('aria-') || key === 'for' || key === 'role')
      el.setAttribute(key, String(value))
    else (el as unknown as Record<string, unknown>)[key] = value
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    el.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child)
  }
  return el
}

/** A table with a header row and the given body rows. */
export function buildTable(
  headers: string[],
  rows: HTMLTableRowElement[],
  className = '',
): HTMLElement {
  return h(
    'div',
    { className: `scroll ${className}`.trim() },
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', {}, t)))),
      h('tbody', {}, ...rows),
    ),
  )
}
