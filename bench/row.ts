/** One line of the bench table; every measurement module returns these. */
export interface BenchRow {
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Overrides the ratio column: e.g. registration rows compare with raw PostgreSQL, not with bare HTTP. */
  versus?: string;
}
