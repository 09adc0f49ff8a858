// A facilitator preparing a workshop on the Commons Sustainability Model should not start from a
// blank agenda: this preset lays out the three hours of the reference session (the domain brief,
// "A real workshop"), in French or English, ready to adjust. The texts are ours; the facilitator
// completes what only they can know, marked [À COMPLÉTER …] / [TO COMPLETE …], starting with the
// territorial acknowledgement, where no nation is named for them. French follows i18n.js: Québec
// usage, inclusive writing, a space before ":" but none before "?", "!" or ";".

export const STEP_KINDS = ['text', 'content', 'round_table', 'canvas', 'break', 'closing'];

/** The order of the agenda and its timing; the minutes add up to 180. */
const PLAN = [
  { key: 'acknowledgement', kind: 'text', minutes: 5 },
  { key: 'roundTable', kind: 'round_table', minutes: 20 },
  { key: 'context', kind: 'content', minutes: 10 },
  { key: 'model', kind: 'content', minutes: 20 },
  { key: 'analysePlatform', kind: 'canvas', minutes: 30, template: 'analyse-platform' },
  { key: 'break', kind: 'break', minutes: 15 },
  // 5 minutes for the mission, vision and values at the centre, then 10 per pillar.
  { key: 'ourPlatform', kind: 'canvas', minutes: 55, template: 'msc', pillarMinutes: 10 },
  { key: 'restitution', kind: 'round_table', minutes: 20 },
  { key: 'closing', kind: 'closing', minutes: 5 },
];

const lines = (...text) => text.join('\n');

