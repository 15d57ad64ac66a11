import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loaded into each service by `npm run bench -- --cpu-prof` (`--import`): the first SIGWINCH
 * starts V8's sampling profiler, the second writes what it sampled to
 * `$BENCH_PROFILE_DIR/<service>.cpuprofile` (open it in Chrome DevTools or speedscope).
 * `--cpu-prof` itself cannot be used: it writes at a normal exit only, and Nest's shutdown hook
 * ends the process by re-raising SIGTERM. SIGWINCH, as Nest's shutdown hooks listen to SIGUSR2 too
 * (and its default action is to do nothing, should the hook not be loaded).
 */
const dir = process.env.BENCH_PROFILE_DIR;
const name = /dist\/apps\/([\w-]+)\//.exec(process.argv[1] ?? '')?.[1] ?? `node-${process.pid}`;
if (dir) {
  const session = new Session();
  session.connect();
  let profiling = false;
  process.on('SIGWINCH', () => {
    if (!profiling) {
      profiling = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 5000 }, () =>
          session.post('Profiler.start'),
        ),
      );
      return;
    }
    profiling = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(result.profile));
      writeFileSync(join(dir, `${name}.done`), '');
    });
  });
}
