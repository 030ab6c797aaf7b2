// How long ago something happened, in the few words a status line has room for: "just now",
// "2 min ago", "3 h ago", then the date and time.
import { formatWhen } from './dates';

export function timeAgo(epochMs: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `on ${formatWhen(epochMs)}`;
}
