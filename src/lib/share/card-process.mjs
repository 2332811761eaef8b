/**
 * The card process (see render.ts): a child of the build that lays out and draws share cards, given their
 * specs, into the build cache, so that the build's own thread goes on rendering pages meanwhile and the
 * memory resvg and HarfBuzz take goes back to the system when this process ends.
 * Node runs the TypeScript of draw.ts itself (type stripping); the hook below lets its imports name modules
 * without the .ts, as the rest of src/ does for Vite.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/^\.\.?\//.test(specifier)) throw error;
      return next(`${specifier}.ts`, context);
    }
  },
});

const { drawCard } = await import('./draw.ts');

// One card at a time, in the order asked.
let queue = Promise.resolve();

process.on('message', ({ id, spec, name }) => {
  queue = queue.then(async () => {
    try {
      process.send({ id, file: await drawCard(spec, name) });
    } catch (error) {
      process.send({ id, error: String(error?.stack ?? error) });
    }
  });
});
