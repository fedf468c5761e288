/** One measured figure, as the reporter prints it (a table row, or one JSON line with --json). */
export type Figure = {
  scenario: string;
  name: string;
  /** null when the measure could not be taken (« non mesuré »): see `notMeasured` in reporter.ts. */
  value: number | null;
  unit: string;
  /** The goal, as a comparison with the value ("≥ 30", "< 50"); null for a figure given for information. */
  target: string | null;
  /** Whether the value meets the target (false when it was not measured); null without a target. */
  met: boolean | null;
  /** Why the figure was not measured (a PostgreSQL part without a server, a failed load). */
  reason?: string;
};

export type ScenarioOptions = {
  /** Seconds of measured load per target (after a short warm-up). */
  durationSeconds: number;
  /** Progress messages, on stderr so that --json output stays one JSON object per line. */
  log(message: string): void;
};

export type Scenario = {
  name: string;
  description: string;
  run(options: ScenarioOptions): Promise<Figure[]>;
};
