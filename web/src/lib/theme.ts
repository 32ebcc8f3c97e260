// Dark mode follows the system until the person picks one, which is remembered on this device.
const KEY = 'mosaic-theme';
export type Theme = 'light' | 'dark';

export function chosenTheme(): Theme | null {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : null;
}

export function effectiveTheme(): Theme {
  return chosenTheme() ?? (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

export function applyTheme(theme: Theme = effectiveTheme()) {
  document.documentElement.classList.toggle('dark', theme === 'dark');
}

export function toggleTheme(): Theme {
  const next: Theme = effectiveTheme() === 'dark' ? 'light' : 'dark';
  localStorage.setItem(KEY, next);
  applyTheme(next);
  return next;
}

/** Back to following the system. */
export function followSystemTheme(): Theme {
  localStorage.removeItem(KEY);
  applyTheme();
  return effectiveTheme();
}

export function chooseTheme(theme: Theme) {
  localStorage.setItem(KEY, theme);
  applyTheme(theme);
}
