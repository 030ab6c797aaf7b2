// Today's date in the program's timezone, for rendering. Prerendered pages were drawn on the
// day of the build, so while the client hydrates one it renders that day too (the server
// snapshot), then moves to the real day: the markup matches and no hydration error is raised.
import { useSyncExternalStore } from 'react';
import { todayIn } from '../../lib/dates';

let renderDay: string | undefined;

/** The day the page being hydrated (or prerendered) was drawn for. */
export function setRenderDay(day: string | undefined): void {
  renderDay = day;
}

const noChanges = () => () => {};

export function useToday(timeZone: string): string {
  return useSyncExternalStore(
    noChanges,
    () => todayIn(timeZone),
    () => renderDay ?? todayIn(timeZone),
  );
}
