// English words of the consent method: term, locks, notes, objections, absence, quorum, what a meeting hands on.
export const method = {
  term: {
    heading: 'Term',
    intro: 'Part of what the circle consents to: when the decision is reviewed, and how its success will be measured.',
    reviewDate: 'Review date', measure: 'Measure of success', measurePlaceholder: 'How will the circle know it works?',
    save: 'Save term', saving: 'Saving the term', none: 'not set',
    needsDate: 'No review date yet. A decision needs one: set it before the consent round.',
    needsDateInRound: 'This proposal has no review date, so it cannot be decided. Move to resolve to set it, then ask for consent again.',
    reviewBy: 'Review by {{date}}', measuredBy: ' · Measured by: {{measure}}',
    /** [CI19] a review date before today, where it is entered */
    pastDate: 'The review date ({{date}}) is in the past: choose today or a later day.',
  },
  lock: {
    'consent-round': 'The text and term stay as they are during the consent round; they can change in resolve.',
    decided: 'Decided: the text and term are final.',
    guest: 'Guests suggest changes in the notes below; members edit the proposal.',
  },
  notes: {
    label: 'Notes and suggestions on “{{title}}”',
    guestHint: 'Suggest a change to the proposal here: the members can take it into the text.',
  },
  objection: {
    ours: 'Ours to integrate: how can the proposal change so this is resolved?',
    resolvedByChange: 'Resolved by a change…', resolvedBadge: 'Resolved by a change',
    waitForText: 'Once the proposal has changed to meet your objection, you can mark it resolved by the change.',
    confirmQuestion: 'Did the change resolve your objection?', confirmYes: 'Yes, resolved by the change',
    confirmNo: 'No, it still stands', confirmResolution: 'The objector consented to the amended proposal.',
  },
  position: {
    object: 'I have an objection: this needs a change',
    objectionLabel: 'Your objection: how would this proposal harm the circle’s aim? What would need to change?',
    objectionSubmit: 'Raise my objection', earlier: 'Given on an earlier version — please confirm',
  },
  staleWarning_one: 'Changing the text or the term asks the {{count}} who answered this version to confirm again.',
  staleWarning_other: 'Changing the text or the term asks the {{count}} who answered this version to confirm again.',
  absentee: {
    'position-beforehand': 'They may give a position beforehand',
    'assume-consent': 'Their consent is assumed unless they left an objection',
    wait: 'The decision waits for their position',
  },
  decisionRules: {
    heading: 'Decision rules', intro: 'Set these before the agenda: they hold for the whole meeting.',
    quorumLabel: 'Quorum: members present needed for a decision',
    quorumHint: 'Leave empty for more than half of the members (now {{byDefault}} of {{members}}).',
    absenteesLabel: 'Absent members', save: 'Save decision rules', saving: 'Setting the decision rules',
    fixed: 'The decision rules are set at the start of the meeting.',
  },
  quorum: {
    met: 'Quorum met: {{present}} of {{members}} members present, {{needed}} needed.',
    notMet: 'Quorum not met: {{present}} of {{members}} members present, {{needed}} needed.',
  },
  absentCounts: {
    counted: 'their position given on this text counts', assumed: 'assumed to consent',
    awaited: 'the decision waits for their position', notCounted: 'not counted (no position on this text)',
    setAside_one: '{{count}} objection of absent members given on an earlier text does not block while they are absent.',
    setAside_other: '{{count}} objections of absent members given on an earlier text do not block while they are absent.',
  },
  absentHeading: 'Absent members',
  concernCheck: {
    title: 'Is this an objection?',
    body: 'An objection means the proposal would harm the circle’s aim; a concern is something to watch.',
    asConcern: 'Record as a concern', asObjection: 'Raise as an objection',
    recording: 'Recording your concern', raising: 'Raising your objection', cancel: 'Cancel',
  },
  beforehand: {
    hint: 'You are marked absent. Your position on this text counts in the consent round as long as the text stays the same.',
  },
  wayThrough: {
    legend: 'How was your objection integrated?', sentence: 'What changed? (one sentence for the minutes)',
    submit: 'Resolved by a change',
    choice: {
      amend: 'The text was amended', term: 'The term was shortened: we review it sooner',
      measure: 'A measure was added that watches the effect I feared',
    },
    hint: 'Change the text, the term or the measure in the proposal first; then say how it answers your objection.',
  },
  itemExit: {
    question: 'How does “{{title}}” leave this meeting? Its record is frozen as it stands; this cannot be undone.',
    choice: { carried: 'Carry to the next meeting', 'broader-circle': 'Pass to a broader circle', deferred: 'Defer: back to the backlog' },
    note: 'Note for the backlog (optional)', cancel: 'Not yet', writing: 'Ending the item in this meeting',
  },
  backlog: {
    heading: 'Carried to the next meeting', empty: 'Nothing yet.', add: '+ Add to the backlog',
    title: 'What to carry over', text: 'Why, or what is needed (optional)', submit: 'Add to the backlog',
    cancel: 'Cancel', writing: 'Adding to the backlog', from: '{{source}}: {{item}}',
  },
  actions: {
    heading: 'Action items of “{{title}}”', empty: 'No action items yet.', add: '+ Add an action item',
    text: 'What is to be done', assignee: 'Who does it', due: 'By when (optional)', submit: 'Add the action item',
    cancel: 'Cancel', writing: 'Adding the action item', done: 'Done: {{text}}', marking: 'Marking the action item',
    by: '{{name}}, by {{due}}',
  },
  answers: {
    heading: 'What the circle said', send: 'Send to the backlog', sent: 'In the backlog',
    sending: 'Sending the answer to the backlog',
  },
  wayThroughWords: { amend: 'Amended the text', term: 'Shortened the term', measure: 'Added a measure that watches the feared effect' },
  exitWords: { deferred: 'Deferred: back to the backlog', carried: 'Carried to the next meeting', 'broader-circle': 'Passed to a broader circle' },
  sourceWords: {
    deferred: 'deferred item', carried: 'carried item', 'broader-circle': 'for a broader circle',
    evaluation: 'from the evaluation', proposed: 'proposed',
  },
  prompt: { worked: 'What worked well?', improve: 'What could improve?' },
};
