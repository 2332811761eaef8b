/** Astro integration: the build runs `npm run check` first and stops, with every problem listed, on an error. */
import type { AstroIntegration } from 'astro';
import { runChecks } from '../lib/check/run';
import { formatProblem } from '../lib/check/problems';

export default function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const problems = runChecks();
        const errors = problems.filter((p) => p.severity === 'error');
        for (const w of problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(w));
        if (errors.length) throw new Error(`Content and data have ${errors.length} problem(s):\n${errors.map(formatProblem).join('\n')}`);
      },
    },
  };
}
