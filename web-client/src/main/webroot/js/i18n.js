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
      'Double-clic ou N : nouvelle note · Entrée : modifier · Flèches : déplacer · Suppr : effacer · Glisser le fond : se déplacer · Ctrl + molette : zoom · 0 : tout le canevas · 1 : 100 %',
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
    // Canvases, groups, pillar balance, overview and print (canvases.js and its modules).
    'canvases.bar': 'Canevas de l’atelier',
    'canvases.tabs': 'Canevas',
    'canvases.ownGroup': 'votre groupe',
    'canvases.overview': 'Vue d’ensemble',
    'canvases.overviewTitle': 'Vue d’ensemble : {count} canevas',
    'canvases.new': 'Nouveaux canevas',
    'canvases.rename': 'Renommer',
    'canvases.delete': 'Supprimer le canevas',
    'canvases.deleteLast': 'Le dernier canevas ne peut pas être supprimé.',
    'canvases.deleteConfirm':
      'Supprimer le canevas « {name} » pour tout le monde? Ses notes ({count}) seront effacées et son groupe dissous.',
    'canvases.print': 'Imprimer',
    'canvases.newTitle': 'Nouveaux canevas',
    'canvases.template': 'Modèle',
    'canvases.count': 'Combien de canevas (1 à {max})',
    'canvases.prefix': 'Début du nom',
    'canvases.prefixDefault': 'Groupe',
    'canvases.preview': 'Ils seront nommés « {first} » à « {last} ».',
    'canvases.prefixRequired': 'Indiquez le début du nom des canevas.',
    'canvases.countRange': 'Choisissez un nombre entier de 1 à {max}.',
    'canvases.tooMany': 'Un atelier compte au plus {max} canevas : il reste de la place pour {left}.',
    'canvases.created': 'Canevas créés ({count}) : « {first} » à « {last} ».',
    'canvases.renameTitle': 'Renommer le canevas',
    'canvases.name': 'Nom du canevas',
    'canvases.nameRequired': 'Donnez un nom au canevas (1 à 120 caractères).',
    'canvases.cancel': 'Annuler',
    'canvases.ok': 'Valider',
    'canvases.movedToGroup': 'Vous faites maintenant partie du groupe « {name} ».',
    'canvases.deletedMoved': 'Le canevas « {name} » a été supprimé : vous êtes maintenant sur « {next} ».',
    'canvases.pillarNotes': 'Notes dans ce pilier : {count}',
    'canvases.pillarLabel': '{pillar} :',
    'canvases.pillarCount': '{pillar} : {count} note(s)',
    'canvases.balance': 'Équilibre des piliers',
    'canvases.balance.none': 'Équilibre : aucune note dans les piliers',
    'canvases.balance.value': '{word} · {percent} %',
    'canvases.balance.help':
      'Notes dans les piliers : {total}. 100 % : autant de notes dans chaque pilier; 0 % : toutes dans un seul.',
    'canvases.balance.balanced': 'Équilibré',
    'canvases.balance.fair': 'Plutôt équilibré',
    'canvases.balance.uneven': 'Déséquilibré',
    'canvases.balance.lopsided': 'Très déséquilibré',
    'canvases.miniatureCount': '{pillar} {count}',
    'canvases.total': 'Total : {count} note(s), dont {inPillars} dans les piliers',
    'canvases.noGroup': 'Sans groupe',
    'canvases.groupOf': 'Groupe de {name}',
    'canvases.spread': 'Répartir les personnes',
    'canvases.spreadHelp': 'Répartit à tour de rôle les personnes en ligne sur les canevas des groupes.',
    'canvases.spreadNobody': 'Aucune personne participante en ligne à répartir.',
    'canvases.spreadDone': 'Personnes réparties ({count}) sur {canvases} canevas.',
    'canvases.printSubtitle': '{name} · {date}',
    'canvases.printNotes': 'Texte des notes',
    'canvases.printOutside': 'Hors des zones',
    'canvases.printAll': 'Notes',
    'canvases.printEmpty': 'Aucune note sur ce canevas.',
    'error.unknown_canvas': 'Ce canevas n’existe pas ou a été supprimé.',
    'error.canvas_exists': 'Un canevas porte déjà cet identifiant. Réessayez.',
    'error.last_canvas': 'Le dernier canevas de l’atelier ne peut pas être supprimé.',
    'error.too_many_canvases': 'Un atelier compte au plus 40 canevas.',
    'error.not_facilitator': 'Seule l’animation peut faire ce changement.',
    'error.unknown_participant': 'Cette personne ne fait pas partie de l’atelier.',
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
      'Double-click or N: new note · Enter: edit · Arrows: move · Delete: remove · Drag the background: pan · Ctrl + wheel: zoom · 0: whole canvas · 1: 100 %',
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
    // Canvases, groups, pillar balance, overview and print (canvases.js and its modules).
    'canvases.bar': 'Workshop canvases',
    'canvases.tabs': 'Canvases',
    'canvases.ownGroup': 'your group',
    'canvases.overview': 'Overview',
    'canvases.overviewTitle': 'Overview: {count} canvas(es)',
    'canvases.new': 'New canvases',
    'canvases.rename': 'Rename',
    'canvases.delete': 'Delete the canvas',
    'canvases.deleteLast': 'The last canvas cannot be deleted.',
    'canvases.deleteConfirm':
      'Delete the canvas “{name}” for everyone? Its notes ({count}) will be erased and its group dissolved.',
    'canvases.print': 'Print',
    'canvases.newTitle': 'New canvases',
    'canvases.template': 'Template',
    'canvases.count': 'How many canvases (1 to {max})',
    'canvases.prefix': 'Name prefix',
    'canvases.prefixDefault': 'Group',
    'canvases.preview': 'They will be named “{first}” to “{last}”.',
    'canvases.prefixRequired': 'Enter the start of the canvases’ names.',
    'canvases.countRange': 'Choose a whole number from 1 to {max}.',
    'canvases.tooMany': 'A workshop holds at most {max} canvases: there is room for {left} more.',
    'canvases.created': 'Canvases created ({count}): “{first}” to “{last}”.',
    'canvases.renameTitle': 'Rename the canvas',
    'canvases.name': 'Canvas name',
    'canvases.nameRequired': 'Give the canvas a name (1 to 120 characters).',
    'canvases.cancel': 'Cancel',
    'canvases.ok': 'OK',
    'canvases.movedToGroup': 'You are now part of the group “{name}”.',
    'canvases.deletedMoved': 'The canvas “{name}” was deleted: you are now on “{next}”.',
    'canvases.pillarNotes': 'Notes in this pillar: {count}',
    'canvases.pillarLabel': '{pillar}:',
    'canvases.pillarCount': '{pillar}: {count} note(s)',
    'canvases.balance': 'Pillar balance',
    'canvases.balance.none': 'Balance: no note in the pillars yet',
    'canvases.balance.value': '{word} · {percent} %',
    'canvases.balance.help':
      'Notes in the pillars: {total}. 100 %: as many notes in every pillar; 0 %: all in one.',
    'canvases.balance.balanced': 'Balanced',
    'canvases.balance.fair': 'Fairly balanced',
    'canvases.balance.uneven': 'Unbalanced',
    'canvases.balance.lopsided': 'Very unbalanced',
    'canvases.miniatureCount': '{pillar} {count}',
    'canvases.total': 'Total: {count} note(s), {inPillars} in the pillars',
    'canvases.noGroup': 'No group',
    'canvases.groupOf': 'Group of {name}',
    'canvases.spread': 'Spread people',
    'canvases.spreadHelp': 'Places the online participants in turn on the group canvases.',
    'canvases.spreadNobody': 'No online participant to spread.',
    'canvases.spreadDone': 'People spread ({count}) over {canvases} canvas(es).',
    'canvases.printSubtitle': '{name} · {date}',
    'canvases.printNotes': 'Text of the notes',
    'canvases.printOutside': 'Outside the zones',
    'canvases.printAll': 'Notes',
    'canvases.printEmpty': 'No note on this canvas.',
    'error.unknown_canvas': 'This canvas does not exist or was deleted.',
    'error.canvas_exists': 'A canvas already has this id. Try again.',
    'error.last_canvas': 'The workshop’s last canvas cannot be deleted.',
    'error.too_many_canvases': 'A workshop holds at most 40 canvases.',
    'error.not_facilitator': 'Only the facilitator can make this change.',
    'error.unknown_participant': 'This person is not part of the workshop.',
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
