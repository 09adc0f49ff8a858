// The home page: create a workshop, or import one from a JSON export (EX2), then show the two
// links to share or keep.

import { MAX_IMPORT_BYTES, importRefusalText } from './export-file.js';
import { bindLanguageToggle, initLanguage, setLanguage, t, translatePage } from './i18n.js';
import { copyLink, toast } from './toasts.js';

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
      // The form checks the title first, so a 400 is a title the server still refused.
      const key = { 400: 'home.titleRequired', 429: 'home.rateLimited' }[response.status]; // LM7
      showError(t(key ?? 'home.createFailed'));
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
  document.getElementById('import-section').hidden = true;
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
  document.getElementById('import-section').hidden = false;
  titleInput.focus();
});

// Importing: the chosen file is sent as is; the server checks it (EX2) and answers like a creation.
const importInput = document.getElementById('import-file');
const importStatus = document.getElementById('import-status');
const importError = document.getElementById('import-error');

importInput.addEventListener('change', async () => {
  const file = importInput.files?.[0];
  if (!file) return;
  showImportError(null);
  if (file.size > MAX_IMPORT_BYTES) {
    showImportError(t('export.importFailed', { message: t('export.importTooLarge') }));
    importInput.value = '';
    return;
  }
  importInput.disabled = true;
  importStatus.textContent = t('export.importing');
  try {
    const response = await fetch('/api/workshops/import', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: file,
    });
    const body = await response.json().catch(() => ({}));
    if (response.status !== 201) {
      showImportError(t('export.importFailed', { message: importRefusalText(response.status, body) }));
      return;
    }
    showCreated(body); // In the workshop's language from here on, the toast too.
    toast(t('export.imported'));
  } catch {
    showImportError(t('export.importFailed', { message: t('workshop.loadFailed') }));
  } finally {
    importInput.disabled = false;
    importInput.value = '';
    importStatus.textContent = '';
  }
});

function showImportError(message) {
  importError.hidden = message === null;
  importError.textContent = message ?? '';
}

function showError(message) {
  error.hidden = message === null;
  error.textContent = message ?? '';
}
