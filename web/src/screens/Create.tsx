import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { mediaApi, must, postApi, problemMessage } from '../api/client';
import { CaptionInput } from '../components/CaptionInput';
import { ASPECTS, FILTERS, drawPreview } from '../lib/edits';
import { uploadMedia, type Edit } from '../lib/upload';

type Photo = { key: string; file: File; bitmap: ImageBitmap; edit: Edit; alt: string; progress?: number };
type Place = { placeId?: string; name: string };
const MAX = 10;

/** A new post: up to ten photos, each cropped, rotated, adjusted and filtered with a live preview, then a caption. */
export function Create() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [selected, setSelected] = useState(0);
  const [aspect, setAspect] = useState<Edit['aspect']>('1:1');
  const [caption, setCaption] = useState('');
  const [place, setPlace] = useState<Place>();
  const [commentsDisabled, setCommentsDisabled] = useState(false);
  const [hideLikeCount, setHideLikeCount] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [error, setError] = useState<string>();
  const photo = photos[selected];

  async function pick(files: FileList | null) {
    setError(undefined);
    const chosen = [...(files ?? [])].slice(0, MAX - photos.length);
    if ((files?.length ?? 0) > chosen.length) setError(`A post holds at most ${MAX} photos.`);
    const added: Photo[] = [];
    for (const file of chosen) {
      try {
        added.push({ key: crypto.randomUUID(), file, bitmap: await createImageBitmap(file), edit: {}, alt: '' });
      } catch {
        setError(`${file.name} is not an image this browser can open.`);
      }
    }
    setPhotos((p) => [...p, ...added]);
  }
  const change = (edit: Partial<Edit>) => setPhotos((all) => all.map((p, i) => (i === selected ? { ...p, edit: { ...p.edit, ...edit } } : p)));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= photos.length) return;
    setPhotos((all) => { const next = [...all]; const [p] = next.splice(from, 1); next.splice(to, 0, p!); return next; });
    setSelected(to);
  };
  const remove = (index: number) => { setPhotos((all) => all.filter((_, i) => i !== index)); setSelected(0); };

  async function share() {
    setSharing(true);
    setError(undefined);
    const uploaded: string[] = [];
    try {
      // two at a time: the bar of each shows its own progress
      const ids: string[] = new Array(photos.length);
      let next = 0;
      const worker = async () => {
        while (next < photos.length) {
          const i = next++;
          const p = photos[i]!;
          const media = await uploadMedia(p.file, { ...p.edit, aspect },
            (fraction) => setPhotos((all) => all.map((q) => (q.key === p.key ? { ...q, progress: fraction } : q))));
          ids[i] = media.id!;
          uploaded.push(media.id!);
        }
      };
      await Promise.all([worker(), worker()]);
      const altTexts = Object.fromEntries(photos.map((p, i) => [ids[i]!, p.alt.trim()]).filter(([, alt]) => alt));
      const post = await must(postApi.POST('/api/v1/posts', {
        body: {
          mediaIds: ids, caption: caption || undefined, altTexts, commentsDisabled, hideLikeCount,
          ...(place ? { location: place.placeId ? { placeId: place.placeId } : { name: place.name } } : {}),
        },
      }));
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
      void queryClient.invalidateQueries({ queryKey: ['grid'] });
      navigate(`/p/${post.id}`);
    } catch (e) {
      setError(problemMessage(e, 'The post could not be shared. Try again.'));
      // nothing is left behind: photos uploaded for a post that was not created go
      await Promise.all(uploaded.map((id) => mediaApi.DELETE('/api/v1/media/{id}', { params: { path: { id } } })));
      setPhotos((all) => all.map((p) => ({ ...p, progress: undefined })));
      setSharing(false);
    }
  }

  if (!photos.length) {
    return (
      <section className="mx-auto max-w-lg p-10 text-center">
        <h1 className="text-xl font-semibold">Create new post</h1>
        <label className="mt-6 inline-block cursor-pointer rounded bg-sky-500 px-4 py-2 font-semibold text-white">
          Select from computer
          <input type="file" accept="image/jpeg,image/png,image/webp,image/gif" multiple className="sr-only" onChange={(e) => void pick(e.target.files)} />
        </label>
        {error && <p role="alert" className="mt-3 text-sm text-red-600">{error}</p>}
      </section>
    );
  }
  const slider = (name: 'brightness' | 'contrast' | 'saturation', label: string) => (
    <label className="block text-sm">{label} <output className="text-neutral-500">{photo?.edit[name] ?? 0}</output>
      <input type="range" min={-100} max={100} value={photo?.edit[name] ?? 0} onChange={(e) => change({ [name]: Number(e.target.value) })} className="w-full" />
    </label>
  );
  const chip = (active: boolean) => `rounded px-2 py-1 text-sm ${active ? 'bg-sky-500 text-white' : 'bg-neutral-200 dark:bg-neutral-800'}`;
  return (
    <section className="mx-auto max-w-4xl p-4 md:grid md:grid-cols-2 md:gap-6">
      <div>
        <h1 className="mb-2 text-xl font-semibold">Create new post</h1>
        {photo && <Preview photo={photo} aspect={aspect} />}
        <ol aria-label="Photos" className="mt-2 flex gap-2 overflow-x-auto">
          {photos.map((p, i) => (
            <li key={p.key} className={`shrink-0 rounded border-2 ${i === selected ? 'border-sky-500' : 'border-transparent'}`}>
              <button type="button" aria-label={`Edit photo ${i + 1}`} aria-current={i === selected} onClick={() => setSelected(i)}>
                <Thumb bitmap={p.bitmap} />
              </button>
              <div className="flex justify-between text-xs">
                <button type="button" aria-label={`Move photo ${i + 1} earlier`} onClick={() => move(i, i - 1)} disabled={i === 0 || sharing}>◀</button>
                <button type="button" aria-label={`Remove photo ${i + 1}`} onClick={() => remove(i)} disabled={sharing}>✕</button>
                <button type="button" aria-label={`Move photo ${i + 1} later`} onClick={() => move(i, i + 1)} disabled={i === photos.length - 1 || sharing}>▶</button>
              </div>
              {p.progress !== undefined && <progress aria-label={`Uploading photo ${i + 1}`} value={p.progress} max={1} className="h-1 w-16" />}
            </li>
          ))}
          {photos.length < MAX && (
            <li className="shrink-0"><label className="flex h-16 w-16 cursor-pointer items-center justify-center rounded border border-dashed text-2xl" aria-label="Add photos">+
              <input type="file" accept="image/jpeg,image/png,image/webp,image/gif" multiple className="sr-only" onChange={(e) => void pick(e.target.files)} /></label></li>
          )}
        </ol>
      </div>
      <div className="mt-4 space-y-3 md:mt-10">
        <fieldset className="flex flex-wrap items-center gap-2"><legend className="sr-only">Crop</legend>
          {(Object.keys(ASPECTS) as Edit['aspect'][]).map((a) => (
            <button key={a} type="button" aria-pressed={aspect === a} onClick={() => setAspect(a)} className={chip(aspect === a)}>{a}</button>
          ))}
          <button type="button" onClick={() => change({ rotate: (((photo?.edit.rotate ?? 0) + 90) % 360) as Edit['rotate'] })} className={chip(false)}>Rotate ↻</button>
        </fieldset>
        <fieldset className="flex flex-wrap gap-2"><legend className="mb-1 text-sm">Filter</legend>
          <button type="button" aria-pressed={!photo?.edit.filter} onClick={() => change({ filter: undefined })} className={chip(!photo?.edit.filter)}>Normal</button>
          {FILTERS.map((f) => (
            <button key={f} type="button" aria-pressed={photo?.edit.filter === f} onClick={() => change({ filter: f })} className={`${chip(photo?.edit.filter === f)} capitalize`}>{f}</button>
          ))}
        </fieldset>
        {slider('brightness', 'Brightness')}
        {slider('contrast', 'Contrast')}
        {slider('saturation', 'Saturation')}
        <label className="block text-sm">Alt text of photo {selected + 1}
          <input value={photo?.alt ?? ''} maxLength={500} placeholder="Describe the photo for people who cannot see it"
            onChange={(e) => setPhotos((all) => all.map((p, i) => (i === selected ? { ...p, alt: e.target.value } : p)))}
            className="w-full rounded border border-neutral-300 bg-transparent px-2 py-1 dark:border-neutral-700" /></label>
        <CaptionInput value={caption} onChange={setCaption} />
        <PlacePicker place={place} onChange={setPlace} />
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={commentsDisabled} onChange={(e) => setCommentsDisabled(e.target.checked)} /> Turn off commenting</label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={hideLikeCount} onChange={(e) => setHideLikeCount(e.target.checked)} /> Hide like count</label>
        {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
        <button type="button" disabled={sharing} onClick={() => void share()} className="w-full rounded bg-sky-500 py-2 font-semibold text-white disabled:opacity-50">
          {sharing ? 'Sharing…' : 'Share'}</button>
      </div>
    </section>
  );
}

