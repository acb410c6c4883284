import { stillDeleted } from './DeletedScreen';
import type { DeletionRevision } from './deleted.queries';

const deletion = (id: string, version: number, event: { deleted: boolean; version: number }): DeletionRevision => ({
  version,
  action: 'DELETE',
  author: 'editor',
  createdAt: '2026-12-02T04:00:00.000Z',
  note: null,
  event: { id, slug: id, kind: 'MEETING', title: id, startDate: '2021-10-12', ...event },
});

describe('the Deleted list', () => {
  it('Given deletions newest first, Then each event still deleted appears once, at its latest deletion', () => {
    const list = stillDeleted([
      deletion('a', 5, { deleted: true, version: 5 }),
      deletion('a', 3, { deleted: true, version: 5 }),
      deletion('b', 2, { deleted: false, version: 3 }),
      deletion('c', 7, { deleted: true, version: 7 }),
    ]);
    expect(list.map((revision) => [revision.event.id, revision.version])).toEqual([
      ['a', 5],
      ['c', 7],
    ]);
  });
});
