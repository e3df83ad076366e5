// Nederlandse woorden van de consentmethode (zie en/method.ts).
import type { Catalogue } from '../catalogue.ts';

export const method: Catalogue['method'] = {
  term: {
    heading: 'Termijn',
    intro: 'Hoort bij waar de kring consent op geeft: wanneer het besluit wordt geëvalueerd, en hoe het succes wordt gemeten.',
    reviewDate: 'Evaluatiedatum', measure: 'Maatstaf voor succes', measurePlaceholder: 'Hoe weet de kring dat het werkt?',
    save: 'Termijn opslaan', saving: 'Termijn opslaan', none: 'niet ingevuld',
    needsDate: 'Nog geen evaluatiedatum. Een besluit heeft er een nodig: vul hem in vóór de consentronde.',
    needsDateInRound: 'Dit voorstel heeft geen evaluatiedatum en kan dus niet worden besloten. Ga naar bezwaren verwerken om hem in te vullen en vraag dan opnieuw om consent.',
    reviewBy: 'Evaluatie uiterlijk {{date}}', measuredBy: ' · Gemeten aan: {{measure}}',
    pastDate: 'De evaluatiedatum ({{date}}) ligt in het verleden: kies vandaag of een latere dag.',
  },
  lock: {
    'consent-round': 'Tekst en termijn blijven tijdens de consentronde zoals ze zijn; bij het verwerken van bezwaren kunnen ze veranderen.',
    decided: 'Besloten: tekst en termijn zijn definitief.',
    guest: 'Gasten stellen wijzigingen voor in de aantekeningen hieronder; leden bewerken het voorstel.',
  },
  notes: {
    label: 'Aantekeningen en suggesties bij “{{title}}”',
    guestHint: 'Stel hier een wijziging van het voorstel voor: de leden kunnen haar in de tekst opnemen.',
  },
  objection: {
    ours: 'Aan ons om te verwerken: hoe kan het voorstel veranderen zodat dit is opgelost?',
    resolvedByChange: 'Opgelost door een wijziging…', resolvedBadge: 'Opgelost door een wijziging',
    waitForText: 'Zodra het voorstel is aangepast aan je bezwaar, kun je het markeren als opgelost door de wijziging.',
    confirmQuestion: 'Heeft de wijziging je bezwaar opgelost?', confirmYes: 'Ja, opgelost door de wijziging',
    confirmNo: 'Nee, het blijft staan', confirmResolution: 'De indiener van het bezwaar gaf consent op het aangepaste voorstel.',
  },
  position: {
    object: 'Ik heb een bezwaar: dit moet anders',
    objectionLabel: 'Je bezwaar: hoe schaadt dit voorstel het doel van de kring? Wat zou er moeten veranderen?',
    objectionSubmit: 'Mijn bezwaar inbrengen', earlier: 'Gegeven op een eerdere versie — bevestig opnieuw',
  },
  staleWarning_one: 'Als je de tekst of de termijn wijzigt, wordt de {{count}} die op deze versie antwoordde gevraagd opnieuw te bevestigen.',
  staleWarning_other: 'Als je de tekst of de termijn wijzigt, worden de {{count}} die op deze versie antwoordden gevraagd opnieuw te bevestigen.',
  absentee: {
    'position-beforehand': 'Ze mogen vooraf een standpunt geven',
    'assume-consent': 'Hun consent wordt aangenomen, tenzij ze een bezwaar hebben achtergelaten',
    wait: 'Het besluit wacht op hun standpunt',
  },
  decisionRules: {
    heading: 'Besluitregels', intro: 'Leg deze vóór de agenda vast: ze gelden voor de hele vergadering.',
    quorumLabel: 'Quorum: aantal aanwezige leden nodig voor een besluit',
    quorumHint: 'Laat leeg voor meer dan de helft van de leden (nu {{byDefault}} van {{members}}).',
    absenteesLabel: 'Afwezige leden', save: 'Besluitregels opslaan', saving: 'Besluitregels vastleggen',
    fixed: 'De besluitregels worden aan het begin van de vergadering vastgelegd.',
  },
  quorum: {
    met: 'Quorum gehaald: {{present}} van {{members}} leden aanwezig, {{needed}} nodig.',
    notMet: 'Quorum niet gehaald: {{present}} van {{members}} leden aanwezig, {{needed}} nodig.',
  },
  absentCounts: {
    counted: 'hun standpunt op deze tekst telt', assumed: 'consent aangenomen',
    awaited: 'het besluit wacht op hun standpunt', notCounted: 'telt niet mee (geen standpunt op deze tekst)',
    setAside_one: '{{count}} bezwaar van afwezige leden op een eerdere tekst blokkeert niet zolang zij afwezig zijn.',
    setAside_other: '{{count}} bezwaren van afwezige leden op een eerdere tekst blokkeren niet zolang zij afwezig zijn.',
  },
  absentHeading: 'Afwezige leden',
  concernCheck: {
    title: 'Is dit een bezwaar?',
    body: 'Een bezwaar betekent dat het voorstel het doel van de kring zou schaden; een zorg is iets om in de gaten te houden.',
    asConcern: 'Vastleggen als zorg', asObjection: 'Inbrengen als bezwaar',
    recording: 'Je zorg vastleggen', raising: 'Je bezwaar inbrengen', cancel: 'Annuleren',
  },
  beforehand: {
    hint: 'Je staat als afwezig genoteerd. Je standpunt op deze tekst telt mee in de consentronde zolang de tekst hetzelfde blijft.',
  },
  wayThrough: {
    legend: 'Hoe is je bezwaar verwerkt?', sentence: 'Wat is er veranderd? (één zin voor het verslag)',
    submit: 'Opgelost door een wijziging',
    choice: {
      amend: 'De tekst is aangepast', term: 'De termijn is ingekort: we evalueren eerder',
      measure: 'Er is een maatstaf toegevoegd die het gevreesde effect bewaakt',
    },
    hint: 'Pas eerst de tekst, de termijn of de maatstaf in het voorstel aan; zeg dan hoe dat je bezwaar beantwoordt.',
  },
  itemExit: {
    question: 'Hoe verlaat “{{title}}” deze vergadering? Het verloop wordt vastgelegd zoals het nu is; dit kan niet ongedaan worden gemaakt.',
    choice: { carried: 'Doorschuiven naar de volgende vergadering', 'broader-circle': 'Doorgeven aan een bredere kring', deferred: 'Uitstellen: terug naar de wachtlijst' },
    note: 'Notitie voor de wachtlijst (optioneel)', cancel: 'Nog niet', writing: 'Het punt in deze vergadering afsluiten',
  },
  backlog: {
    heading: 'Doorgeschoven naar de volgende vergadering', empty: 'Nog niets.', add: '+ Op de wachtlijst zetten',
    title: 'Wat doorschuift', text: 'Waarom, of wat er nodig is (optioneel)', submit: 'Op de wachtlijst zetten',
    cancel: 'Annuleren', writing: 'Op de wachtlijst zetten', from: '{{source}}: {{item}}',
  },
  actions: {
    heading: 'Actiepunten van “{{title}}”', empty: 'Nog geen actiepunten.', add: '+ Actiepunt toevoegen',
    text: 'Wat er moet gebeuren', assignee: 'Wie het doet', due: 'Uiterlijk (optioneel)', submit: 'Actiepunt toevoegen',
    cancel: 'Annuleren', writing: 'Actiepunt toevoegen', done: 'Klaar: {{text}}', marking: 'Actiepunt afvinken',
    by: '{{name}}, uiterlijk {{due}}',
  },
  answers: {
    heading: 'Wat de kring zei', send: 'Naar de wachtlijst', sent: 'Op de wachtlijst',
    sending: 'Het antwoord naar de wachtlijst sturen',
  },
  wayThroughWords: { amend: 'De tekst aangepast', term: 'De termijn ingekort', measure: 'Een maatstaf toegevoegd die het gevreesde effect bewaakt' },
  exitWords: { deferred: 'Uitgesteld: terug naar de wachtlijst', carried: 'Doorgeschoven naar de volgende vergadering', 'broader-circle': 'Doorgegeven aan een bredere kring' },
  sourceWords: {
    deferred: 'uitgesteld punt', carried: 'doorgeschoven punt', 'broader-circle': 'voor een bredere kring',
    evaluation: 'uit de evaluatie', proposed: 'voorgesteld',
  },
  prompt: { worked: 'Wat ging goed?', improve: 'Wat kan beter?' },
};
