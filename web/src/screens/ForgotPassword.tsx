import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { authApi, problemMessage } from '../api/client';
import { Field } from '../components/Field';
import { AuthFrame } from './AuthFrame';

export function ForgotPassword() {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email')).trim();
    const { error } = await authApi.POST('/api/v1/auth/password/forgot', { body: { email } });
    if (error) setError(problemMessage(error));
    else setSent(true);
  }
  return (
    <AuthFrame title="Trouble signing in?">
      {sent
        ? <p role="status">If an account has that address, a link to choose a new password is on its way.</p>
        : (
          <form onSubmit={submit} className="space-y-3">
            <Field label="E-mail" name="email" type="email" autoComplete="email" required />
            {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
            <button className="w-full rounded bg-sky-500 py-2 font-semibold text-white">Send a sign-in link</button>
          </form>
        )}
      <p className="mt-4 text-center text-sm"><Link to="/" className="text-sky-600">Back to sign in</Link></p>
    </AuthFrame>
  );
}
