// The facilitator's Markdown, parsed and rendered with a fake document that refuses HTML parsing:
// the supported syntax, then hostile input (scripts, javascript: links, event attributes, nested
// brackets, pathological nesting) coming out as inert text, fast.

import test from 'node:test';
import assert from 'node:assert/strict';

import { parseMarkdown, renderMarkdown, safeLinkUrl, isSameOriginPath } from '../src/main/webroot/js/markdown.js';

// --- A fake document: createElement, createTextNode, setAttribute and appendChild only -------

class FakeNode {
  constructor(document) {
    this.ownerDocument = document;
    this.childNodes = [];
  }
  appendChild(child) {
    this.childNodes.push(child);
    return child;
  }
  set innerHTML(value) {
    throw new Error('innerHTML must never be used');
  }
  set outerHTML(value) {
    throw new Error('outerHTML must never be used');
  }
  insertAdjacentHTML() {
    throw new Error('insertAdjacentHTML must never be used');
  }
}

class FakeElement extends FakeNode {
  constructor(document, tagName) {
    super(document);
    this.tagName = tagName;
    this.attributes = new Map();
  }
  setAttribute(name, value) {
    assert.equal(typeof value, 'string', `attribute ${name} is a string`);
    this.attributes.set(name, value);
  }
}

class FakeText {
  constructor(text) {
    this.textContent = text;
  }
}

function fakeDocument() {
  const document = {
    elements: [],
    createDocumentFragment: () => new FakeNode(document),
    createElement(tag) {
      const created = new FakeElement(document, tag);
      document.elements.push(created);
      return created;
    },
    createTextNode: (text) => new FakeText(text),
    write() {
      throw new Error('document.write must never be used');
    },
  };
  return document;
}

const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A readable serialisation of the fake DOM, with text escaped as a browser would show it. */
function html(node) {
  if (node instanceof FakeText) return escapeText(node.textContent);
  const inner = node.childNodes.map(html).join('');
  if (!(node instanceof FakeElement)) return inner;
  const attrs = [...node.attributes].map(([k, v]) => ` ${k}="${escapeText(v).replace(/"/g, '&quot;')}"`).join('');
  return ['br', 'img'].includes(node.tagName) ? `<${node.tagName}${attrs}>` : `<${node.tagName}${attrs}>${inner}</${node.tagName}>`;
}

const IMAGE_ID = 'ab'.repeat(32);
const OPTIONS = { resolveImage: (id) => `/api/workshops/W1/images/${id}` };

function md(source, options = OPTIONS) {
  const document = fakeDocument();
  return html(renderMarkdown(parseMarkdown(source, options), document));
}

const LINK = (href, text) => `<a href="${href}" rel="noopener noreferrer" target="_blank">${text}</a>`;

// --- Blocks -------------------------------------------------------------------------------------

test('headings # to ###; deeper ones are shown as ###, and #word is not a heading', () => {
  assert.equal(md('# Un\n## Deux\n### Trois'), '<h1>Un</h1><h2>Deux</h2><h3>Trois</h3>');
  assert.equal(md('#### Quatre ##'), '<h3>Quatre</h3>');
  assert.equal(md('#mot-clic'), '<p>#mot-clic</p>');
  assert.equal(md('# *Accueil* ##'), '<h1><em>Accueil</em></h1>');
  assert.equal(md('#\n##   '), '', 'an empty heading shows nothing');
  assert.equal(md('# ![](https://tiers.example/x.png)'), '', 'nor one emptied by a dropped image');
});

test('paragraphs are separated by blank lines, and a single newline is a line break', () => {
  assert.equal(md('Premier\n\n\nSecond'), '<p>Premier</p><p>Second</p>');
  assert.equal(md('Ligne 1\nLigne 2  \nLigne 3\\\nfin'), '<p>Ligne 1<br>Ligne 2<br>Ligne 3<br>fin</p>');
  assert.equal(md('a\r\nb\r\rc'), '<p>a<br>b</p><p>c</p>', 'Windows and old Mac line endings');
  assert.equal(md('   indentée   '), '<p>indentée</p>');
});

