// The public address pattern shared by every form that names a page (events, people,
// series, organizations): browser-safe, like the schemas that use it. The zod pieces
// built on it, with their messages in the reader's language, are in directory-fields-in.ts.

/** Lowercase words joined by single hyphens: the last part of every public address. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
