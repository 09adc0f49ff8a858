// Facilitators write the "text" and "content" steps of an agenda in Markdown, and every browser
// in the room shows them: the facilitator link may be shared or leaked, so the text is treated as
// hostile. This is a small Markdown (headings # to ###, paragraphs, line breaks, bold, italic,
// code, bullet and numbered lists, quotes, links, images) that never goes through HTML: the
// source is parsed into plain objects, then built with createElement and textContent only, so
// the strict CSP holds and `<script>` is just text. Links may only go to http, https or mailto;
// images only to an uploaded image or a same-origin path, so no reader's address leaks to a
// third-party server.

import { element, isSameOriginPath, parseInline, safeLinkUrl } from './markdown-inline.js';

export { safeLinkUrl, isSameOriginPath };

const MAX_DEPTH = 8; // quotes and lists nested deeper than this are read as plain text
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^( *)(?:([-*+])|(\d{1,9})[.)])[ \t]+(\S.*)$/;
const BLANK = /^[ \t]*$/;

/** Which attributes each element may carry; anything else is dropped at render time. */
const ALLOWED = {
  h1: [], h2: [], h3: [], p: [], br: [], strong: [], em: [], code: [],
  ul: [], ol: ['start'], li: [], blockquote: [], a: ['href'], img: ['src', 'alt'],
};
const VOID = new Set(['br', 'img']);

/**
 * The blocks of a Markdown text, as a list of trees of {tag, attrs, children} and strings.
 * @param {string} source
 * @param {{resolveImage?: (id: string) => string}} [options] resolveImage turns the 64 hex
 *   digits of `image:<id>` into a same-origin URL, e.g. `/api/workshops/W/images/<id>`.
 */
export function parseMarkdown(source, options = {}) {
  const text = typeof source === 'string' ? source : '';
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '\uFFFD')
    .split('\n')
    .map((line) => line.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, '    ')));
  return parseBlocks(lines, 0, options);
}

/** DOM nodes for a tree of parseMarkdown, in a DocumentFragment; never through HTML parsing. */
export function renderMarkdown(tree, document) {
  const fragment = document.createDocumentFragment();
  const roots = Array.isArray(tree) ? tree : [tree];
  // A loop with its own stack rather than recursion: hostile emphasis can nest thousands deep.
  const pending = roots.map((node) => [fragment, node]).reverse();
  while (pending.length > 0) {
    const [parent, node] = pending.pop();
    if (typeof node === 'string') {
      parent.appendChild(document.createTextNode(node));
    } else if (node && typeof node === 'object' && Array.isArray(node.children)) {
      const built = buildElement(node, document);
      if (built) parent.appendChild(built);
      if (built && VOID.has(node.tag)) continue;
      for (let i = node.children.length - 1; i >= 0; i -= 1) pending.push([built ?? parent, node.children[i]]);
    }
  }
  return fragment;
}

/** The element for a node, or null for a tag we do not allow (its children are kept as they are). */
function buildElement(node, document) {
  if (!Object.hasOwn(ALLOWED, node.tag)) return null;
  const built = document.createElement(node.tag);
  const attrs = node.attrs ?? {};
  for (const name of ALLOWED[node.tag]) {
    const value = safeAttribute(node.tag, name, attrs[name]);
    if (value !== null) built.setAttribute(name, value);
  }
  if (node.tag === 'a') {
    built.setAttribute('rel', 'noopener noreferrer');
    built.setAttribute('target', '_blank');
  }
  if (node.tag === 'img') built.setAttribute('loading', 'lazy');
  return built;
}

/** The tree may come from elsewhere than parseMarkdown: values are checked again here. */
function safeAttribute(tag, name, value) {
  if (typeof value !== 'string') return null;
  if (name === 'href') return safeLinkUrl(value);
  if (name === 'src') return isSameOriginPath(value) ? value : null;
  if (name === 'start') return /^\d{1,9}$/.test(value) ? value : null;
  return value; // alt: set as an attribute value, never parsed
}

