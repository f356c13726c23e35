import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { configFromEmulator, configFromEnv } from '../../../amplify-config';
import { buildEnv } from '../support/builders';
import { renderApp } from '../support/renderApp';

describe('configuration screen', () => {
  it('names each problem, what is wrong and how to fix it, instead of the app', async () => {
    await renderApp(configFromEnv(buildEnv({ VITE_USER_POOL_ID: undefined, VITE_GALLERIES: 'cat=My_Cats,dog' })));
    const screenRegion = await screen.findByRole('region', { name: 'The app is not configured' });
    const items = within(screenRegion).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('VITE_USER_POOL_ID');
    expect(items[0]).toHaveTextContent('VITE_USER_POOL_ID is not set.');
    expect(items[0]).toHaveTextContent('Set it as shown in .env.example');
    expect(items[1]).toHaveTextContent('“dog” is not a gallery entry.');
    expect(items[1]).toHaveTextContent('Write each gallery as name=bucket');
    expect(screen.queryByRole('heading', { name: 'Sign in to your account' })).not.toBeInTheDocument();
  });

  it('renders malformed values as text', async () => {
    const injected = '<img src=x onerror=alert(1)>';
    await renderApp(configFromEnv(buildEnv({ VITE_AWS_REGION: injected })));
    await screen.findByRole('region', { name: 'The app is not configured' });
    expect(screen.getByText(`“${injected}” is not an AWS region name.`)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('tells how to start the emulator when it does not answer, with a reload button', async () => {
    const refused = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await renderApp(await configFromEmulator('http://127.0.0.1:4566', refused));
    await screen.findByRole('region', { name: 'The app is not configured' });
    expect(screen.getByText('The local AWS emulator at http://127.0.0.1:4566 does not answer.')).toBeInTheDocument();
    expect(screen.getByText(/Start the emulator with npm start/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });
});
