// Nederlandse woorden van de kringpagina's (zie en/circle.ts).
import type { Catalogue } from '../catalogue.ts';

export const circle: Catalogue['circle'] = {
  memberRole: { member: 'lid', guest: 'gast' },
  roleName: { facilitator: 'Gespreksleider', secretary: 'Secretaris', leader: 'Operationeel leider', delegate: 'Afgevaardigde' },
  newCircle: {
    title: 'Nieuwe kring',
    lead: 'Een kring is een groep met een gezamenlijk doel die binnen haar eigen domein met consent besluit. Jij wordt het eerste lid en de gespreksleider.',
    form: 'Een kring maken', name: 'Naam van de kring', nameHint: 'Bijv. “Tuinkring”.', aim: 'Doel',
    aimHint: 'Het gezamenlijke doel van de kring: bezwaren worden daaraan getoetst.', domain: 'Domein',
    domainHint: 'Waarover de kring besluit.', you: 'Je naam',
    needFields: 'Vul de naam van de kring en je eigen naam in om de kring te maken.', create: 'Kring maken', creating: 'Bezig met maken…',
  },
  startLinks: { newCircle: 'Nieuwe kring', myCircles: 'Mijn kringen' },
  myCircles: {
    title: 'Mijn kringen',
    lead: 'De kringen waartoe dit apparaat behoort, en hun vergaderingen. Open een vergadering om je plaats in te nemen.',
    none: 'Dit apparaat behoort nog tot geen enkele kring. Open de persoonlijke link die je van de gespreksleider van de kring kreeg, of maak een kring.',
    newCircle: 'Een kring maken', start: 'Startpagina', noMeetings: 'Nog geen vergaderingen.', open: '{{title}} openen',
    forget: 'Deze kring op dit apparaat vergeten', loading: 'Laden…',
  },
  circlePage: {
    aim: 'Doel', domain: 'Domein', none: '—', members: 'Leden', roles: 'Rollen', meetings: 'Vergaderingen',
    you: 'Je bent {{name}}.', youFacilitate: 'Jij bent de gespreksleider van deze kring.', invited: 'uitgenodigd, nog niet toegetreden',
    removed: 'verwijderd', vacant: 'vacant',
    termBoth: '{{start}} tot {{end}}', termSince: 'sinds {{start}}', termUntil: 'tot {{end}}', noTerm: 'geen termijn ingevuld',
    newMeeting: 'Nieuwe vergadering', noMeetings: 'De kring heeft nog niet vergaderd.',
    openMeeting: 'Openen', myCircles: 'Mijn kringen', loading: 'De kring laden…',
    noAccess: 'Dit apparaat heeft geen toegang tot deze kring.',
    noAccessTodo: 'Open de persoonlijke link die je van de gespreksleider van de kring kreeg, of verplaats je toegang vanaf een apparaat dat die heeft.',
  },
  addMember: {
    heading: 'Een lid toevoegen', name: 'Naam', role: 'Rol in de kring',
    roleHint: 'Het standpunt van een lid telt mee in consentrondes; dat van een gast niet.',
    add: 'Toevoegen en een persoonlijke link maken', adding: 'Bezig met toevoegen…', link: 'Persoonlijke link voor {{name}}',
    linkHint: 'Stuur hem alleen naar deze persoon: hij opent de kring één keer, op één apparaat.',
    qrAlt: 'QR-code van de persoonlijke link voor {{name}}', newLink: 'Nieuwe link voor {{name}}',
  },
  removeMember: {
    button: '{{name}} verwijderen…',
    confirm: '{{name}} uit de kring verwijderen? De apparaten verliezen meteen hun toegang en diegene verlaat de open vergaderingen van de kring.',
    yes: 'Verwijderen', no: 'Houden',
  },
  setRole: {
    button: '{{role}} wijzigen…', heading: 'Wie de rol {{role}} vervult', holder: 'Rolhouder', vacant: 'Niemand (vacant)',
    termEnd: 'Einde van de termijn', save: 'Opslaan', cancel: 'Annuleren',
  },
  moveToPhone: {
    button: 'Naar mijn telefoon', heading: 'Open deze kring op je telefoon',
    lead_one: 'Scan deze code binnen {{count}} minuut met je telefoon. Hij opent de kring één keer, als jou; dit apparaat houdt zijn toegang.',
    lead_other: 'Scan deze code binnen {{count}} minuten met je telefoon. Hij opent de kring één keer, als jou; dit apparaat houdt zijn toegang.',
    qrAlt: 'QR-code die de kring op een ander apparaat opent', link: 'Of open deze link op het andere apparaat', close: 'Sluiten',
  },
  joinCircle: {
    title: 'Lid worden van de kring',
    lead: 'Met deze persoonlijke link komt dit apparaat in de kring als de persoon voor wie hij is gemaakt. Daarna openen de vergaderingen van de kring hier zonder opnieuw deel te nemen.',
    join: 'Lid worden van de kring', joining: 'Bezig…',
    noCode: 'Deze link heeft geen code. Vraag de gespreksleider van de kring om je persoonlijke link.',
    already: 'Dit apparaat behoort al tot deze kring als {{name}}.', open: 'De kring openen',
  },
};
