// The inline half of markdown.js: emphasis, code spans, links, images and line breaks inside one
// block. It reads the text once, left to right, keeping the CommonMark order of precedence (code
// spans and escapes before brackets, brackets before emphasis) with a bracket stack and a
// delimiter stack, so that hostile input (thousands of `[` or `*`) stays linear instead of
// backtracking. Nothing here ever treats the source as HTML: `<` is just a character.

const ESCAPABLE = /[!-/:-@[-`{-~]/; // ASCII punctuation, as in CommonMark
const SPECIAL = /[\\`*[\]!\n]/g;
const MAX_DESTINATION = 2048; // a link target longer than this is text; it also bounds the scan
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const UPLOADED_IMAGE = /^image:([0-9a-f]{64})$/i;

/** An element of the tree: what renderMarkdown turns into DOM nodes. */
export function element(tag, attrs = {}, children = []) {
  return { tag, attrs, children };
}

/**
 * The inline nodes of one block's text: strings and elements (strong, em, code, a, img, br).
 * @param {string} text
 * @param {{resolveImage?: (id: string) => string}} options
 */
export function parseInline(text, options = {}) {
  const state = { text, options, nodes: [], brackets: [], backtickMisses: new Set() };
  let i = 0;
  while (i < text.length) i = step(state, i);
  return finish(resolveEmphasis(state.nodes));
}

/** Reads what starts at i, appends it to state.nodes and returns where to go on. */
function step(state, i) {
  const { text, nodes } = state;
  const c = text[i];
  if (c === '\\' && ESCAPABLE.test(text[i + 1] ?? '')) {
    nodes.push(text[i + 1]);
    return i + 2;
  }
  if (c === '\n') {
    nodes.push(element('br'));
    return i + 1;
  }
  if (c === '`') return codeSpan(state, i);
  if (c === '*') return delimiterRun(state, i);
  if (c === '[' || (c === '!' && text[i + 1] === '[')) {
    const opener = { bracket: c === '!' ? '![' : '[', active: true };
    nodes.push(opener);
    state.brackets.push(opener);
    return i + opener.bracket.length;
  }
  if (c === ']') return closeBracket(state, i);
  SPECIAL.lastIndex = i + 1;
  const next = SPECIAL.exec(text);
  const end = next ? next.index : text.length;
  nodes.push(text.slice(i, end));
  return end;
}

/** A run of n backticks opens a code span closed by the next run of exactly n; else it is text. */
function codeSpan(state, i) {
  const { text, nodes, backtickMisses } = state;
  const length = runLength(text, i, '`');
  const after = i + length;
  const close = backtickMisses.has(length) ? -1 : findBacktickRun(text, after, length);
  if (close < 0) {
    backtickMisses.add(length); // no later run of this length exists: never search for it again
    nodes.push(text.slice(i, after));
    return after;
  }
  let code = text.slice(after, close).replace(/\n/g, ' ');
  if (/^ .*[^ ].* $/s.test(code)) code = code.slice(1, -1);
  nodes.push(element('code', {}, [code]));
  return close + length;
}

function findBacktickRun(text, from, length) {
  let at = text.indexOf('`', from);
  while (at >= 0) {
    const found = runLength(text, at, '`');
    if (found === length) return at;
    at = text.indexOf('`', at + found);
  }
  return -1;
}

function runLength(text, i, char) {
  let end = i;
  while (text[end] === char) end += 1;
  return end - i;
}

/** Whether a run of `*` may open or close emphasis depends on the characters around it. */
function delimiterRun(state, i) {
  const { text, nodes } = state;
  const count = runLength(text, i, '*');
  const before = text[i - 1];
  const after = text[i + count];
  nodes.push({
    delimiter: true,
    count,
    canOpen: after !== undefined && !/\s/.test(after),
    canClose: before !== undefined && !/\s/.test(before),
  });
  return i + count;
}

/** `]` closes the nearest open bracket: a link or image when `(destination)` follows. */
function closeBracket(state, i) {
  const { text, nodes, brackets } = state;
  const opener = brackets.pop();
  if (!opener || !opener.active) {
    nodes.push(']');
    return i + 1;
  }
  const target = destination(text, i + 1);
  if (!target) {
    nodes.push(']');
    return i + 1;
  }
  const at = nodes.lastIndexOf(opener);
  const inside = finish(resolveEmphasis(nodes.splice(at)).slice(1));
  if (opener.bracket === '![') {
    nodes.push(...image(inside, target.url, state.options));
  } else {
    nodes.push(...link(inside, target.url));
    // No links inside links: every `[` before this one can no longer open a link.
    for (const earlier of brackets) if (earlier.bracket === '[') earlier.active = false;
  }
  return target.end;
}

/** `(url)` or `(url "title")` right after `]`; the title is accepted and ignored. */
function destination(text, open) {
  if (text[open] !== '(') return null;
  let depth = 0;
  const limit = Math.min(text.length, open + MAX_DESTINATION);
  for (let i = open; i < limit; i += 1) {
    const c = text[i];
    if (c === '\n') return null;
    if (c === '\\') i += 1;
    else if (c === '(') depth += 1;
    else if (c === ')' && --depth === 0) {
      const url = urlOf(text.slice(open + 1, i).trim());
      return url === null ? null : { url, end: i + 1 };
    }
  }
  return null;
}

function urlOf(inner) {
  const titled = /^(\S+)\s+"[^"]*"$/.exec(inner);
  const raw = titled ? titled[1] : inner;
  if (raw === '' || /\s/.test(raw)) return null;
  return raw.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** http, https and mailto only; anything else (javascript:, data:, relative …) is just its text. */
function link(children, url) {
  const href = safeLinkUrl(url);
  if (href === null) return children;
  return [element('a', { href, rel: 'noopener noreferrer', target: '_blank' }, children)];
}

/** An uploaded image or a same-origin path; any other image is replaced by its alt text. */
function image(children, url, options) {
  const alt = plainText(children);
  const src = safeImageSource(url, options);
  if (src === null) return alt ? [alt] : [];
  return [element('img', { src, alt, loading: 'lazy' })];
}

export function safeLinkUrl(url) {
  if (typeof url !== 'string' || /[\s\u0000-\u001f\u007f]/.test(url)) return null;
  let parsed;
  try {
    parsed = new URL(url); // no base: a relative URL throws, which is what we want
  } catch {
    return null;
  }
  return LINK_SCHEMES.has(parsed.protocol) ? parsed.href : null;
}

/** `/path` on this origin; `//host` and `/\host` are other origins to a browser, so they fail. */
export function isSameOriginPath(src) {
  return (
    typeof src === 'string' &&
    /^\/(?![/\\])/.test(src) &&
    !/[\s\u0000-\u001f\u007f\\"'<>`]/.test(src)
  );
}

function safeImageSource(url, options) {
  const uploaded = UPLOADED_IMAGE.exec(url);
  if (uploaded) {
    if (typeof options.resolveImage !== 'function') return null;
    const resolved = options.resolveImage(uploaded[1].toLowerCase());
    return isSameOriginPath(resolved) ? resolved : null;
  }
  return isSameOriginPath(url) ? url : null;
}

/** The text of some nodes without their markup; a loop, since hostile emphasis nests deeply. */
function plainText(nodes) {
  let text = '';
  const pending = [...nodes].reverse();
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node === 'string') text += node;
    else for (let i = node.children.length - 1; i >= 0; i -= 1) pending.push(node.children[i]);
  }
  return text;
}

