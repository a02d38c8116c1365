// A small bar chart that is also a table, so screen readers and phones get the
// numbers and sighted readers get the shape.
import { ScrollRegion } from "./scroll-region";
export function BarChartTable({
  caption,
  rows,
  labelHeading,
  valueHeading,
  barHeading,
}: {
  caption: string;
  rows: { label: string; value: number }[];
  labelHeading: string;
  valueHeading: string;
  /** The bars' column, named for screen readers only. */
  barHeading: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ScrollRegion label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{valueHeading}</th>
            <th scope="col">
              <span className="visually-hidden">{barHeading}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
              <td style={{ width: "60%" }}>
                <div className="bar-chart__bar" style={{ width: `${(row.value / max) * 100}%` }} aria-hidden="true" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
