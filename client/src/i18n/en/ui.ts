// English words that were inline in the board's components.
export const ui = {
  myPosition: {
    heading: 'Your position', guestHint: 'As a guest your position is shown but does not count; you may record a concern.',
    consent: 'Consent', concern: 'Concern…', concernLabel: 'Your concern (you still consent)', concernSubmit: 'Consent with concern',
  },
  participants: { consent: 'Consents', concern: 'Consents with a concern', object: 'Objects', you: ' (you)' },
  objections: { heading: 'Objections and concerns', withdraw: 'Withdraw' },
  countdown: { over: 'Over by', left: 'Left', min: '{{count}} min' },
  consentPanel: { label: 'Consent and rounds' },
  decision: { decided: 'Decided', date: '{{at, datetime}}', on: ' on {{at, datetime}}' },
  topBar: { untitled: 'Untitled meeting', aim: 'Aim: {{aim}}', noAim: 'No aim recorded.', now: 'Now:', you: 'You:' },
  agenda: { heading: 'Agenda', now: 'Now', untitled: 'Untitled item', remove: 'Remove', phase: 'Meeting phase' },
  editor: { bullet: 'Bullet list', numbered: 'Numbered list', formatting: 'Formatting', proposalOf: 'Proposal text of {{title}}' },
  notes: { placeholder: 'Anyone may take notes here.', none: 'No notes.', opening: 'Opening round notes', closing: 'Closing round notes' },
  recordDecision: { label: 'Record the decision', submit: 'Record decision', cancel: 'Cancel' },
  refusal: {
    notAccepted: 'Your last change was not accepted:', rule: ' (rule {{rule}})',
    reloaded: ' The board has been reloaded from the server; your other changes were kept.', dismiss: 'Dismiss',
  },
  attendance: { heading: 'Attendance' },
  agendaForm: { edit: 'Edit {{title}}', new: 'New agenda item', noOwner: 'No owner', cancel: 'Cancel' },
  evaluationSummary: { none: 'No evaluation cards yet.' },
  cancel: 'Cancel',
  centre: {
    label: 'Meeting', noActive: 'No item is active.', activate: 'Activate an item in the agenda.',
    waitActivate: 'The facilitator activates the next item.',
  },
  evaluationForm: {
    heading: 'Your evaluation of the meeting', update: 'Update my evaluation', add: 'Add my evaluation',
    saved: 'Your evaluation is on the board.',
  },
  optional: ' (optional)',
  copied: 'Copied to the clipboard.',
  save: { connecting: 'Connecting…', saved: 'Saved', saving: 'Saving…', offline: 'Offline — your changes are kept on this device' },
  failed: '{{what}} did not work: {{reason}}',
};