test('bold, italic, both, and code spans that keep their content literal', () => {
  assert.equal(md('**gras** et *italique*'), '<p><strong>gras</strong> et <em>italique</em></p>');
  assert.equal(md('***les deux***'), '<p><em><strong>les deux</strong></em></p>');
  assert.equal(md('*un **deux** trois*'), '<p><em>un <strong>deux</strong> trois</em></p>');
  assert.equal(md('`a *b* [c](http://x)`'), '<p><code>a *b* [c](http://x)</code></p>');
  assert.equal(md('``un ` dedans``'), '<p><code>un ` dedans</code></p>');
  assert.equal(md('` `` `'), '<p><code>``</code></p>');
  assert.equal(md('`non fermé'), '<p>`non fermé</p>');
});

test('asterisks that cannot be emphasis stay as they are', () => {
  assert.equal(md('2 * 3 * 4'), '<p>2 * 3 * 4</p>');
  assert.equal(md('**non fermé'), '<p>**non fermé</p>');
  assert.equal(md('* '), '<p>*</p>');
  assert.equal(md('**a*'), '<p>*<em>a</em></p>');
  assert.equal(md('\\*pas italique\\*'), '<p>*pas italique*</p>');
  assert.equal(md('C:\\dossier\\fichier'), '<p>C:\\dossier\\fichier</p>', 'a backslash before a letter is kept');
});

test('bullet lists with -, * or +, nested by indentation, with lazy continuation lines', () => {
  assert.equal(md('- un\n* deux\n+ trois'), '<ul><li>un</li><li>deux</li><li>trois</li></ul>');
  assert.equal(md('- a\n  - a.1\n  - a.2\n- b'), '<ul><li>a<ul><li>a.1</li><li>a.2</li></ul></li><li>b</li></ul>');
  assert.equal(md('- long\nsuite'), '<ul><li>long<br>suite</li></ul>');
  assert.equal(md('- a\n\n- b'), '<ul><li>a</li><li>b</li></ul>', 'a blank line between items keeps one list');
  assert.equal(md('- a\n\n  encore a\n- b'), '<ul><li>a<p>encore a</p></li><li>b</li></ul>');
  assert.equal(md('Objectifs :\n- un\n- deux'), '<p>Objectifs :</p><ul><li>un</li><li>deux</li></ul>');
  assert.equal(md('- a\n\nAprès'), '<ul><li>a</li></ul><p>Après</p>');
});

test('numbered lists keep their first number, and only "1." interrupts a paragraph', () => {
  assert.equal(md('1. un\n2. deux'), '<ol><li>un</li><li>deux</li></ol>');
  assert.equal(md('3) trois\n4) quatre'), '<ol start="3"><li>trois</li><li>quatre</li></ol>');
  assert.equal(md('Étapes\n1. un'), '<p>Étapes</p><ol><li>un</li></ol>');
  assert.equal(md('En\n2024. fut une année'), '<p>En<br>2024. fut une année</p>');
  assert.equal(md('1. a\n   - puce\n2. b'), '<ol><li>a<ul><li>puce</li></ul></li><li>b</li></ol>');
  assert.equal(md('- puce\n1. numéro'), '<ul><li>puce</li></ul><ol><li>numéro</li></ol>');
});

test('quotes hold blocks, nest, and stop at the first line without >', () => {
  assert.equal(md('> cité\n> **fort**'), '<blockquote><p>cité<br><strong>fort</strong></p></blockquote>');
  assert.equal(md('> a\n>> b'), '<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>');
  assert.equal(md('> - un\n> - deux\nensuite'), '<blockquote><ul><li>un</li><li>deux</li></ul></blockquote><p>ensuite</p>');
});

// --- Links and images ---------------------------------------------------------------------------

