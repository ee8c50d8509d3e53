// Where the Office.js store puts new rows: after the row they follow in the edit's order (a
// measure of an existing problem), else at the bottom; indices count the deletions queued first.
import { placeAdded } from '../../src/workbook/excelLedger';

const rows = (...ids: string[]) => new Map(ids.map((id, r) => [id, r]));
const order = (...ids: string[]) => ids.map((id) => ({ id }));

describe('placeAdded', () => {
  test.each([
    ['after the middle problem', rows('A1', 'B1', 'C1'), [], order('A1', 'B1', 'B2', 'C1'), ['B2'], { inserts: [[2, ['B2']]], appended: [] }],
    ['after the last item: appended', rows('A1', 'B1'), [], order('A1', 'B1', 'B2'), ['B2'], { inserts: [], appended: ['B2'] }],
    ['a new problem at the end: appended', rows('A1', 'B1'), [], order('A1', 'B1', 'C1', 'C2'), ['C1', 'C2'], { inserts: [], appended: ['C1', 'C2'] }],
    ['two groups, highest index first', rows('A1', 'B1', 'C1'), [], order('A1', 'A2', 'B1', 'B2', 'B3', 'C1'), ['A2', 'B2', 'B3'], { inserts: [[2, ['B2', 'B3']], [1, ['A2']]], appended: [] }],
    ['a row deleted above shifts the index', rows('X', 'A1', 'B1'), [0], order('A1', 'A2', 'B1'), ['A2'], { inserts: [[1, ['A2']]], appended: [] }],
    ['the last item deleted: the row before it is last', rows('A1', 'B1', 'C1'), [2], order('A1', 'B1', 'B2'), ['B2'], { inserts: [], appended: ['B2'] }],
    ['a hand-sorted table: after where the row sits', rows('B1', 'A1', 'A2'), [], order('B1', 'B2', 'A1', 'A2'), ['B2'], { inserts: [[1, ['B2']]], appended: [] }],
  ])('%s', (_, rowOf, deleted, after, added, expected) => {
    expect(placeAdded(rowOf, deleted, after, new Set(added))).toEqual(expected);
  });
});
