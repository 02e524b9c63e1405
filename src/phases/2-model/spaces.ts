/**
 * Runs of white space as one space, as `text.replace(/\s+/g, ' ')` gives them, but the text itself
 * when there is nothing to change: most of a spec's text has single spaces only, and the replace
 * made a new string of every item and step of every spec.
 */
const TO_CHANGE = /[^\S ]| {2}/;

export const collapseSpaces = (text: string): string => (TO_CHANGE.test(text) ? text.replace(/\s+/g, ' ') : text);
