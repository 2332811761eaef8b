import { describe, expect, it } from 'vitest';
import { baseLinksPlugin, withBaseLink } from '../../src/lib/content/mdast-base-links';

describe('withBaseLink (content links under a sub-folder base path)', () => {
  it('puts the base in front of site paths', () => {
    expect(withBaseLink('/research/', '/en/about/')).toBe('/research/en/about/');
    expect(withBaseLink('/research', '/km/reports/miccaf/#section-2')).toBe('/research/km/reports/miccaf/#section-2');
  });

  it('leaves other links alone, and everything at the root of a domain', () => {
    expect(withBaseLink('/research/', 'https://www.iom.int/')).toBe('https://www.iom.int/');
    expect(withBaseLink('/research/', '//cdn.example.org/x.png')).toBe('//cdn.example.org/x.png');
    expect(withBaseLink('/research/', '#notes')).toBe('#notes');
    expect(withBaseLink('/research/', 'mailto:info@example.org')).toBe('mailto:info@example.org');
    expect(withBaseLink('/', '/en/about/')).toBe('/en/about/');
  });

  it('adds no plugin for a site at the root', () => {
    expect(baseLinksPlugin('/')).toBeNull();
    expect(baseLinksPlugin('/research/')?.name).toBe('base-links');
  });
});
