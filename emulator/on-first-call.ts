/**
 * A function whose module is loaded the first time it is called. The services'
 * operation tables use it so that starting the emulator loads the request path
 * (server, router, signatures, policies) and not the ~110 modules of the
 * operations themselves, most of which a given client never calls: with
 * `--cpu-prof`, module loading was most of the emulator's own start-up. The
 * load is `require()`, not `import()`: the build is CommonJS, and a handler
 * must stay synchronous to call.
 */
export function onFirstCall<F extends (...args: never[]) => unknown>(load: () => F): F {
  let loaded: F | undefined;
  return ((...args: Parameters<F>) => (loaded ??= load())(...args)) as F;
}
