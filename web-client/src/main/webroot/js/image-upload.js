// Pictures in the agenda's texts: the facilitator picks a PNG or JPEG, it is posted as raw bytes to
// POST /api/workshops/{id}/images with the facilitator key, and the text gets a Markdown image
// `![alt](image:<id>)` that every browser resolves to /api/workshops/{id}/images/{id}
// (markdown.js). Problems are told apart, so the person knows whether to pick a smaller file,
// another kind of file, or try again. The server answers errors as {error, message}; its message
// is English for developers, so what a person reads comes from i18n.js, keyed by UploadError.code.

import { insertAt } from './agenda-edit.js';

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg'];

/**
 * Why an upload failed: `code` is one of type (not a PNG or JPEG), too_large (above 2 MiB), invalid
 * (the server found the bytes are not a readable image of that type), too_many (the workshop holds
 * its 50 images), not_allowed (no facilitator key, or a wrong one), not_found (the workshop is gone),
 * network, failed (anything else; the message is the HTTP status).
 */
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
  if (file.size === 0) throw new UploadError('invalid');
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
  if (response.status === 201 && typeof body?.id === 'string') return { id: body.id, url: body.url };
  throw new UploadError(problemOf(response.status, body?.error), String(response.status));
}

/** The UploadError code of an answer other than 201 {id}, from its status and its `error` code. */
function problemOf(status, error) {
  if (status === 413 || error === 'too_large') return 'too_large';
  if (status === 409 || error === 'too_many_images') return 'too_many';
  if (status === 401 || status === 403) return 'not_allowed';
  if (status === 404) return 'not_found';
  if (status === 400) return 'invalid';
  return 'failed';
}

/**
 * The text with an image's Markdown put in place of the selection, as a paragraph of its own (a
 * blank line before and after it, unless the text already has one there), and the caret after it.
 */
export function insertImageParagraph(value, selectionStart, selectionEnd, markdown) {
  const start = clampIndex(selectionStart, value.length);
  const end = Math.max(start, clampIndex(selectionEnd, value.length));
  const before = value.slice(0, start);
  const after = value.slice(end);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  return insertAt(value, start, end, `${lead}${markdown}${trail}`);
}

/** No caret known (or one past the end): the end of the text. */
function clampIndex(index, length) {
  return Number.isInteger(index) ? Math.max(0, Math.min(length, index)) : length;
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
