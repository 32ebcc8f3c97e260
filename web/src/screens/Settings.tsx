import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, must, notificationApi, problemMessage } from '../api/client';
import { useSession } from '../auth/session';
import { Field } from '../components/Field';
import { chooseTheme, chosenTheme, followSystemTheme } from '../lib/theme';

const PREFERENCES = [
  ['follow', 'New followers'], ['followRequest', 'Follow requests'], ['followAccepted', 'Accepted follow requests'],
  ['like', 'Likes'], ['comment', 'Comments'], ['commentReply', 'Replies to your comments'], ['commentLike', 'Comment likes'], ['mention', 'Mentions'],
] as const;
type PreferenceKey = typeof PREFERENCES[number][0];

const section = 'space-y-3 border-b border-neutral-200 p-4 dark:border-neutral-800';
const submit = 'rounded bg-sky-500 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50';

/** Appearance, password, what notifies you, and deleting the account. */
export function Settings() {
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="p-4 text-xl font-semibold">Settings</h1>
      <Appearance />
      <ChangePassword />
      <NotificationPreferences />
      <DeleteAccount />
      <SignOut />
    </div>
  );
}

function Appearance() {
  const [theme, setTheme] = useState(chosenTheme() ?? 'system');
  function pick(value: string) {
    setTheme(value as typeof theme);
    if (value === 'system') followSystemTheme();
    else chooseTheme(value as 'light' | 'dark');
  }
  return (
    <fieldset className={section}><legend className="font-semibold">Appearance</legend>
      {(['system', 'light', 'dark'] as const).map((t) => (
        <label key={t} className="mr-4 text-sm"><input type="radio" name="theme" value={t} checked={theme === t} onChange={() => pick(t)} />{' '}
          {{ system: 'Same as the device', light: 'Light', dark: 'Dark' }[t]}</label>
      ))}
    </fieldset>
  );
}

function ChangePassword() {
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: (form: FormData) => must(authApi.POST('/api/v1/auth/password/change', {
      body: { currentPassword: String(form.get('currentPassword')), newPassword: String(form.get('newPassword')) },
    })),
    onSuccess: () => setDone(true),
  });
  const send = (e: FormEvent<HTMLFormElement>) => { e.preventDefault(); setDone(false); change.mutate(new FormData(e.currentTarget)); e.currentTarget.reset(); };
  return (
    <form onSubmit={send} className={section} aria-label="Change password">
      <h2 className="font-semibold">Change password</h2>
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" minLength={8} required />
      {change.isError && <p role="alert" className="text-sm text-red-600">{problemMessage(change.error)}</p>}
      {done && <p role="status" className="text-sm text-green-700">Your password was changed.</p>}
      <button disabled={change.isPending} className={submit}>Change password</button>
    </form>
  );
}

function NotificationPreferences() {
  const queryClient = useQueryClient();
  const preferences = useQuery({ queryKey: ['preferences'], queryFn: () => must(notificationApi.GET('/api/v1/notifications/preferences')) });
  // a switch moves at once, in the same render as the click; it shows the saved value again when the PUT settles
  const [moving, setMoving] = useState<Partial<Record<PreferenceKey, boolean>>>({});
  // a later click on the same switch, still in flight, keeps its own value
  const settle = (key: PreferenceKey, on: boolean) => setMoving(({ [key]: was, ...rest }) => (was === on ? rest : { ...rest, [key]: was }));
  const set = useMutation({
    mutationFn: ({ key, on }: { key: PreferenceKey; on: boolean }) => must(notificationApi.PUT('/api/v1/notifications/preferences', { body: { [key]: on } })),
    // a read already under way (a refetch on focus) would land after the PUT with the old value
    onMutate: () => queryClient.cancelQueries({ queryKey: ['preferences'] }),
    onSuccess: (saved) => queryClient.setQueryData(['preferences'], saved),
    // after a refusal the switch shows the saved value again
    onSettled: (_saved, _e, { key, on }) => settle(key, on),
  });
  const values = preferences.data as Partial<Record<PreferenceKey, boolean>> | undefined;
  const change = (key: PreferenceKey, on: boolean) => { setMoving((m) => ({ ...m, [key]: on })); set.mutate({ key, on }); };
  return (
    <fieldset className={section}><legend className="font-semibold">Notify me of</legend>
      {PREFERENCES.map(([key, label]) => (
        <label key={key} className="flex items-center justify-between text-sm">{label}
          <input type="checkbox" role="switch" checked={moving[key] ?? values?.[key] ?? true} disabled={!values}
            onChange={(e) => change(key, e.target.checked)} /></label>
      ))}
      {set.isError && <p role="alert" className="text-sm text-red-600">{problemMessage(set.error)}</p>}
    </fieldset>
  );
}

function DeleteAccount() {
  const { signOut } = useSession();
  const remove = useMutation({
    mutationFn: (password: string) => must(authApi.DELETE('/api/v1/auth/account', { body: { password } })),
    onSuccess: () => void signOut(),
  });
  const send = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (confirm('Delete your account? Your profile, photos, comments, likes and messages go, and this cannot be undone.')) {
      remove.mutate(String(new FormData(e.currentTarget).get('password')));
    }
  };
  return (
    <form onSubmit={send} className={section} aria-label="Delete account">
      <h2 className="font-semibold text-red-600">Delete account</h2>
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      {remove.isError && <p role="alert" className="text-sm text-red-600">{problemMessage(remove.error)}</p>}
      <button disabled={remove.isPending} className="rounded bg-red-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50">Delete my account</button>
    </form>
  );
}

function SignOut() {
  const { session, signOut } = useSession();
  return (
    <div className="p-4">
      <button type="button" className="text-sm font-semibold text-sky-600" onClick={() => void signOut()}>
        Sign out {session.status === 'signedIn' ? session.identity.username : ''}</button>
    </div>
  );
}
