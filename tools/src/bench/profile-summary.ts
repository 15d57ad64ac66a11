import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Where a service's CPU went during the burst: self time by package and by function. */
export interface ProfileSummary {
  totalMs: number;
  /** Self time by where the code lives: a package of node_modules, the app, node's own, GC… */
  byArea: { area: string; ms: number; share: number }[];
  /** The functions with the most self time. */
  top: { fn: string; ms: number; share: number }[];
}

function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const app = /dist\/apps\/[^/]+\/(apps|libs)\/([^/]+)\/src\/([^/]+)/.exec(url);
  if (app) return `${app[1] === 'libs' ? 'libs/' : ''}${app[2]}/${app[3]}`;
  return url.split('/').slice(-2).join('/');
}

export function summariseProfile(file: string, topN = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++)
    selfUs.set(
      profile.samples[i],
      (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0),
    );
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += us;
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${area}${url ? `:${lineNumber + 1}` : ''}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([k, us]) => ({ k, ms: us / 1000, share: us / total }));
  return {
    totalMs: total / 1000,
    byArea: rank(byArea).map(({ k, ms, share }) => ({ area: k, ms, share })),
    top: rank(byFn).map(({ k, ms, share }) => ({ fn: k, ms, share })),
  };
}
