// Nederlandse woorden van de gespreksleiding (zie en/facilitation.ts).
import type { Catalogue } from '../catalogue.ts';

export const facilitation: Catalogue['facilitation'] = {
  stageAction: {
    draft: 'Terug naar concept', present: 'Indiener licht het voorstel toe', clarify: 'Verhelderingsvragen starten',
    react: 'Korte reacties starten', consent: 'Consentronde openen', resolve: 'Bezwaren verwerken',
    decided: 'Besluit vastleggen…', deferred: 'Punt uitstellen…',
  },
  selectionStageAction: { clarify: 'Voordrachtronde openen (tegelijk getoond)', react: 'Ronde van heroverweging openen' },
  phaseAction: {
    lobby: 'Terug naar de wachtruimte', opening: 'Vergadering beginnen: openingsronde', agenda: 'Door naar de agenda',
    items: 'Door naar de agendapunten', closing: 'Door naar de sluitingsronde', closed: 'Vergadering sluiten…',
  },
  confirm: {
    phase: 'De vergadering doorzetten naar “{{to}}”? De vergadering kan niet terug naar deze fase.',
    closed: 'De vergadering sluiten? Het bord wordt voor iedereen alleen-lezen en het verslag is definitief. Dit kan niet ongedaan worden gemaakt.',
    deferred: '“{{title}}” uitstellen naar een latere vergadering? Het verloop wordt vastgelegd zoals het nu is; dit kan niet ongedaan worden gemaakt.',
    yes: 'Ja, doorgaan',
    no: 'Nog niet',
    decision: 'Het besluit vastleggen bevriest de tekst en het consent zoals ze nu zijn; dit kan niet ongedaan worden gemaakt.',
  },
  roundName: {
    opening: 'openingsronde', closing: 'sluitingsronde', consent: 'consentronde', clarify: 'verhelderingsvragen',
    react: 'korte reacties', nominations: 'voordrachtronde', change: 'ronde van heroverweging', agenda: 'consent over de agenda',
  },
  roundTitle: {
    opening: 'Openingsronde', closing: 'Sluitingsronde', consent: 'Consentronde', clarify: 'Verhelderingsvragen',
    react: 'Korte reacties', nominations: 'Voordrachtronde', change: 'Ronde van heroverweging', agenda: 'Consent over de agenda',
  },
  facilitate: {
    heading: 'Vergadering leiden', next: 'Volgende stap', noMoves: 'Er is nu geen stap mogelijk.',
    otherItems: 'Andere punten', otherMoves: 'Andere stappen',
    blankProposal: 'Schrijf eerst het voorstel: een consentronde heeft een tekst nodig om consent op te geven.',
    openRound: '{{round, capitalize}} openen',
    newConsentRound: 'Nieuwe consentronde',
    newConsentRoundHint: 'De tekst is gewijzigd sinds de standpunten werden gegeven: open een nieuwe ronde zodat iedereen op de huidige tekst reageert.',
    closeRound: 'Ronde sluiten', nobodyPresent: 'Niemand aanwezig om te spreken', order: 'Volgorde: {{names}}',
    nextItem: 'Volgend punt: “{{title}}”', takeUp: '“{{title}}” behandelen',
    allDone: 'Alle punten zijn behandeld. Ga door naar de sluitingsronde als de kring zover is.',
    resolveFirst: 'Er zijn open bezwaren: verwerk ze door het voorstel aan te passen en open dan een nieuwe consentronde.',
    allowedMoves: 'Mogelijke stappen', otherItemMoves: 'Stappen van andere punten', roundGroup: 'Ronde',
  },
  speaking: {
    now: 'aan het woord', next: 'volgende', everyone: 'Iedereen heeft gesproken.', pass: 'Woord aan {{name}}',
    closeRound: 'Ronde sluiten', closed: 'gesloten', legend: 'Balken: deze ronde (donker) en de hele vergadering (licht).',
    roundTime: '{{time}} in deze ronde', meetingTime: '{{time}} in de vergadering', yourTurn: 'Jij bent aan het woord.',
  },
  secretary: {
    label: 'Secretaris', none: 'Geen secretaris', hint: 'De secretaris houdt de aantekeningen en het verslag bij.',
    shown: 'Secretaris: {{name}}', badge: 'secretaris',
    notesHint: '{{name}} houdt als secretaris de aantekeningen bij; iedereen mag aanvullen.',
  },
  agendaConsent: {
    heading: 'Consent over de agenda', ask: 'De kring om consent over de agenda vragen',
    askHint: 'Een korte ronde: elk lid geeft consent op de agenda, of maakt bezwaar met een reden.',
    notYet: 'De agenda is nog niet ter consent voorgelegd.', consent: 'Consent op de agenda', object: 'Bezwaar…',
    reasonLabel: 'Wat moet er aan de agenda veranderen, en waarom?', submitObjection: 'Bezwaar tegen de agenda', cancel: 'Annuleren',
    youGave: 'Jouw antwoord: {{what}}',
    states: {
      'not-started': 'Nog niet gevraagd', collecting: 'Wacht op antwoorden',
      objections: 'Bezwaren tegen de agenda', consented: 'De kring geeft consent op de agenda',
    },
    waiting: 'Wacht op {{names}}', objects: '{{name}} heeft bezwaar: {{reason}}',
    answers: { consent: 'consent', object: 'bezwaar' },
    moveOnAnyway: 'Je kunt toch verder: het verslag legt vast of er consent op de agenda was.',
    stale: 'De agenda is gewijzigd sinds sommigen antwoordden: hun wordt het opnieuw gevraagd.',
  },
  evaluation: { blank: 'Geef minstens één beoordeling of een opmerking: een lege kaart zegt niets.' },
  positionHint: {
    notOpen: 'Standpunten worden gegeven als de gespreksleider de consentronde opent.',
    yourTurn: 'Jij bent aan de beurt: geef je standpunt.',
  },
  phaseIntro: {
    lobbyFacilitator: 'Deel de links, één per rol (ze blijven bovenaan onder “Uitnodigen”). Als iedereen er is, begin je de vergadering (rechts).',
    lobby: 'Wacht tot de gespreksleider de vergadering opent.',
    opening: 'Openingsronde: ieder zegt om de beurt hoe hij of zij binnenkomt.',
    agendaFacilitator: 'Stel links de agenda op en noteer wie er aanwezig is; vraag dan de kring om consent over de agenda (rechts).',
    agenda: 'De kring geeft consent op de agenda en noteert de aanwezigheid.',
    items: 'De agendapunten, één voor één.',
    closing: 'Sluitingsronde: ieder evalueert de vergadering.',
    closed: 'De vergadering is gesloten. Het bord is alleen-lezen; download het verslag via de bovenbalk.',
  },
};