test('links to http, https and mailto open in a new tab without an opener', () => {
  assert.equal(md('[site](https://exemple.org/a?b=1#c)'), `<p>${LINK('https://exemple.org/a?b=1#c', 'site')}</p>`);
  assert.equal(md('[web](http://exemple.org)'), `<p>${LINK('http://exemple.org/', 'web')}</p>`);
  assert.equal(md('[écrire](mailto:info@exemple.org)'), `<p>${LINK('mailto:info@exemple.org', 'écrire')}</p>`);
  assert.equal(md('[**gras**](https://x.org)'), `<p>${LINK('https://x.org/', '<strong>gras</strong>')}</p>`);
  assert.equal(
    md('[Communs](https://fr.wikipedia.org/wiki/Communs_(économie))'),
    `<p>${LINK('https://fr.wikipedia.org/wiki/Communs_(%C3%A9conomie)', 'Communs')}</p>`,
  );
  assert.equal(md('[t](https://x.org "un titre")'), `<p>${LINK('https://x.org/', 't')}</p>`);
  assert.equal(md('[a](https://x.org))'), `<p>${LINK('https://x.org/', 'a')})</p>`);
});

test('links to any other scheme, or relative ones, become their plain text', () => {
  for (const url of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'javascript&#58;alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://exemple.org',
    'page.html',
    '/chemin',
    '//evil.example',
    '#ancre',
    'https:',
  ]) {
    assert.equal(md(`avant [clic](${url}) après`), '<p>avant clic après</p>', url);
  }
  assert.equal(md('[clic](java\tscript:alert(1))'), '<p>[clic](java\tscript:alert(1))</p>', 'whitespace: not a link at all');
  assert.equal(md('[clic](javascript:alert(1)\n)'), '<p>[clic](javascript:alert(1)<br>)</p>');
});

test('nested and unbalanced brackets: no link inside a link, the rest is text', () => {
  assert.equal(md('[[a](http://x)](http://y)'), `<p>[${LINK('http://x/', 'a')}](http://y)</p>`);
  assert.equal(md('[a [b] c](http://x)'), `<p>${LINK('http://x/', 'a [b] c')}</p>`);
  assert.equal(md('[a `]` b](http://x)'), `<p>${LINK('http://x/', 'a <code>]</code> b')}</p>`);
  assert.equal(md('[[[x]]]'), '<p>[[[x]]]</p>');
  assert.equal(md('] [ ]( [x] ('), '<p>] [ ]( [x] (</p>');
  assert.equal(md('*[a*](http://x)'), `<p>*${LINK('http://x/', 'a*')}</p>`);
  assert.equal(md('\\[a](http://x)'), '<p>[a](http://x)</p>');
});

test('an uploaded image is resolved to the workshop, a same-origin path is kept', () => {
  assert.equal(
    md(`![Le canevas](image:${IMAGE_ID})`),
    `<p><img src="/api/workshops/W1/images/${IMAGE_ID}" alt="Le canevas" loading="lazy"></p>`,
  );
  assert.equal(
    md(`![x](image:${IMAGE_ID.toUpperCase()})`),
    `<p><img src="/api/workshops/W1/images/${IMAGE_ID}" alt="x" loading="lazy"></p>`,
    'hex digits in either case; the server ids are lowercase',
  );
  assert.equal(md('![Logo](/images/logo.png)'), '<p><img src="/images/logo.png" alt="Logo" loading="lazy"></p>');
  assert.equal(md('![*alt* **riche**](/a.png)'), '<p><img src="/a.png" alt="alt riche" loading="lazy"></p>');
  assert.equal(md('[![pic](/a.png)](https://x.org)'), `<p>${LINK('https://x.org/', '<img src="/a.png" alt="pic" loading="lazy">')}</p>`);
});

