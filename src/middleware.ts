/** During a build, every rendered page is also handed to the search indexer (see lib/search/build-feed). */
import { defineMiddleware } from 'astro:middleware';
import { offerRenderedPage } from './lib/search/build-feed';

export const onRequest = defineMiddleware(async (context, next) => offerRenderedPage(context.url.pathname, await next()));
