/** Components available in every MDX file without an import. */
import Cite from './Cite.astro';
import Notes from './Notes.astro';
import Chart from './Chart.astro';

export const mdxComponents = { Cite, Notes, Chart };
