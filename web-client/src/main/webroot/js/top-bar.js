// The top bar stays one row at any width (the facilitator's bar used to wrap at 1280 px and to
// overflow at 360 px). In order: who and where (the workshop's title, the facilitator badge, the
// connection), what happens now (the step chip and the timer), then the tools (agenda, role map,
// export, invite, language), then the "⋯" menu with what is rarely needed (deleting the workshop).
// When the row gets tight the bar first goes compact (no brand, shorter labels, the connection as
// a dot while connected), then folds the tools into the "⋯" menu. It measures rather than
// guessing from the width, so each language, role, step title and timer finds its own layout.

import { MenuButton } from './menu-button.js';

/** The tools' order, by the data-testid of their control; features mount them in any order. */
const TOOL_ORDER = ['agenda-toggle', 'role-map-toggle', 'round-table-toggle', 'vote-toggle', 'export-menu', 'share-button', 'language-toggle'];

/** From roomiest to tightest; the last one is used when none fits. */
export const LAYOUTS = ['full', 'compact', 'folded'];

/**
 * The room the title keeps (or its whole width when shorter), in rem: the full layout gives way
 * to the compact one early, for the title's sake; the tools fold only when even 10 rem is not left.
 */
const MIN_TITLE_REM = { full: 20, compact: 10, folded: 0 };

/** The first layout that fits, trying them in order; the last one when none does. */
export function firstFitting(layouts, fits) {
  for (const layout of layouts) {
    if (fits(layout)) return layout;
  }
  return layouts[layouts.length - 1];
}

/** Mounts the bar's layout once every feature has put its tool in #header-tools. */
export function mountTopBar() {
  return new TopBar(document.querySelector('.topbar'));
}

class TopBar {
  constructor(bar) {
    const $ = (id) => document.getElementById(id);
    this.bar = bar;
    this.tools = $('header-tools');
    this.title = $('workshop-title');
    this.more = $('more-menu');
    this.folder = this.more.querySelector('.more-menu-tools');
    this.separator = this.more.querySelector('.more-menu-separator');
    this.folded = false;
    this.layout = null;
    this.menu = new MenuButton({
      root: this.more,
      button: $('more-menu-button'),
      list: $('more-menu-list'),
      onClose: () => this.schedule(), // a resize while it was open waited for it
    });
    this.orderTools();
    for (const control of this.controls()) this.menu.forwardFocus(control, () => this.folded);
    this.narrow = window.matchMedia('(max-width: 720px)');

    this.scheduled = false;
    // Any change of the bar's content may change what fits, except the running timer's digits,
    // four times a second: their width shows on the "now" group, which is watched for size.
    this.mutations = new MutationObserver((records) => {
      if (records.some((record) => !TopBar.inTimerDigits(record.target))) this.schedule();
    });
    this.mutations.observe(bar, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'class', 'data-state'],
    });
    const sizes = new ResizeObserver(() => this.schedule());
    sizes.observe(bar);
    sizes.observe(bar.querySelector('.topbar-now'));
    this.narrow.addEventListener('change', () => this.schedule());
    document.fonts?.ready.then(() => this.schedule());
    this.fit();
  }

  static inTimerDigits(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return Boolean(element?.closest('.timer-value'));
  }

  /** A tool's control: the tool itself, or the button that opens it (the export menu). */
  static controlOf(tool) {
    return tool.matches('button') ? tool : tool.querySelector('button');
  }

  controls() {
    return [...this.tools.children].map(TopBar.controlOf).filter(Boolean);
  }

  orderTools() {
    const rank = (tool) => {
      const index = TOOL_ORDER.indexOf(TopBar.controlOf(tool)?.dataset.testid);
      return index < 0 ? TOOL_ORDER.length : index;
    };
    const sorted = [...this.tools.children].sort((a, b) => rank(a) - rank(b));
    this.tools.append(...sorted);
  }

  schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      if (!this.scheduled) return;
      this.scheduled = false;
      this.fit();
    };
    requestAnimationFrame(run);
    setTimeout(run, 100); // hidden tabs get no frames
  }

  fit() {
    if (this.menu.isOpen) return; // moving the tools now would take them from under the pointer
    if (this.bar.getClientRects().length === 0) return; // printing, or not shown yet
    const focused = document.activeElement;
    const layouts = this.narrow.matches ? ['folded'] : LAYOUTS;
    this.layout = firstFitting(layouts, (layout) => {
      this.apply(layout);
      return this.fits(MIN_TITLE_REM[layout]);
    });
    this.bar.dataset.layout = this.layout;
    // Moving a tool between the bar and the menu drops the focus it had: give it back.
    if (focused && focused !== document.activeElement && focused.isConnected) focused.focus({ preventScroll: true });
    this.mutations.takeRecords(); // what fit() changed itself is no reason to fit again
  }

  apply(layout) {
    const folded = layout === 'folded';
    this.bar.classList.toggle('topbar-compact', layout !== 'full');
    this.bar.classList.toggle('topbar-folded', folded);
    if (folded !== this.folded) {
      this.folded = folded;
      if (folded) this.folder.append(this.tools);
      else this.more.before(this.tools);
      this.markAsMenuItems(folded);
    }
    const rare = this.rareItemShown();
    this.more.hidden = !folded && !rare;
    this.separator.hidden = !folded || !rare;
  }

  /**
   * Whether the menu holds a rarely needed item now (the projector view, access, deleting the
   * workshop): those follow the person's role live (RO1), so the menu is shown for them alone.
   */
  rareItemShown() {
    return [...this.more.querySelector('[role=menu]').children].some(
      (item) => item !== this.folder && item !== this.separator && !item.hidden,
    );
  }

  /** In the menu the tools are menu items (focus moved with the arrows); in the bar, buttons. */
  markAsMenuItems(inMenu) {
    for (const tool of this.tools.children) {
      const control = TopBar.controlOf(tool);
      if (!control) continue;
      if (inMenu) {
        control.setAttribute('role', 'menuitem');
        control.tabIndex = -1;
        if (tool !== control) tool.setAttribute('role', 'none');
      } else {
        control.removeAttribute('role');
        control.removeAttribute('tabindex');
        if (tool !== control) tool.removeAttribute('role');
      }
    }
    if (inMenu) this.tools.setAttribute('role', 'none');
    else this.tools.removeAttribute('role');
  }

  /** Nothing pushed past the bar's right edge, and the title keeps room to be read. */
  fits(minTitleRem) {
    const box = this.bar.getBoundingClientRect();
    const limit = box.right - parseFloat(getComputedStyle(this.bar).paddingRight) + 0.5;
    for (const child of this.bar.children) {
      if (child.getClientRects().length > 0 && child.getBoundingClientRect().right > limit) return false;
    }
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const wanted = Math.min(this.title.scrollWidth, minTitleRem * rem);
    return this.title.clientWidth + 0.5 >= wanted;
  }
}
