/** Filtering recommendations in a real browser, in both languages, with and without JavaScript. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';

const recs = Papa.parse<Record<string, string>>(readFileSync('data/recommendations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const idsWith = (test: (r: Record<string, string>) => boolean) => recs.filter(test).map((r) => r.id).sort();
const has = (list: string, value: string) => list.split(';').map((s) => s.trim()).includes(value);

const site = useBuiltSiteAndBrowser();

/** Ticks a filter box, first opening the "more" fold when the option is folded away (less used options are). */
async function tick(page: import('playwright-core').Page, facet: string, value: string) {
  const box = page.locator(`input[name="${facet}"][value="${value}"]`);
  if (!(await box.isVisible())) await page.locator(`fieldset:has(input[name="${facet}"][value="${value}"]) [data-facet-more] > summary`).click();
  await box.check();
}

async function visibleIds(page: import('playwright-core').Page) {
  return (await page.locator('tr[data-facet-item]:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')!))).sort();
}

describe.each(['en', 'km'])('recommendations in %s', (lang) => {
  it('choosing two themes shows exactly the rows with either theme, and the URL records it', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/`);
    expect(await visibleIds(page)).toHaveLength(recs.length);
    await tick(page, 'theme', 'mental-health');
    await tick(page, 'theme', 'social-protection');
    const expected = idsWith((r) => has(r.themes, 'mental-health') || has(r.themes, 'social-protection'));
    expect(await visibleIds(page)).toEqual(expected);
    expect(new URL(page.url()).searchParams.getAll('theme').sort()).toEqual(['mental-health', 'social-protection']);
    // The count is in a live region, so screen readers hear it.
    const status = page.locator('[data-facet-count][role="status"]');
    expect(await status.textContent()).toContain(String(expected.length));
    await page.close();
  });

  it('different facets narrow the list (AND), and a shared URL restores the filter', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/?theme=mental-health&theme=social-protection&country=cambodia`);
    const expected = idsWith((r) => (has(r.themes, 'mental-health') || has(r.themes, 'social-protection')) && r.scope === 'cambodia');
    expect(expected.length).toBeGreaterThan(0);
    expect(await visibleIds(page)).toEqual(expected);
    expect(await page.isChecked('input[name="country"][value="cambodia"]')).toBe(true);
    await page.close();
  });

  it('downloads exactly the rows shown as CSV', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/?source=unicef`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-facet-download]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.id).sort()).toEqual(idsWith((r) => r.source === 'unicef'));
    await page.close();
  });

  it('a theme page lists exactly that theme\'s rows without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/theme/mental-health/`);
    const ids = (await page.locator('tr[data-facet-item]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')!))).sort();
    expect(ids).toEqual(idsWith((r) => has(r.themes, 'mental-health')));
    // The filter form needs script, so it stays hidden; the theme links work instead.
    expect(await page.locator('[data-facet-form]').count()).toBe(0);
    await page.click(`nav.theme-nav a[href="/${lang}/recommendations/theme/education/"]`);
    expect(await page.locator('tr[data-facet-item]').count()).toBe(idsWith((r) => has(r.themes, 'education')).length);
    await context.close();
  });

  it('each recommendation has a permalink, and links to the evidence behind it', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/#rec-miccaf-01`);
    const row = page.locator('#rec-miccaf-01');
    expect(await row.locator('a.rec-permalink').getAttribute('href')).toBe(`/${lang}/recommendations/#rec-miccaf-01`);
    const evidence = await row.locator('.rec-evidence a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(evidence.length).toBeGreaterThan(0);
    for (const href of evidence) {
      const response = await page.request.get(site.server.url + href);
      expect(response.status(), href!).toBe(200);
    }
    await context.close();
  });
});

