import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { UsageError, stringOption } from '../lib/args';
import type { ScriptDefinition } from '../lib/runScript';
import { openSession } from '../lib/session';
import { generateTemporaryPassword, isEmailAddress, passwordPolicyProblems } from '../lib/temporaryPassword';

/**
 * Creates a gallery user like the seed's create-testuser.sh: AdminCreateUser with a temporary password and
 * a verified e-mail address, so the first sign-in asks for a new password.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html
 */
export const createUserCommand: ScriptDefinition = {
  command: 'npm run aws:create-user --',
  summary: 'Create a user in the deployed user pool. Without --password a temporary password is generated and printed once.',
  options: {
    email: { type: 'string', description: 'E-mail address the user signs in with (required)' },
    password: { type: 'string', description: 'Temporary password to set (default: generated; prefer that, arguments stay in shell history)' },
    'send-email': { type: 'boolean', description: 'Let Cognito e-mail the invitation with the temporary password instead of printing it' },
  },
  main: async (options, target, io) => {
    const email = stringOption(options, 'email');
    if (email === undefined) throw new UsageError('--email is required');
    if (!isEmailAddress(email)) throw new UsageError(`"${email}" is not an e-mail address`);
    const given = stringOption(options, 'password');
    if (given !== undefined) {
      const problems = passwordPolicyProblems(given);
      if (problems.length > 0) throw new UsageError(`--password must have ${problems.join(', ')}`);
    }
    const sendEmail = options['send-email'] === true;
    const temporaryPassword = given ?? generateTemporaryPassword();

    const session = await openSession(target, io.access);
    const created = await session.cognito().send(
      new AdminCreateUserCommand({
        UserPoolId: session.stack.userPoolId,
        // The pool signs in by e-mail (username attributes), so the e-mail address is the username.
        Username: email,
        TemporaryPassword: temporaryPassword,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
        ...(sendEmail ? { DesiredDeliveryMediums: ['EMAIL'] } : { MessageAction: 'SUPPRESS' }),
      }),
    );

    io.out(`Created ${email} in user pool ${session.stack.userPoolId} (status ${created.User?.UserStatus ?? 'unknown'}).`);
    if (sendEmail) {
      io.out('Cognito e-mails the temporary password; the first sign-in asks for a new one.');
    } else if (given === undefined) {
      // The one place a password is printed: the operator has to hand it to the user.
      io.out(`Temporary password (shown once, valid 7 days): ${temporaryPassword}`);
      io.out('Hand it over privately; the first sign-in asks for a new password.');
    } else {
      io.out('The first sign-in with the temporary password you chose asks for a new password.');
    }
  },
};
