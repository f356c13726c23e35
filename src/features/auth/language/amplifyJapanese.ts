/**
 * Japanese for every string Amplify's Authenticator shows in this app: its texts, field labels,
 * client-side password checks and the Cognito error messages it displays (keys are Amplify's English
 * strings). Written here instead of loading `translations` from @aws-amplify/ui-react: that vocabulary
 * ships 20 languages (≈9 KB gzip on the first load), misses about a dozen keys ("Forgot password?", the
 * password policy messages…) and some of its values end in stray spaces.
 */
export const amplifyJapanese: Record<string, string> = {
  'Sign in to your account': 'アカウントにサインイン',
  'Sign in': 'サインイン',
  'Sign In': 'サインイン',
  'Signing in': 'サインイン中',
  Email: 'メールアドレス',
  'Enter your Email': 'メールアドレスを入力',
  'Enter your email': 'メールアドレスを入力',
  Username: 'ユーザー名',
  'Enter your username': 'ユーザー名を入力',
  Password: 'パスワード',
  'Enter your Password': 'パスワードを入力',
  'Forgot your password?': 'パスワードをお忘れですか？',
  'Forgot password?': 'パスワードをお忘れですか？',
  'Forgot Password?': 'パスワードをお忘れですか？',
  'Show password': 'パスワードを表示',
  'Hide password': 'パスワードを非表示',
  'Change Password': 'パスワードを変更',
  Changing: '変更中',
  'New password': '新しいパスワード',
  'New Password': '新しいパスワード',
  'Confirm Password': 'パスワードの確認',
  'Please confirm your Password': 'パスワードをもう一度入力',
  'Back to Sign In': 'サインインに戻る',
  'Reset your password': 'パスワードをリセット',
  'Reset your Password': 'パスワードをリセット',
  'Reset Password': 'パスワードをリセット',
  'Send code': 'コードを送信',
  'Send Code': 'コードを送信',
  Sending: '送信中',
  Code: 'コード',
  'Code *': 'コード *',
  'Enter your code': 'コードを入力',
  'Resend Code': 'コードを再送信',
  Submit: '送信',
  Submitting: '送信中',
  Confirm: '確定',
  Confirming: '確認中',
  Verify: '確認',
  Skip: 'スキップ',
  'Verify Contact': '連絡先を確認',
  'Account recovery requires verified contact information': 'アカウントの復旧には確認済みの連絡先が必要です',
  'It may take a minute to arrive': '届くまで 1 分ほどかかることがあります',
  'Your code is on the way. To log in, enter the code we emailed to':
    'コードを送信しました。サインインするには、次のアドレスに送ったコードを入力してください:',
  'Your code is on the way. To log in, enter the code we sent you': 'コードを送信しました。届いたコードを入力してください',
  Loading: '読み込み中',
  'Dismiss alert': 'アラートを閉じる',
  // Client-side checks (the pool's password policy, configured in amplify-config.ts).
  'Password must have at least 8 characters': 'パスワードは 8 文字以上にしてください',
  'Password must have lower case letters': 'パスワードには英小文字を含めてください',
  'Password must have upper case letters': 'パスワードには英大文字を含めてください',
  'Password must have numbers': 'パスワードには数字を含めてください',
  'Password must have special characters': 'パスワードには記号を含めてください',
  'Your passwords must match': 'パスワードが一致しません',
  'Username cannot be empty': 'メールアドレスを入力してください',
  // Cognito's messages, as the Authenticator displays them (error.message).
  'Incorrect username or password.': 'メールアドレスまたはパスワードが正しくありません。',
  'User does not exist.': 'ユーザーが存在しません。',
  'User is disabled.': 'このユーザーは無効になっています。',
  'Password attempts exceeded': 'パスワードの試行回数が上限に達しました。',
  'Attempt limit exceeded, please try after some time.': '試行回数が上限に達しました。しばらくしてからお試しください。',
  'Invalid verification code provided, please try again.': '確認コードが正しくありません。もう一度お試しください。',
  'Invalid code provided, please request a code again.': 'コードが無効です。コードを再送信してください。',
  'Temporary password has expired and must be reset by an administrator.':
    '仮パスワードの有効期限が切れています。管理者にリセットを依頼してください。',
  'Password did not conform with password policy: Password not long enough':
    'パスワードがポリシーを満たしていません: 8 文字以上にしてください',
  'Password did not conform with password policy: Password must have uppercase characters':
    'パスワードがポリシーを満たしていません: 英大文字を含めてください',
  'Password did not conform with password policy: Password must have lowercase characters':
    'パスワードがポリシーを満たしていません: 英小文字を含めてください',
  'Password did not conform with password policy: Password must have numeric characters':
    'パスワードがポリシーを満たしていません: 数字を含めてください',
  'Password did not conform with password policy: Password must have symbol characters':
    'パスワードがポリシーを満たしていません: 記号を含めてください',
  'Username/client id combination not found.': 'このメールアドレスのユーザーは見つかりません。',
  'A network error has occurred.': 'ネットワークエラーが発生しました。接続を確認してください。',
};
