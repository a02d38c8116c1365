import { ScrollRegion } from "./scroll-region";

/** Audit entries, newest first: when, who, what. The same table for an event's log and the instance's. */
export function AuditTable({ entries }: { entries: { id: string; at: string; actor: string; summary: string }[] }) {
  if (entries.length === 0) return <p>Nothing recorded yet.</p>;
  return (
    <ScrollRegion label="Audit log table">
      <table className="data-table">
        <caption className="visually-hidden">Who changed what, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.at}</td>
              <td>{e.actor}</td>
              <td>{e.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
