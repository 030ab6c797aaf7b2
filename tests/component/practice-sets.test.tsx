import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { db } from '../../src/db/db';
import { resetDb } from '../fixtures/db';
import { recordAnswer } from '../../src/db/answers';
import { setFlag } from '../../src/db/study';
import { renderRoute } from '../fixtures/render';

type User = ReturnType<typeof renderRoute>['user'];

// A fixed "today", so what is due does not depend on the day the tests run. Only Date is
// faked: timers stay real, so Testing Library and IndexedDB keep working.
const NOW = new Date('2027-02-01T15:00:00Z').getTime();
const DAY = 86_400_000;

const ROUTES = [
  () => import('../../src/features/practice/practice-hub-page'),
  () => import('../../src/features/practice/practice-set-page'),
  () => import('../../src/features/practice/practice-page'),
];
// The pages are lazy routes: load them once up front, so the first test does not spend its
// time budget compiling them on a loaded machine.
beforeAll(async () => {
  await Promise.all(ROUTES.map((load) => load()));
}, 60_000);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  await resetDb();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A button of the hub by its label, e.g. "Flagged" (its count is in the same button). */
function setButton(label: string | RegExp): HTMLElement {
  return screen.getByRole('button', { name: typeof label === 'string' ? new RegExp(`^${label}`) : label });
}

/** Opens an area of the tree (its summary), as a person would, and returns its part of the tree. */
async function openArea(user: User, title: string): Promise<HTMLElement> {
  const summary = await screen.findByText(title, { selector: '.tree-title' });
  const details = summary.closest('details');
  if (!details) throw new Error(`no area ${title} in the tree`);
  if (!details.open) await user.click(summary);
  expect(details).toHaveProperty('open', true);
  return details;
}

/** Opens an area and every sub-area's folded competencies in it, as a person would. */
async function openCompetencies(user: User, title: string): Promise<HTMLElement> {
  const area = await openArea(user, title);
  for (const summary of within(area).getAllByText(/^\d+ competencies$/)) await user.click(summary);
  return area;
}

async function chooseLength(user: User, length: string) {
  const group = await screen.findByRole('group', { name: 'How many questions' });
  await user.click(within(group).getByRole('radio', { name: length }));
}

/** Waits for the counts to load (the buttons say "N questions" once they have). */
async function hubReady() {
  const sets = await screen.findByRole('region', { name: 'Your sets' });
  await within(sets).findByRole('button', { name: /^Flagged\s*\d+ questions?$/ });
  return sets;
}

