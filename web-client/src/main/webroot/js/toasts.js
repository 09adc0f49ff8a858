// Short messages at the bottom of the screen, read out by screen readers (aria-live on the host).

const VISIBLE_MS = 5000;

export function toast(text, kind = 'info') {
  const host = document.getElementById('toasts');
  if (!host) return;
  const item = document.createElement('div');
  item.className = `toast toast-${kind}`;
  item.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  item.dataset.testid = 'toast';
  item.textContent = text;
  host.append(item);
  setTimeout(() => item.remove(), VISIBLE_MS);
}

/** Copies a link; falls back to selecting it when the clipboard is not available (http, old browsers). */
export async function copyLink(anchor, messages) {
  try {
    await navigator.clipboard.writeText(anchor.href);
    toast(messages.done);
  } catch {
    const range = document.createRange();
    range.selectNodeContents(anchor);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    toast(messages.failed, 'error');
  }
}
