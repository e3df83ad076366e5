// Quick mode (part of `npm test`) or long mode (RELIABILITY_MODE=long, the
// full counts of the reliability issue), and the figures each scenario prints.
import { appendFileSync } from 'node:fs';
import { percentile as percentileOf } from '@consent/shared/testing/percentile';

export const MODE: 'quick' | 'long' = process.env.RELIABILITY_MODE === 'long' ? 'long' : 'quick';

/** The quick or the long value of a scenario parameter. */
export const pick = <T>(quick: T, long: T): T => (MODE === 'long' ? long : quick);

/** Time limit of one scenario test: the project's 5 minutes in quick mode, 30 in long mode. */
export const SCENARIO_TIMEOUT = pick(300_000, 1_800_000);

export type Figures = Record<string, string | number | boolean | Record<string, number | string>>;

/**
 * Print a scenario's figures; with RELIABILITY_REPORT=<file> also append them
 * as one JSON line, so docs/reliability.md can be written from a run.
 */
export function report(scenario: string, figures: Figures): void {
  const line = { scenario, mode: MODE, at: new Date().toISOString(), ...figures };
  console.log(`[reliability:${MODE}] ${scenario} ${JSON.stringify(figures)}`);
  const file = process.env.RELIABILITY_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(line)}\n`);
}

export const mib = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The percentile of values in any order, to two decimals (reports). */
export const percentile = (values: number[], p: number): number => Math.round(percentileOf(values, p) * 100) / 100;
