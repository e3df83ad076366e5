// Nederlandse woorden uit de onderdelen van het bord (zie en/ui.ts).
import type { Catalogue } from '../catalogue.ts';

export const ui: Catalogue['ui'] = {
  myPosition: {
    heading: 'Jouw standpunt', guestHint: 'Als gast wordt je standpunt getoond maar telt het niet mee; je kunt wel een zorg vastleggen.',
    consent: 'Consent', concern: 'Zorg…', concernLabel: 'Je zorg (je geeft wel consent)', concernSubmit: 'Consent met zorg',
  },
  participants: { consent: 'Geeft consent', concern: 'Geeft consent met een zorg', object: 'Heeft bezwaar', you: ' (jij)' },
  objections: { heading: 'Bezwaren en zorgen', withdraw: 'Intrekken' },
  countdown: { over: 'Over tijd', left: 'Nog', min: '{{count}} min' },
  consentPanel: { label: 'Consent en rondes' },
  decision: { decided: 'Besloten', date: '{{at, datetime}}', on: ' op {{at, datetime}}' },
  topBar: { untitled: 'Vergadering zonder titel', aim: 'Doel: {{aim}}', noAim: 'Geen doel vastgelegd.', now: 'Nu:', you: 'Jij:' },
  agenda: { heading: 'Agenda', now: 'Nu', untitled: 'Punt zonder titel', remove: 'Verwijderen', phase: 'Fase van de vergadering' },
  editor: { bullet: 'Opsomming', numbered: 'Genummerde lijst', formatting: 'Opmaak', proposalOf: 'Voorsteltekst van {{title}}' },
  notes: { placeholder: 'Iedereen mag hier aantekeningen maken.', none: 'Geen aantekeningen.', opening: 'Aantekeningen bij de openingsronde', closing: 'Aantekeningen bij de sluitingsronde' },
  recordDecision: { label: 'Het besluit vastleggen', submit: 'Besluit vastleggen', cancel: 'Annuleren' },
  refusal: {
    notAccepted: 'Je laatste wijziging is niet geaccepteerd:', rule: ' (regel {{rule}})',
    reloaded: ' Het bord is opnieuw van de server geladen; je andere wijzigingen zijn bewaard.', dismiss: 'Sluiten',
  },
  attendance: { heading: 'Aanwezigheid' },
  agendaForm: { edit: '{{title}} bewerken', new: 'Nieuw agendapunt', noOwner: 'Geen indiener', cancel: 'Annuleren' },
  evaluationSummary: { none: 'Nog geen evaluatiekaarten.' },
  cancel: 'Annuleren',
  centre: {
    label: 'Vergadering', noActive: 'Er is geen punt actief.', activate: 'Maak een punt op de agenda actief.',
    waitActivate: 'De gespreksleider maakt het volgende punt actief.',
  },
  evaluationForm: {
    heading: 'Jouw evaluatie van de vergadering', update: 'Mijn evaluatie bijwerken', add: 'Mijn evaluatie toevoegen',
    saved: 'Je evaluatie staat op het bord.',
  },
  optional: ' (optioneel)',
  copied: 'Gekopieerd naar het klembord.',
  save: { connecting: 'Verbinden…', saved: 'Opgeslagen', saving: 'Opslaan…', offline: 'Offline — je wijzigingen blijven op dit apparaat bewaard' },
  failed: '{{what}} is niet gelukt: {{reason}}',
};
