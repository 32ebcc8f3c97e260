import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { Field, fieldErrors } from '../components/Field';
import { AuthFrame } from './AuthFrame';

export function SignUp() {
  const { signUp } = useSession();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const problem = await signUp({
      username: String(form.get('username')).trim().toLowerCase(), email: String(form.get('email')).trim(),
      fullName: String(form.get('fullName')).trim(), password: String(form.get('password')),
    });
    setBusy(false);
    setErrors(fieldErrors(problem?.errors));
    setError(problem && !problem.errors?.length ? problem.detail ?? 'Could not sign up.' : undefined);
  }
  return (
    <AuthFrame title="Sign up to see photos from your friends">
      <form onSubmit={submit} className="space-y-3">
        <Field label="E-mail" name="email" type="email" autoComplete="email" required error={errors.email} />
        <Field label="Full name" name="fullName" autoComplete="name" maxLength={64} error={errors.fullName} />
        <Field label="Username" name="username" autoComplete="username" required maxLength={30} error={errors.username} />
        <Field label="Password" name="password" type="password" autoComplete="new-password" required minLength={8} error={errors.password} />
        {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
        <button disabled={busy} className="w-full rounded bg-sky-500 py-2 font-semibold text-white disabled:opacity-50">Sign up</button>
      </form>
      <p className="mt-4 text-center text-sm">Have an account? <Link to="/" className="font-semibold text-sky-600">Sign in</Link></p>
    </AuthFrame>
  );
}
