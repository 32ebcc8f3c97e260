import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyTheme, chosenTheme, effectiveTheme, toggleTheme } from './theme';

function systemPrefersDark(dark: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: dark && query.includes('dark'), addEventListener() {} }));
}

describe('theme', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.classList.remove('dark');
  });
  it('follows the system until chosen', () => {
    systemPrefersDark(true);
    expect(chosenTheme()).toBeNull();
    expect(effectiveTheme()).toBe('dark');
    applyTheme();
    expect(document.documentElement.classList.contains('dark')).toBe(true);
  });
  it('remembers the choice over the system', () => {
    systemPrefersDark(true);
    expect(toggleTheme()).toBe('light');
    expect(chosenTheme()).toBe('light');
    expect(document.documentElement.classList.contains('dark')).toBe(false);
    systemPrefersDark(false);
    expect(toggleTheme()).toBe('dark');
    expect(localStorage.getItem('mosaic-theme')).toBe('dark');
  });
});
