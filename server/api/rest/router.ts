import type { AnyEndpoint, Method } from './endpoint';

// Matches a request's method and path to an endpoint; `{name}` segments become parameters.

type Compiled = { endpoint: AnyEndpoint; pattern: RegExp; names: string[] };

export type RouteMatch =
  | { kind: 'found'; endpoint: AnyEndpoint; params: Record<string, string> }
  | { kind: 'wrongMethod'; allowed: Method[] }
  | { kind: 'none' };

const compile = (endpoint: AnyEndpoint): Compiled => {
  const names: string[] = [];
  const source = endpoint.path
    .split('/')
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!name) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('/');
  return { endpoint, pattern: new RegExp(`^${source}/?$`), names };
};

export const routerOf = (endpoints: readonly AnyEndpoint[]) => {
  const compiled = endpoints.map(compile);
  return (method: string, path: string): RouteMatch => {
    const allowed: Method[] = [];
    for (const c of compiled) {
      const m = c.pattern.exec(path);
      if (!m) continue;
      if (c.endpoint.method !== method) {
        allowed.push(c.endpoint.method);
        continue;
      }
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
      } catch {
        return { kind: 'none' };
      }
      return { kind: 'found', endpoint: c.endpoint, params };
    }
    return allowed.length > 0 ? { kind: 'wrongMethod', allowed } : { kind: 'none' };
  };
};
