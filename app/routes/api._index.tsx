import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { apiReference, type FieldRow } from "~/api/reference.server";
import { ScrollRegion } from "~/components/scroll-region";

// The API reference, rendered on the server from the served OpenAPI document (decision 019).
export const meta: MetaFunction = () => [{ title: "API reference — Podium" }];

export function loader() {
  return apiReference();
}

export function headers() {
  return { "Cache-Control": "public, max-age=300" };
}

function Fields({ rows, label }: { rows: FieldRow[]; label: string }) {
  return (
    <ScrollRegion label={label}>
      <table className="data-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td>
                <code>{row.name}</code>
              </td>
              <td>{row.type}</td>
              <td>{row.required ? "yes" : "no"}</td>
              <td>{row.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export default function ApiReferencePage() {
  const reference = useLoaderData<typeof loader>();
  return (
    <div className="api-reference">
      <h1>
        {reference.title} <small>v{reference.version}</small>
      </h1>
      <p>{reference.description}</p>
      <p>
        Machine-readable contract: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Create a token in the console under{" "}
        <a href="/admin/api-tokens">API tokens</a>.
      </p>
      <nav aria-label="Operations">
        <ul>
          {reference.groups.map((group) => (
            <li key={group.tag}>
              {group.tag}:{" "}
              {group.operations.map((op, index) => (
                <span key={op.id}>
                  {index > 0 ? ", " : ""}
                  <a href={`#${op.id}`}>{op.summary}</a>
                </span>
              ))}
            </li>
          ))}
        </ul>
      </nav>
      {reference.groups.map((group) => (
        <section key={group.tag} aria-labelledby={`tag-${group.tag}`}>
          <h2 id={`tag-${group.tag}`}>{group.tag}</h2>
          {group.operations.map((op) => (
            <article key={op.id} id={op.id} className="panel api-operation">
              <h3>{op.summary}</h3>
              <p>
                <code>
                  {op.method} {op.path}
                </code>
              </p>
              {op.description ? <p>{op.description}</p> : null}
              {op.parameters.length > 0 ? (
                <>
                  <h4>Parameters</h4>
                  <Fields label={`Parameters of ${op.summary}`} rows={op.parameters.map((p) => ({ ...p, name: `${p.name} (${p.in})` }))} />
                </>
              ) : null}
              {op.body ? (
                <>
                  <h4>Request body: {op.body.schema}</h4>
                  {op.body.fields.length > 0 ? <Fields label={`Request body of ${op.summary}`} rows={op.body.fields} /> : <p>Empty, or <code>{"{}"}</code>.</p>}
                </>
              ) : null}
              <h4>Responses</h4>
              <ul>
                {op.responses.map((r) => (
                  <li key={r.status}>
                    <strong>{r.status}</strong> {r.description}
                    {r.schema ? ` (${r.schema})` : ""}
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </section>
      ))}
      <section aria-labelledby="schemas-title">
        <h2 id="schemas-title">Resources</h2>
        {reference.schemas.map((schema) => (
          <article key={schema.name} id={`schema-${schema.name}`} className="panel">
            <h3>{schema.name}</h3>
            {schema.description ? <p>{schema.description}</p> : null}
            {schema.fields.length > 0 ? <Fields label={`Fields of ${schema.name}`} rows={schema.fields} /> : null}
          </article>
        ))}
      </section>
    </div>
  );
}
