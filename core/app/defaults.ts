import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Shelfcast keeps its own state when the host does not say: $SHELFCAST_HOME, else
 * ~/.shelfcast. Tests point SHELFCAST_HOME at a temp folder so runs never share state.
 */
export function shelfcastHome(): string {
  return process.env.SHELFCAST_HOME ?? join(homedir(), '.shelfcast');
}

export function defaultDirs(): { configDir: string; defaultWorkspaceDir: string } {
  const home = shelfcastHome();
  return { configDir: home, defaultWorkspaceDir: join(home, 'workspaces') };
}
