// The home page: create a workshop, then show the two links to share or keep.

import { bindLanguageToggle, initLanguage, setLanguage, t, translatePage } from './i18n.js';
import { copyLink } from './toasts.js';

const MAX_TITLE = 120;

initLanguage(navigator.language?.toLowerCase().startsWith('en') ? 'en' : 'fr');
translatePage(document);
bindLanguageToggle(document.querySelector('[data-testid=language-toggle]'));

const form = document.getElementById('create-form');
const titleInput = document.getElementById('title-input');
const languageSelect = document.getElementById('language-select');
const submit = form.querySelector('[data-testid=create-button]');
const error = document.getElementById('create-error');
languageSelect.value = document.documentElement.lang.startsWith('en') ? 'en' : 'fr';

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const title = titleInput.value.trim();
  if (title.length === 0 || title.length > MAX_TITLE) {
    showError(t('home.titleRequired'));
    titleInput.focus();
    return;
  }
  showError(null);
  submit.disabled = true;
  submit.textContent = t('home.creating');
  try {
    const response = await fetch('/api/workshops', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, language: languageSelect.value }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.status !== 201) {
      showError(body.message ?? t('workshop.loadFailed'));
      return;
    }
    showCreated(body);
  } catch {
    showError(t('workshop.loadFailed'));
  } finally {
    submit.disabled = false;
    submit.textContent = t('home.create');
  }
});

function showCreated(workshop) {
  // The workshop's language becomes the page's, so the facilitator sees what participants will.
  setLanguage(workshop.language);
  document.getElementById('created-title').textContent = workshop.title;
  for (const [id, url] of [
    ['join-link', workshop.joinUrl],
    ['facilitator-link', workshop.facilitatorUrl],
  ]) {
    const anchor = document.getElementById(id);
    anchor.href = url;
    anchor.textContent = url;
  }
  document.getElementById('open-link').href = workshop.facilitatorUrl;
  document.getElementById('create-section').hidden = true;
  document.getElementById('created-section').hidden = false;
  document.getElementById('join-link').focus();
}

for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', () =>
    copyLink(document.getElementById(button.dataset.copy), { done: t('copy.done'), failed: t('copy.failed') }),
  );
}

document.getElementById('another-button').addEventListener('click', () => {
  form.reset();
  languageSelect.value = document.documentElement.lang.startsWith('en') ? 'en' : 'fr';
  document.getElementById('created-section').hidden = true;
  document.getElementById('create-section').hidden = false;
  titleInput.focus();
});

function showError(message) {
  error.hidden = message === null;
  error.textContent = message ?? '';
}
