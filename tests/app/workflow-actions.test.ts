// The workflow bar offers what the server's transition table allows: per role and status, in order.
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, actionsFor, STATUSES } from '../../src/api/workflow.ts';

describe('actionsFor', () => {
  it('gives each role the actions of its statuses, as the workflow bar showed them', () => {
    const table = (role: 'clerk' | 'reviewer') => Object.fromEntries(STATUSES.map((s) => [s, actionsFor(role, s)]));
    expect(table('clerk')).toEqual({ draft: ['submit'], submitted: ['withdraw'], returned: ['submit'], approved: [], published: [] });
    expect(table('reviewer')).toEqual({ draft: [], submitted: ['return', 'approve'], returned: [], approved: ['return', 'publish'], published: ['reopen'] });
    expect(STATUSES.flatMap((s) => actionsFor('admin', s))).toEqual([]);
  });

  it('names every action', () => {
    expect(ACTION_LABELS).toEqual({ submit: '提交审核', withdraw: '撤回提交', return: '退回修改', approve: '审核通过', publish: '发布', reopen: '重新打开' });
  });
});
