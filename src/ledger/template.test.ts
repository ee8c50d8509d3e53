import fc from 'fast-check';
import { fillTemplate } from './template';

describe('fillTemplate', () => {
  it.each([
    ['plain parameter', '{0}与{1}的行数不一致', ['A', 'B'], 'A与B的行数不一致'],
    ['missing parameter is blank', 'x{2}y', ['a'], 'xy'],
    ['one of a count', '{0|measure|measures}', [1], '1 measure'],
    ['zero of a count', '{0|measure|measures}', [0], '0 measures'],
    ['many, with thousands separator', '{0|measure|measures}', [1200], '1,200 measures'],
    ['count given as text', '{0|file was|files were} not read', ['1'], '1 file was not read'],
    ['two counts', '{0|problem|problems}, {1|measure|measures}', [1, 2], '1 problem, 2 measures'],
    ['verb agreement repeats the count', '{0|cell was|cells were} blank; {0|is|are}', [3], '3 cells were blank; 3 are'],
    ['Chinese stays as written', '共{0}个问题', [1], '共1个问题'],
  ] as const)('%s', (_, template, params, expected) => {
    expect(fillTemplate(template, params)).toBe(expected);
  });

  it('leaves text without placeholders alone and never throws', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.oneof(fc.string(), fc.integer())), (template, params) => {
        const out = fillTemplate(template, params);
        if (!/\{\d/.test(template)) expect(out).toBe(template);
      }),
    );
  });
});
