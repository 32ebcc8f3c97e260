import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { Field } from '../components/Field';
import { AuthFrame } from './AuthFrame';

export function SignIn() {
  const { signIn } = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const problem = await signIn(String(form.get('login')), String(form.get('password')));
    setBusy(false);
    setError(problem ? problem.detail ?? 'Could not sign in.' : undefined);
  }
  return (
    <AuthFrame title="Sign in">
      <form onSubmit={submit} className="space-y-3">
        <Field label="Username or e-mail" name="login" autoComplete="username" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
        <button disabled={busy} className="w-full rounded bg-sky-500 py-2 font-semibold text-white disabled:opacity-50">Sign in</button>
      </form>
      <p className="mt-4 text-center text-sm"><Link to="/forgot-password" className="text-sky-600">Forgot password?</Link></p>
      <p className="mt-2 text-center text-sm">No account? <Link to="/sign-up" className="font-semibold text-sky-600">Sign up</Link></p>
    </AuthFrame>
  );
}
