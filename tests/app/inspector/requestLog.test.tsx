import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionPanel } from '../../../src/features/inspector/components/SessionPanel';
import { maskAccessKeyId } from '../../../src/lib/requestLog/maskAccessKeyId';
import { createRequestLog, requestLog, type S3CallInput } from '../../../src/lib/requestLog/requestLog';
import { buildSession } from './support/buildSession';
import { POOL } from './support/tokens';

function buildCall(overrides: Partial<S3CallInput> = {}): S3CallInput {
  return {
    galleryId: 'cat',
    bucket: 'local-cat-photos',
    operation: 'ListObjectsV2',
    accessKeyId: 'ASIALOCALSESSION0042',
    result: 'ok',
    ...overrides,
  };
}

beforeEach(() => requestLog.clear());

describe('request log store', () => {
  it('masks the access key id to its last 4 characters before storing it', () => {
    expect(maskAccessKeyId('ASIALOCALSESSION0042')).toBe('••••0042');
    expect(maskAccessKeyId(undefined)).toBe('—');
    const log = createRequestLog({ now: () => 42 });
    log.record(buildCall());
    expect(log.getSnapshot()).toEqual([
      {
        id: 1,
        time: 42,
        galleryId: 'cat',
        bucket: 'local-cat-photos',
        operation: 'ListObjectsV2',
        accessKey: '••••0042',
        result: 'ok',
      },
    ]);
    expect(JSON.stringify(log.getSnapshot())).not.toContain('ASIALOCAL');
  });

  it('keeps only the newest entries, and a stable snapshot between changes', () => {
    const log = createRequestLog({ limit: 3 });
    const listener = vi.fn();
    const unsubscribe = log.subscribe(listener);
    for (let i = 0; i < 5; i++) log.record(buildCall({ result: `r${i}` }));
    expect(log.getSnapshot().map((e) => e.result)).toEqual(['r4', 'r3', 'r2']);
    expect(log.getSnapshot()).toBe(log.getSnapshot());
    expect(listener).toHaveBeenCalledTimes(5);
    unsubscribe();
    log.record(buildCall());
    expect(listener).toHaveBeenCalledTimes(5);
  });
});

describe('request log in the session panel', () => {
  it('lists the calls live, with both buckets served by the same masked key, and never the whole key', () => {
    render(
      <SessionPanel
        session={buildSession()}
        jwksUri={POOL.jwksUri}
        issuer={POOL.issuer}
        userPoolClientId={POOL.clientId}
        onRevoke={() => {}}
      />,
    );
    const section = screen.getByRole('region', { name: 'S3 requests' });
    expect(within(section).getByText('No requests yet.')).toBeInTheDocument();

    act(() => {
      requestLog.record(buildCall());
      requestLog.record(
        buildCall({ galleryId: 'dog', bucket: 'local-dog-photos', operation: 'GetObject (presigned URL)' }),
      );
      requestLog.record(buildCall({ galleryId: 'dog', bucket: 'local-dog-photos', result: 'AccessDenied' }));
    });
    const rows = within(section).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(1)
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['dog', 'local-dog-photos', 'ListObjectsV2', '••••0042', 'AccessDenied'],
      ['dog', 'local-dog-photos', 'GetObject (presigned URL)', '••••0042', 'ok'],
      ['cat', 'local-cat-photos', 'ListObjectsV2', '••••0042', 'ok'],
    ]);
    expect(document.body.textContent).not.toContain('ASIALOCALSESSION');
  });
});

describe('current credentials in the session panel', () => {
  it('shows the access key id masked, so it can be compared with the log', () => {
    render(
      <SessionPanel
        session={buildSession()}
        jwksUri={POOL.jwksUri}
        issuer={POOL.issuer}
        userPoolClientId={POOL.clientId}
        onRevoke={() => {}}
      />,
    );
    expect(screen.getByText('Current access key').nextElementSibling).toHaveTextContent('••••0042');
  });
});

describe('session state in the session panel', () => {
  it('names the state in words, with its reason', () => {
    const session = buildSession({ status: 'ended', reason: 'refresh-token-revoked' });
    render(
      <SessionPanel
        session={session}
        jwksUri={POOL.jwksUri}
        issuer={POOL.issuer}
        userPoolClientId={POOL.clientId}
        onRevoke={() => {}}
      />,
    );
    expect(screen.getByText('State').nextElementSibling).toHaveTextContent('ended (refresh-token-revoked)');
  });
});