test('any other image is replaced by its alt text', () => {
  for (const src of [
    'https://tiers.example/pixel.png',
    'http://tiers.example/pixel.png',
    '//tiers.example/pixel.png',
    '/\\tiers.example/pixel.png',
    'data:image/svg+xml,<svg/onload=alert(1)>',
    'javascript:alert(1)',
    'relative.png',
    `image:${IMAGE_ID.slice(1)}`,
    `image:${IMAGE_ID}0`,
    `image:${'z'.repeat(64)}`,
  ]) {
    assert.equal(md(`![texte alt](${src})`), '<p>texte alt</p>', src);
  }
  assert.equal(md('![](https://tiers.example/p.png)'), '', 'no alt text, nothing at all');
  assert.equal(md('![a](data:x <svg>)'), '<p>![a](data:x &lt;svg&gt;)</p>', 'a space: not an image at all');
  assert.equal(md(`![sans résolveur](image:${IMAGE_ID})`, {}), '<p>sans résolveur</p>');
  const hostileResolver = { resolveImage: () => 'https://tiers.example/x.png' };
  assert.equal(md(`![a](image:${IMAGE_ID})`, hostileResolver), '<p>a</p>', 'the resolved address is checked too');
});

// --- Hostile input ------------------------------------------------------------------------------

