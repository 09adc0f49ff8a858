// French (Québec, epicene wording) first, English second. Every visible string goes through t();
// elements marked data-i18n="key" (text) or data-i18n-attr="attribute:key,…" are filled here.

const STRINGS = {
  fr: {
    'app.name': 'Atelier',
    'language.switch': 'English',
    'language.switch.label': 'Switch to English',
    'home.title': 'Créer un atelier',
    'home.lead':
      'Un espace partagé pour vos ateliers participatifs : chaque personne se joint par un lien, sans compte.',
    'home.titleLabel': 'Titre de l’atelier',
    'home.titlePlaceholder': 'Atelier sur le modèle de pérennité des communs',
    'home.languageLabel': 'Langue de l’atelier',
    'home.create': 'Créer l’atelier',
    'home.creating': 'Création…',
    'home.created': 'Votre atelier est prêt.',
    'home.joinLabel': 'Lien pour les personnes participantes',
    'home.joinHelp': 'À partager avec tout le groupe.',
    'home.facilitatorLabel': 'Lien d’animation (secret)',
    'home.facilitatorHelp': 'Gardez ce lien pour vous : il donne les droits d’animation.',
    'home.open': 'Ouvrir l’atelier',
    'home.another': 'Créer un autre atelier',
    'home.titleRequired': 'Donnez un titre à l’atelier (1 à 120 caractères).',
    'copy.button': 'Copier',
    'copy.done': 'Lien copié.',
    'copy.failed': 'Copie impossible : sélectionnez le lien et copiez-le.',
    'language.fr': 'Français',
    'language.en': 'English',
    'join.title': 'Se joindre à l’atelier',
    'join.nameLabel': 'Votre nom (visible par le groupe)',
    'join.submit': 'Entrer',
    'join.nameRequired': 'Indiquez un nom de 1 à 40 caractères.',
    'workshop.loading': 'Chargement de l’atelier…',
    'workshop.notFound': 'Cet atelier n’existe pas ou n’existe plus. Vérifiez le lien reçu.',
    'workshop.loadFailed': 'Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez.',
    'workshop.retry': 'Réessayer',
    'workshop.facilitator': 'Animation',
    'workshop.notFacilitator': 'Ce lien d’animation n’est pas reconnu : vous participez sans les droits d’animation.',
    'workshop.delete': 'Supprimer l’atelier',
    'workshop.deleteConfirm':
      'Supprimer cet atelier pour tout le monde? Les notes seront effacées définitivement, sur tous les serveurs.',
    'workshop.deleted': 'L’atelier a été supprimé.',
    'workshop.deleteFailed': 'La suppression a échoué : {message}',
    'workshop.share': 'Inviter',
    'workshop.shareLink': 'Copier le lien d’invitation',
    'status.connecting': 'Connexion…',
    'status.connected': 'Connecté',
    'status.reconnecting': 'Reconnexion…',
    'status.offline': 'Hors ligne',
    'status.failed': 'Déconnecté',
    'status.unsent': '{count} modification(s) non envoyée(s)',
    'failure.protocol': 'Une nouvelle version d’Atelier est en ligne. Rechargez la page.',
    'failure.identity': 'Votre identité n’est plus reconnue dans cet atelier. Rechargez la page pour vous joindre de nouveau.',
    'failure.not_found': 'Cet atelier n’existe plus.',
    'failure.reload': 'Recharger',
    'people.title': 'Personnes',
    'people.you': '(vous)',
    'people.online': 'en ligne',
    'people.offline': 'hors ligne',
    'canvas.label': 'Canevas de notes. Double-cliquez ou appuyez sur N pour ajouter une note.',
    'canvas.addNote': 'Ajouter une note',
    'canvas.zoomIn': 'Zoom avant',
    'canvas.zoomOut': 'Zoom arrière',
    'canvas.zoomReset': 'Vue par défaut',
    'canvas.help':
      'Double-clic ou N : nouvelle note · Entrée : modifier · Flèches : déplacer · Suppr : effacer · Glisser le fond : se déplacer · Ctrl + molette : zoom',
    'note.label': 'Note : {text}',
    'note.empty': 'Note vide',
    'note.editorLabel': 'Texte de la note',
    'note.editing': '{name} écrit…',
    'note.color': 'Couleur : {color}',
    'note.delete': 'Supprimer la note',
    'note.front': 'Mettre au premier plan',
    'note.resize': 'Redimensionner',
    'color.yellow': 'jaune',
    'color.pink': 'rose',
    'color.blue': 'bleu',
    'color.green': 'vert',
    'color.orange': 'orange',
    'color.purple': 'mauve',
    'error.note_exists': 'Cette note existe déjà.',
    'error.unknown_note': 'Cette note est introuvable.',
    'error.note_deleted': 'Cette note a été supprimée par une autre personne.',
    'error.bad_message': 'Le serveur a refusé une modification : {message}',
    'error.unknown_type': 'Le serveur n’a pas compris une demande.',
    'error.generic': 'Le serveur a refusé une modification.',
    'agenda.notStarted': 'Pas encore commencé',
    'agenda.onTime': 'À l’heure',
    'agenda.late': 'En retard de {minutes} min',
    'agenda.ahead': 'En avance de {minutes} min',
    'agenda.preset.msc': 'Atelier MSC, 3 heures',
    'agenda.kind.text': 'Texte',
    'agenda.kind.content': 'Contenu',
    'agenda.kind.round_table': 'Tour de table',
    'agenda.kind.canvas': 'Exercice sur canevas',
    'agenda.kind.break': 'Pause',
    'agenda.kind.closing': 'Clôture',
    'export.menu': 'Exporter',
    'export.menuLabel': 'Exporter les résultats de l’atelier',
    'export.md': 'Markdown (base de connaissances)',
    'export.csv': 'CSV (tableur)',
    'export.json': 'JSON (sauvegarde complète, à réimporter)',
    'export.done': 'Export téléchargé : {name}',
    'export.failed': 'L’export a échoué : {message}',
    'export.unauthorized': 'le lien d’animation n’est pas reconnu.',
    'export.status': 'le serveur a répondu {status}.',
    'export.importTitle': 'Importer un atelier',
    'export.importHelp':
      'Un fichier JSON exporté d’Atelier devient un nouvel atelier : notes, canevas, groupes, rôles et déroulement compris.',
    'export.importLabel': 'Importer un atelier (fichier JSON)',
    'export.importing': 'Importation…',
    'export.importFailed': 'Import impossible : {message}',
    'export.importTooLarge': 'le fichier dépasse 16 Mio.',
    'export.imported': 'Atelier importé.',
  },
  en: {
    'app.name': 'Atelier',
    'language.switch': 'Français',
    'language.switch.label': 'Passer au français',
    'home.title': 'Create a workshop',
    'home.lead': 'A shared space for participatory workshops: everyone joins with a link, no account.',
    'home.titleLabel': 'Workshop title',
    'home.titlePlaceholder': 'Commons Sustainability Model workshop',
    'home.languageLabel': 'Workshop language',
    'home.create': 'Create the workshop',
    'home.creating': 'Creating…',
    'home.created': 'Your workshop is ready.',
    'home.joinLabel': 'Link for participants',
    'home.joinHelp': 'Share it with the whole group.',
    'home.facilitatorLabel': 'Facilitator link (secret)',
    'home.facilitatorHelp': 'Keep this link to yourself: it gives facilitator rights.',
    'home.open': 'Open the workshop',
    'home.another': 'Create another workshop',
    'home.titleRequired': 'Give the workshop a title (1 to 120 characters).',
    'copy.button': 'Copy',
    'copy.done': 'Link copied.',
    'copy.failed': 'Could not copy: select the link and copy it.',
    'language.fr': 'Français',
    'language.en': 'English',
    'join.title': 'Join the workshop',
    'join.nameLabel': 'Your name (shown to the group)',
    'join.submit': 'Join',
    'join.nameRequired': 'Enter a name of 1 to 40 characters.',
    'workshop.loading': 'Loading the workshop…',
    'workshop.notFound': 'This workshop does not exist or no longer exists. Check the link you received.',
    'workshop.loadFailed': 'Cannot reach the server. Check your connection, then try again.',
    'workshop.retry': 'Try again',
    'workshop.facilitator': 'Facilitator',
    'workshop.notFacilitator': 'This facilitator link is not recognised: you take part without facilitator rights.',
    'workshop.delete': 'Delete the workshop',
    'workshop.deleteConfirm':
      'Delete this workshop for everyone? Its notes will be erased for good, on every server.',
    'workshop.deleted': 'The workshop was deleted.',
    'workshop.deleteFailed': 'Deleting failed: {message}',
    'workshop.share': 'Invite',
    'workshop.shareLink': 'Copy the invitation link',
    'status.connecting': 'Connecting…',
    'status.connected': 'Connected',
    'status.reconnecting': 'Reconnecting…',
    'status.offline': 'Offline',
    'status.failed': 'Disconnected',
    'status.unsent': '{count} unsent change(s)',
    'failure.protocol': 'A new version of Atelier is online. Reload the page.',
    'failure.identity': 'Your identity is no longer known in this workshop. Reload the page to join again.',
    'failure.not_found': 'This workshop no longer exists.',
    'failure.reload': 'Reload',
    'people.title': 'People',
    'people.you': '(you)',
    'people.online': 'online',
    'people.offline': 'offline',
    'canvas.label': 'Note canvas. Double-click or press N to add a note.',
    'canvas.addNote': 'Add a note',
    'canvas.zoomIn': 'Zoom in',
    'canvas.zoomOut': 'Zoom out',
    'canvas.zoomReset': 'Default view',
    'canvas.help':
      'Double-click or N: new note · Enter: edit · Arrows: move · Delete: remove · Drag the background: pan · Ctrl + wheel: zoom',
    'note.label': 'Note: {text}',
    'note.empty': 'Empty note',
    'note.editorLabel': 'Note text',
    'note.editing': '{name} is writing…',
    'note.color': 'Colour: {color}',
    'note.delete': 'Delete the note',
    'note.front': 'Bring to front',
    'note.resize': 'Resize',
    'color.yellow': 'yellow',
    'color.pink': 'pink',
    'color.blue': 'blue',
    'color.green': 'green',
    'color.orange': 'orange',
    'color.purple': 'purple',
    'error.note_exists': 'This note already exists.',
    'error.unknown_note': 'This note cannot be found.',
    'error.note_deleted': 'Someone else deleted this note.',
    'error.bad_message': 'The server refused a change: {message}',
    'error.unknown_type': 'The server did not understand a request.',
    'error.generic': 'The server refused a change.',
    'agenda.notStarted': 'Not started yet',
    'agenda.onTime': 'On time',
    'agenda.late': 'Late by {minutes} min',
    'agenda.ahead': 'Ahead by {minutes} min',
    'agenda.preset.msc': 'MSC workshop, 3 hours',
    'agenda.kind.text': 'Text',
    'agenda.kind.content': 'Content',
    'agenda.kind.round_table': 'Round table',
    'agenda.kind.canvas': 'Canvas exercise',
    'agenda.kind.break': 'Break',
    'agenda.kind.closing': 'Closing',
    'export.menu': 'Export',
    'export.menuLabel': 'Export the workshop’s results',
    'export.md': 'Markdown (knowledge base)',
    'export.csv': 'CSV (spreadsheet)',
    'export.json': 'JSON (complete backup, to import again)',
    'export.done': 'Export downloaded: {name}',
    'export.failed': 'The export failed: {message}',
    'export.unauthorized': 'the facilitator link is not recognised.',
    'export.status': 'the server answered {status}.',
    'export.importTitle': 'Import a workshop',
    'export.importHelp':
      'A JSON file exported from Atelier becomes a new workshop, with its notes, canvases, groups, roles and agenda.',
    'export.importLabel': 'Import a workshop (JSON file)',
    'export.importing': 'Importing…',
    'export.importFailed': 'Could not import: {message}',
    'export.importTooLarge': 'the file is larger than 16 MiB.',
    'export.imported': 'Workshop imported.',
  },
};