describe('practice sets', () => {
  it('offers every source as a button with its size, and the tree with counts and mastery', async () => {
    await recordAnswer({ questionId: 'trust-three-way', choice: [0], correct: false, context: 'test', at: NOW });
    await setFlag('i9-section-2', true);
    const { user } = renderRoute('/practice');
    const sets = await hubReady();
    expect(await within(sets).findByRole('button', { name: /^Missed last time/ })).toHaveTextContent(/1 questions?$/);
    expect(within(sets).getByRole('button', { name: /^Flagged/ })).toHaveTextContent(/1 questions?$/);
    expect(within(sets).getByRole('button', { name: /^Never seen/ })).toHaveTextContent('4 questions');
    expect(within(sets).getByRole('button', { name: /^Everything mixed/ })).toHaveTextContent('5 questions');
    // Nothing is due yet (a wrong answer comes back for review later), so that set cannot start.
    const due = within(sets).getByRole('button', { name: /^Due for review/ });
    expect(due).toHaveTextContent('0 questions');
    expect(due).toBeDisabled();

    const money = await openArea(user, 'Money Matters');
    expect(money.querySelector('summary')).toHaveTextContent('Money Matters 3 questions · 0% right of 1 seen');
    expect(within(money).getByRole('button', { name: /^All of Money Matters/ })).toHaveTextContent('3 questions');
    const books = within(money).getByRole('button', { name: /^The Books/ });
    expect(books).toHaveTextContent('2 questions · 0% right of 1 seen');
    expect(within(money).getByRole('button', { name: /^Analysis/ })).toHaveTextContent(/1 questions? · not started/);
    // Competencies are folded under their sub-area until asked for.
    expect(within(money).queryByRole('button', { name: /^Make budgets/ })).not.toBeInTheDocument();
    await openCompetencies(user, 'Money Matters');
    expect(within(money).getByRole('button', { name: /^Make budgets/ })).toHaveTextContent(/1 questions?/);
    const sessions = screen.getByRole('region', { name: 'By study-group session' });
    expect(within(sessions).getByRole('button', { name: /^A Night With the Books/ })).toHaveTextContent('2 questions');
  }, 15_000);

  it('runs a set of an area, stores each answer, and resumes at the same question after a reload', async () => {
    const first = renderRoute('/practice');
    await hubReady();
    await chooseLength(first.user, 'All');
    const money = await openArea(first.user, 'Money Matters');
    await first.user.click(within(money).getByRole('button', { name: /^All of Money Matters/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 3' })).toBeInTheDocument();
    const firstStem = screen.getByRole('article').querySelector('.stem')?.textContent;
    const option = [...screen.queryAllByRole('radio'), ...screen.queryAllByRole('checkbox')][0];
    if (!option) throw new Error('no option to choose');
    await first.user.click(option);
    await first.user.click(screen.getByRole('button', { name: 'Check answer' }));
    await screen.findByText(/^(Correct\.|Not quite\.)/);
    await first.user.click(screen.getByRole('button', { name: 'Next question' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 2 of 3' })).toBeInTheDocument();
    const secondStem = screen.getByRole('article').querySelector('.stem')?.textContent;
    expect(secondStem).not.toBe(firstStem);
    const url = first.router.state.location.pathname;
    expect(url).toMatch(/^\/practice\/set\//);
    first.unmount();

    const again = renderRoute(url);
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 2 of 3' })).toBeInTheDocument();
    // The same question as before the reload, in the same order.
    expect(screen.getByRole('article').querySelector('.stem')).toHaveTextContent(secondStem ?? '');
    expect(screen.getByText(/of 1 right so far/)).toBeInTheDocument();
    const attempt = (await db.attempts.toArray())[0];
    expect(Object.keys(attempt?.responses ?? {})).toHaveLength(1);
    expect(await db.answers.count()).toBe(1);
    // Back to the first question: it is shown as answered, and is not counted again.
    await again.user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 3' })).toBeInTheDocument();
    expect(screen.getByRole('article').querySelector('.stem')).toHaveTextContent(firstStem ?? '');
    expect(screen.getByText(/^(Correct\.|Not quite\.)/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check answer' })).not.toBeInTheDocument();
    expect(await db.answers.count()).toBe(1);
    // Two visits and a reload: more than the default 5 s on a loaded machine.
  }, 20_000);

  it('keeps a set to the chosen length', async () => {
    const { user } = renderRoute('/practice');
    await hubReady();
    await chooseLength(user, '10');
    await user.click(setButton('Everything mixed'));
    // The fixture bank has only 5 questions, so a set of 10 holds all 5.
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 5' })).toBeInTheDocument();
  });

  it('practises what was missed last time, and only that', async () => {
    await recordAnswer({ questionId: 'i9-section-2', choice: [0], correct: false, context: 'test', at: NOW - DAY });
    await recordAnswer({ questionId: 'trust-three-way', choice: [1], correct: true, context: 'test', at: NOW - DAY });
    const { user } = renderRoute('/practice');
    await hubReady();
    await user.click(setButton('Missed last time'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 1 of 1' })).toBeInTheDocument();
    expect(screen.getByText(/When must the employer finish Section 2/)).toBeInTheDocument();
  });

  it('practises flagged questions, flagged with the button or the F key', async () => {
    const { user } = renderRoute('/practice/area/people');
    await screen.findByRole('heading', { level: 2, name: 'Question 1 of 2' });
    await user.click(screen.getByRole('button', { name: 'Flag for later' }));
    expect(await screen.findByRole('button', { name: 'Flagged' })).toHaveAttribute('aria-pressed', 'true');
    expect(await db.flags.count()).toBe(1);
    await user.keyboard('f');
    await screen.findByRole('button', { name: 'Flag for later' });
    expect(await db.flags.count()).toBe(0);
    await user.keyboard('f');
    await screen.findByRole('button', { name: 'Flagged' });
  });

  it('says so when a set in the link is empty', async () => {
    renderRoute('/practice?source=due');
    expect(await screen.findByRole('alert')).toHaveTextContent('There are no questions in that set yet');
    expect(await db.attempts.count()).toBe(0);
  });

  it('chooses options with number and letter keys', async () => {
    const { user } = renderRoute('/practice/area/money?q=budget-variance');
    await screen.findByRole('heading', { level: 2, name: 'Question 3 of 3' });
    await user.keyboard('1');
    await user.keyboard('b');
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes[0]).toBeChecked();
    expect(boxes[1]).toBeChecked();
    expect(boxes[2]).not.toBeChecked();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Correct.')).toBeInTheDocument();
  });
});

/** The button of a set inside an area of the tree (opened first). */
const inArea = (area: string, label: string) => async (user: User) =>
  within(await openArea(user, area)).getByRole('button', { name: new RegExp(`^${label}`) });
/** The button of a set in a section of the hub. */
const inRegion = (region: string, label: string) => async () =>
  within(screen.getByRole('region', { name: region })).getByRole('button', { name: new RegExp(`^${label}`) });

describe('every practice source starts a set of its own questions', () => {
  // [name, how to reach its button, questions in the set, arrange]
  type Case = [string, (user: User) => Promise<HTMLElement>, number, () => Promise<unknown>];
  const cases: Case[] = [
    ['an area', inArea('People Matters', 'All of People Matters'), 2, async () => {}],
    ['a sub-area', inArea('Money Matters', 'The Books'), 2, async () => {}],
    [
      'a competency',
      async (user) =>
        within(await openCompetencies(user, 'Money Matters')).getByRole('button', { name: /^Make budgets/ }),
      1,
      async () => {},
    ],
    ['a session', inRegion('By study-group session', 'A Night With the Books'), 2, async () => {}],
    ['flagged questions', inRegion('Your sets', 'Flagged'), 1, () => setFlag('interview-panel', true)],
    [
      'never-seen questions',
      inRegion('Your sets', 'Never seen'),
      4,
      () => recordAnswer({ questionId: 'interview-panel', choice: [0], correct: true, context: 't', at: NOW - DAY }),
    ],
    [
      'questions due for review',
      inRegion('Your sets', 'Due for review'),
      1,
      // Answered wrong a week ago: due by now, whatever the review settings' first interval.
      () =>
        recordAnswer({ questionId: 'interview-panel', choice: [1], correct: false, context: 't', at: NOW - 7 * DAY }),
    ],
  ];
  it.each(cases)('%s', async (_name, button, count, arrange) => {
    await arrange();
    const { user } = renderRoute('/practice');
    await hubReady();
    await chooseLength(user, 'All');
    const target = await button(user);
    expect(target).toHaveTextContent(new RegExp(`${count} questions?`));
    await user.click(target);
    expect(await screen.findByRole('heading', { level: 2, name: `Question 1 of ${count}` })).toBeInTheDocument();
    const attempt = (await db.attempts.toArray())[0];
    expect(attempt).toMatchObject({ kind: 'practice', mode: 'tutor' });
    expect(attempt?.questionIds).toHaveLength(count);
  });

  it.each([
    ['subarea:books', 2],
    ['competency:budgets', 1],
    ['session:books-night', 2],
    ['mixed', 5],
  ])('starts the set named in the link (?source=%s) on arrival', async (source, count) => {
    const { router } = renderRoute(`/practice?source=${source}`);
    expect(await screen.findByRole('heading', { level: 2, name: /^Question 1 of / })).toHaveTextContent(
      // The length chosen by default is 10.
      `Question 1 of ${Math.min(10, count)}`,
    );
    expect(router.state.location.pathname).toMatch(/^\/practice\/set\//);
    // The hub link was replaced, so Back does not start another set.
    expect(router.state.historyAction).toBe('REPLACE');
    expect(await db.attempts.count()).toBe(1);
  });
});
