import fc from 'fast-check';
import { formatPercentOf, formatRate, RATE_DIGITS, RATE_NUMBER_FORMAT, roundedRate } from './rate';

describe('one way to write a rate', () => {
  test.each<[number | null, string]>([
    [13 / 28, '46.43%'], // the sample ledger: the draft and the pane once disagreed (46.43% / 46.4%)
    [688 / 697, '98.71%'], // 昆明
    [453 / 471, '96.18%'], // 咸宁
    [20 / 25, '80%'], // 新野
    [1, '100%'],
    [0, '0%'],
    [0.285, '28.5%'], // binary noise: 0.285 × 10⁴ is 2849.9999…
    [1 / 32, '3.13%'], // a true tie (3.125%) rounds half-up
    [null, '—'],
    [Number.NaN, '—'],
  ])('%p → %s', (fraction, text) => {
    expect(formatRate(fraction)).toBe(text);
  });

  test('the sheets use the same number of decimals', () => {
    expect(RATE_DIGITS).toBe(2);
    expect(RATE_NUMBER_FORMAT).toBe('0.00%');
  });

  test('counts and fractions give the same text', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(), (total, n) => {
      const done = n % (total + 1);
      expect(formatPercentOf(done, total)).toBe(formatRate(done / total));
      expect(formatRate(roundedRate(done, total, RATE_DIGITS))).toBe(formatPercentOf(done, total));
    }));
  });
});
