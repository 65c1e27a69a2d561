import { createContext, useContext } from 'react';
import type { AppInfo } from '../../core/contract/commands/app';
import type { Settings } from '../../core/contract/commands/settings';

export interface AppContextValue {
  info: AppInfo;
  settings: Settings | undefined;
  refreshInfo: () => void;
  notify: (message: string, severity?: 'success' | 'info' | 'warning' | 'error') => void;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
