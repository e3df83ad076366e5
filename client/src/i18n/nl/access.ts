// Nederlandse woorden over toegang (zie en/access.ts).
import type { Catalogue } from '../catalogue.ts';

export const access: Catalogue['access'] = {
  link: {
    member: { label: 'Link voor leden', hint: 'Voor leden van de kring: hun standpunt telt mee in consentrondes.' },
    guest: { label: 'Link voor gasten', hint: 'Voor gasten: ze mogen spreken, meeschrijven en zorgen inbrengen; hun standpunt telt niet mee.' },
    observer: { label: 'Link voor toehoorders', hint: 'Voor toehoorders: ze zien het bord live en schrijven niets.' },
  },
  linksLead: 'Stuur ieder de link van zijn of haar rol: alleen de link bepaalt de rol.',
  replaceLinks: 'Links vervangen',
  replaceLinksHint: 'Nieuwe links voor elke rol; de oude werken meteen niet meer. Wie al deelneemt, blijft.',
  linksReplaced: 'Nieuwe links gemaakt: de oude werken niet meer.',
  joinAs: {
    member: 'Dit is een link voor leden: je neemt deel als lid van de kring en je standpunt telt mee in consentrondes.',
    guest: 'Dit is een link voor gasten: je mag spreken, meeschrijven en zorgen inbrengen; je standpunt telt niet mee.',
    observer: 'Dit is een link voor toehoorders: je ziet het bord live en schrijft niets.',
  },
  qr: { heading: 'QR-code voor telefoons', pick: 'Link als QR-code', alt: 'QR-code van de link voor rol {{role}}' },
  invite: { button: 'Uitnodigen', heading: 'Mensen uitnodigen', close: 'Sluiten', links: 'Uitnodigingslinks' },
  joinPage: {
    title: 'Deelnemen aan de vergadering', titleOf: 'Deelnemen aan “{{title}}”', circle: 'Kring: {{circle}}',
    closed: 'Deze vergadering is gesloten: er kunnen geen nieuwe deelnemers bij.', nameHint: 'Zichtbaar voor iedereen in de vergadering.',
    needName: 'Vul je naam in om deel te nemen.', already: 'Je neemt op dit apparaat al deel aan deze vergadering als', returnToBoard: 'Terug naar het bord', joining: 'Bezig met deelnemen…', join: 'Deelnemen', yourName: 'Je naam',
  },
  start: {
    needFields: 'Vul een titel voor de vergadering en je naam in om de vergadering te maken.', myMeetings: 'Vergaderingen op dit apparaat',
    lead: 'Een live vergaderbord voor kringen die met consent besluiten. Begin een vergadering; jij bent de gespreksleider.',
    form: 'Een vergadering maken', title: 'Titel van de vergadering', circle: 'Kring', circleHint: 'De kring die vergadert, bijv. “Tuinkring”.',
    aim: 'Het doel van de kring', aimHint: 'Het gezamenlijke doel: bezwaren worden daaraan getoetst.', yourName: 'Je naam',
    creating: 'Bezig met maken…', create: 'Vergadering maken',
  },
  myMeetings: {
    title: 'Vergaderingen op dit apparaat',
    lead: 'Vergaderingen die je op dit apparaat hebt gemaakt of waaraan je deelnam. Open er een om terug te gaan naar het bord.',
    none: 'Je hebt op dit apparaat nog aan geen vergadering deelgenomen.', as: 'als {{name}} ({{role}})',
    start: 'Een nieuwe vergadering beginnen', untitled: 'Vergadering zonder titel',
  },
  joinNoCode: 'Deze link heeft geen uitnodigingscode. Vraag de gespreksleider om de link van je rol.',
  remove: {
    button: '{{name}} verwijderen…',
    confirm: '{{name}} uit de vergadering verwijderen? De link werkt meteen niet meer; wat diegene schreef en de standpunten blijven in het verslag.',
    yes: 'Verwijderen', no: 'Houden', removed: 'verwijderd',
  },
  cannotOpen: {
    title: 'Dit bord kan niet openen', serverSays: 'De server zegt:', startNew: 'Een nieuwe vergadering beginnen',
    byStatus: {
      401: {
        why: 'De toegangspas op dit apparaat is niet geldig voor deze vergadering, of is verlopen.',
        todo: 'Vraag de gespreksleider om een nieuwe link voor je rol en neem daarmee opnieuw deel.',
      },
      403: {
        why: 'De toegangspas op dit apparaat opent deze vergadering niet meer: de gespreksleider heeft je verwijderd, of hij hoort bij een andere vergadering.',
        todo: 'Denk je dat dit een vergissing is, vraag het dan de gespreksleider; die kan je een nieuwe link sturen.',
      },
      404: {
        why: 'Deze vergadering bestaat niet: ze is verwijderd, of het adres klopt niet.',
        todo: 'Controleer het adres met de gespreksleider, of begin een nieuwe vergadering.',
      },
      409: { why: 'Deze vergadering kan in haar huidige toestand niet worden geopend.', todo: 'Vraag de gespreksleider wat je moet doen.' },
      410: { why: 'Deze vergadering bestaat niet meer.', todo: 'Vraag de gespreksleider om het verslag, of begin een nieuwe vergadering.' },
    },
  },
  notJoined: {
    title: 'Je neemt op dit apparaat niet deel aan deze vergadering',
    body: 'Open de uitnodigingslink die de gespreksleider met je deelde. Je plaats wordt dan op dit apparaat bewaard.',
    startNew: 'Liever een nieuwe vergadering beginnen', myMeetings: 'Vergaderingen op dit apparaat',
    offline: 'Je bent offline en dit apparaat heeft nog geen kopie van de vergadering. Het bord opent zodra de verbinding terug is.',
    loading: 'De vergadering laden…', opening: 'Het bord openen…',
  },
  notFound: { title: 'Pagina niet gevonden', body: 'Dit adres is geen vergaderbord.', start: 'Een nieuwe vergadering beginnen' },
  language: { label: 'Taal' },
  api: {
    unreachable: 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
    answered: 'De server antwoordde {{status}} {{text}}.',
    minutesFailed: 'Het verslag kon niet worden opgehaald', deleteFailed: 'De vergadering kon niet worden verwijderd',
  },
};
