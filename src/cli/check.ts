/**
 * npm run check — checks content and data without building, and reports every problem in one run:
 * file and line (or row and column), what was found, what was expected and how to fix it.
 * Exits with 1 when there is an error; warnings (such as a page not yet translated) do not fail.
 */
import { runChecks } from '../lib/check/run';
import { formatProblem } from '../lib/check/problems';

const problems = runChecks();
const errors = problems.filter((p) => p.severity === 'error');
const warnings = problems.filter((p) => p.severity === 'warning');
for (const p of [...errors, ...warnings]) console.log(formatProblem(p));
console.log(`\n${errors.length} error(s), ${warnings.length} warning(s).${errors.length ? ' Fix the errors above; the build will refuse them too.' : ''}`);
process.exit(errors.length ? 1 : 0);
