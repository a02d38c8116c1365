// Many emails at once, as a batch of reminders needs them. Rendering one react-email
// message costs milliseconds of CPU, so 10,000 reminders rendered one by one cost more
// than a minute of CPU and could not keep up with 2 batch requests a second (issue 16).
// But a fan-out message differs between its recipients only in a few strings: the
// name and the personal links. So each group of messages that are otherwise identical
// (same template, event, zone, wording) is rendered ONCE with placeholders in those
// fields, and each recipient's strings are put in afterwards, escaped as React would
// escape them. The result is byte for byte what rendering each message alone gives
// (emails/render-many.test.ts proves it over random names and links); anything that
// cannot be put in safely is rendered alone instead.
import { randomBytes } from "node:crypto";
import { renderEmail, type EmailMessage } from "./render";

export type RenderedEmail = { subject: string; html: string; text: string };
export type RenderOutcome = { ok: true; rendered: RenderedEmail } | { ok: false; error: string };

/** The strings that differ between the recipients of one fan-out message. */
const PERSONAL_LINKS = ["manageUrl", "joinUrl", "unsubscribeUrl"] as const;
type PersonalField = "name" | (typeof PERSONAL_LINKS)[number];

// Letters and digits only: HTML escaping and the plain-text conversion leave them as they are.
const NONCE = `pdm${randomBytes(8).toString("hex")}`;
const placeholderFor = (field: PersonalField) => `${NONCE}${field}x`;

// A name goes through the plain-text conversion unchanged only if it has no whitespace the
// conversion would collapse or trim; a link only if it is a plain absolute http(s) URL.
const SAFE_NAME = /^[^\s\u200b]+(?: [^\s\u200b]+)*$/;
const SAFE_LINK = /^https?:\/\/[^\s\u200b]+$/;

/** React's escaping of text and attribute values (react-dom/server's escapeTextForBrowser). */
const REACT_ESCAPES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };
const escapeAsReact = (value: string) => value.replace(/["&'<>]/g, (c) => REACT_ESCAPES[c]!);

interface Split {
  /** The message with each personal string replaced by its placeholder. */
  shared: EmailMessage;
  personal: Partial<Record<PersonalField, string>>;
}

/** Separates a message's personal strings from the rest, or null when it must be rendered alone. */
function splitPersonal(message: EmailMessage): Split | null {
  const props = message.props as unknown as Record<string, unknown>;
  const recipient = props.recipient as { name?: unknown } | undefined;
  const personal: Partial<Record<PersonalField, string>> = {};
  const sharedProps: Record<string, unknown> = { ...props };
  if (recipient && typeof recipient.name === "string") {
    if (!SAFE_NAME.test(recipient.name) || recipient.name.includes(NONCE)) return null;
    personal.name = recipient.name;
    sharedProps.recipient = { ...recipient, name: placeholderFor("name") };
  }
  for (const field of PERSONAL_LINKS) {
    const value = props[field];
    if (value === undefined) continue;
    if (typeof value !== "string" || !SAFE_LINK.test(value) || value.includes(NONCE)) return null;
    personal[field] = value;
    sharedProps[field] = placeholderFor(field);
  }
  if (Object.keys(personal).length === 0) return null;
  return { shared: { template: message.template, props: sharedProps } as unknown as EmailMessage, personal };
}

/**
 * The shared rendering with the placeholders, checked: every placeholder present must be
 * whole in the HTML (a template that transforms a name, say to upper case, would break
 * the placeholder and must not get the substitution).
 */
function usableTemplate(rendered: RenderedEmail, fields: PersonalField[]): boolean {
  const all = `${rendered.subject}\n${rendered.html}\n${rendered.text}`;
  const whole = fields.reduce((count, field) => count + all.split(placeholderFor(field)).length - 1, 0);
  const anyNonce = all.split(NONCE).length - 1;
  return whole === anyNonce && fields.every((field) => rendered.html.includes(placeholderFor(field)));
}

function fill(template: RenderedEmail, personal: Split["personal"]): RenderedEmail {
  let { subject, html, text } = template;
  for (const [field, value] of Object.entries(personal) as [PersonalField, string][]) {
    const placeholder = placeholderFor(field);
    subject = subject.replaceAll(placeholder, () => value);
    html = html.replaceAll(placeholder, () => escapeAsReact(value));
    text = text.replaceAll(placeholder, () => value);
  }
  return { subject, html, text };
}

async function renderAlone(message: EmailMessage, onRender?: () => void): Promise<RenderOutcome> {
  onRender?.();
  try {
    return { ok: true, rendered: await renderEmail(message) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Renders every message, in order; a failure is that message's alone. Same bytes as
 * `renderEmail` on each. `onRender` is told of each template rendering actually done.
 */
export async function renderEmails(messages: EmailMessage[], { onRender }: { onRender?: () => void } = {}): Promise<RenderOutcome[]> {
  const outcomes: RenderOutcome[] = new Array(messages.length);
  const groups = new Map<string, { shared: EmailMessage; members: { index: number; personal: Split["personal"] }[] }>();
  for (const [index, message] of messages.entries()) {
    const split = messages.length > 1 ? splitPersonal(message) : null;
    if (!split) {
      outcomes[index] = await renderAlone(message, onRender);
      continue;
    }
    // Same template and same everything else (event, zone, wording, which links exist): one rendering.
    const key = JSON.stringify(split.shared);
    const group = groups.get(key) ?? { shared: split.shared, members: [] };
    group.members.push({ index, personal: split.personal });
    groups.set(key, group);
  }
  for (const { shared, members } of groups.values()) {
    const fields = Object.keys(members[0]!.personal) as PersonalField[];
    const template = members.length > 1 ? await renderAlone(shared, onRender) : null;
    for (const { index, personal } of members) {
      outcomes[index] =
        template?.ok && usableTemplate(template.rendered, fields) ? { ok: true, rendered: fill(template.rendered, personal) } : await renderAlone(messages[index]!, onRender);
    }
  }
  return outcomes;
}

/**
 * The first rendering in a process loads react-dom/server and compiles the templates: on
 * a busy machine, seconds. A worker does it at start, not when 10,000 reminders fall due.
 */
export async function warmUpRendering(): Promise<void> {
  const event = { title: "Warm-up", url: "https://podium.invalid/e", hostsLabel: "", whenInEventZones: "", whenForRecipient: "" };
  const reminder = (n: number): EmailMessage => ({
    template: "event-reminder",
    props: { recipient: { name: `Person ${n}` }, event, manageUrl: `https://podium.invalid/r/${n}`, leadTimeLabel: "in 1 hour" },
  });
  await renderEmails([reminder(1), reminder(2)]);
}
