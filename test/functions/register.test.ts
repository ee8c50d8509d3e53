// In Excel's shared runtime the functions register themselves and bad input becomes
// CustomFunctions.Error with the Chinese message; this fakes the runtime's namespace.
type Registered = Record<string, (...args: unknown[]) => unknown>;

class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ErrorCode = { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' };

describe('registration in the shared runtime', () => {
  const registered: Registered = {};

  beforeAll(() => {
    (globalThis as Record<string, unknown>).CustomFunctions = {
      Error: FakeExcelError,
      ErrorCode,
      associate: (id: string, fn: (...args: unknown[]) => unknown) => {
        registered[id] = fn;
      },
    };
    return jest.isolateModulesAsync(async () => {
      await import('../../src/functions/functions');
    });
  });

  afterAll(() => {
    delete (globalThis as Record<string, unknown>).CustomFunctions;
  });

  it('associates every id with its function on load', () => {
    expect(Object.keys(registered).sort()).toEqual(['COMPLETIONRATE', 'DAYSLEFT', 'DEADLINE', 'LIGHT', 'LONGTERMSHARE', 'ONTIMERATE', 'OVERDUE', 'STATUS', 'SUMMARY']);
    expect(registered.COMPLETIONRATE([['已完成'], ['正在推进']], 2, null)).toBe(0.5);
  });

  it('throws CustomFunctions.Error with the ErrorCode and the Chinese message', () => {
    let error: unknown;
    try {
      registered.DAYSLEFT([[1]], '后天', null);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FakeExcelError);
    expect((error as FakeExcelError).code).toBe(ErrorCode.invalidValue);
    expect((error as FakeExcelError).message).toBe('统计截止日期：“后天”不是有效日期，应为日期或“2024年3月15日”“2024-03-15”形式');
  });

  it('#DIV/0! carries no message (Excel shows messages for #VALUE! and #N/A only)', () => {
    let error: unknown;
    try {
      registered.COMPLETIONRATE([['']], null, null);
    } catch (e) {
      error = e;
    }
    expect(error).toEqual(new FakeExcelError('#DIV/0!'));
  });

  // With allowErrorForDataTypeAny (functions.json, top level) Excel calls the functions even when a
  // range holds error cells, and passes each as an error value with its code.
  it.each([
    ['COMPLETIONRATE names the item', () => registered.COMPLETIONRATE([['已完成'], [new FakeExcelError('#N/A')], ['正在推进']], null, null), '整改状态：区域第2项是错误值#N/A，请先更正'],
    ['OVERDUE names the item', () => registered.OVERDUE([[44000], [new FakeExcelError('#REF!')]], [['正在推进'], ['正在推进']], 44729), '截止日期：区域第2项是错误值#REF!，请先更正'],
  ])('error cells in a range: %s', (_, call, message) => {
    let error: unknown;
    try {
      call();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FakeExcelError);
    expect((error as FakeExcelError).code).toBe('#VALUE!');
    expect((error as FakeExcelError).message).toBe(message);
  });

  it('error cells in a range: the per-row functions answer that row with the same error, the others as usual', () => {
    const na = new FakeExcelError('#N/A');
    const lights = registered.LIGHT([[44800], [na], [44700]], [['正在推进'], ['正在推进'], ['已完成']], null, 44729, null, null) as unknown[][];
    expect(lights.map((r) => r[0])).toEqual(['绿', na, '蓝']);
    const days = registered.DAYSLEFT([[44739], [na]], 44729, null) as unknown[][];
    expect(days.map((r) => r[0])).toEqual([10, na]);
    const statuses = registered.STATUS([['完成'], [na]]) as unknown[][];
    expect(statuses.map((r) => r[0])).toEqual(['已完成', na]);
  });

  it('per-row errors inside a spill are CustomFunctions.Error values', () => {
    const out = registered.DEADLINE([['长期坚持'], ['2022年12月底前']], 44729) as unknown[][];
    expect(out[0][0]).toBeInstanceOf(FakeExcelError);
    expect((out[0][0] as FakeExcelError).code).toBe('#N/A');
    expect(out[1][0]).toBe(44926);
  });
});
