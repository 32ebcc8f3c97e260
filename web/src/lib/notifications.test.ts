import { describe, expect, it } from 'vitest';
import { actionPhrase, actorsPhrase } from './notifications';

const actors = (...names: string[]) => names.map((username) => ({ username }));

describe('notification phrases', () => {
  it('names one, two or three actors and counts the rest', () => {
    expect(actorsPhrase({ actors: actors('ana'), actorCount: 1 })).toBe('ana');
    expect(actorsPhrase({ actors: actors('ana', 'ben'), actorCount: 2 })).toBe('ana and ben');
    expect(actorsPhrase({ actors: actors('ana', 'ben', 'carl'), actorCount: 3 })).toBe('ana, ben and carl');
    expect(actorsPhrase({ actors: actors('ana', 'ben', 'carl'), actorCount: 14 })).toBe('ana, ben and 12 others');
  });

  it('says what happened, quoting the comment', () => {
    expect(actionPhrase({ type: 'LIKE' })).toBe('liked your post.');
    expect(actionPhrase({ type: 'COMMENT', comment: { text: 'Lovely' } })).toBe('commented: Lovely');
    expect(actionPhrase({ type: 'MENTION' })).toBe('mentioned you in a post.');
  });
});
