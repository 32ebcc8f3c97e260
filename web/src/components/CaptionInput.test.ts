import { describe, expect, it } from 'vitest';
import { wordAtCaret } from './CaptionInput';

describe('wordAtCaret', () => {
  it('finds the hashtag or mention being typed', () => {
    expect(wordAtCaret('Sunset #lis', 11)).toEqual({ kind: '#', prefix: 'lis', start: 7 });
    expect(wordAtCaret('with @an', 8)).toEqual({ kind: '@', prefix: 'an', start: 5 });
    expect(wordAtCaret('#', 1)).toEqual({ kind: '#', prefix: '', start: 0 });
  });

  it('leaves e-mail addresses and finished words alone', () => {
    expect(wordAtCaret('mail ana@example', 16)).toBeNull();
    expect(wordAtCaret('#lisbon and more', 16)).toBeNull();
  });
});
