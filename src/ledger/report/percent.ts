// Percentages as the reports print them: "80%", "93.33%", "98.71%" — the rate is the one
// definition in stats/rate.ts (half-up on integers); this only writes it with at most `digits`
// decimals and no trailing zeros.
import { roundedRate } from '../stats/rate';

/** "80%", "93.33%", "100%". Throws on misuse (total ≤ 0), as roundedRate does. */
export function formatPercentOf(done: number, total: number, digits = 2): string {
  const fraction = roundedRate(done, total, digits);
  // fraction already holds exactly `digits` decimals of the percentage; toFixed only removes the
  // binary noise of ×100 (0.9333 × 100 = 93.33000000000001), Number() drops trailing zeros.
  return `${Number((fraction * 100).toFixed(digits))}%`;
}
