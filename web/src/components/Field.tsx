import type { InputHTMLAttributes } from 'react';

/** A labelled input with the message the API gave for this field, if any. */
export function Field({ label, error, ...input }: { label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block text-neutral-600 dark:text-neutral-400">{label}</span>
      <input {...input} aria-invalid={error ? true : undefined}
        className="w-full rounded border border-neutral-300 bg-neutral-50 px-3 py-2 dark:border-neutral-700 dark:bg-neutral-900" />
      {error && <span role="alert" className="mt-1 block text-xs text-red-600">{error}</span>}
    </label>
  );
}

export function fieldErrors(errors?: { field?: string; message?: string }[]): Record<string, string> {
  return Object.fromEntries((errors ?? []).map((e) => [e.field ?? '', e.message ?? '']));
}