export const LANGUAGES = Object.keys(STRINGS);
const STORAGE_KEY = 'atelier.language';
let current = 'fr';
const listeners = new Set();

export function t(key, params = {}) {
  const text = STRINGS[current][key] ?? STRINGS.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export function language() {
  return current;
}

/** The reader's own choice wins; otherwise the given default (the workshop's language). */
export function initLanguage(fallback, storage = globalThis.localStorage) {
  const chosen = safeGet(storage, STORAGE_KEY);
  setLanguage(LANGUAGES.includes(chosen) ? chosen : LANGUAGES.includes(fallback) ? fallback : 'fr', null);
}

export function setLanguage(code, storage = globalThis.localStorage) {
  if (!LANGUAGES.includes(code)) return;
  current = code;
  if (storage) safeSet(storage, STORAGE_KEY, code);
  if (globalThis.document) translatePage(globalThis.document);
  for (const listener of listeners) listener(code);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

export function translatePage(document) {
  document.documentElement.lang = current === 'fr' ? 'fr-CA' : 'en';
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of document.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(',')) {
      const [attribute, key] = pair.split(':');
      element.setAttribute(attribute.trim(), t(key.trim()));
    }
  }
}

/** The button that switches between French and English, wherever a page puts it. */
export function bindLanguageToggle(button) {
  button.addEventListener('click', () => setLanguage(current === 'fr' ? 'en' : 'fr'));
}

export function keys(code) {
  return Object.keys(STRINGS[code]);
}

function safeGet(storage, key) {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null; // Private modes may refuse storage; the page still works.
  }
}

function safeSet(storage, key, value) {
  try {
    storage.setItem(key, value);
  } catch {
    // Same as above: the choice then lasts only for this page.
  }
}
