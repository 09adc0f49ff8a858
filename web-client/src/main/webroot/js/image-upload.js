// Pictures in the agenda's texts: the facilitator picks a PNG or JPEG, it is posted as raw bytes to
// POST /api/workshops/{id}/images with the facilitator key, and the text gets a Markdown image
// `![alt](image:<id>)` that every browser resolves to /api/workshops/{id}/images/{id}
// (markdown.js). Problems are told apart, so the person knows whether to pick a smaller file,
// another kind of file, or try again.

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg'];

/** Why an upload failed: `code` is one of type, too_large, refused, not_allowed, network, failed. */
export class UploadError extends Error {
  constructor(code, message = code) {
    super(message);
    this.code = code;
  }
}

/**
 * Uploads one file; resolves to {id, url}, or rejects with an UploadError. The checks made here
 * (type, size) only save a round trip: the server makes them again.
 * @param {{workshopId: string, facilitatorKey: ?string, file: Blob & {type: string, size: number},
 *          fetchImpl?: typeof fetch}} options
 */
export async function uploadImage({ workshopId, facilitatorKey, file, fetchImpl = globalThis.fetch }) {
  if (!IMAGE_TYPES.includes(file?.type)) throw new UploadError('type');
  if (file.size > MAX_IMAGE_BYTES) throw new UploadError('too_large');
  if (!facilitatorKey) throw new UploadError('not_allowed');
  let response;
  try {
    response = await fetchImpl(`/api/workshops/${encodeURIComponent(workshopId)}/images`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${facilitatorKey}`, 'Content-Type': file.type },
      body: file,
    });
  } catch {
    throw new UploadError('network');
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 201 && typeof body.id === 'string') return { id: body.id, url: body.url };
  if (response.status === 413) throw new UploadError('too_large');
  if (response.status === 401 || response.status === 403) throw new UploadError('not_allowed');
  if (response.status === 400) throw new UploadError('refused', String(body.message ?? ''));
  throw new UploadError('failed', String(body.message ?? response.status));
}

/** The Markdown of an uploaded image; its alt text is the file's name, which the person can edit. */
export function imageMarkdown(id, fileName) {
  const alt = String(fileName ?? '')
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[[\]\\\n\r]/g, ' ')
    .trim()
    .slice(0, 100);
  return `![${alt}](image:${id})`;
}

/** The same-origin address of an uploaded image, for markdown.js's resolveImage. */
export function imageUrl(workshopId, imageId) {
  return `/api/workshops/${encodeURIComponent(workshopId)}/images/${encodeURIComponent(imageId)}`;
}
