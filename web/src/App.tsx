import { useState } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes } from 'react-router';
import { useSession } from './auth/session';
import { effectiveTheme, toggleTheme } from './lib/theme';
import { Feed } from './screens/Feed';
import { ForgotPassword } from './screens/ForgotPassword';
import { SignIn } from './screens/SignIn';
import { SignUp } from './screens/SignUp';

export function App() {
  const { session } = useSession();
  if (session.status === 'loading') return <p className="p-6 text-center text-neutral-500">Mosaic</p>;
  return (
    <BrowserRouter>
      {session.status === 'signedOut' ? (
        <Routes>
          <Route path="/" element={<SignIn />} />
          <Route path="/sign-up" element={<SignUp />} />
          <Route path="/forgot-password" element={<ForgotPassword />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      ) : (
        <Shell>
          <Routes>
            <Route path="/" element={<Feed />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Shell>
      )}
    </BrowserRouter>
  );
}

/** Side navigation on a desktop, a bottom bar on a phone. */
function Shell({ children }: { children: React.ReactNode }) {
  const { session, signOut } = useSession();
  const [theme, setTheme] = useState(effectiveTheme());
  const username = session.status === 'signedIn' ? session.identity.username : '';
  const item = 'flex items-center gap-3 rounded px-3 py-2 hover:bg-neutral-100 dark:hover:bg-neutral-900';
  return (
    <div className="md:flex">
      <nav aria-label="Main" className="fixed inset-x-0 bottom-0 z-10 flex justify-around border-t border-neutral-200 bg-white p-2 dark:border-neutral-800 dark:bg-neutral-950 md:sticky md:top-0 md:h-screen md:w-60 md:flex-col md:justify-start md:border-r md:border-t-0 md:p-4">
        <span className="hidden px-3 py-4 text-2xl font-semibold italic md:block">Mosaic</span>
        <NavLink to="/" className={item}>⌂ <span className="sr-only md:not-sr-only">Home</span></NavLink>
        <button type="button" className={item} onClick={() => setTheme(toggleTheme())}
          aria-pressed={theme === 'dark'}>{theme === 'dark' ? '☀' : '☾'} <span className="sr-only md:not-sr-only">Dark mode</span></button>
        <button type="button" className={`${item} md:mt-auto`} onClick={() => void signOut()}>⎋ <span className="sr-only md:not-sr-only">Sign out {username}</span></button>
      </nav>
      <main className="flex-1 pb-16 md:pb-0">{children}</main>
    </div>
  );
}
