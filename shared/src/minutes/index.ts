// The minutes of a meeting: built as JSON from a snapshot, rendered as Markdown and HTML.
export { buildMinutes } from './buildMinutes.ts';
export { minutesMarkdown } from './markdown.ts';
export { MINUTES_CSP, MINUTES_STYLE, minutesHtml } from './html.ts';
export { isBlankProposal, proposalMarkdown, proposalPlainText } from './proposalText.ts';
export * from './types.ts';
export * from './followUpWords.ts';
export {
  minutesT,
  isMinutesLanguage,
  MINUTES_LANGUAGES,
  type MinutesT,
  type MinutesLanguage,
  type MinutesKey,
  type MinutesCatalogue,
} from './catalogue/index.ts';
