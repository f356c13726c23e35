import { act, render, screen, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { onTestFinished, vi } from 'vitest';
import type { ConfigResult } from '../../../amplify-config';
import { App } from '../../../src/app/App';
import { prepareAmplify } from '../../../src/app/prepareAmplify';
import { startLanguage } from '../../../src/app/startLanguage';
import { buildConfigResult } from './builders';

export interface RenderedApp extends RenderResult {
  user: UserEvent;
}

/**
 * The whole app as main.tsx starts it — language from the stored preference, Amplify configured with the
 * given settings (real Amplify, real Authenticator machine), the real shell and providers — for a user to
 * drive by role and label. Nothing is stubbed here; tests stub their own seams (vi.mock) when they need to.
 */
export async function renderApp(config: ConfigResult = buildConfigResult()): Promise<RenderedApp> {
  onTestFinished(startLanguage());
  const ready = prepareAmplify(config);
  // With fake timers, user-event must move them while it waits between keystrokes.
  const user = userEvent.setup(vi.isFakeTimers() ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {});
  // The shell suspends on the configuration promise (React `use`): render inside an awaited act.
  let view: RenderResult | undefined;
  await act(async () => {
    view = render(<App config={ready} />);
    await ready;
  });
  if (!view) throw new Error('render failed');
  return { user, ...view };
}

/** The sign-in screen, once the Authenticator machine has found no session. */
export function findSignIn(name = 'Sign in to your account'): Promise<HTMLElement> {
  return screen.findByRole('heading', { name }, { timeout: 5_000 });
}
