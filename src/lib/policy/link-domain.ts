/**
 * Web links shown by their domain ("iom.int"), so a long address never has to break character by character;
 * the full address stays in the href. When several links share a domain they are numbered (1), (2)… so each
 * can still be told apart.
 */
export interface DomainLink {
  href: string;
  /** The host without a leading "www.", or the address itself when it cannot be parsed. */
  domain: string;
  /** 1, 2… when another link in the list has the same domain; undefined otherwise. */
  n?: number;
}

export function linkDomain(address: string): string {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(address) ? address : `https://${address}`).hostname.replace(/^www\./, '');
  } catch {
    return address;
  }
}

export function linkDomains(addresses: readonly string[]): DomainLink[] {
  const links = addresses.map((href) => ({ href, domain: linkDomain(href) }));
  const total = new Map<string, number>();
  for (const l of links) total.set(l.domain, (total.get(l.domain) ?? 0) + 1);
  const seen = new Map<string, number>();
  return links.map((l) => {
    if (total.get(l.domain)! < 2) return l;
    const n = (seen.get(l.domain) ?? 0) + 1;
    seen.set(l.domain, n);
    return { ...l, n };
  });
}
