import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { TranslationEditor } from "~/components/translation-editor";
import { handleTranslationAction, translationNotice } from "~/content/translation-action.server";
import { loadTranslationEditor } from "~/content/translations-admin.server";
import { personDisplayName } from "~/events/labels";
import { LOCALE_NAMES } from "~/i18n/locales";
import { findPersonWithAccess } from "~/people/people-admin.server";
import { NOT_YOURS_TO_CHANGE } from "~/people/person-access.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.displayName} — Translations — Podium` : "Person not found — Podium" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context.db, request);
  const found = await findPersonWithAccess(context.db, user, params.personId);
  if (!found) throw new Response("No such person.", { status: 404 });
  const url = new URL(request.url);
  const editor = (await loadTranslationEditor(context.db, { kind: "person", personId: found.person.id }, url.searchParams.get("lang")))!;
  return {
    id: found.person.id,
    displayName: personDisplayName(found.person),
    refusal: found.canEdit ? null : NOT_YOURS_TO_CHANGE,
    editor,
    notice: translationNotice(url, LOCALE_NAMES[editor.locale]),
  };
}

// The same rule as the person's details: only organizers of every event they appear on, or an admin (decision 015).
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context.db, request);
  const found = await findPersonWithAccess(context.db, user, params.personId);
  if (!found) throw new Response("No such person.", { status: 404 });
  if (!found.canEdit) throw new Response(NOT_YOURS_TO_CHANGE, { status: 403 });
  return handleTranslationAction(context.db, request, { scope: { kind: "person", personId: found.person.id }, user, path: `/admin/people/${found.person.id}/translations` });
}

export default function PersonTranslations() {
  const { id, displayName, refusal, editor, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{displayName}</h1>
      <p>
        <Link to={`/admin/people/${id}`}>Back to their details</Link>. Name and affiliation are shown as published; position and biography can be
        translated.
      </p>
      {refusal ? (
        <p className="notice notice--warning" role="status">
          {refusal}
        </p>
      ) : (
        <TranslationEditor
          editor={editor}
          basePath={`/admin/people/${id}/translations`}
          notice={actionData ? null : notice}
          lastResult={actionData?.form === "translations" ? actionData.result : undefined}
          sourceResult={actionData?.form === "source" ? actionData.result : undefined}
        />
      )}
    </>
  );
}
