// What the event page says about registering: open or not, seats left (the
// lifecycle's own count, read from the event row), the questions to ask. The
// seat decision itself is made again, under the lock, when someone submits.
import type { Database } from "~db/client.server";
import type { Event } from "~db/schema";
import { getZodConstraint } from "@conform-to/zod";
import type { FormConstraint } from "~/components/registration-form";
import { questionsKey, registrationFormSchema, type QuestionDefinition } from "./registration-form";
import { boundedMemo } from "~/shared/bounded-memo";
import { registrationOffer, type RegistrationOffer } from "./registration-offer";
import { loadQuestionsForPage, refusalMessage } from "./registration-action.server";
import { translatorFor } from "~/i18n/catalogues.server";
import { refusalFor } from "./register.server";
import { seatsLeft } from "./lifecycle.server";
import { localized, langAttribute, sourceLocaleOf, type ContentLanguage } from "~/i18n/localize-content";

// The browser's constraints (required, lengths) follow the questions' shape, never the
// language; every uncached view of an event page asks for them.
const constraintOf = boundedMemo(500, (key: string) =>
  getZodConstraint(registrationFormSchema(JSON.parse(key) as QuestionDefinition[], undefined, translatorFor("en"))),
);

export interface RegistrationPanel {
  open: boolean;
  closedMessage: string | null;
  capacity: number | null;
  seatsLeft: number | null;
  full: boolean;
  requiresApproval: boolean;
  questions: QuestionDefinition[];
  /** The form schema's browser-side rules; the schema itself never leaves the server. */
  constraint: FormConstraint;
  /** The button and the sentence above it. */
  offer: RegistrationOffer;
}

type PanelEvent = Pick<
  Event,
  "id" | "status" | "endsAt" | "capacity" | "seatsTaken" | "requiresApproval" | "registrationOpensAt" | "registrationClosesAt" | "defaultLocale"
>;

/** `loadedQuestions`: the event's questions when the caller already has them (the public data cache). */
export async function loadRegistrationPanel(
  db: Database,
  event: PanelEvent,
  now: Date,
  language: ContentLanguage,
  loadedQuestions?: Awaited<ReturnType<typeof loadQuestionsForPage>>,
): Promise<RegistrationPanel | null> {
  const t = translatorFor(language.page);
  const eventId = event.id;
  const refusal = refusalFor(event, now);
  if (refusal === "ended" || refusal === "not-found") return null;
  const source = sourceLocaleOf(event);
  const questions = refusal === null ? (loadedQuestions ?? (await loadQuestionsForPage(db, eventId))).map(({ translations, ...question }) => {
    // Answers keep the source-language option (the organizer's export reads the same in every language); only the text shown changes.
    const label = localized({ ...question, translations }, "label", language.reader, source);
    const options = localized({ ...question, translations }, "options", language.reader, source);
    const shown = {
      label: label.text,
      options: options.text,
      lang: { label: langAttribute(label.locale, language.page), options: langAttribute(options.locale, language.page) },
    };
    return { ...question, shown };
  }) : [];
  const left = seatsLeft(event);
  return {
    open: refusal === null,
    closedMessage: refusal ? refusalMessage(refusal, t) : null,
    capacity: event.capacity,
    seatsLeft: left,
    full: left === 0,
    requiresApproval: event.requiresApproval,
    questions,
    constraint: constraintOf(questionsKey(questions)),
    offer: registrationOffer({ requiresApproval: event.requiresApproval, capacity: event.capacity, seatsLeft: left }, t),
  };
}