function Preview({ photo, aspect }: { photo: Photo; aspect: Edit['aspect'] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) drawPreview(canvas.current, photo.bitmap, { ...photo.edit, aspect });
  }, [photo.bitmap, photo.edit, aspect]);
  return <canvas ref={canvas} role="img" aria-label={`Preview${photo.edit.filter ? `, ${photo.edit.filter} filter` : ''}`} className="w-full bg-neutral-100 dark:bg-neutral-900" />;
}

function Thumb({ bitmap }: { bitmap: ImageBitmap }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => { if (canvas.current) drawPreview(canvas.current, bitmap, { aspect: '1:1' }, 64); }, [bitmap]);
  return <canvas ref={canvas} aria-hidden className="h-16 w-16" />;
}

/** Tag a place: one that exists, found by name, or a new one. */
function PlacePicker({ place, onChange }: { place?: Place; onChange: (p?: Place) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['place-search', q], enabled: q.trim().length > 1,
    queryFn: () => must(postApi.GET('/api/v1/places/search', { params: { query: { q, limit: 5 } } })),
  });
  if (place) {
    return <p className="text-sm">📍 {place.name} <button type="button" aria-label="Remove the place" onClick={() => onChange(undefined)}>✕</button></p>;
  }
  return (
    <div>
      <label className="block text-sm">Add location
        <input value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} placeholder="Search places"
          className="w-full rounded border border-neutral-300 bg-transparent px-2 py-1 dark:border-neutral-700" /></label>
      {q.trim().length > 1 && (
        <ul aria-label="Places" className="text-sm">
          {(found.data?.items ?? []).map((p) => (
            <li key={p.id}><button type="button" className="w-full px-2 py-1 text-left" onClick={() => onChange({ placeId: p.id, name: p.name! })}>{p.name}</button></li>
          ))}
          {!(found.data?.items ?? []).some((p) => p.name?.toLowerCase() === q.trim().toLowerCase()) && (
            <li><button type="button" className="w-full px-2 py-1 text-left text-sky-600" onClick={() => onChange({ name: q.trim() })}>Add “{q.trim()}”</button></li>
          )}
        </ul>
      )}
    </div>
  );
}
