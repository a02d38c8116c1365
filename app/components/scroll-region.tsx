import type { ReactNode } from "react";

/**
 * Wide tables scroll sideways inside this box on a phone instead of widening the
 * page. It is focusable and named so keyboard users can scroll it too.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A named, focusable region is what lets a keyboard scroll it (axe: scrollable-region-focusable).
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
