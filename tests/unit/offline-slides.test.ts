/** The one-file slides: everything the page loads goes inside it, links go to the public site, and nothing is left to fetch. */
import { describe, expect, it } from 'vitest';
import { offlineSlidesHtml, withOfflinePolicy } from '../../src/lib/present/offline';

const files: Record<string, string> = {
  '/research/_astro/deck.css': '.deck{color:red}',
  '/research/_astro/deck.js': 'const css="/research/_astro/presenter.css";if(a</script>b){}',
  '/research/_astro/presenter.css': '.deck__presenter{position:fixed}',
  '/research/fonts/k.woff2': 'WOFF2',
  '/research/favicon.svg': '<svg/>',
};
const options = {
  publicBase: 'https://example.org/research/',
  base: '/research/',
  read: (p: string) => (p in files ? Buffer.from(files[p]) : undefined),
  where: 'dist/en/briefs/x/present/index.html',
};
const page = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="font-src 'self'">
<link rel="icon" href="/research/favicon.svg" type="image/svg+xml"><link rel="preload" href="/research/fonts/k.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="/research/_astro/deck.css"><style>@font-face{font-family:K;src:local("K"),url("/research/fonts/k.woff2") format("woff2")}</style></head>
<body><slide-deck data-brief="/research/en/briefs/x/"><a href="/research/en/reports/x/#source-document">Source</a><a href="#slide-2">2</a>
<a href="/research/en/briefs/x/slides-offline.html" download data-offline-drop>Download</a></slide-deck>
<script type="module" src="/research/_astro/deck.js"></script></body></html>`;

describe('offline slides', () => {
  const html = offlineSlidesHtml(page, options);
  it('carry their style sheets, script, fonts and icon inside, and preload nothing', () => {
    expect(html).toContain('<style>.deck{color:red}</style>');
    expect(html).toContain(`url("data:font/woff2;base64,${Buffer.from('WOFF2').toString('base64')}")`);
    expect(html).toContain(`href="data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}"`);
    expect(html).toContain(`const css="data:text/css;base64,${Buffer.from(files['/research/_astro/presenter.css']).toString('base64')}"`);
    expect(html).toContain('if(a<\\/script>b)');
    expect(html).not.toContain('rel="preload"');
    expect(html).not.toMatch(/(?:src|href)="\/research\//);
  });
  it('leave an icon that is already inside the page as it is', () => {
    const icon = '<link rel="icon" href="data:image/png;base64,iVBORw0KGgo=" type="image/png" sizes="32x32">';
    expect(offlineSlidesHtml(page.replace(/<link rel="icon"[^>]*>/, icon), options)).toContain(icon);
  });
  it('point links and Esc at the public site, keep in-page links, and drop the download link', () => {
    expect(html).toContain('href="https://example.org/research/en/reports/x/#source-document"');
    expect(html).toContain('data-brief="https://example.org/research/en/briefs/x/"');
    expect(html).toContain('href="#slide-2"');
    expect(html).not.toContain('Download');
  });
  it('have one policy of their own: their script by hash, everything else from data: URLs, no address', () => {
    const policies = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g) ?? [];
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatch(/default-src 'none'; script-src 'self' 'sha256-[\w+/=]+'; style-src 'unsafe-inline' data:; img-src data:; font-src data:; connect-src 'none'/);
    expect(withOfflinePolicy(html)).toBe(html);
  });
  it('fail the build, naming the file, when the page needs a file the build did not write', () => {
    expect(() => offlineSlidesHtml(page.replace('deck.css', 'gone.css'), options)).toThrow(/dist\/en\/briefs\/x\/present\/index.html: the offline slides need \/research\/_astro\/gone.css/);
  });
  it('fail the build when something would still be fetched', () => {
    expect(() => offlineSlidesHtml(page.replace('</body>', '<img src="/research/logo.png"></body>'), options)).toThrow(/still refer to \/research\/logo.png/);
  });
});
