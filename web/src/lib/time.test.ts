import { describe, expect, it } from 'vitest';
import { relativeTime } from './time';

describe('relativeTime', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  it('counts up as Instagram does', () => {
    expect(relativeTime('2026-12-02T11:59:30Z', now)).toBe('now');
    expect(relativeTime('2026-12-02T11:55:00Z', now)).toBe('5m');
    expect(relativeTime('2026-12-02T09:00:00Z', now)).toBe('3h');
    expect(relativeTime('2026-11-30T12:00:00Z', now)).toBe('2d');
    expect(relativeTime('2026-11-04T12:00:00Z', now)).toBe('4w');
  });
  it('gives a date after a year, and nothing for no time', () => {
    expect(relativeTime('2024-01-15T12:00:00Z', now)).toMatch(/2024/);
    expect(relativeTime(undefined, now)).toBe('');
  });
  it('treats a clock slightly ahead as now', () => {
    expect(relativeTime('2026-12-02T12:00:05Z', now)).toBe('now');
  });
});