test('HTML in the source is text, never markup', () => {
  assert.equal(md('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  assert.equal(md('<img src=x onerror=alert(1)>'), '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  assert.equal(md('**<b onmouseover="x()">**'), '<p><strong>&lt;b onmouseover="x()"&gt;</strong></p>');
  assert.equal(md('&lt;déjà&gt; &#60;'), '<p>&amp;lt;déjà&amp;gt; &amp;#60;</p>', 'entities are not decoded');
  assert.equal(md('<!-- commentaire -->'), '<p>&lt;!-- commentaire --&gt;</p>');
});

test('quotes in a destination cannot add attributes', () => {
  assert.equal(md('![x](/a.png" onerror="alert(1))'), '<p>![x](/a.png" onerror="alert(1))</p>');
  assert.equal(md('![x](/a.png"onerror="alert(1))'), '<p>x</p>');
  assert.equal(md('[x](https://a.org/"onclick="alert(1))'), `<p>${LINK('https://a.org/%22onclick=%22alert(1)', 'x')}</p>`);
});

test('renderMarkdown checks a hand-made tree again: unknown tags and attributes are dropped', () => {
  const document = fakeDocument();
  const tree = [
    { tag: 'script', attrs: {}, children: ['alert(1)'] },
    { tag: 'p', attrs: { style: 'color:red', onclick: 'x()' }, children: ['p'] },
    { tag: 'a', attrs: { href: 'javascript:alert(1)', onclick: 'x()', target: '_self' }, children: ['a'] },
    { tag: 'img', attrs: { src: 'https://tiers.example/x.png', alt: 'i', onerror: 'x()' }, children: ['ignored'] },
    { tag: 'ol', attrs: { start: '1" onclick="x()' }, children: [] },
    { tag: '__proto__', attrs: {}, children: ['proto'] },
    { tag: 'constructor', attrs: {}, children: ['ctor'] },
    { tag: 'iframe', attrs: { src: '/x' }, children: [{ tag: 'em', attrs: {}, children: ['kept'] }] },
    42,
    null,
    { tag: 'p' },
  ];
  assert.equal(
    html(renderMarkdown(tree, document)),
    'alert(1)<p>p</p><a rel="noopener noreferrer" target="_blank">a</a><img alt="i" loading="lazy"><ol></ol>protoctor<em>kept</em>',
  );
  assert.deepEqual(
    document.elements.map((e) => e.tagName),
    ['p', 'a', 'img', 'ol', 'em'],
  );
});

/** A seeded generator, so a failing fuzz case can be replayed. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = [
  '*', '**', '`', '[', ']', '(', ')', '![', '\\', '\n', '\n\n', '> ', '- ', '1. ', '# ', '  ', 'a', 'é',
  '<script>', 'javascript:', 'JAVASCRIPT:', 'https://x.org', 'mailto:a@b.c', '//evil', '/ok.png', 'data:',
  `image:${IMAGE_ID}`, 'onerror=', '"', "'", '&#106;', '\t', '\u0000', '\u2028',
];

test('fuzz: whatever the input, only allowed elements, safe links and same-origin images come out', () => {
  const random = seeded(20231205);
  const allowed = new Set(['h1', 'h2', 'h3', 'p', 'br', 'strong', 'em', 'code', 'ul', 'ol', 'li', 'blockquote', 'a', 'img']);
  for (let run = 0; run < 3000; run += 1) {
    const parts = [];
    const length = 1 + Math.floor(random() * 30);
    for (let i = 0; i < length; i += 1) parts.push(PIECES[Math.floor(random() * PIECES.length)]);
    const source = parts.join('');
    const document = fakeDocument();
    renderMarkdown(parseMarkdown(source, OPTIONS), document);
    for (const built of document.elements) {
      assert.ok(allowed.has(built.tagName), `${built.tagName} from ${JSON.stringify(source)}`);
      for (const [name, value] of built.attributes) {
        assert.ok(!/^on/i.test(name), `${name} from ${JSON.stringify(source)}`);
        if (name === 'href') assert.match(value, /^(https?:\/\/|mailto:)/, JSON.stringify(source));
        if (name === 'src') assert.ok(isSameOriginPath(value), `${value} from ${JSON.stringify(source)}`);
      }
    }
  }
});

test('pathological input of 20 000 characters is parsed quickly and renders without a stack overflow', () => {
  const n = 20000;
  const cases = {
    stars: '*'.repeat(n),
    nestedEmphasis: '*a '.repeat(n / 6) + 'a* '.repeat(n / 6),
    openBrackets: '['.repeat(n),
    bracketPairs: '['.repeat(n / 2) + ']'.repeat(n / 2),
    unclosedDestinations: '[a]('.repeat(n / 4),
    unclosedParentheses: `[a](${'('.repeat(n)}`,
    backtickRuns: Array.from({ length: 190 }, (_, i) => '`'.repeat(i + 1)).join(' '),
    deepQuote: '>'.repeat(n),
    deepList: Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}- a`).join('\n'),
    images: '![a](/'.repeat(n / 6),
    mixed: '**[*`!['.repeat(n / 7),
  };
  for (const [name, source] of Object.entries(cases)) {
    const started = performance.now();
    const tree = parseMarkdown(source, OPTIONS);
    const fragment = renderMarkdown(tree, fakeDocument());
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1000, `${name} took ${Math.round(elapsed)} ms`);
    assert.ok(fragment.childNodes.length > 0, name);
  }
});

// --- The tree itself ----------------------------------------------------------------------------

test('parseMarkdown returns plain objects: {tag, attrs, children} and strings', () => {
  assert.deepEqual(parseMarkdown('# T\n\nUn **b**\nfin'), [
    { tag: 'h1', attrs: {}, children: ['T'] },
    {
      tag: 'p',
      attrs: {},
      children: ['Un ', { tag: 'strong', attrs: {}, children: ['b'] }, { tag: 'br', attrs: {}, children: [] }, 'fin'],
    },
  ]);
  assert.deepEqual(parseMarkdown(''), []);
  assert.deepEqual(parseMarkdown(null), []);
  assert.deepEqual(parseMarkdown(42), []);
  assert.equal(JSON.stringify(parseMarkdown('[a](http://x) ![b](/c)')).includes('"bracket"'), false);
});

test('the URL checks on their own', () => {
  assert.equal(safeLinkUrl('https://exemple.org'), 'https://exemple.org/');
  assert.equal(safeLinkUrl('https://exemple.org/ a'), null);
  assert.equal(safeLinkUrl('javascript:alert(1)'), null);
  assert.equal(safeLinkUrl(undefined), null);
  assert.equal(isSameOriginPath('/api/workshops/W/images/1'), true);
  assert.equal(isSameOriginPath('//evil'), false);
  assert.equal(isSameOriginPath('/\\evil'), false);
  assert.equal(isSameOriginPath('/a b'), false);
  assert.equal(isSameOriginPath('https://x/'), false);
});

test('the module touches no DOM when imported', () => {
  assert.equal(globalThis.document, undefined, 'node has no document: the import above would have thrown');
});
