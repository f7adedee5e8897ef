import { createContext, useContext } from 'react';
import type { RuntimeConfig } from '../config';

export const ConfigContext = createContext<RuntimeConfig>({
  apiBaseUrl: '',
  publicUrl: '',
});

export function useRuntimeConfig(): RuntimeConfig {
  return useContext(ConfigContext);
}
