/** Link integrity on dist/: every internal link and anchor resolves (the build checks it too). */
import { describe, expect, it } from 'vitest';
import { linkProblems } from '../../src/integrations/link-check';
import { DIST } from '../support/site.ts';

describe('links in the built site', () => {
  it('all resolve, anchors included', () => {
    expect(linkProblems(DIST)).toEqual([]);
  });
});
