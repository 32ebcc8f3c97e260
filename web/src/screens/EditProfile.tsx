import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { must, problemMessage, userApi, type Problem } from '../api/client';
import type { components } from '../api/schema/user';

type ProfileChange = components['schemas']['UpdateProfileRequest'];
import { Avatar } from '../components/Avatar';
import { Field, fieldErrors } from '../components/Field';
import { Failed, Loading } from '../lib/pages';
import { uploadMedia } from '../lib/upload';

/** Your picture, name, bio, website, whether the account is private, and its type. */
export function EditProfile() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery({ queryKey: ['me'], queryFn: () => must(userApi.GET('/api/v1/users/me')) });
  const [avatar, setAvatar] = useState<{ id?: string; url?: string }>();
  const [progress, setProgress] = useState<number>();
  const [problem, setProblem] = useState<Problem>();
  const save = useMutation({
    mutationFn: (body: ProfileChange) => must(userApi.PATCH('/api/v1/users/me', { body })),
    onSuccess: (profile) => {
      queryClient.setQueryData(['me'], profile);
      void queryClient.invalidateQueries({ queryKey: ['profile', profile.username] });
      navigate(`/u/${profile.username}`);
    },
    onError: (e) => setProblem(e as Problem),
  });
  if (me.isPending) return <Loading />;
  if (me.isError) return <Failed what="Your profile did not load." retry={() => void me.refetch()} />;
  const p = me.data;
  const errors = fieldErrors(problem?.errors);

  async function pick(file: File | undefined) {
    if (!file) return;
    setProblem(undefined);
    try {
      const media = await uploadMedia(file, { aspect: '1:1' }, setProgress);
      setAvatar({ id: media.id, url: media.variants?.thumb?.url ?? media.variants?.small?.url });
    } catch (e) {
      setProblem(e as Problem);
    } finally {
      setProgress(undefined);
    }
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      fullName: String(form.get('fullName')),
      bio: String(form.get('bio')),
      website: String(form.get('website')),
      private: form.get('private') === 'on',
      accountType: String(form.get('accountType')) as 'PERSONAL' | 'CREATOR' | 'BUSINESS',
      ...(avatar?.id ? { avatarMediaId: avatar.id } : {}),
    });
  }
  return (
    <form onSubmit={submit} className="mx-auto max-w-lg space-y-4 p-4">
      <h1 className="text-xl font-semibold">Edit profile</h1>
      <div className="flex items-center gap-4">
        <Avatar username={p.username} url={avatar?.url ?? p.avatarUrl} size={14} />
        <label className="cursor-pointer text-sm font-semibold text-sky-600">
          Change profile photo
          <input type="file" accept="image/jpeg,image/png,image/webp,image/gif" className="sr-only" onChange={(e) => void pick(e.target.files?.[0])} />
        </label>
        {progress !== undefined && <progress aria-label="Uploading the photo" value={progress} max={1} className="w-24" />}
      </div>
      <Field label="Name" name="fullName" defaultValue={p.fullName ?? ''} maxLength={64} error={errors.fullName} />
      <label className="block text-sm">
        <span className="mb-1 block text-neutral-600 dark:text-neutral-400">Bio</span>
        <textarea name="bio" defaultValue={p.bio ?? ''} maxLength={150} rows={3}
          className="w-full rounded border border-neutral-300 bg-neutral-50 px-3 py-2 dark:border-neutral-700 dark:bg-neutral-900" />
        {errors.bio && <span role="alert" className="text-xs text-red-600">{errors.bio}</span>}
      </label>
      <Field label="Website" name="website" defaultValue={p.website ?? ''} inputMode="url" error={errors.website} />
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="private" defaultChecked={p.private} /> Private account</label>
      <label className="block text-sm">
        <span className="mb-1 block text-neutral-600 dark:text-neutral-400">Account type</span>
        <select name="accountType" defaultValue={p.accountType ?? 'PERSONAL'} className="rounded border border-neutral-300 bg-neutral-50 px-3 py-2 dark:border-neutral-700 dark:bg-neutral-900">
          <option value="PERSONAL">Personal</option><option value="CREATOR">Creator</option><option value="BUSINESS">Business</option>
        </select>
      </label>
      {problem && !problem.errors?.length && <p role="alert" className="text-sm text-red-600">{problemMessage(problem)}</p>}
      <button disabled={save.isPending || progress !== undefined} className="rounded bg-sky-500 px-4 py-2 font-semibold text-white disabled:opacity-50">Save</button>
    </form>
  );
}