/**
 * Pairs `*` runs into em (one) and strong (two), nearest opener first. Only one kind of delimiter
 * exists, so the nearest opener always matches and each closer costs O(1) stack work.
 */
function resolveEmphasis(nodes) {
  const out = [];
  const openers = []; // {record, index in out}
  for (const node of nodes) {
    if (!node?.delimiter) {
      out.push(node);
      continue;
    }
    if (node.canClose) closeEmphasis(node, out, openers);
    if (node.count === 0) continue;
    if (node.canOpen) {
      openers.push({ record: node, index: out.length });
    }
    out.push(node);
  }
  return out;
}

function closeEmphasis(closer, out, openers) {
  while (closer.count > 0 && openers.length > 0) {
    const opener = openers[openers.length - 1];
    const use = closer.count >= 2 && opener.record.count >= 2 ? 2 : 1;
    const children = out.splice(opener.index + 1);
    out.push(element(use === 2 ? 'strong' : 'em', {}, finish(children)));
    opener.record.count -= use;
    closer.count -= use;
    if (opener.record.count === 0) {
      out.splice(opener.index, 1);
      openers.pop();
    }
  }
}

/** Leftover brackets and `*` runs become text again; neighbouring strings are merged. */
function finish(nodes) {
  const out = [];
  for (const node of nodes) {
    let value = node;
    if (node?.bracket) value = node.bracket;
    else if (node?.delimiter) value = '*'.repeat(node.count);
    if (value === '') continue;
    if (typeof value === 'string' && typeof out[out.length - 1] === 'string') out[out.length - 1] += value;
    else out.push(value);
  }
  return out;
}
