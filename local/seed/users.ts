/**
 * The users the emulator seeds on first start, in the one place the seed, the README, `npm start` and the
 * tests read them from. Local demo accounts only: they never exist on AWS unless an operator creates them.
 */
export interface SeededUser {
  email: string;
  password: string;
  /** Temporary passwords put the user in FORCE_CHANGE_PASSWORD, as the seed's `admin-create-user` does. */
  temporary: boolean;
  note: string;
}

export const DEMO_USER: SeededUser = {
  email: 'demo@example.com',
  password: 'Demo-Passw0rd!',
  temporary: false,
  note: 'confirmed',
};

export const NEW_USER: SeededUser = {
  email: 'new@example.com',
  password: 'Temp-Passw0rd!',
  temporary: true,
  note: 'temporary password: the first sign-in asks for a new one',
};

export const SEEDED_USERS: readonly SeededUser[] = [DEMO_USER, NEW_USER];
