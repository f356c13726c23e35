import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildGallery, imageKeys } from './support/builders';
import { scrollViewport } from './support/layout';
import { renderGallery } from './support/renderGallery';
import { installBrowserDoubles, removeBrowserDoubles, stubGalleryApi } from './support/stubGalleryApi';

vi.mock('../../../src/features/gallery/api/listImages', () => ({ listImages: vi.fn() }));
vi.mock('../../../src/features/gallery/api/signImageUrl', () => ({ signImageUrl: vi.fn() }));
vi.mock('../../../src/features/gallery/api/currentAccessKeyId', () => ({ currentAccessKeyId: vi.fn() }));

const cat = buildGallery({ id: 'cat' });

beforeEach(installBrowserDoubles);
afterEach(removeBrowserDoubles);

describe('image viewer', () => {
  it('opens large on click, moves with the arrow keys, closes with Escape and returns focus', async () => {
    const user = userEvent.setup();
    stubGalleryApi({ 'local-cat-photos': ['a.jpg', 'b.png', 'c.gif', 'notes.txt'] });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    await user.click(await within(view.region()).findByRole('button', { name: 'a.jpg' }));

    const dialog = screen.getByRole('dialog', { name: 'a.jpg' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    expect(within(dialog).getByText('Cat photos · 1 of 3')).toBeInTheDocument();
    expect(await within(dialog).findByRole('img', { name: 'a.jpg' })).toHaveAttribute(
      'src',
      expect.stringContaining('/a.jpg?'),
    );
    expect(within(dialog).getByRole('button', { name: 'Previous image' })).toBeDisabled();

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'b.png' })).toBeInTheDocument();
    expect(await within(dialog).findByRole('img', { name: 'b.png' })).toHaveAttribute(
      'src',
      expect.stringContaining('/b.png?'),
    );
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'c.gif' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Next image' })).toBeDisabled();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('dialog', { name: 'b.png' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Focus goes back to the thumbnail of the image the user was looking at.
    expect(within(view.region()).getByRole('button', { name: 'b.png' })).toHaveFocus();
  });

  it('keeps Tab inside the dialog and closes from its Close button', async () => {
    const user = userEvent.setup();
    stubGalleryApi({ 'local-cat-photos': ['a.jpg', 'b.jpg'] });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    await user.click(await within(view.region()).findByRole('button', { name: 'b.jpg' }));
    const dialog = screen.getByRole('dialog', { name: 'b.jpg' });
    const close = within(dialog).getByRole('button', { name: 'Close' });
    const previous = within(dialog).getByRole('button', { name: 'Previous image' });
    expect(close).toHaveFocus();
    await user.tab();
    expect(previous).toHaveFocus();
    await user.tab({ shift: true });
    expect(close).toHaveFocus();
    await user.click(close);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(view.region()).getByRole('button', { name: 'b.jpg' })).toHaveFocus();
  });

  it('scrolls the grid back to the thumbnail it returns focus to, when navigation went past the rendered rows', async () => {
    const user = userEvent.setup();
    stubGalleryApi({ 'local-cat-photos': imageKeys(100) });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    await user.click(await within(view.region()).findByRole('button', { name: 'photo-00000.jpg' }));
    // 4 columns × (3 visible + 2 overscan rows) are rendered: image 40 (row 10) is not.
    for (let i = 0; i < 40; i++) await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'photo-00040.jpg' })).toBeInTheDocument();
    expect(within(view.region()).queryByRole('button', { name: 'photo-00040.jpg' })).toBeNull();
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(within(view.region()).getByRole('button', { name: 'photo-00040.jpg' })).toHaveFocus(),
    );
    expect(view.viewport().scrollTop).toBeGreaterThan(0);
    // The scroll position it set is the one a user scrolling there would see.
    scrollViewport(view.viewport(), view.viewport().scrollTop);
    expect(within(view.region()).getByRole('button', { name: 'photo-00040.jpg' })).toBeInTheDocument();
  });
});
