// What a failed write says to the person who made it, in one rule: a full disk is named as
// such (with what to do), storage that cannot be used says so, and any other failure gives
// its reason. None of them blames the network: every write here is to this device.

export type WriteFailure =
  /** The browser refused the write for lack of space (quota exceeded, disk full). */
  | 'full'
  /** Storage cannot be used at all now (unavailable, closed for another tab's upgrade). */
  | 'unavailable'
  /** Anything else: a record that is gone, a value refused, a bug. */
  | 'other';

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  /** Dexie's wrapped cause (an AbortError's inner QuotaExceededError). */
  inner?: unknown;
  cause?: unknown;
  /** Dexie's BulkError: the failure of each record. */
  failures?: unknown;
}

/** Names browsers and Dexie give a write refused for lack of space. */
const FULL_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);
/** The legacy DOMException code of QUOTA_EXCEEDED_ERR. */
const QUOTA_CODE = 22;
const FULL_MESSAGE = /quota|no space left|disk is full|storage is full/i;

/** Errors that mean the database itself is out of reach. */
const UNAVAILABLE_NAMES = new Set([
  'OpenFailedError',
  'MissingAPIError',
  'DatabaseClosedError',
  'InvalidStateError',
  'VersionError',
  'SecurityError',
  'UnknownError',
]);

/** The error and every error it wraps (Dexie's inner, cause, a bulk write's failures). */
function chain(err: unknown, depth = 0): ErrorLike[] {
  if (typeof err !== 'object' || err === null || depth > 5) return [];
  const e = err as ErrorLike;
  const failures = Array.isArray(e.failures)
    ? e.failures
    : e.failures && typeof e.failures === 'object'
      ? Object.values(e.failures)
      : [];
  return [e, ...[e.inner, e.cause, ...failures].flatMap((c) => (c === err ? [] : chain(c, depth + 1)))];
}

export function classifyWriteError(err: unknown): WriteFailure {
  const all = chain(err);
  if (
    all.some(
      (e) =>
        (typeof e.name === 'string' && FULL_NAMES.has(e.name)) ||
        e.code === QUOTA_CODE ||
        (typeof e.message === 'string' && FULL_MESSAGE.test(e.message)),
    )
  )
    return 'full';
  if (all.some((e) => typeof e.name === 'string' && UNAVAILABLE_NAMES.has(e.name))) return 'unavailable';
  return 'other';
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

function reason(err: unknown): string {
  const message =
    err instanceof Error || (typeof err === 'object' && err !== null && 'message' in err)
      ? String((err as { message: unknown }).message)
      : typeof err === 'string'
        ? err
        : '';
  const text = message.trim();
  return text ? sentence(text) : 'something went wrong on this device. Try again.';
}

/**
 * The message for a write that failed. `failed` says what was not stored, as a clause:
 * "this answer was not saved", "these hours were not logged", "nothing was imported".
 */
export function writeFailureMessage(err: unknown, failed: string): string {
  switch (classifyWriteError(err)) {
    case 'full':
      return `Storage on this device is full: ${failed}. Export your data in Settings, then free some space.`;
    case 'unavailable':
      return `Storage on this device cannot be used right now: ${failed}. Reload the page and try again.`;
    case 'other':
      return `${capital(failed)}: ${reason(err)}`;
  }
}