describe.each(['en', 'km'])('the recommendations finder in %s', (lang) => {
  // What a row shows (its text, details and who should act); editors' notes (note_en) are not shown, so not searched.
  const rowsWith = (r: Record<string, string>, word: RegExp) =>
    word.test(Object.entries(r).filter(([k]) => (k.endsWith(`_${lang}`) || k === 'text_en') && !k.startsWith('note_')).map(([, v]) => v).join(' '));

  it('"all of these" shows only rows with every chosen theme, the URL records it, and a shared URL restores it', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/`);
    await tick(page, 'theme', 'mental-health');
    await tick(page, 'theme', 'children-left-behind');
    await page.check('input[name="theme-match"][value="all"]');
    const expected = idsWith((r) => has(r.themes, 'mental-health') && has(r.themes, 'children-left-behind'));
    const union = idsWith((r) => has(r.themes, 'mental-health') || has(r.themes, 'children-left-behind'));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(union.length);
    expect(await visibleIds(page)).toEqual(expected);
    expect(new URL(page.url()).searchParams.get('theme-match')).toBe('all');
    await page.check('input[name="theme-match"][value="any"]');
    expect(await visibleIds(page)).toEqual(union);
    await page.goto(`${site.server.url}/${lang}/recommendations/?theme=mental-health&theme=children-left-behind&theme-match=all`);
    expect(await visibleIds(page)).toEqual(expected);
    expect(await page.isChecked('input[name="theme-match"][value="all"]')).toBe(true);
    await page.close();
  });

  it('the counts beside the boxes follow the other choices', async () => {
    const page = await site.browser.newPage();
    const countOf = async (facet: string, value: string) => Number((await page.locator(`[data-facet-option-count="${facet} ${value}"]`).textContent())!.replace(/\D/g, ''));
    await page.goto(`${site.server.url}/${lang}/recommendations/`);
    expect(await countOf('theme', 'education')).toBe(idsWith((r) => has(r.themes, 'education')).length);
    await page.check('input[name="country"][value="tajikistan"]');
    const expected = idsWith((r) => has(r.themes, 'education') && r.scope === 'tajikistan').length;
    expect(expected).toBeLessThan(idsWith((r) => has(r.themes, 'education')).length);
    expect(await countOf('theme', 'education')).toBe(expected);
    // The count on a box matches what ticking it shows. Less used themes fold away under "more".
    const box = page.locator('input[name="theme"][value="education"]');
    if (!(await box.isVisible())) await page.locator('fieldset:has(input[value="education"]) [data-facet-more] > summary').click();
    await box.check();
    expect(await visibleIds(page)).toHaveLength(expected);
    await page.close();
  });

  it('the keyword box filters as one types, together with the boxes, and the URL keeps the words', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/`);
    const word = lang === 'en' ? 'psychosocial' : 'សុខភាពផ្លូវចិត្ត';
    const pattern = new RegExp(word, 'i');
    await page.fill('[data-finder-keyword]', word);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('q'));
    await page.waitForFunction((total) => document.querySelectorAll('tr[data-facet-item]:not([hidden])').length < total, recs.length);
    const shown = await visibleIds(page);
    expect(shown.length).toBeGreaterThan(0);
    // Every row shown uses the words (in its text, details or who should act), and the rows of this language that use them are all shown.
    const texts = await page.locator('tr[data-facet-item]:visible').evaluateAll((rows) => rows.map((r) => r.textContent!));
    for (const text of texts) expect(text).toMatch(pattern);
    const ownLanguage = recs.filter((r) => rowsWith(r, pattern) && (lang === 'en' || r.text_km));
    for (const r of ownLanguage) expect(shown).toContain(r.id);
    // The keyword and a box narrow together.
    await page.check('input[name="country"][value="cambodia"]');
    expect(await visibleIds(page)).toEqual(shown.filter((id) => recs.find((r) => r.id === id)!.scope === 'cambodia'));
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
    await page.close();
  });

  it('a keyword of punctuation or 500 characters is handled, and unknown filters in the URL show everything with a notice', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/?theme=no-such-theme`);
    expect(await visibleIds(page)).toHaveLength(recs.length);
    const notice = page.locator('[data-facet-unknown]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('theme=no-such-theme');
    await page.fill('[data-finder-keyword]', '!!! ??? ...');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '!!! ??? ...');
    expect(await visibleIds(page)).toHaveLength(recs.length);
    await page.goto(`${site.server.url}/${lang}/recommendations/?q=${encodeURIComponent('migration '.repeat(50))}`);
    await page.waitForFunction(() => !!new URL(location.href).searchParams.get('q') && document.querySelector('[data-facet-count]')!.textContent !== '');
    expect(await page.locator('[data-facet-count]').textContent()).toMatch(/\d|[០-៩]/);
    await page.close();
  });

  it('at 1280 × 800 the results sit beside the filters: the first result is on the first screen after a choice', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.server.url}/${lang}/recommendations/`);
    await tick(page, 'theme', 'mental-health');
    const first = page.locator('tr[data-facet-item]:visible').first();
    const box = (await first.boundingBox())!;
    expect(box.y).toBeLessThan(800 - 40);
    const panel = (await page.locator('[data-facet-form]').boundingBox())!;
    expect(box.x).toBeGreaterThan(panel.x + panel.width);
    await page.close();
  });

  it('column headers stay in view on a deep link, and rows hide their detail one tap away', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.server.url}/${lang}/recommendations/#rec-${recs[50].id}`);
    const header = (await page.locator('.rec-table thead th').first().boundingBox())!;
    expect(header.y).toBeGreaterThanOrEqual(-1);
    expect(header.y).toBeLessThan(5);
    const row = page.locator(`#rec-${recs[50].id}`);
    expect(await row.locator('.rec-more__list').isVisible()).toBe(false);
    await row.locator('.rec-more summary').click();
    expect(await row.locator('.rec-more__list').isVisible()).toBe(true);
    // No internal ids in the reading text.
    expect(await page.locator('main').evaluate((m) => (m as HTMLElement).innerText)).not.toMatch(/\b(miccaf|unicef|gfmd|khatlon|family)-[a-z-]*\d{2,}/);
    await page.close();
  });

  it('on a phone the filters sit behind one button that carries the count', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.server.url}/${lang}/recommendations/?country=cambodia`);
    const toggle = page.locator('[data-finder-toggle]');
    expect(await page.locator('[data-facet-form]').isVisible()).toBe(false);
    const shown = idsWith((r) => r.scope === 'cambodia').length;
    expect((await toggle.textContent())!.replace(/\s+/g, ' ')).toMatch(new RegExp(`\\(${shown}\\)`));
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('[data-facet-form]').isVisible()).toBe(true);
    await page.close();
  });
});

describe('practices', () => {
  it('filter by country and tag, in Khmer, with country names from Intl', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/km/practices/?country=moldova`);
    const practices = Papa.parse<Record<string, string>>(readFileSync('data/practices.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
    const expected = practices.filter((p) => p.countries.split(';').includes('moldova')).map((p) => p.id).sort();
    expect(await visibleIds(page)).toEqual(expected);
    expect(await page.locator('label:has(input[value="moldova"])').textContent()).toContain('ម៉ុលដាវី');
    await page.close();
  });

  // Areas and tags are filtered by the concepts of data/practice-topics.csv, whatever spelling the annex prints.
  const practiceRows = Papa.parse<Record<string, string>>(readFileSync('data/practices.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
  const topicRows = Papa.parse<Record<string, string>>(readFileSync('data/practice-topics.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
  const spellingsOf = (kind: string, id: string) => topicRows.find((t) => t.kind === kind && t.id === id)!.printed.split('|').map((s) => s.trim());
  const printedTags = (p: Record<string, string>) => p.tags.split(';').map((s) => s.trim());

  describe.each(['en', 'km'])('in %s', (lang) => {
    it('filtering by a tag shows exactly the practices whose printed tags are any of its spellings', async () => {
      // "Brain drain" and "Brain Drain and Brain Gain" and "Brain drain and brain gain" are one tag.
      const spellings = spellingsOf('tag', 'brain-drain-and-gain');
      expect(spellings.length).toBeGreaterThan(2);
      const expected = practiceRows.filter((p) => printedTags(p).some((t) => spellings.includes(t))).map((p) => p.id).sort();
      const page = await site.browser.newPage();
      await page.goto(`${site.server.url}/${lang}/practices/`);
      const box = page.locator('input[name="tag"][value="brain-drain-and-gain"]');
      if (!(await box.isVisible())) await page.locator('fieldset:has(input[name="tag"]) [data-facet-more] > summary').click();
      await box.check();
      expect(await visibleIds(page)).toEqual(expected);
      expect(new URL(page.url()).searchParams.getAll('tag')).toEqual(['brain-drain-and-gain']);
      // A shared link with the same id restores it, and the area facet works the same way.
      const areaSpellings = spellingsOf('area', 'diaspora');
      const areaExpected = practiceRows.filter((p) => p.thematic_areas.split(/[;,]/).map((s) => s.trim()).some((a) => areaSpellings.includes(a))).map((p) => p.id).sort();
      await page.goto(`${site.server.url}/${lang}/practices/?area=diaspora`);
      expect(await visibleIds(page)).toEqual(areaExpected);
      await page.close();
    });

    it('the tag and area filters offer each concept once, labelled in the page language', async () => {
      const page = await site.browser.newPage();
      await page.goto(`${site.server.url}/${lang}/practices/`);
      for (const kind of ['tag', 'area']) {
        const options = await page.locator(`fieldset:has(input[name="${kind}"]) label:has(input[name="${kind}"])`).evaluateAll((labels) =>
          labels.map((l) => ({ text: l.querySelector('span')!.textContent!.trim(), lang: l.querySelector('span')!.getAttribute('lang') })),
        );
        const folded = options.map((o) => o.text.toLocaleLowerCase());
        expect(new Set(folded).size, kind).toBe(options.length);
        expect(options.length, kind).toBe(new Set(topicRows.filter((t) => t.kind === kind).map((t) => t.id)).size);
        expect(options.every((o) => o.lang === null), kind).toBe(true);
        const labels = topicRows.filter((t) => t.kind === kind).map((t) => t[`label_${lang}`]);
        expect(options.map((o) => o.text).sort()).toEqual(labels.sort());
      }
      await page.close();
    });

    it('shows each link as its domain, with the full address in the href', async () => {
      const page = await site.browser.newPage();
      await page.goto(`${site.server.url}/${lang}/practices/`);
      const links = await page.locator('.practice-links a').evaluateAll((as) => as.map((a) => ({ text: a.textContent!.trim(), href: a.getAttribute('href')! })));
      const all = practiceRows.flatMap((p) => p.links.split(';').map((s) => s.trim()).filter(Boolean));
      expect(links.map((l) => l.href)).toEqual(all);
      for (const link of links) expect(link.text).toBe(new URL(link.href).hostname.replace(/^www\./, ''));
      // Nothing breaks an address character by character any more.
      expect(await page.locator('.practice-links a').first().evaluate((a) => getComputedStyle(a).wordBreak)).not.toBe('break-all');
      await page.close();
    });

    it('Practices is in the main navigation, marked as the current section on its page', async () => {
      const page = await site.browser.newPage();
      await page.goto(`${site.server.url}/${lang}/`);
      const nav = page.locator('nav.site-nav');
      expect(await nav.locator(`a[href$="/${lang}/practices/"]`).count()).toBe(1);
      await page.goto(`${site.server.url}/${lang}/practices/`);
      expect(await nav.locator('a[aria-current="page"]').getAttribute('href')).toMatch(new RegExp(`/${lang}/practices/$`));
      expect(await nav.locator('a[aria-current="page"]').textContent()).toBe(lang === 'en' ? 'Practices' : 'ការអនុវត្ត');
      await page.close();
    });
  });
});
