// Build-time rendering of the content pages: scripts/prerender-plugin.ts builds this file for
// Node after the client build and writes one HTML file per path it lists. The same routes and
// components as the client, so the client hydrates the markup as it is (main.tsx).
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { paths } from '../config/paths';
import { content } from '../content/runtime';
import { setRenderDay } from '../components/ui/use-today';
import { todayIn } from '../lib/dates';
import { withoutRefills, type Prerendered } from './hydration';
import { routes } from './router';

/** Where the not-found page is drawn (any path no route knows renders the same page). */
export const NOT_FOUND_PATH = '/404';

/** Every content page: the same on every device, so it can be drawn once, at build time. */
export function prerenderPaths(): string[] {
  return [
    paths.home.href(),
    paths.areas.href(),
    ...content.areas.map((a) => paths.area.href(a.id)),
    paths.sessions.href(),
    ...content.sessions.map((s) => paths.session.href(s.id)),
    // Their frame is the same on every device; what is stored here fills in after hydration.
    paths.practice.href(),
    paths.progress.href(),
    NOT_FOUND_PATH,
  ];
}

export interface RenderedPage {
  /** The markup of #root. */
  html: string;
  /** The page's title, as PageTitle sets it once running. */
  title: string;
  prerendered: Prerendered;
}

export async function render(path: string): Promise<RenderedPage> {
  const day = todayIn(content.program.timezone);
  setRenderDay(day);
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(new URL(path, 'http://localhost')));
  if (context instanceof Response) throw new Error(`Prerendering ${path}: the router answered ${context.status}`);
  if (context.errors) throw new Error(`Prerendering ${path}: ${JSON.stringify(context.errors)}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    <StrictMode>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </StrictMode>,
  );
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
  return {
    html,
    title: h1 ? `${h1} · CLM Study` : 'CLM Study',
    prerendered: {
      path,
      day,
      state: withoutRefills({ loaderData: context.loaderData, actionData: context.actionData }, routes, path),
    },
  };
}