const TEXTS = {
  fr: {
    acknowledgement: {
      title: 'Reconnaissance territoriale',
      body: lines(
        '> **Consigne pour l’animation, à retirer avant l’atelier :** complétez les passages entre crochets. ' +
          'Nommez la ou les Nations comme elles se désignent elles-mêmes, et vérifiez si le territoire est non cédé ' +
          'ou visé par un traité. Au besoin, renseignez-vous auprès d’un organisme autochtone de votre région. ' +
          'Une reconnaissance brève et sincère vaut mieux qu’une formule toute faite.',
        '',
        'Avant de commencer, nous souhaitons reconnaître que nous sommes réuni·es sur le territoire ' +
          '[À COMPLÉTER : non cédé, ou visé par un traité] de [À COMPLÉTER : la ou les Nations]. ' +
          'Nous saluons celles et ceux qui prennent soin de ces terres et de ces eaux depuis des temps immémoriaux.',
        '',
        'Nous reconnaissons le lien profond qui unit ces peuples à ce territoire, ainsi que les injustices passées ' +
          'et présentes que vivent les peuples autochtones. Cette reconnaissance n’est qu’un premier pas : ' +
          'elle nous engage à [À COMPLÉTER : un engagement concret de notre organisation].',
        '',
        'Aux personnes qui participent à distance : nous vous invitons à prendre un moment pour reconnaître ' +
          'le territoire où vous vous trouvez.',
      ),
    },
    roundTable: {
      title: 'Tour de table',
      body: lines(
        'Chaque participant·e prend la parole à tour de rôle, pendant une durée égale; l’animation chronomètre ' +
          'les tours. Chaque personne peut passer son tour.',
        '',
        '- Votre nom et, si vous le souhaitez, vos pronoms',
        '- Votre lien avec l’organisation et ses plateformes',
        '- Ce que vous attendez de l’atelier d’aujourd’hui',
      ),
    },
    context: {
      title: 'Mise en contexte',
      body: lines(
        '## Pourquoi cet atelier?',
        '',
        '[À COMPLÉTER : l’histoire de nos plateformes, quelques chiffres d’utilisation, ce qui nous amène aujourd’hui.]',
        '',
        'Un commun numérique ne peut pas rivaliser avec les grandes plateformes sur le terrain du marché. ' +
          'Pour durer, il lui faut une autre façon de se soutenir : c’est ce que nous allons explorer ensemble.',
        '',
        '## Déroulement',
        '',
        '1. Ce qu’est un commun, et le modèle de soutenabilité des communs',
        '2. Exercice 1 : analyser une autre plateforme avec le modèle',
        '3. Pause',
        '4. Exercice 2 : le modèle de notre plateforme, pilier par pilier',
        '5. Restitution des groupes et clôture',
      ),
    },
    model: {
      title: 'Les communs et le modèle de soutenabilité',
      body: lines(
        '## Qu’est-ce qu’un commun?',
        '',
        'Un commun, c’est une ressource partagée (un jardin, un logiciel, une base de connaissances), ' +
          'une communauté qui en prend soin et les règles qu’elle se donne pour la gérer ensemble.',
        '',
        '## Le modèle de soutenabilité des communs (MSC)',
        '',
        'Conçu à l’origine par une coopérative de Barcelone, le modèle examine un projet sous l’angle de cinq ' +
          'piliers interreliés. Un commun dure quand ces piliers restent en équilibre.',
        '',
        '- **Communauté** : les personnes qui tiennent à ce que le commun existe. Qui en fait partie aujourd’hui, ' +
          'qui pourrait s’y joindre, à quels besoins et à quels défis répond-il?',
        '- **Ressources** : ce dont le projet a besoin (matériel et locaux, contenus, code source et logiciels, ' +
          'bonnes pratiques) et la façon de mobiliser ces ressources (don, échange, troc, marché social, ' +
          'marché capitaliste, services publics…).',
        '- **Co-production** : les tâches qui gardent le commun vivant, les personnes qui les accomplissent ' +
          'et la reconnaissance de leurs contributions.',
        '- **Partage** : les savoirs, les compétences et les processus partagés pour que chaque personne puisse ' +
          'prendre part et que le commun puisse être reproduit.',
        '- **Co-gouvernance** : la façon de participer, de délibérer et de décider. Qui est informé·e, ' +
          'qui est consulté·e, qui décide?',
        '',
        '## Des piliers en équilibre',
        '',
        'Sur le canevas, la **communauté** est au centre, avec la mission, la vision et les **valeurs** du commun. ' +
          'Les quatre autres piliers forment deux axes qui s’équilibrent : **partage ↔ co-gouvernance** ' +
          'et **co-production ↔ ressources**.',
        '',
        'Le modèle dépasse les rôles figés (qui produit et qui consomme, qui dirige et qui exécute, ' +
          'qui donne et qui reçoit) : il demande quel rôle *chaque personne* joue dans chaque pilier.',
        '',
        '## Retours d’expérience',
        '',
        '[À COMPLÉTER : des usages précédents du modèle, par exemple une petite ferme maraîchère, ' +
          'une école d’été sur les communs ou un projet de transition.]',
      ),
    },
    analysePlatform: {
      title: 'Exercice 1 : analyser une autre plateforme',
      body: lines(
        'En sous-groupes, examinez une plateforme numérique que vous connaissez, autre que la nôtre, ' +
          'sous l’angle des cinq piliers du modèle.',
        '',
        '1. Choisissez la plateforme et écrivez son nom sur une première note.',
        '2. Parcourez les piliers dans l’ordre : communauté, ressources, co-production, partage, co-gouvernance.',
        '3. Terminez par ce qui vous inspire, ce qui vous fait réfléchir et ce qui vous questionne.',
        '',
        'Une idée par note. Chaque personne écrit ses propres notes : il n’y a pas de mauvaise réponse.',
      ),
    },
    break: {
      title: 'Pause',
      body: 'Prenez le temps de vous dégourdir les jambes. Nous reprenons quand la minuterie arrive à zéro.',
    },
    ourPlatform: {
      title: 'Exercice 2 : le modèle de notre plateforme',
      body: lines(
        'Chaque sous-groupe remplit son canevas pour nos plateformes. Commencez par inscrire la mission, ' +
          'la vision et les valeurs au centre; l’animation vous guide ensuite d’un pilier à l’autre, ' +
          'environ 10 minutes par pilier.',
        '',
        '1. **Communauté** : qui prend soin du commun aujourd’hui? Qui pourrait s’y joindre?',
        '2. **Ressources** : de quoi avons-nous besoin, et comment mobilisons-nous ces ressources?',
        '3. **Co-production** : quelles tâches font vivre le commun, qui les accomplit, ' +
          'et comment sont-elles reconnues?',
        '4. **Partage** : quels savoirs, compétences et processus partageons-nous?',
        '5. **Co-gouvernance** : qui est informé·e, qui est consulté·e, qui décide?',
        '',
        'Gardez les valeurs en vue tout au long de l’exercice. Dans la carte des rôles, indiquez aussi les piliers ' +
          'où *vous* contribuez.',
      ),
    },
    restitution: {
      title: 'Restitution des groupes',
      body: lines(
        'Chaque sous-groupe présente son canevas, pilier par pilier; chaque groupe dispose du même temps.',
        '',
        '- Ce qui ressort pour chaque pilier',
        '- Les déséquilibres repérés : entre partage et co-gouvernance, entre co-production et ressources',
        '- Une question qui reste ouverte',
        '',
        'Les canevas restent dans l’atelier et peuvent être exportés : rien de ce qui a été écrit ne se perd.',
      ),
    },
    closing: {
      title: 'Clôture',
      body: lines(
        'Merci à toutes et à tous pour votre participation!',
        '',
        '- Un mot ou une phrase chacun·e : ce que vous retenez de l’atelier',
        '- Les prochaines étapes : [À COMPLÉTER : ce que l’organisation fera des résultats, et quand]',
      ),
    },
  },
  en: {
    acknowledgement: {
      title: 'Territorial acknowledgement',
      body: lines(
        '> **Note for the facilitator, to remove before the workshop:** complete the passages in square brackets. ' +
          'Name the Nation or Nations as they name themselves, and check whether the land is unceded or covered ' +
          'by a treaty. If needed, ask an Indigenous organization in your region. A short, sincere ' +
          'acknowledgement is better than a ready-made formula.',
        '',
        'Before we begin, we wish to acknowledge that we are gathered on the [TO COMPLETE: unceded, or treaty] ' +
          'territory of [TO COMPLETE: the Nation or Nations]. We honour those who have cared for these lands ' +
          'and waters since time immemorial.',
        '',
        'We recognize the deep bond between these peoples and this land, and the past and present injustices ' +
          'that Indigenous peoples live with. This acknowledgement is only a first step: it commits us to ' +
          '[TO COMPLETE: a concrete commitment of our organization].',
        '',
        'To those taking part remotely: we invite you to take a moment to acknowledge the land where you are.',
      ),
    },
    roundTable: {
      title: 'Round table',
      body: lines(
        'Each participant speaks in turn, for the same length of time; the facilitator times the turns. ' +
          'Anyone may pass.',
        '',
        '- Your name and, if you wish, your pronouns',
        '- Your connection with the organization and its platforms',
        '- What you expect from today’s workshop',
      ),
    },
    context: {
      title: 'Context',
      body: lines(
        '## Why this workshop?',
        '',
        '[TO COMPLETE: the history of our platforms, a few usage figures, what brings us here today.]',
        '',
        'A digital commons cannot compete with the big platforms on market terms. To last, it needs another ' +
          'way to sustain itself: that is what we will explore together.',
        '',
        '## Outline',
        '',
        '1. What a commons is, and the Commons Sustainability Model',
        '2. Exercise 1: analyze another platform with the model',
        '3. Break',
        '4. Exercise 2: our platform’s model, pillar by pillar',
        '5. Groups report back, and closing',
      ),
    },
    model: {
      title: 'Commons and the sustainability model',
      body: lines(
        '## What is a commons?',
        '',
        'A commons is a shared resource (a garden, a piece of software, a knowledge base), a community that ' +
          'takes care of it, and the rules it gives itself to manage it together.',
        '',
        '## The Commons Sustainability Model',
        '',
        'First designed by a cooperative in Barcelona, the model looks at a project through five interconnected ' +
          'pillars. A commons lasts when these pillars stay in balance.',
        '',
        '- **Community**: the people who care that the commons exists. Who is in it today, who could join, ' +
          'which needs and challenges does it answer?',
        '- **Resources**: what the project needs (equipment and space, content, source code and software, ' +
          'good practices) and how it is mobilized (gift, exchange, barter, social market, capitalist market, ' +
          'public services…).',
        '- **Co-production**: the tasks that keep the commons alive, the people who do them, and how their ' +
          'contributions are recognized.',
        '- **Sharing**: the knowledge, skills and processes shared so that everyone can take part and the ' +
          'commons can be reproduced.',
        '- **Co-governance**: how people take part, deliberate and decide. Who is informed, who is consulted, ' +
          'who decides?',
        '',
        '## Pillars in balance',
        '',
        'On the canvas, the **community** sits at the centre, with the mission, vision and **values** of the ' +
          'commons. The other four pillars form two axes that balance each other: **sharing ↔ co-governance** ' +
          'and **co-production ↔ resources**.',
        '',
        'The model goes beyond fixed roles (producer and consumer, boss and employee, volunteer and ' +
          'beneficiary): it asks which role *each person* plays in each pillar.',
        '',
        '## Lessons from earlier uses',
        '',
        '[TO COMPLETE: earlier uses of the model, for example a small vegetable farm, a summer school on ' +
          'commons or a transition project.]',
      ),
    },
    analysePlatform: {
      title: 'Exercise 1: analyze another platform',
      body: lines(
        'In sub-groups, look at a digital platform you know, other than ours, through the five pillars ' +
          'of the model.',
        '',
        '1. Choose the platform and write its name on a first note.',
        '2. Go through the pillars in order: community, resources, co-production, sharing, co-governance.',
        '3. End with what inspires you, what makes you think and what raises questions.',
        '',
        'One idea per note. Everyone writes their own notes: there is no wrong answer.',
      ),
    },
    break: {
      title: 'Break',
      body: 'Take time to stretch your legs. We start again when the timer reaches zero.',
    },
    ourPlatform: {
      title: 'Exercise 2: our platform’s model',
      body: lines(
        'Each sub-group fills in its canvas for our platforms. Start by writing the mission, vision and values ' +
          'at the centre; the facilitator then guides you from one pillar to the next, about 10 minutes each.',
        '',
        '1. **Community**: who takes care of the commons today? Who could join?',
        '2. **Resources**: what do we need, and how do we mobilize these resources?',
        '3. **Co-production**: which tasks keep the commons alive, who does them and how are they recognized?',
        '4. **Sharing**: which knowledge, skills and processes do we share?',
        '5. **Co-governance**: who is informed, who is consulted, who decides?',
        '',
        'Keep the values in view throughout. In the role map, also show the pillars where *you* contribute.',
      ),
    },
    restitution: {
      title: 'Groups report back',
      body: lines(
        'Each sub-group presents its canvas, pillar by pillar; every group has the same time.',
        '',
        '- What stands out for each pillar',
        '- The imbalances found: between sharing and co-governance, between co-production and resources',
        '- One question that remains open',
        '',
        'The canvases stay in the workshop and can be exported: nothing that was written is lost.',
      ),
    },
    closing: {
      title: 'Closing',
      body: lines(
        'Thank you all for taking part!',
        '',
        '- A word or a sentence each: what you take away from the workshop',
        '- Next steps: [TO COMPLETE: what the organization will do with the results, and when]',
      ),
    },
  },
};

/**
 * The steps of "Atelier MSC, 3 heures" / "MSC workshop, 3 hours", in the wire shape of an agenda
 * step. An unknown language gives the French agenda, French being the working language.
 * @param {string} language 'fr' or 'en'
 * @param {() => string} newId a fresh step id for each call
 */
export function mscWorkshopPreset(language, newId) {
  if (typeof newId !== 'function') throw new TypeError('mscWorkshopPreset needs a function that makes step ids');
  const texts = TEXTS[language] ?? TEXTS.fr;
  return PLAN.map(({ key, kind, minutes, template = null, pillarMinutes = null }) => ({
    id: newId(),
    kind,
    title: texts[key].title,
    body: texts[key].body,
    minutes,
    template,
    pillarMinutes,
  }));
}
