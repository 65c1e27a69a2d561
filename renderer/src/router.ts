import { useEffect, useState } from 'react';

/** Hash routes (#/products/12): they work the same from app:// and from the loopback host. */
export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash === '' ? '/' : hash;
}

export function navigate(path: string): void {
  if (currentPath() !== path) window.location.hash = path;
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
}

export function href(path: string): string {
  return `#${path}`;
}

/** Matches "/products/:id" against "/products/12" → { id: "12" }. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const [pathOnly = ''] = path.split('?');
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathOnly.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i++) {
    const p = patternParts[i] ?? '';
    const v = pathParts[i] ?? '';
    if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(v);
    else if (p !== v) return undefined;
  }
  return params;
}

export function queryParams(path: string): URLSearchParams {
  const index = path.indexOf('?');
  return new URLSearchParams(index >= 0 ? path.slice(index + 1) : '');
}
