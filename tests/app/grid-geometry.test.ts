import { describe, expect, it } from 'vitest';
import { gridGeometry, parseTsv, pasteTargets } from '../../src/app/editor/grid-geometry.ts';
import { getTable, getTemplate } from '../../src/core/index.ts';

const t2 = gridGeometry(getTable(getTemplate(), 't2'));
const t3 = gridGeometry(getTable(getTemplate(), 't3'));

describe('grid geometry', () => {
  it('lists every data cell of a table once, in reading order', () => {
    expect(t2.cells).toHaveLength(10);
    expect(t3.cells).toHaveLength(175);
    expect(t3.cells[0]).toBe('t3.new.natural');
    expect(t3.cells.at(-1)).toBe('t3.carriedOut.total');
  });

  it('moves across rows and columns of table 三, stopping at the edges', () => {
    expect(t3.move('t3.new.natural', 'down')).toBe('t3.carriedIn.natural');
    expect(t3.move('t3.carriedIn.natural', 'down')).toBe('t3.granted.natural');
    expect(t3.move('t3.partlyGranted.business', 'down')).toBe('t3.withheld.stateSecret.business');
    expect(t3.move('t3.new.natural', 'right')).toBe('t3.new.business');
    expect(t3.move('t3.new.natural', 'left')).toBeNull();
    expect(t3.move('t3.new.natural', 'up')).toBeNull();
    expect(t3.move('t3.carriedOut.total', 'down')).toBeNull();
  });

  it("skips table 二's caption and header rows and lands on merged cells", () => {
    expect(t2.move('t2.normativeDocs.issued', 'down')).toBe('t2.licensing.decisions');
    expect(t2.move('t2.normativeDocs.inForce', 'down')).toBe('t2.licensing.decisions');
    expect(t2.move('t2.licensing.decisions', 'up')).toBe('t2.normativeDocs.issued');
    expect(t2.move('t2.coercion.decisions', 'down')).toBe('t2.fees.amount');
  });

  it('places a pasted block from the focused cell, row by row, dropping what falls off the table', () => {
    const block = parseTsv('1\t2\t3\r\n4\t5\t6\r\n');
    expect(block).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(pasteTargets(t3, 't3.new.legalService', block)).toEqual([
      { id: 't3.new.legalService', text: '1' },
      { id: 't3.new.otherOrg', text: '2' },
      { id: 't3.new.total', text: '3' },
      { id: 't3.carriedIn.legalService', text: '4' },
      { id: 't3.carriedIn.otherOrg', text: '5' },
      { id: 't3.carriedIn.total', text: '6' },
    ]);
    expect(pasteTargets(t3, 't3.new.total', [['1', '2']])).toEqual([{ id: 't3.new.total', text: '1' }]);
  });
});
