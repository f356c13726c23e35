import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Whether a named profile exists in the shared AWS config or credentials file. The SDK answers a missing
 * profile with the same "Could not load credentials from any providers" as a profile without keys, so the
 * scripts look first and can say which it is.
 */
export function profileNames(configText: string, credentialsText: string): Set<string> {
  const names = new Set<string>();
  for (const match of configText.matchAll(/^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]/gm)) {
    // [sso-session x] and [services x] sections are not profiles.
    if (!/^\s*\[\s*(sso-session|services)\s/.test(match[0])) names.add(match[1] ?? '');
  }
  for (const match of credentialsText.matchAll(/^\s*\[\s*([^\]\s]+)\s*\]/gm)) names.add(match[1] ?? '');
  names.delete('');
  return names;
}

async function readIfPresent(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

/** Reads the files the SDK reads (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE override ~/.aws). */
export async function knownProfiles(env: Record<string, string | undefined> = process.env): Promise<Set<string>> {
  const home = os.homedir();
  const config = await readIfPresent(env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config'));
  const credentials = await readIfPresent(env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials'));
  return profileNames(config, credentials);
}
