// What the export menu and the home page's import need, without the DOM: where an export is
// fetched, the name it is saved under, and how a refused request is told to a person (EX1, EX2).

import { t } from './i18n.js';

export const EXPORT_FORMATS = ['md', 'csv', 'speaking', 'json'];

/** The import limit of the server (EX2); a larger file is refused here without being sent. */
export const MAX_IMPORT_BYTES = 160 * 1024 * 1024; // as the server (EX2)

/**
 * The export's address. The reader's time zone dates the workshop in the file's name and in the
 * Markdown (an evening session in Montréal is the next day in UTC).
 */
export function exportUrl(workshopId, format, timeZone) {
  const query = new URLSearchParams({ format });
  if (timeZone) query.set('tz', timeZone);
  return `/api/workshops/${encodeURIComponent(workshopId)}/export?${query}`;
}

/**
 * The file name a Content-Disposition header gives, or the fallback. The server sends plain ASCII
 * in `filename="..."`; `filename*=UTF-8''...` is read too, and a path is never taken as a name.
 */
export function fileNameFrom(contentDisposition, fallback) {
  if (typeof contentDisposition !== 'string') return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition);
  let name = null;
  if (extended) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = null;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(contentDisposition);
    if (plain) name = (plain[1] ?? plain[2]).replace(/\\(.)/g, '$1');
  }
  if (!name) return fallback;
  const base = name.split(/[/\\]/).pop().trim();
  return base && base !== '.' && base !== '..' ? base : fallback;
}

/**
 * Why a request was refused, for a person: the usual statuses in their words; a bad request with
 * the server's own message, which names the problem (e.g. "notes[3].x must be a number"); any other
 * status by its code, since the server's messages are English for developers.
 */
export function refusalText(status, body) {
  if (status === 401) return t('export.unauthorized');
  if (status === 404) return t('workshop.notFound');
  if (status === 413) return t('export.importTooLarge');
  if (status === 429) return t('home.rateLimited'); // LM7: an import is a creation
  const detail = serverMessage(body);
  if (status === 400 && detail) return detail;
  return t('export.status', { status });
}

/**
 * Why an import was refused: a file the server could not take is said to be so in the reader's
 * language, with the server's diagnosis (English, naming the place) kept as the technical detail.
 */
export function importRefusalText(status, body) {
  const detail = serverMessage(body);
  if (status === 400 && detail) return t('export.importInvalid', { detail });
  return refusalText(status, body);
}

function serverMessage(body) {
  return typeof body?.message === 'string' ? body.message.trim() : '';
}
