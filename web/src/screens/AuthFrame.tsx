import type { ReactNode } from 'react';

export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto mt-12 max-w-sm rounded border border-neutral-200 p-8 dark:border-neutral-800">
      <h1 className="mb-2 text-center text-3xl font-semibold italic">Mosaic</h1>
      <h2 className="mb-6 text-center text-neutral-500">{title}</h2>
      {children}
    </main>
  );
}
