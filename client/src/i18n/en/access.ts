// English words about who may open a meeting: links, joining, removal, the start page, the cannot-open screen.
export const access = {
  link: {
    member: { label: 'Member link', hint: 'For members of the circle: their position counts in consent rounds.' },
    guest: { label: 'Guest link', hint: 'For guests: they may speak, co-edit and raise concerns; their position does not count.' },
    observer: { label: 'Observer link', hint: 'For observers: they see the board live and write nothing.' },
  },
  linksLead: 'Send each person the link of their role: the link alone decides it.',
  replaceLinks: 'Replace the links',
  replaceLinksHint: 'New links for every role; the old ones stop working at once. People who already joined stay.',
  linksReplaced: 'New links made: the old ones no longer work.',
  joinAs: {
    member: 'This is a member link: you join as a member of the circle, and your position counts in consent rounds.',
    guest: 'This is a guest link: you may speak, co-edit and raise concerns; your position does not count.',
    observer: 'This is an observer link: you will see the board live and write nothing.',
  },
  qr: { heading: 'QR code for phones', pick: 'Link shown as QR code', alt: 'QR code of the {{role}} link' },
  invite: { button: 'Invite', heading: 'Invite people', close: 'Close', links: 'Invite links' },
  joinPage: {
    title: 'Join the meeting', titleOf: 'Join “{{title}}”', circle: 'Circle: {{circle}}',
    closed: 'This meeting is closed: it takes no new participants.', nameHint: 'Shown to everyone in the meeting.',
    needName: 'Type your name to join.', already: 'You already joined this meeting on this device as', returnToBoard: 'Return to the board', joining: 'Joining…', join: 'Join', yourName: 'Your name',
  },
  start: {
    needFields: 'Fill in a meeting title and your name to create the meeting.', myMeetings: 'Meetings on this device',
    lead: 'A live meeting board for circles that decide by consent. Start a meeting; you will facilitate it.',
    form: 'Create a meeting', title: 'Meeting title', circle: 'Circle', circleHint: 'The circle that meets, e.g. “Garden circle”.',
    aim: 'The circle\'s aim', aimHint: 'Its shared purpose: objections are weighed against it.', yourName: 'Your name',
    creating: 'Creating…', create: 'Create meeting',
  },
  myMeetings: {
    title: 'Meetings on this device',
    lead: 'Meetings you created or joined on this device. Open one to return to its board.',
    none: 'You have not joined a meeting on this device yet.', as: 'as {{name}} ({{role}})',
    start: 'Start a new meeting', untitled: 'Untitled meeting',
  },
  joinNoCode: 'This link has no invite code. Ask the facilitator for the link of your role.',
  remove: {
    button: 'Remove {{name}}…',
    confirm: 'Remove {{name}} from the meeting? Their link stops working at once; what they wrote and their positions stay in the record.',
    yes: 'Remove', no: 'Keep', removed: 'removed',
  },
  cannotOpen: {
    title: 'This board cannot open', serverSays: 'The server says:', startNew: 'Start a new meeting',
    byStatus: {
      401: {
        why: 'The pass this device holds for the meeting is not valid, or it has expired.',
        todo: 'Ask the facilitator for a new link of your role, and join again with it.',
      },
      403: {
        why: 'The pass this device holds no longer opens this meeting: the facilitator removed you from it, or it belongs to another meeting.',
        todo: 'If you think this is a mistake, ask the facilitator; they can send you a new link.',
      },
      404: {
        why: 'This meeting does not exist: it was deleted, or the address is wrong.',
        todo: 'Check the address with the facilitator, or start a new meeting.',
      },
      409: { why: 'This meeting cannot be opened in its present state.', todo: 'Ask the facilitator what to do.' },
      410: { why: 'This meeting is gone.', todo: 'Ask the facilitator for the minutes, or start a new meeting.' },
    },
  },
  notJoined: {
    title: 'You have not joined this meeting on this device',
    body: 'Open the invite link the facilitator shared with you to join. Your place is then kept on this device.',
    startNew: 'Start a new meeting instead', myMeetings: 'Meetings on this device',
    offline: 'You are offline, and this device has no copy of the meeting yet. The board opens as soon as the connection is back.',
    loading: 'Loading the meeting…', opening: 'Opening the board…',
  },
  notFound: { title: 'Page not found', body: 'This address is not a meeting board.', start: 'Start a new meeting' },
  language: { label: 'Language' },
  api: {
    unreachable: 'The server cannot be reached. Check your connection and try again.',
    answered: 'The server answered {{status}} {{text}}.',
    minutesFailed: 'The minutes could not be fetched', deleteFailed: 'The meeting could not be deleted',
  },
};
