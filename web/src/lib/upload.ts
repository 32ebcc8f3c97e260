import { currentAccessToken, type Problem, type UploadedMedia } from '../api/client';

/** What media-service applies to the pixels (see its Edits): the editor's choices, sent with the photo. */
export type Edit = {
  aspect?: '1:1' | '4:5' | '1.91:1';
  rotate?: 0 | 90 | 180 | 270;
  brightness?: number;
  contrast?: number;
  saturation?: number;
  filter?: 'mono' | 'sepia' | 'warm' | 'cool' | 'vivid' | 'fade';
};

/**
 * POST /api/v1/media with the photo and its edit. XMLHttpRequest rather than fetch: only it reports how much of
 * the body has gone, for the progress bar. Resolves with the processed media, rejects with the API's problem.
 */
export function uploadMedia(file: Blob, edit: Edit | undefined, onProgress: (fraction: number) => void): Promise<UploadedMedia> {
  const form = new FormData();
  form.append('file', file, file instanceof File ? file.name : 'photo.jpg');
  if (edit && Object.keys(edit).length) form.append('edit', new Blob([JSON.stringify(edit)], { type: 'application/json' }));
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/media');
    const token = currentAccessToken();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    request.onload = () => {
      let body: unknown;
      try { body = JSON.parse(request.responseText); } catch { body = undefined; }
      if (request.status === 201 || request.status === 200) {
        onProgress(1);
        resolve(body as UploadedMedia);
      } else {
        reject((body as Problem | undefined) ?? { status: request.status, detail: 'The upload failed.' });
      }
    };
    request.onerror = () => reject({ detail: 'The upload failed: no connection.' } satisfies Problem);
    request.send(form);
  });
}
