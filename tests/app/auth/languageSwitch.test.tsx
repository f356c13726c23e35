import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildProblems } from '../support/builders';
import { findSignIn, renderApp } from '../support/renderApp';

describe('language switch', () => {
  it('switches the sign-in screen, Amplify’s texts included, to Japanese and back', async () => {
    const { user } = await renderApp();
    await findSignIn();
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '日本語' }));
    expect(await findSignIn('アカウントにサインイン')).toBeInTheDocument();
    expect(screen.getByLabelText('メールアドレス')).toBeInTheDocument();
    expect(screen.getByLabelText('パスワード')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'サインイン' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'パスワードをお忘れですか？' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'パスワードを表示' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('猫と犬のギャラリー');
    expect(screen.getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('ja');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await findSignIn()).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Cat & dog galleries');
  });

  it('keeps what was typed: switching re-renders, it does not remount', async () => {
    const { user } = await renderApp();
    await findSignIn();
    await user.type(screen.getByLabelText('Email'), 'demo@example.com');
    await user.click(screen.getByRole('button', { name: '日本語' }));
    expect(screen.getByLabelText('メールアドレス')).toHaveValue('demo@example.com');
  });

  it('translates every step of the forgot-password flow it reaches', async () => {
    const { user } = await renderApp();
    await findSignIn();
    await user.click(screen.getByRole('button', { name: '日本語' }));
    await user.click(screen.getByRole('button', { name: 'パスワードをお忘れですか？' }));
    expect(await screen.findByRole('heading', { name: 'パスワードをリセット' })).toBeInTheDocument();
    expect(screen.getByLabelText('メールアドレスを入力')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'コードを送信' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'サインインに戻る' }));
    expect(await findSignIn('アカウントにサインイン')).toBeInTheDocument();
  });

  it('is remembered across reloads', async () => {
    const first = await renderApp();
    await findSignIn();
    await first.user.click(screen.getByRole('button', { name: '日本語' }));
    expect(localStorage.getItem('gallery.language')).toBe('ja');
    first.unmount();

    await renderApp();
    expect(await findSignIn('アカウントにサインイン')).toBeInTheDocument();
  });

  it('is offered on the configuration screen too', async () => {
    const { user } = await renderApp(buildProblems({ setting: 'VITE_GALLERIES', code: 'missing' }));
    expect(await screen.findByRole('heading', { name: 'The app is not configured' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '日本語' }));
    expect(screen.getByRole('heading', { name: 'アプリが設定されていません' })).toBeInTheDocument();
    expect(screen.getByText('VITE_GALLERIES が設定されていません。')).toBeInTheDocument();
  });
});