function parseBlocks(lines, depth, options) {
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (BLANK.test(line)) {
      i += 1;
    } else if (HEADING.test(line)) {
      const heading = parseHeading(line, options);
      if (heading) blocks.push(heading);
      i += 1;
    } else if (depth < MAX_DEPTH && QUOTE.test(line)) {
      const inner = [];
      for (; i < lines.length && QUOTE.test(lines[i]); i += 1) inner.push(QUOTE.exec(lines[i])[1]);
      blocks.push(element('blockquote', {}, parseBlocks(inner, depth + 1, options)));
    } else if (depth < MAX_DEPTH && LIST_ITEM.test(line)) {
      const list = parseList(lines, i, depth, options);
      blocks.push(list.block);
      i = list.next;
    } else {
      const paragraph = [];
      do paragraph.push(lines[i++].trim().replace(/\\$/, ''));
      while (i < lines.length && !BLANK.test(lines[i]) && !startsBlock(lines[i], depth));
      const children = parseInline(paragraph.join('\n'), options);
      if (children.length > 0) blocks.push(element('p', {}, children)); // e.g. a dropped image
    }
  }
  return blocks;
}

function parseHeading(line, options) {
  const [, hashes, rest = ''] = HEADING.exec(line);
  const text = rest.replace(/(^|[ \t]+)#+[ \t]*$/, '').trim();
  const children = parseInline(text, options);
  return children.length === 0 ? null : element(`h${Math.min(3, hashes.length)}`, {}, children);
}

/** Whether a line ends a paragraph; a numbered item does only when it starts at 1. */
function startsBlock(line, depth) {
  if (HEADING.test(line)) return true;
  if (depth >= MAX_DEPTH) return false;
  const item = listItem(line);
  return QUOTE.test(line) || (item !== null && (!item.ordered || item.number === 1));
}

function listItem(line) {
  const match = LIST_ITEM.exec(line);
  if (!match) return null;
  const [whole, indent, bullet, number, content] = match;
  return {
    ordered: bullet === undefined,
    number: bullet === undefined ? Number(number) : null,
    indent: indent.length,
    contentIndent: whole.length - content.length,
    content,
  };
}

/** Consecutive items of one kind; lines indented deeper than the marker belong to its item. */
function parseList(lines, start, depth, options) {
  const first = listItem(lines[start]);
  const items = [];
  let i = start;
  for (;;) {
    const item = listItem(lines[i]);
    const body = [item.content];
    i += 1;
    while (i < lines.length && belongsToItem(lines, i, item, body, depth)) {
      body.push(dedent(lines[i], item.contentIndent));
      i += 1;
    }
    items.push(element('li', {}, tight(parseBlocks(body, depth + 1, options))));
    let next = i;
    while (next < lines.length && BLANK.test(lines[next])) next += 1;
    const sibling = next < lines.length ? listItem(lines[next]) : null;
    if (!sibling || sibling.ordered !== first.ordered || sibling.indent > item.indent) break;
    i = next;
  }
  const attrs = first.ordered && first.number !== 1 ? { start: String(first.number) } : {};
  return { block: element(first.ordered ? 'ol' : 'ul', attrs, items), next: i };
}

function belongsToItem(lines, i, item, body, depth) {
  const line = lines[i];
  if (BLANK.test(line)) {
    let next = i + 1;
    while (next < lines.length && BLANK.test(lines[next])) next += 1;
    return next < lines.length && indentation(lines[next]) > item.indent;
  }
  if (indentation(line) > item.indent) return true;
  // A lazy continuation: an unindented line that carries on the item's last paragraph.
  return !BLANK.test(body[body.length - 1]) && !startsBlock(line, depth) && !listItem(line);
}

function indentation(line) {
  return line.length - line.trimStart().length;
}

function dedent(line, width) {
  return line.slice(Math.min(width, indentation(line)));
}

/** A list item's first paragraph is shown inline, as people expect from a simple list. */
function tight(blocks) {
  if (blocks[0]?.tag !== 'p') return blocks;
  return [...blocks[0].children, ...blocks.slice(1)];
}
